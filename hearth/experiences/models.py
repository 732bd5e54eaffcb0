from django.conf import settings
from django.db import models
from django.utils import timezone

from hearth.content.i18n import pick
from hearth.couples.models import Couple

MEMORY_MAX = 2000


class Idea(models.Model):
    """A shared experience: from content/experiences/ideas.toml (couple is
    empty), or a couple's own (visible to that couple alone)."""

    class Cost(models.TextChoices):
        FREE = "free", "Free"
        LOW = "low", "Low cost"
        MEDIUM = "medium", "Medium"
        SPLURGE = "splurge", "A treat"

    class Time(models.TextChoices):
        QUICK = "15min", "15 minutes"
        EVENING = "evening", "An evening"
        HALFDAY = "halfday", "Half a day"
        WEEKEND = "weekend", "A weekend"

    class Place(models.TextChoices):
        HOME = "home", "At home"
        OUTDOORS = "outdoors", "Outdoors"
        OUT = "out", "Out and about"

    class Energy(models.TextChoices):
        CALM = "calm", "Calm"
        LIVELY = "lively", "Lively"

    class Season(models.TextChoices):
        ANY = "any", "Any time of year"
        SPRING = "spring", "Spring"
        SUMMER = "summer", "Summer"
        AUTUMN = "autumn", "Autumn"
        WINTER = "winter", "Winter"

    key = models.CharField(max_length=16, unique=True, null=True, blank=True)
    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    title = models.CharField(max_length=80)
    text = models.TextField(max_length=600)
    translations = models.JSONField(default=dict, blank=True)
    cost = models.CharField(max_length=8, choices=Cost, default=Cost.FREE)
    time = models.CharField(max_length=8, choices=Time, default=Time.EVENING)
    place = models.CharField(max_length=8, choices=Place, default=Place.HOME)
    energy = models.CharField(max_length=8, choices=Energy, default=Energy.CALM)
    phones_off = models.BooleanField(default=False)
    new_for_us = models.BooleanField(default=False)
    season = models.CharField(max_length=8, choices=Season, default=Season.ANY)
    position = models.PositiveIntegerField(default=0)
    retired = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["cost", "time", "place", "position"], name="idea_filters"),
            models.Index(fields=["couple", "position"], name="idea_own"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def localized_title(self) -> str:
        return pick(self.title, self.translations.get("title"))

    @property
    def localized_text(self) -> str:
        return pick(self.text, self.translations.get("text"))


class Wish(models.Model):
    """One partner's private "I'd love this" or "Not for me". A love by both
    is a match; nothing else is ever shown to the other."""

    class Feeling(models.TextChoices):
        LOVE = "love", "I'd love this"
        NOPE = "nope", "Not for me"

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="+")
    feeling = models.CharField(max_length=4, choices=Feeling)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["couple", "user", "idea"], name="one_wish_per_idea")]
        indexes = [models.Index(fields=["couple", "idea", "feeling"], name="wish_match")]

    def __str__(self) -> str:
        return f"Wish {self.pk}"


class Plan(models.Model):
    """An idea put on a date: in both partners' calendar feeds."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    idea = models.ForeignKey(Idea, on_delete=models.PROTECT, related_name="+")
    starts_at = models.DateTimeField(db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    remind = models.BooleanField(default=False)
    remind_at = models.DateTimeField(null=True, blank=True, db_index=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # When it was made, moved or cancelled, and how many times it changed
    # since it was made: the calendar feed's DTSTAMP and SEQUENCE.
    updated_at = models.DateTimeField(default=timezone.now)
    sequence = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"Plan {self.pk}"


class PlanRemindersOff(models.Model):
    """This person asked for no more plan reminders (their one-click off
    link). It lasts, and is theirs alone: their partner's reminders go on. It
    ends when they plan something with a reminder themselves."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    since = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Plan reminders off for {self.user_id}"


class Memory(models.Model):
    """A short memory written afterwards, optionally with one photo."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.SET_NULL, null=True, blank=True, related_name="memories")
    text = models.TextField(max_length=MEMORY_MAX)
    # Re-encoded on upload (metadata stripped, size capped); stored outside
    # the static root and served only to the couple.
    photo = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["couple", "-created_at"], name="memory_timeline")]

    def __str__(self) -> str:
        return f"Memory {self.pk}"
