from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.checkins.models import Answer, CheckIn
from hearth.checkins.tests.helpers import WEEK
from hearth.lib.testing import BaseTestCase


def make_history(test: BaseTestCase, weeks: int) -> list[CheckIn]:
    """`weeks` revealed check-ins, alice's pulse 2 and bob's 4 each week."""
    now = timezone.now()
    checkins = CheckIn.objects.bulk_create(
        CheckIn(
            couple=test.couple,
            week_of=WEEK - timedelta(weeks=n),
            sequence=weeks - n,
            rotating_key="r001",
            revealed_at=now,
        )
        for n in range(weeks)
    )
    Answer.objects.bulk_create(
        Answer(round=c, author=who, pulse=pulse, weighing=f"{who.display_name} week {i}", submitted_at=now)
        for i, c in enumerate(checkins)
        for who, pulse in ((test.alice, 2), (test.bob, 4))
    )
    return checkins


class HistoryTests(BaseTestCase):
    url = "/checkins/history/"

    def test_anonymous_is_sent_to_login(self) -> None:
        self.assertEqual(self.client.get(self.url).status_code, 302)

    def test_a_stranger_sees_none_of_the_couples_weeks(self) -> None:
        make_history(self, 3)
        self.client.force_login(self.carol)
        r = self.client.get(self.url)
        self.assertContains(r, "No check-ins yet")
        self.assertNotContains(r, "Week of")

    def test_it_lists_weeks_newest_first_ten_a_page(self) -> None:
        make_history(self, 12)
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "Page 1 of 2")
        self.assertContains(r, "23 November 2026")
        self.assertContains(self.client.get(self.url + "?page=2"), "7 September 2026")

    def test_the_trend_shows_us_and_me_but_never_the_partner_alone(self) -> None:
        make_history(self, 4)
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, '<path d="M', count=2)
        self.assertContains(r, 'class="us"')
        self.assertContains(r, 'class="me"')
        # The table: us = 3.0 (average), you = 2; bob's own 4 appears nowhere as a line.
        self.assertContains(r, "<td>3.0</td><td>2</td>", count=4, html=False)
        self.assertNotContains(r, "<td>4</td>")

    def test_query_count_does_not_grow_with_history(self) -> None:
        self.client.force_login(self.alice)
        make_history(self, 1)
        with CaptureQueriesContext(connection) as one:
            self.client.get(self.url)
        CheckIn.objects.all().delete()
        make_history(self, 300)
        with self.assertNumQueries(len(one)):
            self.client.get(self.url)


class CheckinPageQueryTests(BaseTestCase):
    def test_the_checkin_page_costs_the_same_with_1_or_300_weeks(self) -> None:
        self.client.force_login(self.alice)
        first = make_history(self, 1)[0]
        with CaptureQueriesContext(connection) as one:
            self.client.get(f"/checkins/{first.pk}/")
        CheckIn.objects.all().delete()
        latest = make_history(self, 300)[0]
        with self.assertNumQueries(len(one)):
            r = self.client.get(f"/checkins/{latest.pk}/")
        self.assertContains(r, "Bob week 0")
