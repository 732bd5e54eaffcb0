"""The worker's jobs: periodic ones, each run once per period by whichever
worker claims it, and the row jobs (check-ins, reminders, appreciation
e-mails, plan and check-up reminders, the outbox) that run on every pass and
claim their own due rows."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.sessions.models import Session
from django.utils import timezone

from hearth.accounts import devices, signups
from hearth.appreciation.notifications import send_due_notice_nudges
from hearth.checkins.reminders import open_due_checkins, send_due_nudges, send_due_reminders
from hearth.checkup.notifications import send_due_retake_reminders
from hearth.couples.models import Invite
from hearth.experiences.reminders import send_due_plan_reminders
from hearth.worker.models import JobSchedule, OutgoingEmail
from hearth.worker.outbox import deliver_outbox

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    run: Callable[[datetime], int]


def clear_expired_sessions(now: datetime) -> int:
    deleted, _ = Session.objects.filter(expire_date__lt=now).delete()
    return deleted


def purge_old_invites(now: datetime) -> int:
    """Spent, withdrawn and expired invitations are kept a month for support
    questions, then removed."""
    deleted, _ = Invite.objects.filter(expires_at__lt=now - timedelta(days=30)).delete()
    return deleted


def purge_sent_emails(now: datetime) -> int:
    """Sent e-mails are kept a month (enough to answer "did it go out?"), so
    the outbox stays the size of a month however long Hearth runs."""
    deleted, _ = OutgoingEmail.objects.filter(sent_at__lt=now - timedelta(days=30)).delete()
    return deleted


JOBS = [
    Job("clear_expired_sessions", timedelta(hours=6), clear_expired_sessions),
    Job("purge_old_invites", timedelta(days=1), purge_old_invites),
    Job("purge_sent_emails", timedelta(days=1), purge_sent_emails),
    Job("purge_expired_signups", timedelta(hours=6), signups.purge_expired),
    Job("purge_old_devices", timedelta(days=1), devices.purge_old),
]

# Run on every pass, after the periodic jobs; each claims its own due rows.
# The outbox comes last so that what this pass queued goes out in it.
EVERY_PASS: list[Callable[[datetime], int]] = [
    open_due_checkins,
    send_due_reminders,
    send_due_nudges,
    send_due_notice_nudges,
    send_due_plan_reminders,
    send_due_retake_reminders,
    deliver_outbox,
]


def claim(job: Job, now: datetime) -> bool:
    """True when this worker won the job's current run."""
    schedule, _ = JobSchedule.objects.get_or_create(name=job.name, defaults={"next_at": now})
    if schedule.next_at > now:
        return False
    won = JobSchedule.objects.filter(pk=schedule.pk, next_at=schedule.next_at).update(next_at=now + job.every)
    return won == 1


def _isolated(name: str, run: Callable[[datetime], int], now: datetime) -> int:
    """One job failing as a whole never stops the others (nor the outbox
    after them); the next pass tries it again. The log names the job and the
    exception's class, never any text."""
    try:
        return run(now)
    except Exception as error:
        log.error("job %s failed (%s)", name, type(error).__name__)
        return 0


def run_due_jobs(now: datetime | None = None) -> dict[str, int]:
    """Run what is due. Returns, for each job this worker ran (and each
    every-pass job that found work), how many rows it handled."""
    now = now or timezone.now()
    ran = {}
    for job in JOBS:
        if claim(job, now):
            ran[job.name] = _isolated(job.name, job.run, now)
    for step in EVERY_PASS:
        if count := _isolated(step.__name__, step, now):
            ran[step.__name__] = count
    for name, count in ran.items():
        log.info("job %s done (%d rows)", name, count)
    return ran
