"""The vulnerability ladder: four steps, climbed only when both choose to.

Each person keeps their own wish (how far they are willing to go); the
couple stands on the lower of the two, so either can step back alone, and
no reason is ever asked for or shown.
"""

from django.db import IntegrityError, transaction
from django.db.models import Min

from hearth.accounts.models import User
from hearth.couples.models import Couple
from hearth.lib.problems import Problem
from hearth.questions.models import LadderAnswer, LadderRound, LadderWish, Question
from hearth.reveal import rules
from hearth.safety import screening

TOP = 4


class LadderProblem(Problem): ...


def step_of(couple: Couple) -> int:
    """The step the couple stands on: 0 until both have chosen step 1."""
    wishes = LadderWish.objects.filter(couple=couple)
    if wishes.count() < 2:
        return 0
    return int(wishes.aggregate(step=Min("step"))["step"] or 0)


def wish_of(couple: Couple, user: User) -> int:
    found = LadderWish.objects.filter(couple=couple, user=user).first()
    return found.step if found else 0


def partner_ready_for(couple: Couple, user: User) -> int | None:
    """The next step, if the partner has already chosen it and this person
    hasn't: an invitation, never a nudge."""
    current = step_of(couple)
    mine = wish_of(couple, user)
    theirs = (
        LadderWish.objects.filter(couple=couple).exclude(user=user).values_list("step", flat=True).first()
    )
    if theirs is not None and theirs > current and mine <= current:
        return current + 1
    return None


def choose(couple: Couple, user: User, step: int) -> int:
    """Set how far this person is willing to go: one step up at a time, any
    way down. Returns the couple's step afterwards."""
    current = step_of(couple)
    if not 0 <= step <= TOP or step > current + 1:
        raise LadderProblem("One step at a time: you can only go up to the next step.")
    LadderWish.objects.update_or_create(couple=couple, user=user, defaults={"step": step})
    return step_of(couple)


def open_round(couple: Couple) -> LadderRound | None:
    """The couple's prompt in progress at their step, if any."""
    step = step_of(couple)
    if step == 0:
        return None
    return (
        LadderRound.objects.select_related("question", "couple")
        .filter(couple=couple, step=step, revealed_at__isnull=True)
        .order_by("-pk")
        .first()
    )


def next_prompt(couple: Couple) -> LadderRound:
    """Open the next prompt at the couple's step: the one after the last
    they had, in one indexed lookup; from the start again when all are used."""
    step = step_of(couple)
    if step == 0:
        raise LadderProblem("The ladder starts when you have both chosen step 1.")
    if open_round(couple) is not None:
        raise LadderProblem("Finish the prompt you're on first; there's no hurry.")
    prompts = Question.objects.filter(kind=Question.Kind.LADDER, step=step, retired=False).order_by(
        "position"
    )
    last = (
        LadderRound.objects.filter(couple=couple, step=step)
        .order_by("-pk")
        .values("question__position")
        .first()
    )
    after = last["question__position"] if last else -1
    used = LadderRound.objects.filter(couple=couple, step=step).values("question_id")
    question = (
        prompts.filter(position__gt=after).exclude(pk__in=used).first()
        or prompts.exclude(pk__in=used).first()
    )
    if question is None:
        raise LadderProblem(
            "You've shared every prompt on this step. Lovely. Try the next step when you're both ready."
        )
    try:
        with transaction.atomic():
            return LadderRound.objects.create(couple=couple, question=question, step=step)
    except IntegrityError:
        raise LadderProblem("Your partner just opened this prompt. Here it is.") from None


def answer(item: LadderRound, user: User, text: str) -> bool:
    return rules.answer(item, user, LadderAnswer, text=text)


def acknowledge(item: LadderRound, user: User, words: str) -> None:
    seen: rules.RoundView[LadderAnswer] = rules.view_round(item, user)
    if seen.theirs is None:
        raise LadderProblem("You can answer their words once you have both shared.")
    seen.theirs.acknowledgement = words
    seen.theirs.save(update_fields=["acknowledgement"])
    screening.screen_sent(user.pk, words)
