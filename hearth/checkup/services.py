"""Taking the check-up, and what the couple sees once both have."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from hearth.accounts.models import User
from hearth.checkins import trend
from hearth.checkup import content, decide, notifications
from hearth.checkup.cycle import latest, next_opens
from hearth.checkup.models import Checkup, CheckupAnswer
from hearth.couples.models import Couple
from hearth.lib.problems import Problem
from hearth.reveal import rules
from hearth.safety import signals

# Where each area's first steps are in Hearth: (URL name, words).
PRACTICES = {
    "checkin": ("checkin_this_week", "Keep a weekly check-in, and talk about how you really are."),
    "gestures": ("appreciation_today", "Try the small gesture of the day: a longer hug counts."),
    "appreciation": ("appreciation_write", "Write each other a note about something you noticed."),
    "repair": ("repair", "Use the guided apology, or let something go."),
    "checkin_prompts": ("checkin_this_week", "Use the check-in's prompts to say what you'd love."),
    "experiences": ("ideas", "Pick an idea you'd both love, outside your usual routine."),
    "ladder": ("ladder", "Start the ladder at step 1: small admissions."),
}


class CheckupProblem(Problem): ...


def start(couple: Couple) -> Checkup:
    """The check-up in progress, or a new one once four weeks have passed."""
    last = latest(couple)
    if last is not None and last.revealed_at is None:
        return last
    opens_at = next_opens(last) if last is not None else None
    if opens_at is not None and timezone.now() < opens_at:
        opens = timezone.localdate(opens_at)
        raise CheckupProblem(
            f"The next check-up opens on {opens:%-d %B}. Four weeks gives things time to move."
        )
    return Checkup.objects.create(couple=couple)


def save(
    item: Checkup, user: User, scores: dict[str, int], weighing: list[str], afraid: bool, send: bool
) -> None:
    with transaction.atomic():
        answer = rules.save_draft(item, user, CheckupAnswer, scores=scores, weighing=weighing, afraid=afraid)
        # Revealing it starts the four weeks to the next; whoever asked is e-mailed then.
        if send and rules.submit(item, answer):
            notifications.schedule_for(item, timezone.now())


def decide_together(item: Checkup, user: User) -> None:
    seen: rules.RoundView[CheckupAnswer] = rules.view_round(item, user)
    if not seen.revealed or seen.mine is None:
        raise CheckupProblem("You can decide together once you have both finished.")
    seen.mine.wants_to_work = True
    seen.mine.save(update_fields=["wants_to_work"])


def trend_for(couple: Couple) -> trend.Trend:
    """The couple's composite over their revealed check-ups: one line, "us".
    Never a line per partner."""
    words = content.load()
    done = (
        Checkup.objects.filter(couple=couple, revealed_at__isnull=False)
        .order_by("-opened_at", "-pk")
        .prefetch_related("responses")[:12]
    )
    points = [
        trend.Point(
            week=timezone.localdate(c.opened_at),
            us=round(decide.composite([a.scores for a in c.responses.all()], words), 1),
            me=None,
        )
        for c in reversed(list(done))
    ]
    return trend.build(points)


@dataclass(frozen=True)
class Results:
    work_on: list[content.Area]
    going_well: list[content.Area]
    counselling: bool
    both_decided: bool
    i_decided: bool
    steps: list[tuple[str, str]]


def counselling_suggested(item: Checkup, seen: rules.RoundView[CheckupAnswer]) -> bool:
    """Whether Hearth suggests couples counselling after this revealed
    check-up (the rules and the safety exception are in `decide.py`)."""
    assert seen.mine is not None and seen.theirs is not None
    words = content.load()
    history = [
        decide.composite([a.scores for a in c.responses.all()], words)
        for c in Checkup.objects.filter(
            couple=item.couple, revealed_at__isnull=False, opened_at__lte=item.opened_at
        )
        .order_by("opened_at", "pk")
        .prefetch_related("responses")
    ]
    return decide.recommend_counselling(
        history,
        weighing_ticked=bool(seen.mine.weighing or seen.theirs.weighing),
        someone_afraid=seen.mine.afraid
        or seen.theirs.afraid
        or signals.active([seen.mine.author_id, seen.theirs.author_id]),
    )


def results(item: Checkup, seen: rules.RoundView[CheckupAnswer]) -> Results:
    """What the couple sees of a revealed check-up: areas, never whose answers."""
    assert seen.mine is not None and seen.theirs is not None
    words = content.load()
    both = [seen.mine.scores, seen.theirs.scores]
    found = decide.areas(both, words)
    by_key = {a.key: a for a in words.areas}
    counselling = counselling_suggested(item, seen)
    steps = []
    for key in found.work_on:
        url_name, words_for = PRACTICES[by_key[key].practice]
        steps.append((url_name, words_for))
    return Results(
        work_on=[by_key[k] for k in found.work_on],
        going_well=[by_key[k] for k in found.going_well],
        counselling=counselling,
        both_decided=seen.mine.wants_to_work and seen.theirs.wants_to_work,
        i_decided=seen.mine.wants_to_work,
        steps=steps,
    )
