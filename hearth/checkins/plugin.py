"""What the weekly check-in adds to the core (see `hearth.core.registry`)."""

from django.urls import reverse

from hearth.accounts.models import User
from hearth.checkins import demo, reminders, scheduling
from hearth.content.library import Library
from hearth.core import registry
from hearth.core.registry import Demo, HomeTile, RowJob, Waiting
from hearth.couples.models import Couple


def _time_to_agree(user: User, couple: Couple) -> list[tuple[str, str]]:
    """A time the partner suggested, waiting for this person's yes."""
    if not scheduling.awaits_yes_from(scheduling.schedule_to_show(couple), user):
        return []
    return [("{partner} suggested a time for your weekly check-in", reverse("checkin_schedule"))]


def register() -> None:
    for kind in reminders.EMAIL_KINDS:
        registry.add_email_kind(kind)
    registry.add_row_job(RowJob("open_due_checkins", reminders.open_due_checkins, order=10))
    registry.add_row_job(RowJob("send_due_reminders", reminders.send_due_reminders, order=20))
    registry.add_row_job(RowJob("send_due_nudges", reminders.send_due_nudges, order=30))
    registry.add_library(Library("checkin_prompts", "checkins/checkin.toml", "rotating"))
    registry.add_waiting(Waiting("time_to_agree", _time_to_agree, order=10))
    registry.add_demo(Demo("checkins", demo.seed, order=10))
    registry.add_home_tile(
        HomeTile("checkin_this_week", "This week's check-in", "How are we really doing?", 10)
    )
    registry.add_home_tile(
        HomeTile("checkin_schedule", "Our weekly time", "Choose a moment that suits you both", 120)
    )
    registry.add_home_tile(HomeTile("checkin_history", "Past check-ins", "Look back together", 130))
