"""What appreciation adds to the core (see `hearth.core.registry`)."""

from datetime import date
from typing import Any

from hearth.accounts.models import User
from hearth.appreciation import content, demo, notes, notifications
from hearth.content.library import Library
from hearth.core import registry
from hearth.core.registry import Demo, HomePanel, HomeTile, Loader, RowJob
from hearth.couples.models import Couple


def _from_the_jar(user: User, couple: Couple, today: date) -> dict[str, Any] | None:
    note = notes.from_the_jar(user, couple, today)
    return {"from_the_jar": note} if note else None


def register() -> None:
    for kind in notifications.EMAIL_KINDS:
        registry.add_email_kind(kind)
    registry.add_row_job(RowJob("send_due_notice_nudges", notifications.send_due_notice_nudges, order=40))
    registry.add_library(Library("gestures", "appreciation/gestures.toml", "gestures"))
    registry.add_loader(Loader("gestures", content.load_gestures))
    registry.add_demo(Demo("appreciation", demo.seed, order=20))
    registry.add_home_panel(HomePanel("from_the_jar", "appreciation/home_from_the_jar.html", _from_the_jar))
    registry.add_home_tile(
        HomeTile("appreciation_today", "Today", "A small gesture, and a moment to think", 40)
    )
    registry.add_home_tile(
        HomeTile("appreciation_write", "Write a note", "Tell {partner} what you noticed", 50)
    )
    registry.add_home_tile(HomeTile("appreciation_jar", "Your jar", "What {partner} noticed about you", 60))
