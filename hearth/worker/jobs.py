"""The worker's periodic jobs, and the claim that lets many workers share them."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.sessions.models import Session
from django.utils import timezone

from hearth.couples.models import Invite
from hearth.worker.models import JobSchedule

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


JOBS = [
    Job("clear_expired_sessions", timedelta(hours=6), clear_expired_sessions),
    Job("purge_old_invites", timedelta(days=1), purge_old_invites),
]


def claim(job: Job, now: datetime) -> bool:
    """True when this worker won the job's current run."""
    schedule, _ = JobSchedule.objects.get_or_create(name=job.name, defaults={"next_at": now})
    if schedule.next_at > now:
        return False
    won = JobSchedule.objects.filter(pk=schedule.pk, next_at=schedule.next_at).update(next_at=now + job.every)
    return won == 1


def run_due_jobs(now: datetime | None = None) -> list[str]:
    """Run every job that is due and return the names of those this worker ran."""
    now = now or timezone.now()
    ran = []
    for job in JOBS:
        if claim(job, now):
            count = job.run(now)
            log.info("job %s done (%d rows)", job.name, count)
            ran.append(job.name)
    return ran
