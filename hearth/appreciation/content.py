"""Appreciation content: note starters (read from their file) and the gesture
library (loaded into the database by `load_content`)."""

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings

from hearth.appreciation.models import Gesture
from hearth.content.i18n import check_translations, pick
from hearth.content.sync import sync_by_key

KINDS = set(Gesture.Kind.values)
EFFORTS = set(Gesture.Effort.values)


def folder() -> Path:
    return Path(settings.BASE_DIR) / "content" / "appreciation"


@cache
def _starters() -> tuple[tuple[str, dict[str, str]], ...]:
    with (folder() / "starters.toml").open("rb") as f:
        entries = tomllib.load(f)["starters"]
    return tuple((s["text"], check_translations(s["key"], s.get("translations"))) for s in entries)


def starters() -> list[str]:
    """The note starters, in the reader's language where translated."""
    return [pick(text, translations) for text, translations in _starters()]


def read_gestures() -> list[dict[str, Any]]:
    with (folder() / "gestures.toml").open("rb") as f:
        entries: list[dict[str, Any]] = tomllib.load(f)["gestures"]
    keys = [e["key"] for e in entries]
    if len(keys) != len(set(keys)):
        raise ValueError("gestures.toml: a key is used twice")
    for entry in entries:
        if entry["kind"] not in KINDS or entry["effort"] not in EFFORTS:
            raise ValueError(f"gestures.toml: {entry['key']} has an unknown kind or effort")
        entry["translations"] = check_translations(entry["key"], entry.get("translations"))
    return entries


def load_gestures() -> tuple[int, int]:
    """Bring the gesture table in line with the file. Returns (loaded, retired)."""
    fields = ("key", "kind", "effort", "text", "translations")
    return sync_by_key(Gesture, [{f: entry[f] for f in fields} for entry in read_gestures()])
