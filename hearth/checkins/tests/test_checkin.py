from hearth.accounts.models import User
from hearth.checkins.models import Answer, CheckIn
from hearth.checkins.tests.helpers import FULL, open_week
from hearth.couples.services import leave_couple
from hearth.lib.testing import BaseTestCase, TestResponse


class CheckinPageTests(BaseTestCase):
    def setUp(self) -> None:
        self.checkin = open_week(self.couple)
        self.url = f"/checkins/{self.checkin.pk}/"

    def send(self, who: User, data: dict[str, object] | None = None) -> TestResponse:
        self.client.force_login(who)
        return self.client.post(self.url, {**(data or FULL), "send": "1"})

    def test_anonymous_is_sent_to_login(self) -> None:
        r = self.client.get(self.url)
        self.assertRedirects(r, f"/login/?next={self.url}", fetch_redirect_response=False)

    def test_a_stranger_gets_404(self) -> None:
        self.client.force_login(self.carol)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.assertEqual(self.client.post(self.url, {**FULL, "send": "1"}).status_code, 404)
        self.assertEqual(self.client.post(f"{self.url}draft/", FULL).status_code, 404)
        self.assertEqual(
            self.client.post(f"{self.url}reflect/", {"prompt": "wish", "text": "x"}).status_code, 404
        )
        self.assertFalse(Answer.objects.filter(author=self.carol).exists())

    def test_it_shows_the_guided_flow(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "How connected have you felt this week?")
        self.assertContains(r, "How are we really doing?")
        self.assertContains(r, "When did you feel most loved this week?")
        self.assertContains(r, "One thing I&#x27;d love this week")
        self.assertContains(r, 'name="feelings"')

    def test_a_draft_is_saved_privately(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.post(self.url, {**FULL, "save": "1"})
        self.assertRedirects(r, self.url, fetch_redirect_response=False)
        answer = Answer.objects.get(author=self.alice)
        self.assertIsNone(answer.submitted_at)
        self.assertEqual(answer.weighing, "The move, mostly.")
        self.assertContains(self.client.get(self.url), "The move, mostly.")
        self.client.force_login(self.bob)
        self.assertNotContains(self.client.get(self.url), "The move, mostly.")

    def test_autosave_answers_with_a_status(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.post(f"{self.url}draft/", {"weighing": "Work"}, HTTP_HX_REQUEST="true")
        self.assertContains(r, "Draft saved")
        self.assertEqual(Answer.objects.get(author=self.alice).weighing, "Work")

    def test_sending_needs_the_pulse(self) -> None:
        r = self.send(self.alice, {**FULL, "pulse": ""})
        self.assertContains(r, "Please choose how connected", status_code=400)
        self.assertFalse(Answer.objects.filter(author=self.alice, submitted_at__isnull=False).exists())

    def test_the_partner_sees_nothing_until_both_have_sent(self) -> None:
        self.send(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "Your answers will appear when you have both finished.")
        self.client.force_login(self.bob)
        r = self.client.get(self.url)
        for text in ["Better than last month", "The move", "soup", "party", "Cooking", "slow Sunday"]:
            self.assertNotContains(r, text)
        self.assertNotContains(r, "finished first")

    def test_when_both_have_sent_the_answers_appear_side_by_side(self) -> None:
        self.send(self.alice)
        self.send(self.bob, {**FULL, "weighing": "My sister's visit."})
        r = self.client.get(self.url)
        self.assertContains(r, "side by side")
        self.assertContains(r, "The move, mostly.")
        self.assertContains(r, "My sister&#x27;s visit.")
        self.assertContains(r, "Listen without interrupting")
        self.assertContains(r, "I noticed you seemed distant this week")
        self.checkin.refresh_from_db()
        self.assertIsNotNone(self.checkin.revealed_at)

    def test_sending_twice_and_editing_after_sending_are_refused_calmly(self) -> None:
        self.send(self.alice)
        r = self.send(self.alice, {**FULL, "weighing": "Changed my mind"})
        self.assertRedirects(r, self.url, fetch_redirect_response=False)
        self.assertContains(self.client.get(self.url), "can&#x27;t change now")
        r = self.client.post(f"{self.url}draft/", {"weighing": "Changed"})
        self.assertEqual(r.status_code, 409)
        self.assertEqual(Answer.objects.get(author=self.alice).weighing, "The move, mostly.")

    def test_a_huge_answer_gets_a_clear_limit(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.post(self.url, {**FULL, "weighing": "x" * 2001, "save": "1"})
        self.assertContains(r, "Please keep this under 2000 characters", status_code=400)
        self.assertFalse(Answer.objects.filter(author=self.alice).exists())

    def test_a_reflection_appears_under_the_answer_for_both(self) -> None:
        self.send(self.alice)
        self.send(self.bob)
        self.client.post(
            f"{self.url}reflect/", {"prompt": "weighing", "text": "The move is weighing on you."}
        )
        self.assertContains(self.client.get(self.url), "You heard:")
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "Bob heard:")
        self.assertContains(r, "The move is weighing on you.")

    def test_a_reflection_before_the_reveal_is_refused(self) -> None:
        self.send(self.alice)
        self.client.post(f"{self.url}reflect/", {"prompt": "weighing", "text": "hm"})
        self.assertContains(self.client.get(self.url), "You can reply once you have both finished.")

    def test_with_both_holding_drafts_nothing_shows_until_both_have_sent(self) -> None:
        for who, worry in ((self.alice, "Alice's draft worry."), (self.bob, "Bob's draft worry.")):
            self.client.force_login(who)
            self.client.post(f"{self.url}draft/", {"weighing": worry})
        self.send(self.alice, {**FULL, "weighing": "Alice's sent worry."})
        for who, hidden in ((self.alice, "Bob&#x27;s draft worry."), (self.bob, "Alice&#x27;s sent worry.")):
            self.client.force_login(who)
            self.assertNotContains(self.client.get(self.url), hidden)
        self.send(self.bob, {**FULL, "weighing": "Bob's sent worry."})
        for who in (self.alice, self.bob):
            self.client.force_login(who)
            r = self.client.get(self.url)
            self.assertContains(r, "Alice&#x27;s sent worry.")
            self.assertContains(r, "Bob&#x27;s sent worry.")
            self.assertNotContains(r, "draft worry")

    def test_nothing_can_be_written_into_a_closed_couples_check_in(self) -> None:
        self.client.force_login(self.alice)
        self.client.post(f"{self.url}draft/", {"weighing": "Before."})
        leave_couple(self.bob)
        r = self.client.post(f"{self.url}draft/", {"weighing": "After."})
        self.assertEqual(r.status_code, 409)
        self.send(self.alice)
        answer = Answer.objects.get(author=self.alice)
        self.assertEqual((answer.weighing, answer.submitted_at), ("Before.", None))
        self.client.force_login(self.bob)
        self.client.post(self.url, {**FULL, "send": "1"})
        self.assertFalse(Answer.objects.filter(author=self.bob).exists())

    def test_after_leaving_each_sees_only_their_own_answers(self) -> None:
        self.send(self.alice)
        self.send(self.bob, {**FULL, "weighing": "Bob's private worry."})
        leave_couple(self.alice)
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "The move, mostly.")
        self.assertNotContains(r, "Bob&#x27;s private worry.")
        self.client.force_login(self.bob)
        r = self.client.get(self.url)
        self.assertContains(r, "Bob&#x27;s private worry.")
        self.assertNotContains(r, "The move, mostly.")


class ThisWeekTests(BaseTestCase):
    def test_it_offers_to_start_and_starting_opens_the_week(self) -> None:
        self.client.force_login(self.alice)
        self.assertContains(self.client.get("/checkins/"), "Start this week")
        r = self.client.post("/checkins/start/")
        checkin = CheckIn.objects.get(couple=self.couple)
        self.assertRedirects(r, f"/checkins/{checkin.pk}/", fetch_redirect_response=False)
        self.client.force_login(self.bob)
        self.assertRedirects(
            self.client.get("/checkins/"), f"/checkins/{checkin.pk}/", fetch_redirect_response=False
        )
        self.client.post("/checkins/start/")
        self.assertEqual(CheckIn.objects.filter(couple=self.couple).count(), 1)

    def test_someone_without_a_couple_is_sent_home(self) -> None:
        self.client.force_login(self.carol)
        self.assertRedirects(self.client.get("/checkins/"), "/", fetch_redirect_response=False)
        self.assertRedirects(self.client.post("/checkins/start/"), "/", fetch_redirect_response=False)

    def test_anonymous_is_sent_to_login(self) -> None:
        self.assertEqual(self.client.get("/checkins/").status_code, 302)

    def test_a_week_the_worker_opened_early_is_this_weeks(self) -> None:
        # A reminder a day ahead can fall in the week before the check-in.
        from datetime import timedelta

        from django.utils import timezone

        from hearth.checkins import services

        next_week = services.week_of(
            timezone.now(), services.couple_zone(self.couple, self.alice)
        ) + timedelta(7)
        opened = open_week(self.couple, next_week)
        self.client.force_login(self.alice)
        self.assertRedirects(
            self.client.get("/checkins/"), f"/checkins/{opened.pk}/", fetch_redirect_response=False
        )


class ReflectionInputTests(BaseTestCase):
    def test_a_reflection_on_an_unknown_prompt_is_refused_calmly(self) -> None:
        from hearth.checkins.models import Reflection

        checkin = open_week(self.couple)
        for who in (self.alice, self.bob):
            self.client.force_login(who)
            self.client.post(f"/checkins/{checkin.pk}/", {**FULL, "send": "1"})
        r = self.client.post(
            f"/checkins/{checkin.pk}/reflect/", {"prompt": "pulse", "text": "x"}, follow=True
        )
        self.assertContains(r, "Your reply was empty or too long")
        self.assertFalse(Reflection.objects.exists())
