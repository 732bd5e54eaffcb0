from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from hearth.calendars.feed import build_calendar
from hearth.calendars.models import Feed
from hearth.calendars.tests.helpers import AGREED, LONDON, SUNDAY, FeedTestCase, utc
from hearth.checkins.models import AgreedSlot, Pause, Schedule
from hearth.checkins.scheduling import pause, resume
from hearth.couples.services import leave_couple
from hearth.lib.testing import BaseTestCase


class FeedTests(FeedTestCase):
    def test_it_needs_no_login_and_serves_an_ics_file(self) -> None:
        r = self.client.get(f"/calendar/{self.feed.token}.ics")
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r["Content-Type"], "text/calendar; charset=utf-8")
        self.assertEqual(r["Content-Disposition"], 'inline; filename="hearth.ics"')
        # Private, and checked with the server every time; not no-store, so
        # that an app can ask "has it changed?" (see test_feed_conditional).
        self.assertEqual(set(r["Cache-Control"].split(", ")), {"private", "no-cache"})

    def test_it_is_a_valid_empty_calendar_before_a_time_is_agreed(self) -> None:
        cal = self.fetch()
        self.assertEqual(cal["VERSION"], "2.0")
        self.assertEqual(str(cal["PRODID"]), "-//Hearth//Calendar feed//EN")
        self.assertEqual(str(cal["X-WR-CALNAME"]), "Hearth")
        self.assertEqual(cal.refresh_interval, timedelta(hours=1))
        self.assertIn(b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n", cal.to_ical())
        self.assertIn(b"\r\nX-PUBLISHED-TTL:PT1H\r\n", cal.to_ical())
        self.assertEqual(cal.events, [])
        self.assertEqual(cal.timezones, [])

    def test_it_keeps_the_local_time_across_the_clock_change(self) -> None:
        self.agree()
        cal = self.fetch()
        occurrences = self.expand(
            cal, datetime(2027, 3, 14, tzinfo=LONDON), datetime(2027, 4, 15, tzinfo=LONDON)
        )
        self.assertEqual(
            [o.start.date() for o in occurrences],
            [date(2027, 3, 14), date(2027, 3, 21), date(2027, 3, 28), date(2027, 4, 4), date(2027, 4, 11)],
        )
        for occurrence in occurrences:
            local = occurrence.start.astimezone(LONDON)
            self.assertEqual((local.weekday(), local.hour, local.minute), (SUNDAY, 20, 30))
            self.assertEqual(occurrence.end - occurrence.start, timedelta(minutes=30))
        # The same wall-clock time is a different UTC hour after the clocks went forward.
        self.assertEqual(occurrences[1].start.astimezone(UTC), utc(2027, 3, 21, 20, 30))
        self.assertEqual(occurrences[2].start.astimezone(UTC), utc(2027, 3, 28, 19, 30))

    def test_it_writes_local_time_with_a_tzid_and_its_vtimezone(self) -> None:
        schedule = self.agree()
        raw = self.fetch_raw()
        # Local wall-clock time with the zone's name, not a UTC "Z" time.
        self.assertIn(b"\r\nDTSTART;TZID=Europe/London:20270307T203000\r\n", raw)
        self.assertIn(b"\r\nDURATION:PT30M\r\n", raw)
        cal = Calendar.from_ical(raw)
        [event] = cal.events
        self.assertEqual(event.start, datetime(2027, 3, 7, 20, 30, tzinfo=LONDON))
        self.assertEqual(event.duration, timedelta(minutes=30))
        [agreed] = schedule.agreed_slots.all()
        self.assertEqual(event.uid, f"checkin-{schedule.pk}-{agreed.pk}@hearth.example.org")
        [rule] = event.rrules
        self.assertEqual((rule["FREQ"], rule["BYDAY"]), (["WEEKLY"], ["SU"]))
        self.assertNotIn("UNTIL", rule)
        self.assertEqual(event.url, "https://hearth.example.org/checkins/")
        # The VTIMEZONE alone (not the machine's zone database) describes the change.
        [vtimezone] = cal.timezones
        self.assertEqual(vtimezone.tz_name, "Europe/London")
        own = vtimezone.to_tz(lookup_tzid=False)
        self.assertEqual(datetime(2027, 3, 21, 20, 30, tzinfo=own).utcoffset(), timedelta(0))
        self.assertEqual(datetime(2027, 3, 28, 20, 30, tzinfo=own).utcoffset(), timedelta(hours=1))
        self.assertEqual(datetime(2027, 11, 7, 20, 30, tzinfo=own).utcoffset(), timedelta(0))

    def test_the_partner_sees_the_same_checkin(self) -> None:
        self.agree()
        bobs = self.fetch(Feed.objects.create(user=self.bob))
        self.assertEqual([e.uid for e in bobs.events], [e.uid for e in self.fetch().events])

    def test_a_closed_pause_removes_exactly_the_paused_sundays(self) -> None:
        schedule = self.agree()
        schedule = pause(schedule, schedule.version, now=utc(2027, 3, 20, 9))
        resume(schedule, schedule.version, now=utc(2027, 4, 2, 9))
        raw = self.fetch_raw()
        self.assertIn(b"\r\nEXDATE;TZID=Europe/London:20270321T203000,20270328T203000\r\n", raw)
        cal = Calendar.from_ical(raw)
        self.assertEqual(self.days(cal), [date(2027, 3, 14), date(2027, 4, 4), date(2027, 4, 11)])
        [event] = cal.events
        self.assertNotIn("UNTIL", event.rrules[0])

    def test_a_pause_ending_at_an_occurrence_keeps_it(self) -> None:
        schedule = self.agree()
        schedule = pause(schedule, schedule.version, now=utc(2027, 3, 20, 9))
        # 20:30 in London on 28 March is 19:30 UTC: started_at <= occurrence < ended_at.
        resume(schedule, schedule.version, now=utc(2027, 3, 28, 19, 30))
        self.assertEqual(
            self.days(self.fetch()),
            [date(2027, 3, 14), date(2027, 3, 28), date(2027, 4, 4), date(2027, 4, 11)],
        )

    def test_an_open_pause_stops_the_series(self) -> None:
        schedule = self.agree()
        pause(schedule, schedule.version, now=utc(2027, 3, 24, 9))
        cal = self.fetch()
        self.assertEqual(self.days(cal, end=date(2030, 1, 1)), [date(2027, 3, 14), date(2027, 3, 21)])
        [event] = cal.events
        self.assertEqual(event.rrules[0]["UNTIL"], [utc(2027, 3, 24, 8, 59, 59)])

    def test_an_occurrence_at_the_moment_of_pausing_is_left_out(self) -> None:
        schedule = self.agree()
        pause(schedule, schedule.version, now=utc(2027, 3, 21, 20, 30))
        self.assertEqual(self.days(self.fetch(), end=date(2028, 1, 1)), [date(2027, 3, 14)])

    def test_closed_and_open_pauses_together(self) -> None:
        schedule = self.agree()
        schedule = pause(schedule, schedule.version, now=utc(2027, 3, 13))
        schedule = resume(schedule, schedule.version, now=utc(2027, 3, 15))
        pause(schedule, schedule.version, now=utc(2027, 4, 1))
        self.assertEqual(
            self.days(self.fetch(), start=date(2027, 3, 1), end=date(2028, 1, 1)),
            [date(2027, 3, 7), date(2027, 3, 21), date(2027, 3, 28)],
        )

    def test_paused_before_the_first_occurrence_there_is_no_event(self) -> None:
        schedule = self.agree()
        pause(schedule, schedule.version, now=utc(2027, 3, 3))
        cal = self.fetch()
        self.assertEqual(cal.events, [])
        self.assertEqual(cal.timezones, [])

    def test_titles_are_neutral_by_default(self) -> None:
        self.agree(label="before bed")
        r = self.client.get(self.feed.get_absolute_url())
        [event] = Calendar.from_ical(r.content).events
        self.assertEqual(event.summary, "Catch-up")
        self.assertNotContains(r, "before bed")
        self.assertNotContains(r, "check-in")
        self.assertNotIn("DESCRIPTION", event)

    def test_detailed_titles_name_the_checkin_and_its_label(self) -> None:
        self.feed.detailed_titles = True
        self.feed.save()
        self.agree(label="before bed")
        [event] = self.fetch().events
        self.assertEqual(event.summary, "Weekly check-in \N{EN DASH} before bed")

    def test_detailed_titles_without_a_label(self) -> None:
        self.feed.detailed_titles = True
        self.feed.save()
        self.agree()
        [event] = self.fetch().events
        self.assertEqual(event.summary, "Weekly check-in")

    def test_carols_token_shows_only_carols_empty_calendar(self) -> None:
        self.agree()
        carols = Feed.objects.create(user=self.carol)
        r = self.client.get(carols.get_absolute_url())
        self.assertEqual(Calendar.from_ical(r.content).events, [])
        self.assertNotContains(r, "checkin-")
        self.assertNotContains(r, self.feed.token)

    def test_unknown_and_garbage_tokens_are_not_found(self) -> None:
        for path in [
            "/calendar/" + "A" * 43 + ".ics",
            "/calendar/not-a-token.ics",
            f"/calendar/{self.feed.token}x.ics",
            f"/calendar/{self.feed.token.upper()}.ics",
            "/calendar/%00%27%22.ics",
            "/calendar/.ics",
            f"/calendar/{self.feed.token}",
        ]:
            with self.subTest(path=path):
                self.assertEqual(self.client.get(path).status_code, 404)

    def test_the_feed_only_answers_reads(self) -> None:
        self.assertEqual(self.client.head(self.feed.get_absolute_url()).status_code, 200)
        self.assertEqual(self.client.post(self.feed.get_absolute_url()).status_code, 405)

    def test_after_a_partner_leaves_neither_feed_has_the_checkin(self) -> None:
        self.agree()
        bobs = Feed.objects.create(user=self.bob)
        self.assertEqual(len(self.fetch(bobs).events), 1)
        leave_couple(self.alice)
        self.assertEqual(self.fetch(bobs).events, [])
        self.assertEqual(self.fetch().events, [])


class BuildCalendarTests(BaseTestCase):
    """The building function on its own, for cases the scheduling services don't make."""

    def settle(self, weekday: int, at: time, tz: str, label: str = "") -> Schedule:
        """A schedule with an agreed slot written directly, as confirm() would."""
        schedule = Schedule.objects.create(
            couple=self.couple, weekday=weekday, local_time=at, timezone=tz, label=label, agreed_at=AGREED
        )
        AgreedSlot.objects.create(
            schedule=schedule, weekday=weekday, local_time=at, timezone=tz, label=label, agreed_at=AGREED
        )
        return schedule

    def test_a_zone_without_clock_changes(self) -> None:
        self.settle(0, time(8), "Asia/Tokyo")
        cal = Calendar.from_ical(build_calendar(self.alice).ical)
        [event] = cal.events
        self.assertEqual(event.start, datetime(2027, 3, 8, 8, 0, tzinfo=ZoneInfo("Asia/Tokyo")))
        self.assertEqual([tz.tz_name for tz in cal.timezones], ["Asia/Tokyo"])

    def test_a_pause_row_without_an_agreed_slot_is_ignored(self) -> None:
        schedule = Schedule.objects.create(couple=self.couple)
        Pause.objects.create(schedule=schedule, started_at=AGREED)
        self.assertEqual(Calendar.from_ical(build_calendar(self.bob).ical).events, [])

    def test_a_user_without_a_feed_row_gets_neutral_titles(self) -> None:
        self.settle(6, time(20, 30), "Europe/London", label="x")
        [event] = Calendar.from_ical(build_calendar(self.bob).ical).events
        self.assertIsInstance(event, Event)
        self.assertEqual(event.summary, "Catch-up")

    def test_an_unknown_timezone_gives_an_empty_calendar_not_an_error(self) -> None:
        self.settle(6, time(20, 30), "Mars/Olympus")
        self.assertEqual(Calendar.from_ical(build_calendar(self.alice).ical).events, [])

    def test_the_same_feed_built_at_different_times_is_the_same_file(self) -> None:
        self.settle(6, time(20, 30), "Europe/London")
        built = [build_calendar(self.alice, now=AGREED + timedelta(days=d)) for d in (1, 30, 200)]
        self.assertEqual(len({b.ical for b in built}), 1)
        self.assertEqual({b.changed_at for b in built}, {AGREED})
