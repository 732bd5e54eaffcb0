"""The idea library, loaded by `load_content`."""

import tomllib
from pathlib import Path
from typing import Any

from django.conf import settings

from hearth.content.i18n import check_translations
from hearth.content.sync import sync_by_key
from hearth.experiences.models import Idea

TAGS = {
    "cost": set(Idea.Cost.values),
    "time": set(Idea.Time.values),
    "place": set(Idea.Place.values),
    "energy": set(Idea.Energy.values),
    "season": set(Idea.Season.values),
}


def _read(name: str) -> dict[str, Any]:
    with (Path(settings.BASE_DIR) / "content" / "experiences" / name).open("rb") as f:
        return tomllib.load(f)


def load_ideas() -> tuple[int, int]:
    rows = []
    for position, e in enumerate(_read("ideas.toml")["ideas"]):
        for tag, allowed in TAGS.items():
            if e[tag] not in allowed:
                raise ValueError(f"ideas.toml: {e['key']} has an unknown {tag} {e[tag]!r}")
        translations = e.get("translations") or {}
        rows.append(
            {
                "key": e["key"],
                "couple": None,
                "title": e["title"],
                "text": e["text"],
                "translations": {
                    "title": check_translations(e["key"], translations.get("title")),
                    "text": check_translations(e["key"], translations.get("text")),
                },
                **{tag: e[tag] for tag in TAGS},
                "phones_off": bool(e.get("phones_off")),
                "new_for_us": bool(e.get("new_for_us")),
                "position": position,
            }
        )
    # A couple's own ideas are not in the file and are never retired by it.
    return sync_by_key(Idea, rows, scope=Idea.objects.filter(couple__isnull=True))
