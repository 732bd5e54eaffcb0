"""Two check-ups for the demo couple, five weeks apart, with a trend and a plan."""

from datetime import timedelta

from django.utils import timezone

from hearth.accounts.models import User
from hearth.checkup import content
from hearth.checkup.models import Checkup, CheckupAnswer
from hearth.couples.models import Couple
from hearth.reveal import rules


def _answers(base: int, low_areas: set[str]) -> dict[str, int]:
    scores = {}
    for item in content.load().items:
        value = 2 if item.area in low_areas else base
        scores[item.key] = 6 - value if item.reverse else value
    return scores


def seed(couple: Couple, first: User, second: User) -> None:
    if Checkup.objects.filter(couple=couple).exists():
        return
    now = timezone.now()
    rounds = [
        (now - timedelta(weeks=5), _answers(3, {"affection", "together"}), _answers(3, {"conversation"})),
        (now - timedelta(days=3), _answers(4, {"together"}), _answers(4, set())),
    ]
    for opened, mine, theirs in rounds:
        item = Checkup.objects.create(couple=couple, opened_at=opened)
        for person, scores in ((first, mine), (second, theirs)):
            rules.answer(item, person, CheckupAnswer, scores=scores, wants_to_work=True)
        Checkup.objects.filter(pk=item.pk).update(revealed_at=opened + timedelta(days=1))
