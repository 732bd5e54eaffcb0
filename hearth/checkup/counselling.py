"""How to find a couples counsellor: read once from content/support/counselling.toml."""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings


@dataclass(frozen=True)
class Directory:
    name: str
    url: str
    about: str


@dataclass(frozen=True)
class Guide:
    checked: str
    look_for: tuple[str, ...]
    ask: tuple[str, ...]
    directories: dict[str, tuple[Directory, ...]]


@cache
def load() -> Guide:
    with (Path(settings.BASE_DIR) / "content" / "support" / "counselling.toml").open("rb") as f:
        data = tomllib.load(f)
    directories = {
        code: tuple(Directory(**d) for d in entry["directories"]) for code, entry in data["countries"].items()
    }
    for code, found in directories.items():
        for directory in found:
            if not directory.url.startswith("https://"):
                raise ValueError(f"counselling.toml: {code} {directory.name} needs an https address")
    return Guide(str(data["checked"]), tuple(data["look_for"]), tuple(data["ask"]), directories)
