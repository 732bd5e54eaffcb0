from django.conf import settings
from django.db import models
from django.utils import timezone

from hearth.checkins.models import CheckIn
from hearth.couples.models import Couple

STEP_MAX = 1000


class Apology(models.Model):
    """A guided apology, written step by step and sent to the partner, who
    may answer in their own words. Nothing is accepted, rejected or scored."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    what_happened = models.TextField(max_length=STEP_MAX)
    responsibility = models.TextField(max_length=STEP_MAX)
    impact = models.TextField(max_length=STEP_MAX)
    different = models.TextField(max_length=STEP_MAX)
    ask = models.TextField(max_length=STEP_MAX)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    response = models.TextField(max_length=STEP_MAX, blank=True)
    needs_time = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"Apology {self.pk}"


class LettingGo(models.Model):
    """Something that has lingered, worked through privately. Let go, it is
    archived and never shown to the partner; brought to a check-in, only its
    first line (what lingered) appears there, in the conversation."""

    class Outcome(models.TextChoices):
        OPEN = "open", "Still thinking"
        LET_GO = "let_go", "Let go"
        TOPIC = "topic", "Brought to a check-in"

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    couple = models.ForeignKey(Couple, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    text = models.TextField(max_length=STEP_MAX)
    what_to_release = models.TextField(max_length=STEP_MAX, blank=True)
    need_underneath = models.TextField(max_length=STEP_MAX, blank=True)
    outcome = models.CharField(max_length=8, choices=Outcome, default=Outcome.OPEN)
    checkin = models.ForeignKey(
        CheckIn, on_delete=models.SET_NULL, null=True, blank=True, related_name="topics"
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Letting go {self.pk}"
