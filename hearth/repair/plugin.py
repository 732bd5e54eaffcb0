"""What repair adds to the core (see `hearth.core.registry`)."""

from django.urls import reverse

from hearth.accounts.models import User
from hearth.core import registry
from hearth.core.registry import Demo, HomeTile, Waiting
from hearth.couples.models import Couple
from hearth.repair import demo
from hearth.repair.models import Apology

SHOWN = 3


def _apologies_to_answer(user: User, couple: Couple) -> list[tuple[str, str]]:
    """Apologies sent to this person that they have not answered, nor asked
    for a little time on (then Hearth leaves them be)."""
    waiting = Apology.objects.filter(
        couple=couple, recipient=user, sent_at__isnull=False, response="", needs_time=False
    ).order_by("-sent_at")[:SHOWN]
    return [("{partner} wrote you an apology", reverse("repair_apology", args=[a.pk])) for a in waiting]


def register() -> None:
    registry.add_waiting(Waiting("apologies_to_answer", _apologies_to_answer, order=30))
    registry.add_demo(Demo("repair", demo.seed, order=30))
    registry.add_home_tile(HomeTile("repair", "Mending things", "Say sorry well, or let something go", 100))
