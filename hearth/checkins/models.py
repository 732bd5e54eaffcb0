from datetime import datetime, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from hearth.checkins.slots import WEEKDAYS, Slot
from hearth.couples.models import Couple
from hearth.reveal.models import Response, Round

ANSWER_MAX = 2000
REFLECTION_MAX = 600


class Weekday(models.IntegerChoices):
    MONDAY = 0, WEEKDAYS[0]
    TUESDAY = 1, WEEKDAYS[1]
    WEDNESDAY = 2, WEEKDAYS[2]
    THURSDAY = 3, WEEKDAYS[3]
    FRIDAY = 4, WEEKDAYS[4]
    SATURDAY = 5, WEEKDAYS[5]
    SUNDAY = 6, WEEKDAYS[6]


class Schedule(models.Model):
    """The couple's agreed weekly slot, and a change one of them proposed.

    The agreed slot runs until a proposal is confirmed by the other partner.
    `next_at` is the next occurrence in UTC while the slot is agreed and not
    paused; the worker scans it, so it is indexed.
    """

    couple = models.OneToOneField(Couple, on_delete=models.CASCADE, related_name="schedule")
    # The agreed slot (empty until the first proposal is confirmed).
    weekday = models.PositiveSmallIntegerField(choices=Weekday, null=True, blank=True)
    local_time = models.TimeField(null=True, blank=True)
    timezone = models.CharField(max_length=64, blank=True)
    label = models.CharField(max_length=40, blank=True)
    agreed_at = models.DateTimeField(null=True, blank=True)
    # A proposal waiting for the other partner.
    proposed_weekday = models.PositiveSmallIntegerField(choices=Weekday, null=True, blank=True)
    proposed_time = models.TimeField(null=True, blank=True)
    proposed_timezone = models.CharField(max_length=64, blank=True)
    proposed_label = models.CharField(max_length=40, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    paused_at = models.DateTimeField(null=True, blank=True)
    next_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # Bumped by every change, so a form opened before a change is recognised as stale.
    version = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"Schedule {self.pk}"

    @property
    def slot(self) -> Slot | None:
        if self.weekday is None or self.local_time is None:
            return None
        return Slot(self.weekday, self.local_time, self.timezone)

    @property
    def proposed_slot(self) -> Slot | None:
        if self.proposed_weekday is None or self.proposed_time is None:
            return None
        return Slot(self.proposed_weekday, self.proposed_time, self.proposed_timezone)

    @property
    def is_paused(self) -> bool:
        return self.paused_at is not None


class Pause(models.Model):
    """A stretch when the weekly check-in was paused; the calendar feed
    leaves out the occurrences inside it."""

    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="pauses")
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Pause {self.pk}"


class AgreedSlot(models.Model):
    """A weekly slot the couple agreed, and when: it runs until the next one
    is agreed. The calendar feed shows each as a series of its own, so a new
    time leaves the check-ins already held where they were."""

    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="agreed_slots")
    weekday = models.PositiveSmallIntegerField(choices=Weekday)
    local_time = models.TimeField()
    timezone = models.CharField(max_length=64)
    label = models.CharField(max_length=40, blank=True)
    agreed_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["schedule", "agreed_at"], name="agreed_slot_history")]

    def __str__(self) -> str:
        return f"Agreed slot {self.pk}"

    @property
    def slot(self) -> Slot:
        return Slot(self.weekday, self.local_time, self.timezone)


class CheckIn(Round):
    """One week's check-in for a couple."""

    week_of = models.DateField(help_text="Monday of the week, in the couple's timezone.")
    sequence = models.PositiveIntegerField(help_text="1 for the couple's first check-in, and so on.")
    rotating_key = models.CharField(max_length=16)
    opened_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["couple", "week_of"], name="one_checkin_per_couple_week"),
        ]
        indexes = [models.Index(fields=["couple", "-week_of"], name="checkin_couple_recent")]

    def __str__(self) -> str:
        return f"Check-in {self.pk}"


class Answer(Response):
    """One partner's answers to a week's check-in."""

    round = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="responses")
    pulse = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    feelings = models.JSONField(default=list, blank=True)
    how_are_we = models.TextField(max_length=ANSWER_MAX, blank=True)
    weighing = models.TextField(max_length=ANSWER_MAX, blank=True)
    most_loved = models.TextField(max_length=ANSWER_MAX, blank=True)
    unseen = models.TextField(max_length=ANSWER_MAX, blank=True)
    rotating = models.TextField(max_length=ANSWER_MAX, blank=True)
    wish = models.TextField(max_length=ANSWER_MAX, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "author"], name="one_answer_per_person_per_checkin"),
        ]

    def __str__(self) -> str:
        return f"Answer {self.pk}"


class Reflection(models.Model):
    """ "What I heard you say is …" — written under the partner's revealed answer."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="reflections")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    prompt = models.CharField(max_length=16)
    text = models.TextField(max_length=REFLECTION_MAX)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["answer", "author", "prompt"], name="one_reflection_per_prompt"),
        ]

    def __str__(self) -> str:
        return f"Reflection {self.pk}"


class ReminderPlan(models.Model):
    """One person's reminders: when the next reminder and the next nudge are due.

    Both columns are indexed and claimed by the worker with a conditional
    update, so each reminder is sent once however many workers run.
    """

    class Lead(models.IntegerChoices):
        AT_TIME = 0, "At the time"
        HOUR = 60, "An hour before"
        DAY = 1440, "A day before"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders")
    # Opt-in: chosen when proposing or agreeing a time, or in the reminder settings.
    enabled = models.BooleanField(default=False)
    lead_minutes = models.PositiveIntegerField(choices=Lead, default=Lead.AT_TIME)
    next_at = models.DateTimeField(null=True, blank=True, db_index=True)
    occurrence_at = models.DateTimeField(null=True, blank=True)
    nudge_at = models.DateTimeField(null=True, blank=True, db_index=True)
    nudge_week = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Reminders {self.pk}"

    def remind_at(self, occurrence: datetime) -> datetime:
        return occurrence - timedelta(minutes=self.lead_minutes)
