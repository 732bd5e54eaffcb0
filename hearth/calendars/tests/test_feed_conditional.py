from collections.abc import Callable
from datetime import datetime, time, timedelta

import time_machine
from django.utils import timezone
from django.utils.http import http_date, parse_http_date
from icalendar import Calendar

from hearth.calendars.models import Feed
from hearth.calendars.tests.helpers import AGREED, WEDNESDAY, FeedTestCase, utc
from hearth.checkins.models import Schedule
from hearth.checkins.scheduling import pause, propose, resume
from hearth.checkins.slots import Slot
from hearth.couples.services import leave_couple
from hearth.experiences import plans
from hearth.experiences.models import Idea, Plan
from hearth.lib.testing import TestResponse


def when(moment: datetime) -> str:
    return http_date(moment.timestamp())


class ConditionalGetTests(FeedTestCase):
    """Calendar apps ask every hour or so; when nothing changed the answer
    is a short 304, by ETag (If-None-Match) or by date (If-Modified-Since)."""

    def setUp(self) -> None:
        with time_machine.travel(utc(2027, 2, 1), tick=False):
            super().setUp()
        self.idea = Idea.objects.create(key="i001", title="Dance in the kitchen", text="Put on a song.")

    def get(
        self,
        at: datetime,
        headers: dict[str, str] | None = None,
        feed: Feed | None = None,
        head: bool = False,
    ) -> TestResponse:
        """The feed as fetched at `at`, with the request headers given."""
        url = (feed or self.feed).get_absolute_url()
        with time_machine.travel(at, tick=False):
            if head:
                return self.client.head(url, headers=headers)
            return self.client.get(url, headers=headers)

    def test_it_sends_an_etag_and_the_time_of_the_last_change(self) -> None:
        self.agree()
        r = self.get(utc(2027, 3, 5))
        self.assertEqual(r["Last-Modified"], when(AGREED))
        self.assertRegex(r["ETag"], r'^"[0-9a-f]{32}"$')
        later = self.get(utc(2027, 3, 20))
        self.assertEqual((later["ETag"], later["Last-Modified"]), (r["ETag"], r["Last-Modified"]))
        self.assertEqual(later.content, r.content)

    def test_an_unchanged_feed_answers_304_to_either_question(self) -> None:
        self.agree()
        r = self.get(utc(2027, 3, 5))
        for headers in [
            {"if-none-match": r["ETag"]},
            {"if-modified-since": r["Last-Modified"]},
            {"if-none-match": r["ETag"], "if-modified-since": r["Last-Modified"]},
        ]:
            with self.subTest(headers=headers):
                again = self.get(utc(2027, 3, 6), headers)
                self.assertEqual(again.status_code, 304)
                self.assertEqual(again.content, b"")
                self.assertEqual(again["ETag"], r["ETag"])
                self.assertEqual(again["Last-Modified"], r["Last-Modified"])
                self.assertEqual(set(again["Cache-Control"].split(", ")), {"private", "no-cache"})
        self.assertEqual(self.get(utc(2027, 3, 6), {"if-none-match": r["ETag"]}, head=True).status_code, 304)

    def test_a_change_is_sent_in_full(self) -> None:
        schedule = self.agree()
        r = self.get(utc(2027, 3, 5))
        pause(schedule, schedule.version, now=utc(2027, 3, 10, 9))
        by_etag = self.get(utc(2027, 3, 11), {"if-none-match": r["ETag"]})
        by_date = self.get(utc(2027, 3, 11), {"if-modified-since": r["Last-Modified"]})
        for changed in (by_etag, by_date):
            self.assertEqual(changed.status_code, 200)
            self.assertNotEqual(changed["ETag"], r["ETag"])
            self.assertEqual(changed["Last-Modified"], when(utc(2027, 3, 10, 9)))
            self.assertIn(b"UNTIL=", changed.content)

    def test_carol_sending_alices_etag_gets_her_own_calendar(self) -> None:
        self.agree()
        alices = self.get(utc(2027, 3, 5))
        carols_feed = Feed.objects.create(user=self.carol)
        carols = self.get(utc(2027, 3, 5), {"if-none-match": alices["ETag"]}, feed=carols_feed)
        self.assertEqual(carols.status_code, 200)
        self.assertEqual(Calendar.from_ical(carols.content).events, [])

    def test_whenever_the_file_changes_its_last_modified_moves_on(self) -> None:
        """A walk through what changes the feed, and a few things that don't:
        an app that sends only If-Modified-Since must still see each change,
        and one that sends the ETag gets 304 exactly when the file is the same."""
        steps: list[tuple[str, datetime, Callable[[], object], bool]] = [
            ("a weekly time is agreed", AGREED, lambda: self.agree(now=AGREED), True),
            ("a plan is made", utc(2027, 3, 2, 9), lambda: self.make_plan(utc(2027, 3, 20, 18)), True),
            (
                "the plan is moved",
                utc(2027, 3, 3, 9),
                lambda: plans.move(self.plan(), utc(2027, 3, 21, 18)),
                True,
            ),
            ("the check-in is paused", utc(2027, 3, 10, 9), lambda: pause(*self.schedule()), True),
            ("and resumed", utc(2027, 3, 15, 9), lambda: resume(*self.schedule()), True),
            ("titles are switched", utc(2027, 3, 16, 9), lambda: self.feed.set_detailed_titles(True), True),
            ("a week goes by", utc(2027, 3, 23, 9), lambda: None, False),
            ("a new time is agreed", utc(2027, 4, 1, 9), self.agree_wednesdays, True),
            ("another plan is made", utc(2027, 4, 2, 9), lambda: self.make_plan(utc(2027, 4, 30, 18)), True),
            ("and cancelled", utc(2027, 4, 3, 9), lambda: plans.cancel(self.plan()), True),
            ("a change is proposed, not agreed", utc(2027, 4, 20, 9), self.propose_tuesdays, False),
            ("the March plan is two months old", utc(2027, 5, 25, 9), lambda: None, True),
            ("a new year", utc(2028, 1, 2, 9), lambda: None, True),
            ("Bob leaves", utc(2028, 2, 1, 9), lambda: leave_couple(self.bob), True),
            ("a month goes by", utc(2028, 3, 1, 9), lambda: None, False),
        ]
        before = self.get(utc(2027, 2, 1, 9))
        for name, moment, action, changes in steps:
            with self.subTest(step=name):
                with time_machine.travel(moment, tick=False):
                    action()
                after = moment + timedelta(minutes=5)
                now = self.get(after)
                by_date = self.get(after, {"if-modified-since": before["Last-Modified"]})
                by_etag = self.get(after, {"if-none-match": before["ETag"]})
                self.assertEqual(now.content != before.content, changes)
                if changes:
                    self.assertGreater(
                        parse_http_date(now["Last-Modified"]), parse_http_date(before["Last-Modified"])
                    )
                    self.assertNotEqual(now["ETag"], before["ETag"])
                    self.assertEqual((by_date.status_code, by_etag.status_code), (200, 200))
                else:
                    self.assertEqual(now["ETag"], before["ETag"])
                    self.assertEqual((by_date.status_code, by_etag.status_code), (304, 304))
                before = now

    def schedule(self) -> tuple[Schedule, int]:
        schedule = Schedule.objects.get(couple=self.couple)
        return schedule, schedule.version

    def plan(self) -> Plan:
        return Plan.objects.filter(cancelled_at__isnull=True).latest("pk")

    def make_plan(self, starts_at: datetime) -> Plan:
        return plans.make(self.couple, self.alice, self.idea, starts_at, remind=False)

    def agree_wednesdays(self) -> Schedule:
        return self.agree(weekday=WEDNESDAY, at=time(7, 15), now=timezone.now())

    def propose_tuesdays(self) -> Schedule:
        schedule, version = self.schedule()
        return propose(schedule, self.alice, Slot(1, time(9), "Europe/London"), "", version)
