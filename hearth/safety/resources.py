"""Crisis and domestic-abuse lines, read from content/help/crisis_resources.toml.

The file is read once per process. It is checked as it is read: a country
without both a crisis line and an abuse line is an error, never a gap shown to
someone in a hard moment.
"""

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django_countries import countries

KINDS = ("crisis", "abuse", "change")
# Every country needs these two; a "change" line (for someone worried about how
# they treat a partner) is listed only where such a service exists.
REQUIRED = ("crisis", "abuse")


@dataclass(frozen=True)
class Line:
    kind: str
    name: str
    phone: str = ""
    text: str = ""
    hours: str = ""
    url: str = ""
    note: str = ""

    @property
    def tel(self) -> str:
        """The number as a tel: link wants it, without spaces or dashes."""
        return "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")


@dataclass(frozen=True)
class CountryHelp:
    code: str
    name: str
    emergency: str
    lines: tuple[Line, ...]

    def of_kind(self, kind: str) -> list[Line]:
        return [line for line in self.lines if line.kind == kind]

    @property
    def change_lines(self) -> list[Line]:
        return self.of_kind("change")


@dataclass(frozen=True)
class Directory:
    name: str
    url: str
    about: str


@dataclass(frozen=True)
class Resources:
    checked: str
    directory: Directory
    countries: dict[str, CountryHelp]


def resources_path() -> Path:
    return Path(settings.BASE_DIR) / "content" / "help" / "crisis_resources.toml"


def parse(data: Mapping[str, Any]) -> Resources:
    by_code: dict[str, CountryHelp] = {}
    for code, entry in data["countries"].items():
        if code not in countries:
            raise ValueError(f"{code} is not an ISO 3166 country code")
        lines = tuple(Line(**line) for line in entry["lines"])
        for line in lines:
            if line.kind not in KINDS:
                raise ValueError(f"{code}: unknown kind {line.kind!r}")
            if not (line.phone or line.text or line.url):
                raise ValueError(f"{code}: {line.name} has no way to reach it")
        for kind in REQUIRED:
            if not any(line.kind == kind for line in lines):
                raise ValueError(f"{code} needs at least one {kind} line")
        by_code[code] = CountryHelp(code, countries.name(code), entry["emergency"], lines)
    return Resources(str(data["checked"]), Directory(**data["directory"]), by_code)


@cache
def load() -> Resources:
    with resources_path().open("rb") as f:
        return parse(tomllib.load(f))


def for_country(code: str) -> CountryHelp | None:
    return load().countries.get(code.upper())
