"""Putting an idea on the calendar: in both partners' feeds."""

from datetime import datetime, timedelta

from django.db.models import F
from django.utils import timezone

from hearth.accounts.models import User
from hearth.couples.models import Couple
from hearth.experiences.models import Idea, Plan, PlanRemindersOff
from hearth.lib.problems import Problem

REMIND_BEFORE = timedelta(hours=2)
HORIZON = timedelta(days=1827)  # five years: as far ahead as a plan may be


class PlanProblem(Problem): ...


def _check(starts_at: datetime) -> None:
    now = timezone.now()
    if starts_at <= now:
        raise PlanProblem("That time has already passed. Choose a moment still to come.")
    if starts_at > now + HORIZON:
        raise PlanProblem("That's a long way off. Choose a day within the next five years.")


def make(couple: Couple, user: User, idea: Idea, starts_at: datetime, remind: bool) -> Plan:
    """`remind`: both are reminded two hours before, except a partner who
    turned plan reminders off; asking for one turns the asker's back on."""
    _check(starts_at)
    if remind:
        PlanRemindersOff.objects.filter(user=user).delete()
    return Plan.objects.create(
        couple=couple,
        idea=idea,
        starts_at=starts_at,
        created_by=user,
        remind=remind,
        remind_at=starts_at - REMIND_BEFORE if remind else None,
    )


def move(plan: Plan, starts_at: datetime) -> Plan:
    _check(starts_at)
    plan.starts_at = starts_at
    plan.remind_at = starts_at - REMIND_BEFORE if plan.remind else None
    _changed(plan, "starts_at", "remind_at")
    return plan


def cancel(plan: Plan) -> None:
    plan.cancelled_at = timezone.now()
    plan.remind_at = None
    _changed(plan, "cancelled_at", "remind_at")


def _changed(plan: Plan, *fields: str) -> None:
    """Save a change the calendar shows: a new DTSTAMP, and a SEQUENCE one
    higher, counted in the database so two changes at once both count."""
    plan.updated_at = timezone.now()
    plan.sequence = F("sequence") + 1
    plan.save(update_fields=[*fields, "updated_at", "sequence"])
    plan.refresh_from_db(fields=["sequence"])


def upcoming(couple: Couple) -> list[Plan]:
    return list(
        Plan.objects.filter(couple=couple, cancelled_at__isnull=True, starts_at__gte=timezone.now())
        .select_related("idea")
        .order_by("starts_at")
    )
