"""Opening a week's check-in, saving and sending answers, reflecting back."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from hearth.accounts.models import User
from hearth.checkins import content
from hearth.checkins.models import Answer, CheckIn, Reflection, Schedule
from hearth.couples.models import Couple
from hearth.reveal import rules
from hearth.safety import screening

ANSWER_FIELDS = ("pulse", "feelings", "how_are_we", "weighing", "most_loved", "unseen", "rotating", "wish")


def couple_zone(couple: Couple, fallback: User) -> ZoneInfo:
    schedule = Schedule.objects.filter(couple=couple).only("timezone").first()
    return ZoneInfo(schedule.timezone if schedule and schedule.timezone else fallback.timezone)


def week_of(moment: datetime, zone: ZoneInfo) -> date:
    day = moment.astimezone(zone).date()
    return day - timedelta(days=day.weekday())


def open_checkin(couple: Couple, week: date) -> CheckIn:
    """This week's check-in, created if it isn't there yet. Safe to call from
    two requests, or a request and the worker, at once."""
    existing = CheckIn.objects.filter(couple=couple, week_of=week).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            last = CheckIn.objects.filter(couple=couple).aggregate(n=Max("sequence"))["n"] or 0
            prompt = content.load().rotating_for(last + 1, offset=couple.pk * 7)
            return CheckIn.objects.create(
                couple=couple, week_of=week, sequence=last + 1, rotating_key=prompt.key
            )
    except IntegrityError:
        return CheckIn.objects.get(couple=couple, week_of=week)


def current_checkin(couple: Couple, user: User, now: datetime | None = None) -> CheckIn | None:
    """This week's check-in, or next week's if the worker already opened it
    (a reminder a day ahead can fall in the week before)."""
    now = now or timezone.now()
    this_week = week_of(now, couple_zone(couple, user))
    return CheckIn.objects.filter(couple=couple, week_of__gte=this_week).order_by("week_of").first()


def start_this_week(couple: Couple, user: User, now: datetime | None = None) -> CheckIn:
    now = now or timezone.now()
    return open_checkin(couple, week_of(now, couple_zone(couple, user)))


def save_draft(checkin: CheckIn, user: User, values: dict[str, object]) -> Answer:
    """Keep the person's private draft. Refused once they have submitted."""
    return rules.save_draft(checkin, user, Answer, **{f: values[f] for f in ANSWER_FIELDS if f in values})


def submit(checkin: CheckIn, user: User, values: dict[str, object]) -> bool:
    """Save the final answers and lock them, in one transaction. True if
    both have now finished."""
    return rules.answer(checkin, user, Answer, **{f: values[f] for f in ANSWER_FIELDS if f in values})


def reflect(checkin: CheckIn, user: User, prompt: str, text: str) -> Reflection:
    """A reply under the partner's revealed answer to `prompt`."""
    seen: rules.RoundView[Answer] = rules.view_round(checkin, user)
    if not checkin.couple.is_active:
        raise rules.RevealError(rules.CLOSED)
    if seen.theirs is None:
        raise rules.RevealError("You can reply once you have both finished.")
    reflection, _ = Reflection.objects.update_or_create(
        answer=seen.theirs, author=user, prompt=prompt, defaults={"text": text}
    )
    screening.screen_sent(user.pk, text)
    return reflection
