"""The one place that decides what a person sees of a round both partners answer."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from hearth.accounts.models import User
from hearth.lib.problems import Problem
from hearth.reveal.models import Response, Round
from hearth.safety import screening


class RevealError(Problem):
    """A write the reveal rule refuses, with words for the person."""


LOCKED = "You've already sent your answers, so they can't change now."
CLOSED = "This couple space has closed, so nothing more can be added here."


@dataclass(frozen=True)
class RoundView[R: Response]:
    """What one person may see of a round."""

    mine: R | None
    theirs: R | None  # only once both have submitted, and while the couple lasts

    @property
    def revealed(self) -> bool:
        return self.theirs is not None


def rounds_for[T: Round](viewer: User, rounds: QuerySet[T]) -> QuerySet[T]:
    """Rounds of any couple the viewer belongs or belonged to: their own
    answers stay theirs after a couple closes."""
    return rounds.filter(couple__memberships__user=viewer)


def get_round_or_404[T: Round](viewer: User, rounds: QuerySet[T], **lookup: Any) -> T:
    try:
        return rounds_for(viewer, rounds).select_related("couple").get(**lookup)
    except rounds.model.DoesNotExist:
        raise Http404("No such round") from None


def view_round[R: Response](round: Round, viewer: User) -> RoundView[R]:
    responses = cast(list[R], list(round.responses.select_related("author")))  # type: ignore[attr-defined]
    return _split(round, responses, viewer)


def view_prefetched[R: Response](round: Round, viewer: User) -> RoundView[R]:
    """`view_round` for a round fetched with prefetch_related("responses__author"),
    as history pages do: the same rule, no query per round."""
    responses = cast(list[R], list(round.responses.all()))  # type: ignore[attr-defined]
    return _split(round, responses, viewer)


def pair_up[T: Round](viewer: User, rounds: Iterable[T]) -> list[tuple[T, RoundView[Any]]]:
    """Each round of a history page with what the viewer may see of it."""
    return [(round, view_prefetched(round, viewer)) for round in rounds]


def shared_rounds[T: Round](viewer: User, rounds: QuerySet[T]) -> QuerySet[T]:
    """Revealed rounds of the couple the viewer is in now: what a history page
    may show side by side."""
    return rounds.filter(
        couple__memberships__user=viewer,
        couple__memberships__ended_at__isnull=True,
        couple__closed_at__isnull=True,
        revealed_at__isnull=False,
    )


def _split[R: Response](round: Round, responses: list[R], viewer: User) -> RoundView[R]:
    mine = next((r for r in responses if r.author_id == viewer.pk), None)
    theirs = None
    if round.revealed_at is not None and round.couple.is_active:
        theirs = next((r for r in responses if r.author_id != viewer.pk), None)
    return RoundView(mine=mine, theirs=theirs)


def check_editable(round: Round, response: Response | None) -> None:
    if not round.couple.is_active:
        raise RevealError(CLOSED)
    if response is not None and response.is_submitted:
        raise RevealError(LOCKED)


def save_draft[R: Response](round: Round, author: User, model: type[R], **values: Any) -> R:
    """Create or update `author`'s private draft for `round`; refused once
    they have submitted, or when the couple has closed."""
    with transaction.atomic():
        # Lock the round first: two first drafts by one person at once (two
        # tabs, a double click) then take turns, and the second finds the
        # first instead of tripping over the one-draft-per-person constraint.
        type(round)._default_manager.select_for_update().filter(pk=round.pk).exists()
        draft = model._default_manager.select_for_update().filter(round=round, author=author).first()
        check_editable(round, draft)
        draft = draft or model(round=round, author=author)
        for field, value in values.items():
            setattr(draft, field, value)
        draft.save()
    return draft


def answer[R: Response](round: Round, author: User, model: type[R], **values: Any) -> bool:
    """Save and submit in one go, whole or not at all: a send that fails
    leaves the draft as it was. True when this revealed the round."""
    with transaction.atomic():
        response = save_draft(round, author, model, **values)
        revealed = _submit(round, response)
    screening.screen_sent(response.author_id, *response.written_texts())
    return revealed


def submit(round: Round, response: Response) -> bool:
    """Lock `response`; reveal the round if both partners have now submitted.
    Returns True when this submission revealed it."""
    revealed = _submit(round, response)
    screening.screen_sent(response.author_id, *response.written_texts())
    return revealed


def _submit(round: Round, response: Response) -> bool:
    with transaction.atomic():
        locked = type(round)._default_manager.select_for_update().select_related("couple").get(pk=round.pk)
        fresh = type(response)._default_manager.select_for_update().get(pk=response.pk)
        check_editable(locked, fresh)
        now = timezone.now()
        fresh.submitted_at = response.submitted_at = now
        fresh.save(update_fields=["submitted_at"])
        member_ids = locked.couple.memberships.values_list("user_id", flat=True)
        done = locked.responses.filter(  # type: ignore[attr-defined]
            author_id__in=member_ids, submitted_at__isnull=False
        ).count()
        revealed = done == 2 and locked.revealed_at is None
        if revealed:
            locked.revealed_at = round.revealed_at = now
            locked.save(update_fields=["revealed_at"])
    return revealed
