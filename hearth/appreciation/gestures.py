"""The gesture of the day: one suggestion per person per day, none repeated
until the person has seen the whole library, leaning towards the kinds of
gesture they keep or do."""

import random
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q

from hearth.accounts.models import User
from hearth.appreciation.models import Gesture, GestureDay

Status = GestureDay.Status


def for_day(user: User, day: date) -> GestureDay | None:
    """The person's gesture for `day`, chosen now if it hasn't been yet.
    None only when the library is empty."""
    existing = GestureDay.objects.select_related("gesture").filter(user=user, day=day).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return _choose(user, day)
    except IntegrityError:
        # Two tabs at once: the other one chose.
        return GestureDay.objects.select_related("gesture").get(user=user, day=day)


def _choose(user: User, day: date) -> GestureDay | None:
    history = GestureDay.objects.filter(user=user)
    current = history.aggregate(n=Max("round"))["n"] or 1
    library = Gesture.objects.filter(retired=False)
    fresh = library.exclude(pk__in=history.filter(round=current).values("gesture_id"))
    if not fresh.exists():
        current += 1
        fresh = library
    # Weight each kind by 1 + how often the person kept or did one of its kind.
    liked = dict(
        history.filter(status__in=[Status.KEPT, Status.DONE])
        .values_list("gesture__kind")
        .annotate(n=Count("pk"))
        .values_list("gesture__kind", "n")
    )
    kinds = list(fresh.values_list("kind", flat=True).distinct().order_by("kind"))
    if not kinds:
        return None
    rng = random.Random(f"{user.pk}:{day.isoformat()}")
    kind = rng.choices(kinds, weights=[1 + 2 * liked.get(k, 0) for k in kinds])[0]
    options = list(fresh.filter(kind=kind).values_list("pk", flat=True).order_by("pk"))
    chosen = rng.choice(options)
    return GestureDay.objects.select_related("gesture").get(
        pk=GestureDay.objects.create(user=user, day=day, gesture_id=chosen, round=current).pk
    )


def mark(user: User, day: date, status: str) -> GestureDay:
    entry = GestureDay.objects.get(user=user, day=day)
    entry.status = status
    entry.save(update_fields=["status"])
    return entry


def favourites(user: User) -> list[Gesture]:
    return list(
        Gesture.objects.filter(
            Q(pk__in=GestureDay.objects.filter(user=user, status=Status.KEPT).values("gesture_id"))
        ).order_by("kind", "key")
    )
