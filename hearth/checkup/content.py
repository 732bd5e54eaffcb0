"""The check-up's items, areas and "what's weighing on us" statements, read
once per process from content/checkup/items.toml."""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings


@dataclass(frozen=True)
class Item:
    key: str
    area: str
    text: str
    reverse: bool


@dataclass(frozen=True)
class Area:
    key: str
    name: str
    practice: str


@dataclass(frozen=True)
class CheckupContent:
    areas: tuple[Area, ...]
    items: tuple[Item, ...]
    weighing: tuple[tuple[str, str], ...]

    def items_in(self, area: str) -> list[Item]:
        return [i for i in self.items if i.area == area]


@cache
def load() -> CheckupContent:
    with (Path(settings.BASE_DIR) / "content" / "checkup" / "items.toml").open("rb") as f:
        data = tomllib.load(f)
    areas = tuple(Area(a["key"], a["name"], a["practice"]) for a in data["areas"])
    known = {a.key for a in areas}
    items = tuple(Item(i["key"], i["area"], i["text"], bool(i.get("reverse"))) for i in data["items"])
    for item in items:
        if item.area not in known:
            raise ValueError(f"checkup items: {item.key} is in an unknown area")
    weighing = tuple((w["key"], w["text"]) for w in data["weighing"])
    return CheckupContent(areas, items, weighing)
