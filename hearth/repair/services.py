"""Apologies and letting go: one plain function per rule."""

import re
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from hearth.accounts.models import User
from hearth.checkins import services as checkins
from hearth.checkins.models import CheckIn
from hearth.couples.access import active_couple, partner_in
from hearth.couples.models import Couple
from hearth.lib.problems import Problem
from hearth.repair.models import Apology, LettingGo
from hearth.safety import screening

BUT = re.compile(r"\bbut\b", re.IGNORECASE)


class RepairProblem(Problem): ...


NO_PARTNER = "An apology goes to your partner in your couple space, and there isn't one open now."


def has_but(text: str) -> bool:
    return BUT.search(text) is not None


def send_apology(author: User, steps: dict[str, str]) -> Apology:
    couple = active_couple(author)
    partner = partner_in(couple, author) if couple else None
    if couple is None or partner is None:
        raise RepairProblem(NO_PARTNER)
    apology = Apology.objects.create(
        couple=couple, author=author, recipient=partner, sent_at=timezone.now(), **steps
    )
    screening.screen_sent(author.pk, *steps.values())
    return apology


def apologies_for(user: User) -> list[Apology]:
    """Apologies the current partner sent to `user`: a partner who left takes
    their words with them."""
    couple = active_couple(user)
    if couple is None:
        return []
    return list(Apology.objects.filter(couple=couple, recipient=user).order_by("-sent_at", "-pk"))


def unanswered(user: User, couple: Couple, limit: int) -> list[Apology]:
    """The newest apologies sent to `user` in `couple` that they have not
    answered, nor asked for a little time on (then Hearth leaves them be)."""
    return list(
        Apology.objects.filter(
            couple=couple, recipient=user, sent_at__isnull=False, response="", needs_time=False
        ).order_by("-sent_at")[:limit]
    )


def respond(apology: Apology, user: User, text: str, needs_time: bool) -> None:
    if apology.recipient_id != user.pk:
        raise RepairProblem("Only the person it was written to can answer it.")
    if apology.response:
        raise RepairProblem("You have already answered. Your words are with them.")
    apology.response = text
    apology.needs_time = needs_time
    apology.save(update_fields=["response", "needs_time"])
    screening.screen_sent(user.pk, text)


def decide(item: LettingGo, outcome: str) -> LettingGo:
    """Let it go (archived, private for good), or bring it to the next check-in."""
    if item.outcome != LettingGo.Outcome.OPEN:
        raise RepairProblem("You've already decided about this one.")
    if outcome == LettingGo.Outcome.LET_GO:
        item.outcome = outcome
        item.save(update_fields=["outcome"])
        return item
    couple = active_couple(item.author)
    if couple is None:
        raise RepairProblem("There's no couple space open to bring this to. It stays here, with you.")
    with transaction.atomic():
        item.checkin = next_checkin(couple, item.author)
        item.couple = couple
        item.outcome = LettingGo.Outcome.TOPIC
        item.save(update_fields=["checkin", "couple", "outcome"])
    return item


def next_checkin(couple: Couple, user: User) -> CheckIn:
    """This week's check-in if it hasn't been revealed yet, else next week's."""
    current = checkins.current_checkin(couple, user)
    if current is not None and current.revealed_at is None:
        return current
    this_week = checkins.week_of(timezone.now(), checkins.couple_zone(couple, user))
    week = this_week if current is None else current.week_of + timedelta(weeks=1)
    return checkins.open_checkin(couple, week)
