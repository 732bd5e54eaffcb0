"""The retake reminder: one opt-in e-mail when the next check-up is ready.

A check-up is offered again four weeks after the last one was revealed
(`cycle.RETAKE_AFTER`). Whoever ticked "E-mail me when the next check-up
is ready" gets one e-mail then, at a daytime hour in their own timezone:
"It's been four weeks — a check-up is ready when you both are". Nothing else:
no names, no areas, no answers.

`RetakeReminder.next_at` is set when a check-up is revealed (or when the
person opts in). The worker claims a due row by clearing `next_at` with a
conditional update and queues the e-mail in the same transaction, so any
number of workers send it once; `sent_for` remembers the check-up it counted
from, so opting out and in again never brings a second one for that cycle.
Nothing is sent once the couple has closed, the person has opted out, or a
new check-up has started.
"""

from datetime import datetime, time

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from hearth.accounts.models import User
from hearth.checkup.cycle import latest, next_opens
from hearth.checkup.models import Checkup, RetakeReminder
from hearth.core.registry import EmailKind
from hearth.couples.access import active_couple
from hearth.lib.timezones import next_clock_time
from hearth.lib.unsubscribe import OffLink
from hearth.worker import outbox
from hearth.worker.batches import BATCH, in_batches
from hearth.worker.models import OutgoingEmail

KIND = "checkup_ready"
# The e-mail comes at this hour of the person's own day, not at whatever
# minute the check-up happened to be revealed four weeks before.
SEND_AT = time(10, 0)
OFF_SALT = "hearth.checkup.retake_reminder.off"


def wants_reminder(user: User) -> bool:
    return RetakeReminder.objects.filter(user=user, enabled=True).exists()


def save_choice(user: User, enabled: bool, now: datetime) -> None:
    """Store the person's choice. Turning it on schedules the e-mail for the
    couple's last check-up if it is still to come; turning it off drops any
    still waiting in the outbox."""
    with transaction.atomic():
        reminder, _ = RetakeReminder.objects.select_for_update().get_or_create(user=user)
        reminder.enabled = enabled
        reminder.next_at = _due_at(reminder, now) if enabled else None
        reminder.save(update_fields=["enabled", "next_at"])
        if not enabled:
            _unsent(user.pk).delete()


def schedule_for(item: Checkup, now: datetime) -> None:
    """Called in the transaction that reveals `item`: each partner who asked
    is e-mailed four weeks on."""
    members = item.couple.memberships.filter(ended_at__isnull=True).values_list("user_id", flat=True)
    for reminder in RetakeReminder.objects.select_related("user").filter(user_id__in=members, enabled=True):
        due = _due_at(reminder, now)
        RetakeReminder.objects.filter(pk=reminder.pk).update(next_at=due)


def send_due_retake_reminders(now: datetime) -> int:
    def due() -> list[int]:
        rows = RetakeReminder.objects.filter(next_at__lte=now).order_by("next_at")
        return list(rows.values_list("pk", flat=True)[:BATCH])

    return in_batches("send_due_retake_reminders", due, lambda pk: _remind(pk, now))


def _remind(pk: int, now: datetime) -> bool:
    with transaction.atomic():
        reminder = RetakeReminder.objects.select_related("user").filter(pk=pk, next_at__lte=now).first()
        if reminder is None or reminder.next_at is None:
            return False  # another worker took it
        if RetakeReminder.objects.filter(pk=pk, next_at=reminder.next_at).update(next_at=None) != 1:
            return False
        ready = _ready_checkup(reminder, now)
        if reminder.enabled and ready is not None:
            RetakeReminder.objects.filter(pk=pk).update(sent_for=ready)
            OutgoingEmail.objects.create(recipient_id=reminder.user_id, kind=KIND, created_at=now)
        return True


def _last_revealed(user: User) -> Checkup | None:
    """The couple's latest check-up, if it is revealed and the person is in
    that couple now; None while a check-up is in progress or out of a couple."""
    couple = active_couple(user) if user.is_active else None
    if couple is None or not couple.is_active:
        return None
    last = latest(couple)
    return last if last is not None and last.revealed_at is not None else None


def _ready_checkup(reminder: RetakeReminder, now: datetime) -> Checkup | None:
    """The check-up whose four weeks are up and not yet marked by an e-mail."""
    last = _last_revealed(reminder.user)
    opens = next_opens(last) if last is not None and last.pk != reminder.sent_for_id else None
    return last if opens is not None and opens <= now else None


def _due_at(reminder: RetakeReminder, now: datetime) -> datetime | None:
    """When the e-mail for the couple's last check-up is due, or None when
    there is none to send: no revealed check-up yet, one in progress, that
    cycle's e-mail already sent, or a check-up already open again (the person
    is looking at the check-up page as they choose)."""
    last = _last_revealed(reminder.user)
    opens = next_opens(last) if last is not None and last.pk != reminder.sent_for_id else None
    if opens is None:
        return None
    due = next_clock_time(SEND_AT, reminder.user.timezone, opens, or_equal=True)
    return due if due > now else None


def _unsent(user_id: int) -> QuerySet[OutgoingEmail]:
    return OutgoingEmail.objects.filter(outbox.pending(), recipient_id=user_id, kind=KIND)


# One-click off


OFF_LINK = OffLink(OFF_SALT)
off_token = OFF_LINK.token
user_for_off_token = OFF_LINK.user


def turn_off(user: User) -> None:
    save_choice(user, enabled=False, now=timezone.now())


def _off_url(user_id: int) -> str:
    return settings.SITE_URL + reverse("checkup_reminder_off", args=[off_token(user_id)])


def _links() -> dict[str, str]:
    return {"open_url": settings.SITE_URL + reverse("checkup")}


def _wanted(user: User) -> bool:
    """At delivery: still in a couple, and no new check-up has started since
    the e-mail was queued (opting out drops it from the outbox at once)."""
    couple = active_couple(user) if user.is_active else None
    if couple is None or not couple.is_active:
        return False
    last = latest(couple)
    return last is None or last.revealed_at is not None


# What the outbox needs to send this module's kind (see plugin.py).
EMAIL_KIND = EmailKind(
    KIND, template="checkup/emails/retake_ready", off_url=_off_url, links=_links, wanted=_wanted
)
