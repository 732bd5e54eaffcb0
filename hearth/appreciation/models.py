from datetime import time

from django.conf import settings
from django.db import models
from django.utils import timezone

from hearth.content.i18n import pick
from hearth.couples.models import Couple

NOTE_MAX = 1000
REPLY_MAX = 300
REFLECTION_MAX = 1000


class Note(models.Model):
    """An appreciation from one partner to the other. A draft until sent;
    once sent it is in the partner's jar."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=NOTE_MAX)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    reply = models.TextField(max_length=REPLY_MAX, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["recipient", "-sent_at"], name="note_jar"),
            models.Index(fields=["author", "-created_at"], name="note_written"),
        ]

    def __str__(self) -> str:
        return f"Note {self.pk}"


class Gesture(models.Model):
    """One suggestion from content/appreciation/gestures.toml, loaded by `load_content`."""

    class Kind(models.TextChoices):
        TOUCH = "touch", "Touch"
        WORDS = "words", "Words"
        TIME = "time", "Time"
        HELP = "help", "Help"
        SURPRISE = "surprise", "Surprise"

    class Effort(models.TextChoices):
        TINY = "tiny", "A moment"
        SMALL = "small", "A few minutes"
        SOME = "some", "A little planning"

    key = models.CharField(max_length=16, unique=True)
    kind = models.CharField(max_length=16, choices=Kind)
    effort = models.CharField(max_length=8, choices=Effort)
    text = models.CharField(max_length=200)
    translations = models.JSONField(default=dict, blank=True)
    retired = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.key

    @property
    def localized_text(self) -> str:
        return pick(self.text, self.translations)


class GestureDay(models.Model):
    """The gesture one person was offered on one day, and what they made of
    it. Private to that person."""

    class Status(models.TextChoices):
        OFFERED = "offered", "Offered"
        SKIPPED = "skipped", "Skipped"
        KEPT = "kept", "Kept as a favourite"
        DONE = "done", "Did it"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    gesture = models.ForeignKey(Gesture, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=8, choices=Status, default=Status.OFFERED)
    # Which pass through the library this was: a gesture repeats only in a later round.
    round = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="one_gesture_a_day"),
            models.UniqueConstraint(fields=["user", "round", "gesture"], name="gesture_once_per_round"),
        ]

    def __str__(self) -> str:
        return f"Gesture day {self.pk}"


class DailyReflection(models.Model):
    """ "What can I do today to help us feel more connected?" Private."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    text = models.TextField(max_length=REFLECTION_MAX)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_reflection_a_day")]

    def __str__(self) -> str:
        return f"Reflection {self.pk}"


class AppreciationPrefs(models.Model):
    """The appreciation e-mails one person asked for; both are off until they
    choose. `nudge_next_at` is when the daily nudge is next due (UTC), or
    None while it is off: the worker claims due rows by moving it on."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    email_on_note = models.BooleanField(default=False)
    nudge_enabled = models.BooleanField(default=False)
    nudge_time = models.TimeField(default=time(20, 0))
    nudge_next_at = models.DateTimeField(null=True, blank=True, db_index=True)

    def __str__(self) -> str:
        return f"Appreciation preferences {self.pk}"
