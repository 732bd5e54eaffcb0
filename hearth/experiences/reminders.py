"""A content-free reminder before a planned date, sent by the worker.

A due plan is claimed by clearing its `remind_at` with a conditional update,
and the e-mails to both partners are queued in the same transaction: any
number of workers send each reminder once."""

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from hearth.accounts.models import User
from hearth.core.registry import EmailKind
from hearth.couples.access import active_couple
from hearth.experiences.models import Plan, PlanRemindersOff
from hearth.lib.unsubscribe import OffLink
from hearth.worker.batches import BATCH, in_batches
from hearth.worker.models import OutgoingEmail

KIND = "plan_reminder"
SIGNER_SALT = "hearth.experiences.plan_reminders.off"


def send_due_plan_reminders(now: datetime) -> int:
    def due() -> list[int]:
        rows = Plan.objects.filter(remind_at__lte=now).order_by("remind_at")
        return list(rows.values_list("pk", flat=True)[:BATCH])

    return in_batches("send_due_plan_reminders", due, lambda pk: _remind(pk, now))


def _remind(pk: int, now: datetime) -> bool:
    with transaction.atomic():
        plan = Plan.objects.select_related("couple").filter(pk=pk, remind_at__lte=now).first()
        if plan is None or plan.remind_at is None:
            return False
        if Plan.objects.filter(pk=pk, remind_at=plan.remind_at).update(remind_at=None) != 1:
            return False
        if plan.cancelled_at is not None or not plan.couple.is_active or plan.starts_at <= now:
            return True
        members = plan.couple.memberships.filter(ended_at__isnull=True).exclude(
            user_id__in=PlanRemindersOff.objects.values("user_id")
        )
        OutgoingEmail.objects.bulk_create(
            OutgoingEmail(recipient_id=uid, kind=KIND) for uid in members.values_list("user_id", flat=True)
        )
        return True


OFF_LINK = OffLink(SIGNER_SALT)
off_token = OFF_LINK.token
user_for_off_token = OFF_LINK.user


def turn_off(user: User) -> None:
    """No more plan reminders for this person, now or later; their partner's
    go on. Planning something with a reminder themselves turns theirs back on."""
    with transaction.atomic():
        PlanRemindersOff.objects.get_or_create(user=user)
        OutgoingEmail.objects.filter(recipient=user, kind=KIND, sent_at__isnull=True).delete()


def _off_url(user_id: int) -> str:
    return settings.SITE_URL + reverse("plan_reminders_off", args=[off_token(user_id)])


def _links() -> dict[str, str]:
    return {"open_url": settings.SITE_URL + reverse("plans")}


def _wanted(user: User) -> bool:
    return active_couple(user) is not None and not PlanRemindersOff.objects.filter(user=user).exists()


# What the outbox needs to send this module's kind (see plugin.py).
EMAIL_KIND = EmailKind(
    KIND, template="experiences/emails/plan_reminder", off_url=_off_url, links=_links, wanted=_wanted
)
