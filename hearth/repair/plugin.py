"""What repair adds to the core (see `hearth.core.registry`)."""

from django.urls import reverse

from hearth.accounts.models import User
from hearth.core import registry
from hearth.core.registry import Demo, HomeTile, Waiting
from hearth.couples.models import Couple
from hearth.repair import demo, services

SHOWN = 3


def _apologies_to_answer(user: User, couple: Couple) -> list[tuple[str, str]]:
    return [
        ("{partner} wrote you an apology", reverse("repair_apology", args=[a.pk]))
        for a in services.unanswered(user, couple, SHOWN)
    ]


def register() -> None:
    registry.add_waiting(Waiting("apologies_to_answer", _apologies_to_answer, order=30))
    registry.add_demo(Demo("repair", demo.seed, order=30))
    registry.add_home_tile(HomeTile("repair", "Mending things", "Say sorry well, or let something go", 100))
