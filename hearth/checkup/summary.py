"""A summary of the couple's check-up to bring to a counsellor.

It exists only while both partners agree to it. Each chooses which of their
own statements from the latest revealed check-up go in, with their own
answer; a statement someone did not choose appears nowhere. The rest is the
couple's: the check-up trend, the weekly pulse ("us", never a line each),
the areas to work on and those going well. Never the "afraid" answer or
what is weighing on either of them.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.db.models import Avg
from django.utils import timezone

from hearth.accounts.models import User
from hearth.checkins import trend
from hearth.checkins.models import CheckIn
from hearth.checkup import content, decide, services
from hearth.checkup.models import Checkup, CheckupAnswer, SummaryConsent
from hearth.couples.models import Couple
from hearth.lib.problems import Problem
from hearth.reveal import rules

PULSE_WEEKS = 26
# What each answer meant on the check-up's scale.
ANSWER_WORDS = {
    1: "not at all true for me",
    2: "a little true for me",
    3: "partly true for me",
    4: "mostly true for me",
    5: "very true for me",
}


@dataclass(frozen=True)
class Statement:
    key: str
    text: str
    answer: int

    @property
    def words(self) -> str:
        return ANSWER_WORDS.get(self.answer, "")


@dataclass(frozen=True)
class Part:
    """What one partner chose to include."""

    name: str
    statements: list[Statement]


@dataclass(frozen=True)
class Summary:
    made_on: date
    checkup_on: date
    work_on: list[content.Area]
    going_well: list[content.Area]
    checkup_trend: trend.Trend
    pulse_trend: trend.Trend
    parts: list[Part]
    # Said only when it is so: "not suggested" can have a private reason.
    counselling_suggested: bool


@dataclass(frozen=True)
class State:
    """Where the viewer stands: their own answers to choose from and their
    own choice. Of the partner, only whether both have agreed."""

    item: Checkup
    own: list[Statement]
    mine: SummaryConsent | None
    both_agreed: bool
    # The person's own private answer: shown a word for them alone, never in the summary.
    afraid: bool

    @property
    def i_agreed(self) -> bool:
        return self.mine is not None and self.mine.consented_at is not None

    @property
    def chosen(self) -> set[str]:
        return set(self.mine.chosen_keys) if self.mine else set()


class SummaryProblem(Problem): ...


def state(item: Checkup, viewer: User) -> State:
    seen: rules.RoundView[CheckupAnswer] = rules.view_round(item, viewer)
    consents = list(SummaryConsent.objects.filter(checkup=item))
    mine = next((c for c in consents if c.author_id == viewer.pk), None)
    return State(
        item=item,
        own=_statements(seen.mine, None),
        mine=mine,
        both_agreed=_both_agreed(seen, consents),
        afraid=seen.mine is not None and seen.mine.afraid,
    )


def agree(item: Checkup, user: User, keys: list[str]) -> None:
    """Agree to the summary with these of the person's own statements (only
    ones they answered count). The partner's choice is left as it is."""
    seen: rules.RoundView[CheckupAnswer] = rules.view_round(item, user)
    if not seen.revealed or seen.mine is None:
        raise SummaryProblem("A summary can be made once you have both finished the check-up.")
    own = {s.key for s in _statements(seen.mine, None)}
    chosen = [key for key in dict.fromkeys(keys) if key in own]
    with transaction.atomic():
        consent, _ = SummaryConsent.objects.select_for_update().get_or_create(checkup=item, author=user)
        consent.chosen_keys = chosen
        consent.consented_at = consent.consented_at or timezone.now()
        consent.save(update_fields=["chosen_keys", "consented_at"])


def withdraw(item: Checkup, user: User) -> None:
    """The summary is gone for both until this person agrees again; their
    choices are kept for then."""
    SummaryConsent.objects.filter(checkup=item, author=user).update(consented_at=None)


def build(item: Checkup, viewer: User, now: datetime) -> Summary | None:
    """The summary, or None unless both partners agree and the couple lasts."""
    seen: rules.RoundView[CheckupAnswer] = rules.view_round(item, viewer)
    consents = list(SummaryConsent.objects.filter(checkup=item, consented_at__isnull=False))
    if seen.mine is None or seen.theirs is None or not _both_agreed(seen, consents):
        return None
    chosen = {c.author_id: c.chosen_keys for c in consents}
    words = content.load()
    found = decide.areas([seen.mine.scores, seen.theirs.scores], words)
    by_key = {a.key: a for a in words.areas}
    # The same order for both partners, so both bring the same pages.
    answers = sorted([seen.mine, seen.theirs], key=lambda a: a.author_id)
    return Summary(
        made_on=timezone.localdate(now),
        checkup_on=timezone.localdate(item.opened_at),
        work_on=[by_key[k] for k in found.work_on],
        going_well=[by_key[k] for k in found.going_well],
        checkup_trend=services.trend_for(item.couple),
        pulse_trend=pulse_trend(viewer, item.couple),
        parts=[Part(a.author.display_name, _statements(a, set(chosen[a.author_id]))) for a in answers],
        counselling_suggested=services.counselling_suggested(item, seen),
    )


def pulse_trend(viewer: User, couple: Couple) -> trend.Trend:
    """The weekly check-in's pulse for the couple, from weeks both answered:
    one line, "us". One query, however long the history."""
    recent = (
        rules.shared_rounds(viewer, CheckIn.objects.filter(couple=couple))
        .annotate(us=Avg("responses__pulse"))
        .order_by("-week_of")
        .values("week_of", "us")[:PULSE_WEEKS]
    )
    points = [
        trend.Point(week=r["week_of"], us=round(r["us"], 1) if r["us"] is not None else None, me=None)
        for r in reversed(list(recent))
    ]
    return trend.build(points)


def _both_agreed(seen: rules.RoundView[CheckupAnswer], consents: list[SummaryConsent]) -> bool:
    if seen.mine is None or seen.theirs is None:
        return False
    agreed = {c.author_id for c in consents if c.consented_at is not None}
    return {seen.mine.author_id, seen.theirs.author_id} <= agreed


def _statements(answer: CheckupAnswer | None, only: set[str] | None) -> list[Statement]:
    """The person's own answered statements, in the check-up's order; only
    those in `only`, when given."""
    if answer is None:
        return []
    return [
        Statement(item.key, item.text, answer.scores[item.key])
        for item in content.load().items
        if item.key in answer.scores and (only is None or item.key in only)
    ]
