from django.conf import settings
from django.db import models
from django.utils import timezone

from hearth.reveal.models import Response, Round


class Checkup(Round):
    """One connection check-up for a couple; revealed, as areas, when both finished."""

    opened_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Check-up {self.pk}"


class CheckupAnswer(Response):
    round = models.ForeignKey(Checkup, on_delete=models.CASCADE, related_name="responses")
    # {"c01": 4, ...}: 1 = not at all true for me, 5 = very true.
    scores = models.JSONField(default=dict, blank=True)
    # Keys of the "what's weighing on us" statements this person ticked.
    weighing = models.JSONField(default=list, blank=True)
    # Private to this person: never part of the results, never shown to the partner.
    afraid = models.BooleanField(default=False)
    wants_to_work = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "author"], name="one_checkup_answer_each")]

    def __str__(self) -> str:
        return f"Check-up answer {self.pk}"


class RetakeReminder(models.Model):
    """One person's wish to be e-mailed when the next check-up is ready:
    off until they tick it on the check-up page.

    `next_at` is when that e-mail is due (four weeks after the couple's last
    check-up was revealed, at a daytime hour of the person's own); the worker
    scans it, so it is indexed, and claims a due row by clearing it with a
    conditional update. `sent_for` is the check-up the last e-mail counted
    from, so a cycle never brings a second one.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    enabled = models.BooleanField(default=False)
    next_at = models.DateTimeField(null=True, blank=True, db_index=True)
    sent_for = models.ForeignKey(Checkup, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    def __str__(self) -> str:
        return f"Retake reminder {self.pk}"


class SummaryConsent(models.Model):
    """One partner's agreement to a summary of a check-up for a counsellor,
    and which of their own statements (item keys) may appear in it. The
    summary exists while both partners' `consented_at` is set; withdrawing
    clears it and keeps the choices for next time."""

    checkup = models.ForeignKey(Checkup, on_delete=models.CASCADE, related_name="summary_consents")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    chosen_keys = models.JSONField(default=list, blank=True)
    consented_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["checkup", "author"], name="one_summary_consent_each"),
        ]

    def __str__(self) -> str:
        return f"Summary consent {self.pk}"
