"""The worker's jobs: periodic ones, each run once per period by whichever
worker claims it, and the row jobs that run on every pass and claim their
own due rows. The core's own are here; each practice adds its own through
`hearth.core.registry` (check-ins, reminders, appreciation e-mails, plan and
check-up reminders); the outbox runs last."""

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from django.contrib.sessions.models import Session
from django.utils import timezone

from hearth.accounts import devices, signups
from hearth.core import registry
from hearth.core.registry import PeriodicJob, RowJob
from hearth.couples.models import Invite
from hearth.worker.models import JobSchedule, OutgoingEmail
from hearth.worker.outbox import deliver_outbox

log = logging.getLogger(__name__)


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


CORE_JOBS = [
    PeriodicJob("clear_expired_sessions", timedelta(hours=6), clear_expired_sessions),
    PeriodicJob("purge_old_invites", timedelta(days=1), purge_old_invites),
    PeriodicJob("purge_sent_emails", timedelta(days=1), purge_sent_emails),
    PeriodicJob("purge_expired_signups", timedelta(hours=6), signups.purge_expired),
    PeriodicJob("purge_old_devices", timedelta(days=1), devices.purge_old),
]


def periodic_jobs() -> list[PeriodicJob]:
    """The core's housekeeping, then what the practices registered."""
    return CORE_JOBS + registry.periodic_jobs()


def every_pass() -> list[RowJob]:
    """The practices' row jobs in their order, then the outbox, so that what
    this pass queued goes out in it."""
    return [*registry.row_jobs(), RowJob("deliver_outbox", deliver_outbox)]


def claim(job: PeriodicJob, now: datetime) -> bool:
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
    for job in periodic_jobs():
        if claim(job, now):
            ran[job.name] = _isolated(job.name, job.run, now)
    for step in every_pass():
        if count := _isolated(step.name, step.run, now):
            ran[step.name] = count
    for name, count in ran.items():
        log.info("job %s done (%d rows)", name, count)
    return ran
