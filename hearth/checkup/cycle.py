"""When check-ups happen: a couple's latest one, and when the next opens."""

from datetime import datetime, timedelta

from hearth.checkup.models import Checkup
from hearth.couples.models import Couple

# A check-up is offered again this long after the last one was revealed.
RETAKE_AFTER = timedelta(weeks=4)


def latest(couple: Couple) -> Checkup | None:
    return (
        Checkup.objects.select_related("couple").filter(couple=couple).order_by("-opened_at", "-pk").first()
    )


def latest_revealed(couple: Couple) -> Checkup | None:
    """The couple's latest revealed check-up (a summary is made from it)."""
    return (
        Checkup.objects.select_related("couple")
        .filter(couple=couple, revealed_at__isnull=False)
        .order_by("-opened_at", "-pk")
        .first()
    )


def next_opens(item: Checkup) -> datetime | None:
    """When a check-up after `item` may start; None while `item` is in progress."""
    return item.revealed_at + RETAKE_AFTER if item.revealed_at is not None else None
