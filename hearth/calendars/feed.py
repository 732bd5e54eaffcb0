"""The per-person calendar feed: an iCalendar (RFC 5545) file any calendar
app can subscribe to.

Times are written in the couple's own timezone (with a TZID and its
VTIMEZONE), never in UTC, so a check-in at 20:30 stays at 20:30 in the
calendar app on both sides of a clock change. Titles are neutral unless the
person asked for detailed ones, and no event carries anything either
partner wrote.
"""

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import CLASS, Calendar, Event, vDuration

from hearth.accounts.models import User
from hearth.calendars.models import Feed
from hearth.checkins.models import Schedule
from hearth.checkins.slots import Slot
from hearth.couples.access import active_couple
from hearth.experiences.models import Plan
from hearth.experiences.plans import HORIZON
from hearth.lib.timezones import is_timezone

PRODID = "-//Hearth//Calendar feed//EN"
CALENDAR_NAME = "Hearth"
# How often a calendar app should fetch the feed again (a hint; apps decide).
REFRESH = timedelta(hours=1)

CHECKIN_LENGTH = timedelta(minutes=30)
NEUTRAL_TITLE = "Catch-up"
DETAILED_TITLE = "Weekly check-in"

ICAL_WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# The generated VTIMEZONE lists every clock change from the year of the
# first event to this many years after the later of now and the last event.
TIMEZONE_YEARS_AHEAD = 10


def build_calendar(user: User, now: datetime | None = None) -> bytes:
    """The person's calendar as iCalendar bytes. Someone outside an active
    couple, or without an agreed weekly time, gets a valid empty calendar."""
    now = now or timezone.now()
    feed = Feed.objects.filter(user=user).first()
    detailed = feed.detailed_titles if feed else False

    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.calendar_name = CALENDAR_NAME
    # RFC 7986 wants VALUE=DURATION spelled out; X-PUBLISHED-TTL is the older
    # name some apps still read (an explicit vDuration, or it becomes text).
    calendar.add("REFRESH-INTERVAL", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH))

    events = [event for event in [checkin_event(user, detailed=detailed, now=now)] if event is not None]
    events += plan_events(user, detailed=detailed, now=now)
    for event in events:
        calendar.add_component(event)
    if events:
        first, last = _span(event.start for event in events)
        # One VTIMEZONE per TZID in use, inserted before the events.
        calendar.add_missing_timezones(
            first_date=date(first.year, 1, 1),
            last_date=date(max(last.year, now.year) + TIMEZONE_YEARS_AHEAD, 1, 1),
        )
    ical: bytes = calendar.to_ical()
    return ical


def checkin_event(user: User, *, detailed: bool, now: datetime) -> Event | None:
    """The couple's weekly check-in as one recurring event, or None."""
    couple = active_couple(user)
    if couple is None or not couple.is_active:
        return None
    schedule = Schedule.objects.filter(couple=couple).first()
    slot = schedule.slot if schedule else None
    if schedule is None or slot is None or not is_timezone(slot.timezone):
        return None

    first = slot.occurrence_on_or_after(schedule.agreed_at or couple.created_at)
    pauses = list(schedule.pauses.order_by("started_at"))
    open_starts = [pause.started_at for pause in pauses if pause.ended_at is None]
    if not open_starts and schedule.paused_at is not None:
        open_starts = [schedule.paused_at]
    stop = min(open_starts) if open_starts else None

    excluded: set[datetime] = set()
    for pause in pauses:
        if pause.ended_at is not None:
            end = min(pause.ended_at, stop) if stop else pause.ended_at
            excluded.update(_occurrences(slot, max(pause.started_at, first), end))
    if stop is not None and not set(_occurrences(slot, first, stop)) - excluded:
        # Paused before any occurrence that would still show.
        return None

    zone = slot.zone
    title = NEUTRAL_TITLE
    if detailed:
        title = DETAILED_TITLE + (f" \N{EN DASH} {schedule.label}" if schedule.label else "")
    event = Event.new(
        uid=f"checkin-{schedule.pk}-{slot.weekday}-{slot.at:%H%M}@hearth",
        stamp=now.astimezone(UTC),
        start=first.astimezone(zone),
        summary=title,
        url=settings.SITE_URL + reverse("checkin_this_week"),
        classification=CLASS.PRIVATE,
    )
    event.duration = CHECKIN_LENGTH
    rule: dict[str, str | datetime] = {"FREQ": "WEEKLY", "BYDAY": ICAL_WEEKDAYS[slot.weekday]}
    if stop is not None:
        # With a TZID start, RFC 5545 wants UNTIL in UTC. Whole seconds, and
        # an occurrence exactly at the pause's start is left out.
        rule["UNTIL"] = (stop - timedelta(microseconds=1)).astimezone(UTC).replace(microsecond=0)
    event.add("RRULE", rule)
    if excluded:
        event.add("EXDATE", [moment.astimezone(zone) for moment in sorted(excluded)])
    return event


def _occurrences(slot: Slot, start: datetime, end: datetime) -> list[datetime]:
    """The slot's occurrences with start <= occurrence < end, in UTC."""
    found = []
    moment = slot.occurrence_on_or_after(start)
    while moment < end:
        found.append(moment)
        moment = slot.occurrence_after(moment)
    return found


def _span(starts: Iterable[date]) -> tuple[date, date]:
    days = [start.date() if isinstance(start, datetime) else start for start in starts]
    return min(days), max(days)


PLAN_LENGTH = timedelta(hours=2)
PLAN_HISTORY = timedelta(days=60)


def plan_events(user: User, *, detailed: bool, now: datetime) -> list[Event]:
    """Dates the couple planned from their ideas: recent and upcoming, not
    cancelled. Titled neutrally unless the person asked for detail."""
    couple = active_couple(user)
    if couple is None:
        return []
    # A row beyond the horizon plans may have (written some other way) is
    # left out: a calendar cannot express it, and one bad row must not break
    # the whole feed.
    plans = (
        Plan.objects.filter(
            couple=couple,
            cancelled_at__isnull=True,
            starts_at__gte=now - PLAN_HISTORY,
            starts_at__lte=now + HORIZON,
        )
        .select_related("idea")
        .order_by("starts_at")
    )
    events = []
    for plan in plans:
        event = Event()
        event.add("UID", f"plan-{plan.pk}@hearth")
        event.add("DTSTAMP", now)
        event.add("DTSTART", plan.starts_at.astimezone(UTC))
        event.add("DURATION", PLAN_LENGTH)
        event.add("SUMMARY", plan.idea.localized_title if detailed else "Time together")
        event.add("CLASS", "PRIVATE")
        events.append(event)
    return events
