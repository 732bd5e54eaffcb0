"""Bringing a content table in line with its file, by stable key."""

from typing import Any

from django.db import models, transaction


def sync_by_key(
    model: type[models.Model], rows: list[dict[str, Any]], scope: models.QuerySet[Any] | None = None
) -> tuple[int, int]:
    """Add or update each row (a dict with "key" and field values); retire,
    never delete, whatever in `scope` the file no longer has, so people's
    history keeps pointing at it. Returns (rows in the file, rows retired)."""
    with transaction.atomic():
        for row in rows:
            fields = {name: value for name, value in row.items() if name != "key"}
            model._default_manager.update_or_create(key=row["key"], defaults={**fields, "retired": False})
        current = scope if scope is not None else model._default_manager.all()
        retired = current.exclude(key__in=[row["key"] for row in rows]).update(retired=True)
    return len(rows), retired
