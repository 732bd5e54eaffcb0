"""A past apology and its answer, for the demo couple."""

from datetime import timedelta

from django.utils import timezone

from hearth.accounts.models import User
from hearth.couples.models import Couple
from hearth.repair.models import Apology


def seed(couple: Couple, first: User, second: User) -> None:
    if Apology.objects.filter(couple=couple).exists():
        return
    when = timezone.now() - timedelta(days=11)
    Apology.objects.create(
        couple=couple,
        author=second,
        recipient=first,
        what_happened="I forgot your work dinner and made plans over it.",
        responsibility="I didn't write it down, and then I brushed it off when you reminded me.",
        impact="It probably felt like your things matter less to me than mine. They don't.",
        different="I've put our shared dates in one calendar, and I'll check it on Sundays.",
        ask="Is there anything that would make this evening easier for you?",
        created_at=when,
        sent_at=when,
        response="Thank you for saying it so plainly. A quiet evening in would be lovely.",
    )
