"""The per-person calendar feed: an iCalendar (RFC 5545) file any calendar
app can subscribe to.

Times are written in the couple's own timezone (with a TZID and its
VTIMEZONE), never in UTC, so a check-in at 20:30 stays at 20:30 in the
calendar app on both sides of a clock change. Titles are neutral unless the
person asked for detailed ones, and no event carries anything either
partner wrote.

Each event is stamped (DTSTAMP, LAST-MODIFIED) with its own last change,
never the moment of download, so an unchanged feed is the same bytes and
the view can answer a calendar app's "has it changed?" with 304. The file
also knows when it last changed (`CalendarFile.changed_at`), counting what
only time changes: a plan growing too old to show, the New Year.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from icalendar import CLASS, Calendar, Event, vDuration

from hearth.accounts.models import User
from hearth.calendars.models import Feed
from hearth.checkins.models import AgreedSlot, Schedule
from hearth.checkins.slots import Slot
from hearth.couples.access import active_couple
from hearth.couples.models import Couple, Membership
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

PLAN_LENGTH = timedelta(hours=2)
PLAN_HISTORY = timedelta(days=60)


@dataclass(frozen=True)
class CalendarFile:
    ical: bytes
    # The last moment at which anything in the file changed, or an event
    # left it: the response's Last-Modified.
    changed_at: datetime | None


@dataclass(frozen=True)
class Titles:
    """How this person's feed names its events."""

    detailed: bool
    # Switching changes every event's title, so it restamps each of them.
    switched_at: datetime | None

    def stamp(self, changed_at: datetime) -> datetime:
        return max(changed_at, self.switched_at or changed_at).astimezone(UTC)


@dataclass(frozen=True)
class Events:
    """Some of the feed's events, and the last time one of them changed or
    one was left out."""

    events: list[Event]
    changed_at: datetime | None


def build_calendar(user: User, now: datetime | None = None) -> CalendarFile:
    """The person's calendar. Someone outside an active couple, or without
    an agreed weekly time, gets a valid empty calendar."""
    now = now or timezone.now()
    feed = Feed.objects.filter(user=user).first()
    titles = Titles(feed.detailed_titles, feed.titles_changed_at) if feed else Titles(False, None)

    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.calendar_name = CALENDAR_NAME
    # RFC 7986 wants VALUE=DURATION spelled out; X-PUBLISHED-TTL is the older
    # name some apps still read (an explicit vDuration, or it becomes text).
    calendar.add("REFRESH-INTERVAL", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH))

    couple = active_couple(user)
    if couple is not None and couple.is_active:
        parts = [checkin_events(couple, titles), plan_events(couple, titles, now)]
    else:
        parts = [Events([], _left_at(user))]
    events = [event for part in parts for event in part.events]
    changes = [part.changed_at for part in parts]
    if feed:
        changes += [feed.created_at, feed.titles_changed_at]

    for event in events:
        calendar.add_component(event)
    if events:
        first, last = _span(event.start for event in events)
        # One VTIMEZONE per TZID in use, inserted before the events.
        calendar.add_missing_timezones(
            first_date=date(first.year, 1, 1),
            last_date=date(max(last.year, now.year) + TIMEZONE_YEARS_AHEAD, 1, 1),
        )
        # The VTIMEZONE runs ten years past the current one: it grows each New Year.
        changes.append(datetime(now.year, 1, 1, tzinfo=UTC))
    return CalendarFile(calendar.to_ical(), max((c for c in changes if c is not None), default=None))


def _left_at(user: User) -> datetime | None:
    """When the person's last couple ended: their feed emptied then."""
    ended: datetime | None = Membership.objects.filter(user=user).aggregate(Max("ended_at"))["ended_at__max"]
    return ended


def _uid(local: str) -> str:
    """A UID at the site's own host, as RFC 5545 suggests, so it cannot
    clash with another Hearth's events in the same calendar app."""
    return f"{local}@{urlsplit(settings.SITE_URL).hostname}"


# A pause as (started, ended); ended is None while it lasts.
type Interval = tuple[datetime, datetime | None]


def checkin_events(couple: Couple, titles: Titles) -> Events:
    """The weekly check-in: one recurring event for each slot the couple
    agreed, from its agreement until the next (UNTIL), so a new time
    leaves the past as it was. Pauses apply to every series."""
    schedule = Schedule.objects.filter(couple=couple).first()
    if schedule is None:
        return Events([], None)
    agreed = list(schedule.agreed_slots.order_by("agreed_at", "pk"))
    if not agreed:
        return Events([], None)
    pauses: list[Interval] = [
        (pause.started_at, pause.ended_at) for pause in schedule.pauses.order_by("started_at")
    ]
    if schedule.paused_at is not None and all(ended is not None for _, ended in pauses):
        # Paused with no open Pause row: the pause still stops the series.
        pauses.append((schedule.paused_at, None))

    events: list[Event] = []
    changes: list[datetime] = []
    for series, following in zip(agreed, [*agreed[1:], None], strict=True):
        end = following.agreed_at if following else None
        changed_at, sequence = _revision(series.agreed_at, end, pauses)
        changes.append(changed_at)
        if is_timezone(series.timezone):
            event = _series_event(schedule, series, end, pauses, titles)
            if event is not None:
                event.stamp = event.last_modified = titles.stamp(changed_at)
                event.sequence = sequence
                events.append(event)
    return Events(events, max(changes, default=None))


def _revision(start: datetime, end: datetime | None, pauses: list[Interval]) -> tuple[datetime, int]:
    """When a series last changed, and how many times it changed since it
    was agreed (its SEQUENCE): ended by a new time (UNTIL), or a pause that
    overlaps it beginning (UNTIL) or ending (UNTIL gone, EXDATEs). Pauses are
    only ever added or ended, so neither number can go down."""
    moments = [end] if end is not None else []
    for started, ended in pauses:
        if (end is None or started < end) and (ended is None or ended > start):
            moments += [moment for moment in (started, ended) if moment is not None and moment > start]
    return max([start, *moments]), len(moments)


def _series_event(
    schedule: Schedule, series: AgreedSlot, end: datetime | None, pauses: list[Interval], titles: Titles
) -> Event | None:
    """One agreed slot as a recurring event, or None if none of its
    occurrences remain."""
    slot = series.slot
    first = slot.occurrence_on_or_after(series.agreed_at)
    stops = [started for started, ended in pauses if ended is None] + ([end] if end is not None else [])
    stop = min(stops) if stops else None

    excluded: set[datetime] = set()
    for started, ended in pauses:
        if ended is not None:
            excluded.update(
                _occurrences(slot, max(started, first), min(ended, stop) if stop is not None else ended)
            )
    if stop is not None and not set(_occurrences(slot, first, stop)) - excluded:
        # Replaced or paused before any occurrence that would still show.
        return None

    zone = slot.zone
    title = NEUTRAL_TITLE
    if titles.detailed:
        title = DETAILED_TITLE + (f" \N{EN DASH} {series.label}" if series.label else "")
    event = Event.new(
        uid=_uid(f"checkin-{schedule.pk}-{series.pk}"),
        start=first.astimezone(zone),
        summary=title,
        url=settings.SITE_URL + reverse("checkin_this_week"),
        classification=CLASS.PRIVATE,
    )
    event.duration = CHECKIN_LENGTH
    rule: dict[str, str | datetime] = {"FREQ": "WEEKLY", "BYDAY": ICAL_WEEKDAYS[slot.weekday]}
    if stop is not None:
        # With a TZID start, RFC 5545 wants UNTIL in UTC. Whole seconds, and
        # an occurrence exactly at the stop (a pause, the next time) is left out.
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


def plan_events(couple: Couple, titles: Titles, now: datetime) -> Events:
    """Dates the couple planned from their ideas: recent and upcoming, not
    cancelled. Titled neutrally unless the person asked for detail."""
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
        event = Event.new(
            uid=_uid(f"plan-{plan.pk}"),
            stamp=titles.stamp(plan.updated_at),
            last_modified=titles.stamp(plan.updated_at),
            sequence=plan.sequence,
            start=plan.starts_at.astimezone(UTC),
            summary=plan.idea.localized_title if titles.detailed else "Time together",
            classification=CLASS.PRIVATE,
        )
        event.duration = PLAN_LENGTH
        events.append(event)
    # A cancelled plan leaves with its last change; an old one leaves
    # PLAN_HISTORY after it began.
    latest = Plan.objects.filter(couple=couple).aggregate(
        changed=Max("updated_at"),
        aged=Max("starts_at", filter=Q(cancelled_at__isnull=True, starts_at__lt=now - PLAN_HISTORY)),
    )
    aged_out = latest["aged"] + PLAN_HISTORY if latest["aged"] else None
    changes = [moment for moment in (latest["changed"], aged_out) if moment is not None]
    return Events(events, max(changes, default=None))
