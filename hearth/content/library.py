"""The content libraries the practices registered (`hearth.core.registry`):
where each file is and how to read its texts, for `content_stats` and the
near-duplicate tests, which read every library together."""

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

from hearth.core import registry


@dataclass(frozen=True)
class Library:
    name: str
    path: str  # under content/
    section: str  # the file's array of tables, each entry with a "key"
    fields: tuple[str, ...] = ("text",)  # joined into the entry's text
    # Count the entries per value of this field (the ladder's steps).
    group_by: str = ""

    def file(self) -> Path:
        return Path(settings.BASE_DIR) / "content" / self.path

    def entries(self) -> list[dict[str, Any]]:
        """The library's entries, or none if its file is not there yet."""
        if not self.file().exists():
            return []
        with self.file().open("rb") as f:
            entries: list[dict[str, Any]] = tomllib.load(f).get(self.section, [])
        return entries

    def read(self) -> dict[str, str]:
        """key -> text."""
        return {e["key"]: ". ".join(e[f] for f in self.fields) for e in self.entries()}

    def groups(self) -> dict[str, int]:
        """Entries per group, e.g. {"step_1": 60, …}; empty without group_by."""
        if not self.group_by:
            return {}
        counts: dict[str, int] = {}
        for entry in self.entries():
            group = f"{self.group_by}_{entry[self.group_by]}"
            counts[group] = counts.get(group, 0) + 1
        return dict(sorted(counts.items()))


def libraries() -> list[Library]:
    return registry.libraries()


def by_name(name: str) -> Library:
    return next(library for library in libraries() if library.name == name)


def every_text() -> dict[str, str]:
    """Every line of every library, keyed "library:key": a couple meets them all."""
    return {f"{library.name}:{key}": text for library in libraries() for key, text in library.read().items()}
