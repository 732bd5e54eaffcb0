"""Where the practices plug into the core.

The core (accounts, couples, reveal, worker, content, lib, front, safety)
never imports a practice (checkins, calendars, appreciation, repair,
questions, experiences, checkup, coaching). Each practice says what it adds,
once, from its `AppConfig.ready()` (conventionally in its `plugin.py`), and
the core asks this module:

- e-mail kinds: the worker's outbox renders and sends them;
- jobs: row jobs run on every worker pass, periodic jobs when due;
- content: libraries (`hearth.content.library.Library`: files the
  near-duplicate check reads together) and loaders (`manage.py load_content`);
- demo data: `manage.py seed_demo`;
- the home page: what is waiting for the person, tiles, and panels with a
  template of their own.

Django calls `ready()` once per process, before any request, job or test.
Registering the same thing twice is harmless; registering another thing
under a name already taken is a mistake and raises.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hearth.accounts.models import User
    from hearth.content.library import Library
    from hearth.couples.models import Couple


@dataclass(frozen=True)
class EmailKind:
    """One kind of e-mail: `OutgoingEmail.kind` holds its name."""

    name: str
    # `<template>_subject.txt`, `<template>.txt` and `<template>.html`.
    template: str
    # The recipient's one-click link that turns this kind off, as an absolute URL.
    off_url: Callable[[int], str]
    # The rest of the template context: absolute URLs, never anything written.
    links: Callable[[], dict[str, str]]
    # Asked just before sending; False drops the e-mail.
    wanted: "Callable[[User], bool] | None" = None


@dataclass(frozen=True)
class RowJob:
    """Run on every worker pass; claims its own due rows; returns how many."""

    name: str
    run: Callable[[datetime], int]
    # Lower runs first (opening a check-in before reminding of it).
    order: int = 100


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    every: timedelta
    run: Callable[[datetime], int]


@dataclass(frozen=True)
class Loader:
    """Loads one content file into the database: (loaded, retired)."""

    name: str
    load: Callable[[], tuple[int, int]]


@dataclass(frozen=True)
class Demo:
    """Gives the demo couple something on the practice's pages."""

    name: str
    seed: "Callable[[Couple, User, User], None]"
    order: int = 100


@dataclass(frozen=True)
class HomeTile:
    """A way in from the couple's home page. `about` may name the partner
    as "{partner}"."""

    url_name: str
    title: str
    about: str
    order: int = 100


@dataclass(frozen=True)
class HomePanel:
    """A part of the couple's home page: its template, and the context it
    needs, or None when there is nothing to show today."""

    name: str
    template: str
    context: "Callable[[User, Couple, date], dict[str, Any] | None]"
    order: int = 100


@dataclass(frozen=True)
class Waiting:
    """Things addressed to the person and waiting on them, for home's
    "Waiting for you": (words, url) each. Never whether or when the partner
    did something; the words may name the partner as "{partner}"."""

    name: str
    find: "Callable[[User, Couple], list[tuple[str, str]]]"
    order: int = 100


class _Named[T]:
    def __init__(self, what: str) -> None:
        self.what = what
        self.items: dict[str, T] = {}

    def add(self, name: str, item: T) -> None:
        if name in self.items and self.items[name] != item:
            raise ValueError(f"The {self.what} {name!r} is already registered as something else.")
        self.items[name] = item


_email_kinds = _Named[EmailKind]("e-mail kind")
_row_jobs = _Named[RowJob]("row job")
_periodic_jobs = _Named[PeriodicJob]("periodic job")
_libraries = _Named["Library"]("content library")
_loaders = _Named[Loader]("content loader")
_demos = _Named[Demo]("demo")
_tiles = _Named[HomeTile]("home tile")
_panels = _Named[HomePanel]("home panel")
_waiting = _Named[Waiting]("waiting item")


def add_email_kind(kind: EmailKind) -> None:
    _email_kinds.add(kind.name, kind)


def add_row_job(job: RowJob) -> None:
    _row_jobs.add(job.name, job)


def add_periodic_job(job: PeriodicJob) -> None:
    _periodic_jobs.add(job.name, job)


def add_library(library: "Library") -> None:
    _libraries.add(library.name, library)


def add_loader(loader: Loader) -> None:
    _loaders.add(loader.name, loader)


def add_demo(demo: Demo) -> None:
    _demos.add(demo.name, demo)


def add_home_tile(tile: HomeTile) -> None:
    _tiles.add(tile.url_name, tile)


def add_home_panel(panel: HomePanel) -> None:
    _panels.add(panel.name, panel)


def add_waiting(waiting: Waiting) -> None:
    _waiting.add(waiting.name, waiting)


def email_kinds() -> dict[str, EmailKind]:
    return dict(_email_kinds.items)


def row_jobs() -> list[RowJob]:
    return sorted(_row_jobs.items.values(), key=lambda job: job.order)


def periodic_jobs() -> list[PeriodicJob]:
    return list(_periodic_jobs.items.values())


def libraries() -> list["Library"]:
    return list(_libraries.items.values())


def loaders() -> list[Loader]:
    return list(_loaders.items.values())


def demos() -> list[Demo]:
    return sorted(_demos.items.values(), key=lambda demo: demo.order)


def home_tiles() -> list[HomeTile]:
    return sorted(_tiles.items.values(), key=lambda tile: tile.order)


def home_panels() -> list[HomePanel]:
    return sorted(_panels.items.values(), key=lambda panel: panel.order)


def waiting() -> list[Waiting]:
    return sorted(_waiting.items.values(), key=lambda item: item.order)
