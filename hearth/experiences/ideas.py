"""The idea library, private wishes and matches.

A wish is private to the person who made it. The partner learns of a wish
only as a match, when both loved the same idea; a "Not for me", or a love on
one side, is never shown to the other."""

import random

from django.db.models import Count, Q, QuerySet

from hearth.accounts.models import User
from hearth.couples.models import Couple
from hearth.experiences.models import Idea, Wish

FILTERS = ("cost", "time", "place", "energy", "season")
FLAGS = ("phones_off", "new_for_us")


def visible(couple: Couple) -> QuerySet[Idea]:
    """The library, plus the couple's own ideas; never another couple's."""
    return Idea.objects.filter(Q(couple__isnull=True) | Q(couple=couple), retired=False)


def filtered(couple: Couple, params: dict[str, str]) -> QuerySet[Idea]:
    ideas = visible(couple)
    for name in FILTERS:
        value = params.get(name, "")
        if value in getattr(Idea, name.capitalize()).values:
            ideas = ideas.filter(**{name: value})
    for flag in FLAGS:
        if params.get(flag) == "1":
            ideas = ideas.filter(**{flag: True})
    return ideas.order_by("position", "pk")


def surprise(couple: Couple, params: dict[str, str]) -> Idea | None:
    """One idea that fits the filters: a count and one offset lookup."""
    ideas = filtered(couple, params)
    count = ideas.count()
    if count == 0:
        return None
    return ideas[random.randrange(count)]


def wish(couple: Couple, user: User, idea: Idea, feeling: str) -> None:
    if feeling == "clear":
        Wish.objects.filter(couple=couple, user=user, idea=idea).delete()
        return
    Wish.objects.update_or_create(couple=couple, user=user, idea=idea, defaults={"feeling": feeling})


def wishes_and_matches(couple: Couple, user: User, ideas: list[Idea]) -> tuple[dict[int, str], set[int]]:
    """The person's own wishes for these ideas, and which of them are
    matches, in one query. The partner's side counts only where the person
    loves the idea too."""
    mine: dict[int, str] = {}
    partner_loves: set[int] = set()
    rows = Wish.objects.filter(couple=couple, idea__in=ideas).values_list("user_id", "idea_id", "feeling")
    for user_id, idea_id, feeling in rows:
        if user_id == user.pk:
            mine[idea_id] = feeling
        elif feeling == Wish.Feeling.LOVE:
            partner_loves.add(idea_id)
    both = {pk for pk, feeling in mine.items() if feeling == Wish.Feeling.LOVE and pk in partner_loves}
    return mine, both


def matches(couple: Couple) -> QuerySet[Idea]:
    """Ideas both partners love."""
    both = (
        Wish.objects.filter(couple=couple, feeling=Wish.Feeling.LOVE)
        .values("idea_id")
        .annotate(n=Count("user", distinct=True))
        .filter(n=2)
        .values("idea_id")
    )
    return Idea.objects.filter(pk__in=both).order_by("position", "pk")
