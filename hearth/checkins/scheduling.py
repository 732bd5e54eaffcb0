"""Agreeing, changing, pausing and resuming the weekly slot, and keeping
every `next_at` that depends on it right."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from hearth.accounts.models import User
from hearth.checkins.models import AgreedSlot, Pause, ReminderPlan, Schedule
from hearth.checkins.slots import Slot, skipped_dates
from hearth.couples.models import Couple
from hearth.lib.problems import Problem


class ScheduleProblem(Problem): ...


STALE = "Your partner changed the schedule while you were looking at it. Here is how it stands now."


def schedule_for(couple: Couple) -> Schedule:
    schedule, _ = Schedule.objects.get_or_create(couple=couple)
    return schedule


def schedule_to_show(couple: Couple) -> Schedule:
    """The couple's schedule for a page to read; a blank, unsaved one if
    they have none yet, so that looking writes nothing."""
    return Schedule.objects.filter(couple=couple).first() or Schedule(couple=couple)


def awaits_yes_from(schedule: Schedule, user: User) -> bool:
    """A time the partner suggested, waiting for this person to agree."""
    return schedule.proposed_slot is not None and schedule.proposed_by_id != user.pk


def check_slot(slot: Slot, today: datetime | None = None) -> None:
    """Refuse a weekly time that the clocks skip on some day in the coming year."""
    start = (today or timezone.now()).astimezone(slot.zone).date()
    if missing := skipped_dates(slot, start):
        day = missing[0].strftime("%-d %B")
        raise ScheduleProblem(
            f"In {slot.timezone}, {slot.at.strftime('%H:%M')} doesn't exist on {day}, when the clocks "
            "change. Please choose a time at least an hour away from it."
        )


def _locked(schedule: Schedule, version: int) -> Schedule:
    fresh = Schedule.objects.select_for_update().get(pk=schedule.pk)
    if fresh.version != version:
        raise ScheduleProblem(STALE)
    return fresh


def propose(
    schedule: Schedule, by: User, slot: Slot, label: str, version: int, remind: bool | None = None
) -> Schedule:
    check_slot(slot)
    with transaction.atomic():
        fresh = _locked(schedule, version)
        fresh.proposed_weekday = slot.weekday
        fresh.proposed_time = slot.at
        fresh.proposed_timezone = slot.timezone
        fresh.proposed_label = label
        fresh.proposed_by = by
        fresh.version += 1
        fresh.save()
        if remind is not None:
            choose_reminders(fresh, by, remind)
    return fresh


def withdraw(schedule: Schedule, by: User, version: int) -> Schedule:
    with transaction.atomic():
        fresh = _locked(schedule, version)
        if fresh.proposed_by_id == by.pk:
            _clear_proposal(fresh)
            fresh.version += 1
            fresh.save()
    return fresh


def confirm(
    schedule: Schedule, by: User, version: int, now: datetime | None = None, remind: bool | None = None
) -> Schedule:
    """The partner who did not propose agrees: the proposal becomes the slot."""
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _locked(schedule, version)
        proposed = fresh.proposed_slot
        if proposed is None:
            raise ScheduleProblem("There is no proposal to agree to.")
        if fresh.proposed_by_id == by.pk:
            raise ScheduleProblem(
                "Your partner needs to agree to your proposal; you can't confirm it yourself."
            )
        fresh.weekday, fresh.local_time, fresh.timezone = proposed.weekday, proposed.at, proposed.timezone
        fresh.label = fresh.proposed_label
        fresh.agreed_at = now
        _clear_proposal(fresh)
        fresh.version += 1
        fresh.save()
        # Kept for the calendar: each agreed time stays in it for the weeks it ran.
        AgreedSlot.objects.create(
            schedule=fresh,
            weekday=proposed.weekday,
            local_time=proposed.at,
            timezone=proposed.timezone,
            label=fresh.label,
            agreed_at=now,
        )
        if remind is not None:
            ReminderPlan.objects.update_or_create(user=by, defaults={"enabled": remind})
        reschedule(fresh, now)
    return fresh


def choose_reminders(schedule: Schedule, user: User, enabled: bool) -> None:
    """The person's own choice to be reminded by e-mail, or not."""
    plan, _ = ReminderPlan.objects.update_or_create(user=user, defaults={"enabled": enabled})
    plan_next_reminder(plan, schedule, timezone.now())


def pause(schedule: Schedule, version: int, now: datetime | None = None) -> Schedule:
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _locked(schedule, version)
        if fresh.paused_at is None and fresh.slot is not None:
            fresh.paused_at = now
            fresh.version += 1
            fresh.save()
            Pause.objects.create(schedule=fresh, started_at=now)
            reschedule(fresh, now)
    return fresh


def resume(schedule: Schedule, version: int, now: datetime | None = None) -> Schedule:
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _locked(schedule, version)
        if fresh.paused_at is not None:
            fresh.paused_at = None
            fresh.version += 1
            fresh.save()
            fresh.pauses.filter(ended_at__isnull=True).update(ended_at=now)
            reschedule(fresh, now)
    return fresh


def reschedule(schedule: Schedule, now: datetime) -> None:
    """Recompute the schedule's next occurrence and both partners' reminders."""
    slot = schedule.slot
    running = slot is not None and schedule.paused_at is None and schedule.couple.is_active
    schedule.next_at = slot.occurrence_on_or_after(now) if running and slot else None
    Schedule.objects.filter(pk=schedule.pk).update(next_at=schedule.next_at)
    for member in schedule.couple.memberships.filter(ended_at__isnull=True).select_related("user"):
        plan, _ = ReminderPlan.objects.get_or_create(user=member.user)
        plan_next_reminder(plan, schedule, now)


def plan_next_reminder(plan: ReminderPlan, schedule: Schedule | None, now: datetime) -> None:
    """Set when this person's next reminder is due: the first occurrence
    whose reminder time has not passed."""
    plan.next_at = plan.occurrence_at = None
    slot = schedule.slot if schedule else None
    if schedule and slot and plan.enabled and schedule.paused_at is None and schedule.couple.is_active:
        occurrence = slot.occurrence_on_or_after(now)
        while plan.remind_at(occurrence) < now:
            occurrence = slot.occurrence_after(occurrence)
        plan.occurrence_at = occurrence
        plan.next_at = plan.remind_at(occurrence)
    plan.save(update_fields=["next_at", "occurrence_at"])


def _clear_proposal(schedule: Schedule) -> None:
    schedule.proposed_weekday = schedule.proposed_time = None
    schedule.proposed_timezone = schedule.proposed_label = ""
    schedule.proposed_by = None
