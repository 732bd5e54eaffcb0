from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from hearth.core import registry


class JobSchedule(models.Model):
    """When a periodic job is next due. Workers claim a run by moving
    `next_at` forward with a conditional update, so any number of workers on
    any number of machines run each job once."""

    name = models.CharField(max_length=64, unique=True)
    next_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.name


class OutgoingEmail(models.Model):
    """An e-mail waiting to be sent, queued in the same transaction as the
    change that calls for it, so a crash neither loses nor doubles it.

    It holds only who and what kind: the message is rendered when it is sent
    and carries nothing anyone wrote. A worker claims it by setting
    `claimed_at` with a conditional update; a claim older than the lease whose
    message was never marked sent is tried again, a few times at most.
    """

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The name of a kind a practice registered (`hearth.core.registry.EmailKind`).
    kind = models.CharField(max_length=32)
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        indexes = [
            # Only unsent rows: the outbox query stays as cheap as what is
            # pending, however many e-mails went out before.
            models.Index(
                fields=["claimed_at"], condition=models.Q(sent_at__isnull=True), name="outgoing_email_pending"
            ),
        ]

    def __str__(self) -> str:
        return f"Outgoing e-mail {self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.kind not in registry.email_kinds():
            raise ValueError(f"No practice registered the e-mail kind {self.kind!r}.")
        super().save(*args, **kwargs)


class RowFailure(models.Model):
    """A row a job could not handle: tried again after a growing pause, and
    parked after MAX_TRIES so that it cannot hold up the rest. Names the job,
    the row and the exception's class, never anything written. Delete a
    parked row's failure to have it tried again."""

    job = models.CharField(max_length=64)
    row = models.BigIntegerField()
    tries = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=100)
    retry_at = models.DateTimeField()
    parked = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "row"], name="row_failure_once_per_row")]

    def __str__(self) -> str:
        return f"{self.job} row {self.row}"
