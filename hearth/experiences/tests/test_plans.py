from datetime import UTC, datetime, timedelta

import time_machine
from icalendar import Calendar

from hearth.calendars.feed import build_calendar
from hearth.calendars.models import Feed
from hearth.experiences import plans
from hearth.experiences.models import Idea, Plan
from hearth.lib.testing import BaseTestCase, TestResponse, make_couple, make_user

NOW = datetime(2027, 5, 3, 9, 0, tzinfo=UTC)


@time_machine.travel(NOW, tick=False)
class PlanTests(BaseTestCase):
    def setUp(self) -> None:
        self.idea = Idea.objects.create(key="i001", title="Dance in the kitchen", text="Put on a song.")

    def plan(self, day: str = "2027-05-08", at: str = "19:30", **extra: str) -> TestResponse:
        self.client.force_login(self.alice)
        return self.client.post(f"/ideas/{self.idea.pk}/plan/", {"day": day, "at": at, **extra})

    def test_anonymous_is_sent_to_login_and_a_stranger_home(self) -> None:
        self.assertEqual(self.client.get("/plans/").status_code, 302)
        self.client.force_login(self.carol)
        self.assertRedirects(self.client.get("/plans/"), "/", fetch_redirect_response=False)

    def test_a_plan_appears_for_both_and_in_both_calendar_feeds(self) -> None:
        r = self.plan(remind="on")
        self.assertRedirects(r, "/plans/", fetch_redirect_response=False)
        plan = Plan.objects.get()
        # 19:30 in London (alice's timezone) in May is 18:30 UTC.
        self.assertEqual(plan.starts_at, datetime(2027, 5, 8, 18, 30, tzinfo=UTC))
        self.assertEqual(plan.remind_at, plan.starts_at - timedelta(hours=2))
        self.client.force_login(self.bob)
        self.assertContains(self.client.get("/plans/"), "Dance in the kitchen")
        for who in (self.alice, self.bob):
            events = list(Calendar.from_ical(build_calendar(who).ical).walk("VEVENT"))
            self.assertEqual([str(e["SUMMARY"]) for e in events], ["Time together"])
            self.assertEqual(events[0].decoded("DTSTART"), plan.starts_at)
        Feed.objects.create(user=self.bob, token="t" * 20, detailed_titles=True)
        events = Calendar.from_ical(build_calendar(self.bob).ical).walk("VEVENT")
        self.assertEqual(str(events[0]["SUMMARY"]), "Dance in the kitchen")

    def test_a_plan_in_the_past_is_refused_clearly(self) -> None:
        r = self.plan(day="2027-05-01")
        self.assertContains(r, "already passed", status_code=400)
        self.assertFalse(Plan.objects.exists())

    def test_a_plan_more_than_five_years_ahead_is_refused_clearly(self) -> None:
        r = self.plan(day="9999-12-31")
        self.assertContains(r, "within the next five years", status_code=400)
        self.assertFalse(Plan.objects.exists())
        self.assertRedirects(self.plan(day="2032-05-01"), "/plans/", fetch_redirect_response=False)
        plan = Plan.objects.get()
        self.client.post(f"/plans/{plan.pk}/move/", {"day": "2033-01-01", "at": "10:00"})
        plan.refresh_from_db()
        self.assertEqual(plan.starts_at.date().isoformat(), "2032-05-01")

    def test_a_row_the_calendar_cannot_express_is_left_out_of_both_feeds(self) -> None:
        self.plan()
        far = datetime(9999, 12, 31, 23, 0, tzinfo=UTC)
        Plan.objects.create(couple=self.couple, idea=self.idea, starts_at=far, created_by=self.bob)
        for who in (self.alice, self.bob):
            feed = Feed.objects.create(user=who, token=f"{who.pk}" * 20)
            r = self.client.get(feed.get_absolute_url())
            self.assertEqual(r.status_code, 200)
            events = Calendar.from_ical(r.content).walk("VEVENT")
            self.assertEqual([e.decoded("DTSTART").year for e in events], [2027])

    def test_it_can_be_moved_or_cancelled_and_leaves_the_feed(self) -> None:
        self.plan()
        plan = Plan.objects.get()
        self.client.post(f"/plans/{plan.pk}/move/", {"day": "2027-05-09", "at": "10:00"})
        plan.refresh_from_db()
        self.assertEqual(plan.starts_at, datetime(2027, 5, 9, 9, 0, tzinfo=UTC))
        self.client.post(f"/plans/{plan.pk}/move/", {"day": "2027-04-01", "at": "10:00"})
        plan.refresh_from_db()
        self.assertEqual(plan.starts_at.date().isoformat(), "2027-05-09")
        self.client.post(f"/plans/{plan.pk}/cancel/")
        self.assertEqual(Calendar.from_ical(build_calendar(self.alice).ical).walk("VEVENT"), [])

    def test_another_couple_cannot_touch_the_plan(self) -> None:
        self.plan()
        plan = Plan.objects.get()
        make_couple(self.carol, make_user("dave@example.org", "Dave"))
        self.client.force_login(self.carol)
        self.assertEqual(self.client.post(f"/plans/{plan.pk}/cancel/").status_code, 404)
        self.assertEqual(
            self.client.post(f"/plans/{plan.pk}/move/", {"day": "2027-06-01", "at": "10:00"}).status_code, 404
        )
        self.assertNotContains(self.client.get("/plans/"), "Dance")
        plan.refresh_from_db()
        self.assertIsNone(plan.cancelled_at)

    def test_each_change_is_dated_and_counted_for_the_calendar(self) -> None:
        plan = plans.make(self.couple, self.alice, self.idea, NOW + timedelta(days=5), remind=True)
        self.assertEqual((plan.updated_at, plan.sequence), (NOW, 0))
        with time_machine.travel(NOW + timedelta(hours=1), tick=False):
            plans.move(plan, NOW + timedelta(days=6))
        plan.refresh_from_db()
        self.assertEqual((plan.updated_at, plan.sequence), (NOW + timedelta(hours=1), 1))
        with time_machine.travel(NOW + timedelta(hours=2), tick=False):
            plans.cancel(plan)
        plan.refresh_from_db()
        self.assertEqual((plan.updated_at, plan.sequence), (NOW + timedelta(hours=2), 2))

    def test_two_moves_at_once_are_both_counted(self) -> None:
        plan = plans.make(self.couple, self.alice, self.idea, NOW + timedelta(days=5), remind=False)
        # Each partner's page loaded the plan before either moved it.
        alices, bobs = Plan.objects.get(pk=plan.pk), Plan.objects.get(pk=plan.pk)
        plans.move(alices, NOW + timedelta(days=6))
        plans.move(bobs, NOW + timedelta(days=7))
        plan.refresh_from_db()
        self.assertEqual(plan.sequence, 2)
        self.assertEqual(bobs.sequence, 2)
