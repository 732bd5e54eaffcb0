"""The daily question: one a day, the same for both, in the couple's own
timezone; revealed through the reveal rule when both have answered."""

import random
from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from hearth.accounts.models import User
from hearth.checkins.services import couple_zone
from hearth.couples.models import Couple
from hearth.lib.problems import Problem
from hearth.questions.models import CoupleQuestions, DailyAnswer, DailyRound, Question
from hearth.reveal import rules
from hearth.safety import screening

NOT_YET = "This day hasn't come yet. Today's question is waiting for you."
PASSED = "That day has passed, so its question is closed. Today's is waiting for you."


class DailyProblem(Problem): ...


def today(couple: Couple, user: User, now: datetime | None = None) -> date:
    return (now or timezone.now()).astimezone(couple_zone(couple, user)).date()


def prefs(couple: Couple) -> CoupleQuestions:
    existing = CoupleQuestions.objects.filter(couple=couple).first()
    if existing is not None:
        return existing
    # A new couple starts its walk through the pool at a random place.
    pool = Question.objects.filter(kind=Question.Kind.DAILY, retired=False).count() or 1
    start = random.randrange(pool)
    found, _ = CoupleQuestions.objects.get_or_create(
        couple=couple, defaults={"daily_start": start, "daily_next": start}
    )
    return found


def set_enabled(couple: Couple, enabled: bool) -> None:
    cq = prefs(couple)
    cq.daily_enabled = enabled
    cq.save(update_fields=["daily_enabled"])


def round_for(couple: Couple, day: date) -> DailyRound | None:
    """The couple's question for `day`, chosen now if need be: the next one
    they haven't had, in one indexed lookup. None if the pool is empty."""
    existing = DailyRound.objects.select_related("question", "couple").filter(couple=couple, day=day).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            cq = CoupleQuestions.objects.select_for_update().get(pk=prefs(couple).pk)
            pool = Question.objects.filter(kind=Question.Kind.DAILY, retired=False)
            question = pool.filter(position__gte=cq.daily_next).order_by("position").first()
            if question is None:  # past the end: carry on from the beginning
                question = pool.order_by("position").first()
            if question is None:
                return None
            cq.daily_next = question.position + 1
            cq.daily_served += 1
            cq.save(update_fields=["daily_next", "daily_served"])
            created = DailyRound.objects.create(couple=couple, day=day, question=question)
            return DailyRound.objects.select_related("question", "couple").get(pk=created.pk)
    except IntegrityError:
        return DailyRound.objects.select_related("question", "couple").get(couple=couple, day=day)


def _check_today(item: DailyRound, user: User) -> None:
    current = today(item.couple, user)
    if item.day > current:
        raise DailyProblem(NOT_YET)
    if item.day < current:
        raise DailyProblem(PASSED)


def answer(item: DailyRound, user: User, text: str) -> bool:
    """Send today's answer. True when both have now answered."""
    _check_today(item, user)
    return rules.answer(item, user, DailyAnswer, text=text, skipped=False)


def skip(item: DailyRound, user: User) -> None:
    """Pass on today's question. Nothing is revealed for a day either skips;
    answering later the same day is still possible."""
    _check_today(item, user)
    rules.save_draft(item, user, DailyAnswer, text="", skipped=True)


def acknowledge(item: DailyRound, user: User, words: str) -> None:
    seen: rules.RoundView[DailyAnswer] = rules.view_round(item, user)
    if seen.theirs is None:
        raise DailyProblem("You can answer their words once you have both shared.")
    seen.theirs.acknowledgement = words
    seen.theirs.save(update_fields=["acknowledgement"])
    screening.screen_sent(user.pk, words)
