"""What the feed tests share: alice's feed, agreeing a weekly time through
the scheduling services, fetching the feed and expanding its events."""

from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import recurring_ical_events  # type: ignore[import-untyped]
from django.test import override_settings
from icalendar import Calendar

from hearth.calendars.models import Feed
from hearth.checkins.models import Schedule
from hearth.checkins.scheduling import confirm, propose, schedule_for
from hearth.checkins.slots import Slot
from hearth.lib.testing import BaseTestCase

LONDON = ZoneInfo("Europe/London")
SUNDAY = 6
WEDNESDAY = 2
# Agreed on Monday 1 March 2027: the first check-in is Sunday 7 March, and the
# clocks go forward in London on Sunday 28 March 2027.
AGREED = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


@override_settings(SITE_URL="https://hearth.example.org")
class FeedTestCase(BaseTestCase):
    def setUp(self) -> None:
        self.feed = Feed.objects.create(user=self.alice)

    def agree(
        self,
        label: str = "",
        tz: str = "Europe/London",
        at: time = time(20, 30),
        weekday: int = SUNDAY,
        now: datetime = AGREED,
    ) -> Schedule:
        """Alice proposes a weekly time and Bob agrees to it at `now`."""
        schedule = schedule_for(self.couple)
        schedule = propose(schedule, self.alice, Slot(weekday, at, tz), label, schedule.version)
        return confirm(schedule, self.bob, schedule.version, now=now)

    def fetch(self, feed: Feed | None = None) -> Calendar:
        return Calendar.from_ical(self.fetch_raw(feed))

    def fetch_raw(self, feed: Feed | None = None) -> bytes:
        r = self.client.get((feed or self.feed).get_absolute_url())
        self.assertEqual(r.status_code, 200)
        return r.content

    def expand(self, cal: Calendar, start: datetime, end: datetime) -> list[Any]:
        occurrences: list[Any] = recurring_ical_events.of(cal).between(start, end)
        return sorted(occurrences, key=lambda o: o.start)

    def days(
        self, cal: Calendar, start: date = date(2027, 3, 14), end: date = date(2027, 4, 15)
    ) -> list[date]:
        """The local dates of the check-ins with start <= date < end."""
        moments = self.expand(
            cal, datetime.combine(start, time(), LONDON), datetime.combine(end, time(), LONDON)
        )
        return [o.start.date() for o in moments]
