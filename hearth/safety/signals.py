"""The one private trace the safety screen leaves (see `models.SafetySignal`)."""

from datetime import timedelta

from django.utils import timezone

from hearth.safety.models import SafetySignal

LASTS = timedelta(days=90)


def note(user_id: int) -> None:
    SafetySignal.objects.update_or_create(user_id=user_id, defaults={"until": timezone.now() + LASTS})


def active(user_ids: list[int]) -> bool:
    """Whether any of these people has a signal that still counts."""
    return SafetySignal.objects.filter(user_id__in=user_ids, until__gt=timezone.now()).exists()
