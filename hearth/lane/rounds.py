"""Memory lane's rounds: one prompt at a time, answered by both and
revealed together (the reveal engine); a shared memory can become one of the
couple's own ideas."""

from django.db import IntegrityError, transaction

from hearth.accounts.models import User
from hearth.couples.models import Couple
from hearth.experiences.models import Idea
from hearth.lane.models import LaneAnswer, LanePrompt, LaneRound
from hearth.lib.problems import Problem
from hearth.reveal import rules


class LaneProblem(Problem): ...


def open_round(couple: Couple) -> LaneRound | None:
    return (
        LaneRound.objects.select_related("prompt", "couple")
        .filter(couple=couple, revealed_at__isnull=True)
        .order_by("-pk")
        .first()
    )


def next_prompt(couple: Couple) -> LaneRound:
    if open_round(couple) is not None:
        raise LaneProblem("Finish the memory you're on first; there's no hurry.")
    last = LaneRound.objects.filter(couple=couple).order_by("-pk").values("prompt__position").first()
    after = last["prompt__position"] if last else -1
    prompts = LanePrompt.objects.filter(retired=False).order_by("position")
    used = LaneRound.objects.filter(couple=couple).values("prompt_id")
    prompt = (
        prompts.filter(position__gt=after).exclude(pk__in=used).first()
        or prompts.exclude(pk__in=used).first()
    )
    if prompt is None:
        raise LaneProblem("You've walked the whole lane together. Lovely.")
    try:
        with transaction.atomic():
            return LaneRound.objects.create(couple=couple, prompt=prompt)
    except IntegrityError:
        raise LaneProblem("Your partner just opened this one. Here it is.") from None


def answer(item: LaneRound, user: User, text: str) -> bool:
    return rules.answer(item, user, LaneAnswer, text=text)


def do_again(item: LaneRound, user: User) -> Idea:
    """Turn a revealed memory into one of the couple's own ideas."""
    seen: rules.RoundView[LaneAnswer] = rules.view_round(item, user)
    if not seen.revealed or seen.mine is None:
        raise LaneProblem("You can turn this into an idea once you have both shared.")
    text = seen.mine.text.strip()
    title = text if len(text) <= 60 else text[:57].rstrip() + "…"
    return Idea.objects.create(couple=item.couple, title=f"Again: {title}", text=text, new_for_us=False)
