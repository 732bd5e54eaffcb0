"""The weekly rhythm, kept by the worker: open each week's check-in on time,
remind each partner who asked to be reminded, and nudge the next day whoever
has not finished. The e-mails go out through the worker's outbox
(`hearth.worker.outbox`); `plugin.py` registers its two kinds.

Each job runs on every worker pass and returns the rows this worker handled.
A due row is claimed with a conditional update (`filter(pk=…, next_at=old)
.update(next_at=new)`: one row updated means this worker won), and whatever
the claim calls for (a check-in, an e-mail in the outbox) is written in the
same transaction. So any number of workers on any number of machines handle
each row once, and a crash loses nothing. Every query filters an indexed
column with a LIMIT: a pass costs what is due, not what exists.

E-mails carry no content: no answers, no names, no schedule label.
"""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from hearth.accounts.models import User
from hearth.checkins import services
from hearth.checkins.models import Answer, ReminderPlan, Schedule
from hearth.checkins.slots import Slot
from hearth.core.registry import EmailKind
from hearth.lib.unsubscribe import OffLink
from hearth.worker.batches import BATCH, in_batches
from hearth.worker.models import OutgoingEmail

NUDGE_AFTER = timedelta(days=1)

REMINDER = "checkin_reminder"
NUDGE = "checkin_nudge"
OFF_SALT = "hearth.checkins.reminders.off"


def open_due_checkins(now: datetime) -> int:
    def due() -> list[int]:
        rows = Schedule.objects.filter(next_at__lte=now).order_by("next_at")
        return list(rows.values_list("pk", flat=True)[:BATCH])

    return in_batches("open_due_checkins", due, lambda pk: _open_checkin(pk, now))


def send_due_reminders(now: datetime) -> int:
    def due() -> list[int]:
        rows = ReminderPlan.objects.filter(next_at__lte=now).order_by("next_at")
        return list(rows.values_list("pk", flat=True)[:BATCH])

    return in_batches("send_due_reminders", due, lambda pk: _remind(pk, now))


def send_due_nudges(now: datetime) -> int:
    def due() -> list[int]:
        rows = ReminderPlan.objects.filter(nudge_at__lte=now).order_by("nudge_at")
        return list(rows.values_list("pk", flat=True)[:BATCH])

    return in_batches("send_due_nudges", due, lambda pk: _nudge(pk, now))


def _catch_up(
    slot: Slot, occurrence: datetime, now: datetime, lead: timedelta = timedelta()
) -> tuple[datetime, datetime]:
    """The latest occurrence that is due (from a due `occurrence`) and the one
    after it. After the worker was down for weeks it acts on this week only,
    not once for every week it missed."""
    following = slot.occurrence_after(occurrence)
    while following - lead <= now:
        occurrence, following = following, slot.occurrence_after(following)
    return occurrence, following


def _open_checkin(pk: int, now: datetime) -> bool:
    with transaction.atomic():
        schedule = Schedule.objects.select_related("couple").filter(pk=pk, next_at__lte=now).first()
        if schedule is None or schedule.next_at is None:
            return False  # another worker moved it on
        claim = Schedule.objects.filter(pk=pk, next_at=schedule.next_at)
        slot = schedule.slot
        if slot is None or schedule.is_paused or not schedule.couple.is_active:
            return claim.update(next_at=None) == 1
        occurrence, following = _catch_up(slot, schedule.next_at, now)
        if claim.update(next_at=following) != 1:
            return False
        services.open_checkin(schedule.couple, slot.week_of(occurrence))
        return True


def _remind(pk: int, now: datetime) -> bool:
    with transaction.atomic():
        plan = ReminderPlan.objects.filter(pk=pk, next_at__lte=now).first()
        if plan is None or plan.next_at is None:
            return False
        # The nudge columns are part of the claim: a nudge sent meanwhile
        # makes this claim lose, and the next pass reads the row afresh.
        claim = ReminderPlan.objects.filter(pk=pk, next_at=plan.next_at, nudge_at=plan.nudge_at)
        schedule = _running_schedule(plan)
        slot = schedule.slot if schedule else None
        if slot is None:
            return claim.update(next_at=None, occurrence_at=None, nudge_at=None) == 1
        lead = timedelta(minutes=plan.lead_minutes)
        occurrence = plan.occurrence_at or slot.occurrence_on_or_after(plan.next_at + lead)
        occurrence, following = _catch_up(slot, occurrence, now, lead)
        week = slot.week_of(occurrence)
        # At most one nudge a week, even when the slot moved within the week.
        nudged = plan.nudge_week == week and plan.nudge_at is None
        won = claim.update(
            next_at=plan.remind_at(following),
            occurrence_at=following,
            nudge_at=None if nudged else occurrence + NUDGE_AFTER,
            nudge_week=week,
        )
        if won != 1:
            return False
        OutgoingEmail.objects.create(recipient_id=plan.user_id, kind=REMINDER)
        return True


def _nudge(pk: int, now: datetime) -> bool:
    with transaction.atomic():
        plan = ReminderPlan.objects.filter(pk=pk, nudge_at__lte=now).first()
        if plan is None:
            return False
        if ReminderPlan.objects.filter(pk=pk, nudge_at=plan.nudge_at).update(nudge_at=None) != 1:
            return False
        schedule = _running_schedule(plan)
        week = plan.nudge_week
        # Only the person's own answer decides: the nudge says nothing of the partner.
        if schedule and week and not _has_finished(plan.user_id, schedule.couple_id, week):
            OutgoingEmail.objects.create(recipient_id=plan.user_id, kind=NUDGE)
        return True


def _running_schedule(plan: ReminderPlan) -> Schedule | None:
    """The schedule this person should be reminded of: they want reminders,
    are in an active couple, and the couple's slot is agreed and not paused."""
    if not plan.enabled:
        return None
    return Schedule.objects.filter(
        couple__memberships__user_id=plan.user_id,
        couple__memberships__user__is_active=True,
        couple__memberships__ended_at__isnull=True,
        couple__closed_at__isnull=True,
        paused_at__isnull=True,
        weekday__isnull=False,
        local_time__isnull=False,
    ).first()


def _has_finished(user_id: int, couple_id: int, week: date) -> bool:
    return Answer.objects.filter(
        round__couple_id=couple_id, round__week_of=week, author_id=user_id, submitted_at__isnull=False
    ).exists()


OFF_LINK = OffLink(OFF_SALT)
off_token = OFF_LINK.token
user_for_off_token = OFF_LINK.user


def turn_off(user: User) -> None:
    """No more reminders or nudges for this person, including any queued."""
    with transaction.atomic():
        ReminderPlan.objects.update_or_create(
            user=user, defaults={"enabled": False, "next_at": None, "occurrence_at": None, "nudge_at": None}
        )
        OutgoingEmail.objects.filter(
            recipient=user, sent_at__isnull=True, kind__in=[REMINDER, NUDGE]
        ).delete()


def off_url(user_id: int) -> str:
    """The whole one-click link, as it goes in an e-mail."""
    return settings.SITE_URL + reverse("reminders_off", args=[off_token(user_id)])


def _links() -> dict[str, str]:
    return {"checkins_url": settings.SITE_URL + reverse("checkin_this_week")}


# What the outbox needs to send this module's two kinds (see plugin.py).
EMAIL_KINDS = [
    EmailKind(REMINDER, template="checkins/emails/reminder", off_url=off_url, links=_links),
    EmailKind(NUDGE, template="checkins/emails/nudge", off_url=off_url, links=_links),
]
