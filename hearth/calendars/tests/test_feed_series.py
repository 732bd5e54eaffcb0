from datetime import date, datetime, time, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar, Event

from hearth.calendars.models import Feed
from hearth.calendars.tests.helpers import LONDON, SUNDAY, WEDNESDAY, FeedTestCase, utc
from hearth.checkins.scheduling import pause, resume
from hearth.experiences.models import Idea, Plan

# A new time agreed on Tuesday 1 June 2027: the last Sunday of the first
# series is 30 May, the first Wednesday of the next is 2 June.
CHANGED = utc(2027, 6, 1, 12)
MORNING = time(7, 15)


class SeriesTests(FeedTestCase):
    """A new weekly time ends the old series (UNTIL) and starts another, so
    the check-ins already in the calendar stay where they were."""

    def change(self, now: datetime = CHANGED, weekday: int = WEDNESDAY, at: time = MORNING) -> None:
        self.agree(weekday=weekday, at=at, now=now)

    def by_start(self, cal: Calendar) -> list[Event]:
        return sorted(cal.events, key=lambda event: event.start)

    def test_a_new_time_keeps_the_past_and_starts_a_new_series(self) -> None:
        schedule = self.agree()
        self.change()
        cal = self.fetch()
        old, new = self.by_start(cal)
        first, second = schedule.agreed_slots.order_by("agreed_at")
        self.assertEqual(old.uid, f"checkin-{schedule.pk}-{first.pk}@hearth.example.org")
        self.assertEqual(new.uid, f"checkin-{schedule.pk}-{second.pk}@hearth.example.org")

        self.assertEqual(old.start, datetime(2027, 3, 7, 20, 30, tzinfo=LONDON))
        self.assertEqual(old.rrules[0]["BYDAY"], ["SU"])
        self.assertEqual(old.rrules[0]["UNTIL"], [utc(2027, 6, 1, 11, 59, 59)])
        self.assertEqual(new.start, datetime(2027, 6, 2, 7, 15, tzinfo=LONDON))
        self.assertEqual(new.rrules[0]["BYDAY"], ["WE"])
        self.assertNotIn("UNTIL", new.rrules[0])

        self.assertEqual(
            self.days(cal, start=date(2027, 5, 16), end=date(2027, 6, 17)),
            [
                *[date(2027, 5, 16), date(2027, 5, 23), date(2027, 5, 30)],
                *[date(2027, 6, 2), date(2027, 6, 9), date(2027, 6, 16)],
            ],
        )
        # The first check-ins are still there, at their own time.
        self.assertEqual(
            self.days(cal, start=date(2027, 3, 1), end=date(2027, 3, 15)),
            [date(2027, 3, 7), date(2027, 3, 14)],
        )

    def test_both_partners_see_the_same_series(self) -> None:
        self.agree()
        self.change()
        bobs = self.fetch(Feed.objects.create(user=self.bob))
        self.assertEqual(sorted(e.uid for e in bobs.events), sorted(e.uid for e in self.fetch().events))

    def test_going_back_to_an_earlier_time_is_a_series_of_its_own(self) -> None:
        self.agree()
        self.change()
        self.change(now=utc(2027, 7, 1, 12), weekday=SUNDAY, at=time(20, 30))
        cal = self.fetch()
        self.assertEqual(len({event.uid for event in cal.events}), 3)
        self.assertEqual(
            self.days(cal, start=date(2027, 6, 20), end=date(2027, 7, 12)),
            [date(2027, 6, 23), date(2027, 6, 30), date(2027, 7, 4), date(2027, 7, 11)],
        )

    def test_a_time_replaced_before_it_ever_came_leaves_no_event(self) -> None:
        self.agree()
        # Changed on Wednesday 3 March, before the first Sunday (7 March).
        self.change(now=utc(2027, 3, 3, 12))
        [event] = self.fetch().events
        self.assertEqual(event.start, datetime(2027, 3, 10, 7, 15, tzinfo=LONDON))

    def test_a_closed_pause_across_a_change_of_time(self) -> None:
        schedule = self.agree()
        schedule = pause(schedule, schedule.version, now=utc(2027, 5, 20, 9))
        self.change()
        schedule.refresh_from_db()
        resume(schedule, schedule.version, now=utc(2027, 6, 10, 9))
        raw = self.fetch_raw()
        self.assertIn(b"\r\nEXDATE;TZID=Europe/London:20270523T203000,20270530T203000\r\n", raw)
        self.assertIn(b"\r\nEXDATE;TZID=Europe/London:20270602T071500,20270609T071500\r\n", raw)
        self.assertEqual(
            self.days(Calendar.from_ical(raw), start=date(2027, 5, 9), end=date(2027, 6, 24)),
            [date(2027, 5, 9), date(2027, 5, 16), date(2027, 6, 16), date(2027, 6, 23)],
        )

    def test_an_open_pause_across_a_change_of_time(self) -> None:
        schedule = self.agree()
        schedule = pause(schedule, schedule.version, now=utc(2027, 5, 20, 9))
        self.change()
        # Still paused: the old series stops at the pause, the new one has not begun.
        [event] = self.fetch().events
        self.assertEqual(event.rrules[0]["UNTIL"], [utc(2027, 5, 20, 8, 59, 59)])
        self.assertEqual(
            self.days(self.fetch(), start=date(2027, 5, 9), end=date(2030, 1, 1)),
            [date(2027, 5, 9), date(2027, 5, 16)],
        )

        schedule.refresh_from_db()
        resume(schedule, schedule.version, now=utc(2027, 6, 10, 9))
        self.assertEqual(
            self.days(self.fetch(), start=date(2027, 5, 9), end=date(2027, 6, 24)),
            [date(2027, 5, 9), date(2027, 5, 16), date(2027, 6, 16), date(2027, 6, 23)],
        )

    def test_each_series_has_its_own_stamp_and_sequence(self) -> None:
        schedule = self.agree()
        self.change()

        def stamps() -> list[tuple[datetime, datetime, int]]:
            return [
                (event.stamp, event.last_modified, event.sequence) for event in self.by_start(self.fetch())
            ]

        # Ending the first series (UNTIL) changed it once.
        self.assertEqual(stamps(), [(CHANGED, CHANGED, 1), (CHANGED, CHANGED, 0)])
        schedule.refresh_from_db()
        schedule = pause(schedule, schedule.version, now=utc(2027, 6, 5, 9))
        self.assertEqual(stamps(), [(CHANGED, CHANGED, 1), (utc(2027, 6, 5, 9), utc(2027, 6, 5, 9), 1)])
        resume(schedule, schedule.version, now=utc(2027, 6, 8, 9))
        self.assertEqual(stamps(), [(CHANGED, CHANGED, 1), (utc(2027, 6, 8, 9), utc(2027, 6, 8, 9), 2)])

    def test_a_long_history_costs_no_more_queries(self) -> None:
        schedule = self.agree()
        with CaptureQueriesContext(connection) as short:
            self.fetch()
        schedule = pause(schedule, schedule.version, now=utc(2027, 5, 20, 9))
        resume(schedule, schedule.version, now=utc(2027, 5, 25, 9))
        self.change()
        self.change(now=utc(2027, 7, 1, 12), weekday=SUNDAY, at=time(20, 30))
        idea = Idea.objects.create(key="i001", title="Dance in the kitchen", text="Put on a song.")
        now = timezone.now()
        for days in (3, 4, 5):
            Plan.objects.create(couple=self.couple, idea=idea, starts_at=now + timedelta(days=days))
        with CaptureQueriesContext(connection) as long:
            cal = self.fetch()
        self.assertEqual(len(cal.events), 6)
        self.assertEqual(len(long.captured_queries), len(short.captured_queries))
