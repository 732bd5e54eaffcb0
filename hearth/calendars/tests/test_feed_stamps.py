from datetime import datetime, timedelta

import time_machine
from icalendar import Calendar, Event

from hearth.calendars.models import Feed
from hearth.calendars.tests.helpers import AGREED, FeedTestCase, utc
from hearth.checkins.scheduling import pause, resume
from hearth.experiences import plans
from hearth.experiences.models import Idea, Plan

PLANNED = utc(2027, 5, 3, 9)


class StampTests(FeedTestCase):
    """DTSTAMP and LAST-MODIFIED are when the event last changed, never the
    moment of the download, and SEQUENCE goes up with each change of time."""

    def setUp(self) -> None:
        super().setUp()
        self.idea = Idea.objects.create(key="i001", title="Dance in the kitchen", text="Put on a song.")

    def fetch_at(self, moment: datetime, feed: Feed | None = None) -> Calendar:
        with time_machine.travel(moment, tick=False):
            return self.fetch(feed)

    def stamp(self, event: Event) -> tuple[datetime, int]:
        self.assertEqual(event.last_modified, event.stamp)
        return event.stamp, event.sequence

    def plan(self, starts_at: datetime = PLANNED + timedelta(days=5)) -> Plan:
        with time_machine.travel(PLANNED, tick=False):
            return plans.make(self.couple, self.alice, self.idea, starts_at, remind=False)

    def test_the_checkin_is_stamped_when_agreed_not_when_fetched(self) -> None:
        self.agree()
        first = self.fetch_at(utc(2027, 3, 2))
        later = self.fetch_at(utc(2027, 9, 2))
        self.assertEqual(first.to_ical(), later.to_ical())
        [event] = later.events
        self.assertEqual(self.stamp(event), (AGREED, 0))

    def test_pausing_and_resuming_restamp_the_checkin_and_raise_its_sequence(self) -> None:
        schedule = self.agree()
        schedule = pause(schedule, schedule.version, now=utc(2027, 3, 20, 9))
        [event] = self.fetch().events
        self.assertEqual(self.stamp(event), (utc(2027, 3, 20, 9), 1))
        resume(schedule, schedule.version, now=utc(2027, 4, 2, 9))
        [event] = self.fetch().events
        self.assertEqual(self.stamp(event), (utc(2027, 4, 2, 9), 2))

    def test_a_plan_is_stamped_when_made_and_again_when_moved(self) -> None:
        plan = self.plan()
        [event] = self.fetch_at(PLANNED + timedelta(days=1)).events
        self.assertEqual(event.uid, f"plan-{plan.pk}@hearth.example.org")
        self.assertEqual(self.stamp(event), (PLANNED, 0))
        moved = PLANNED + timedelta(hours=2)
        with time_machine.travel(moved, tick=False):
            plans.move(plan, PLANNED + timedelta(days=6))
        [event] = self.fetch_at(PLANNED + timedelta(days=1)).events
        self.assertEqual(self.stamp(event), (moved, 1))
        self.assertEqual(event.start, PLANNED + timedelta(days=6))

    def test_switching_titles_restamps_every_event_but_keeps_its_sequence(self) -> None:
        self.agree()
        self.plan()
        switched = PLANNED + timedelta(hours=1)
        with time_machine.travel(switched, tick=False):
            self.client.force_login(self.alice)
            r = self.client.post("/calendar/", {"action": "titles", "detailed": "on"})
            self.assertRedirects(r, "/calendar/", fetch_redirect_response=False)
        self.client.logout()
        events = self.fetch_at(PLANNED + timedelta(days=1)).events
        self.assertEqual(sorted(self.stamp(event) for event in events), [(switched, 0), (switched, 0)])
        self.assertEqual(
            sorted(event.summary for event in events), ["Dance in the kitchen", "Weekly check-in"]
        )
        # Bob's own feed reads as before: the switch was Alice's.
        bobs = self.fetch_at(PLANNED + timedelta(days=1), Feed.objects.create(user=self.bob)).events
        self.assertEqual(sorted(self.stamp(event) for event in bobs), [(AGREED, 0), (PLANNED, 0)])
