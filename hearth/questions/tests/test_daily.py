from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.lib.testing import BaseTestCase, make_couple, make_user
from hearth.questions import daily
from hearth.questions.models import DailyAnswer, DailyRound, Question


def pool(size: int = 5) -> None:
    Question.objects.bulk_create(
        Question(key=f"d{n:04}", kind="daily", text=f"Question number {n}?", position=n) for n in range(size)
    )


class DailyQuestionTests(BaseTestCase):
    url = "/questions/today/"

    def setUp(self) -> None:
        pool()
        self.today = daily.today(self.couple, self.alice)
        self.answer_url = f"/questions/daily/{self.today.isoformat()}/answer/"

    def turn_on(self) -> None:
        self.client.force_login(self.alice)
        self.client.post("/questions/settings/", {"daily": "on"})

    def test_anonymous_is_sent_to_login_and_a_stranger_home(self) -> None:
        self.assertEqual(self.client.get(self.url).status_code, 302)
        self.client.force_login(self.carol)
        self.assertRedirects(self.client.get(self.url), "/", fetch_redirect_response=False)
        self.assertRedirects(
            self.client.post(self.answer_url, {"text": "x"}), "/", fetch_redirect_response=False
        )

    def test_it_is_off_until_one_of_the_couple_turns_it_on(self) -> None:
        self.client.force_login(self.bob)
        self.assertContains(self.client.get(self.url), "Start daily questions")
        self.turn_on()
        r = self.client.get(self.url)
        question = DailyRound.objects.get(couple=self.couple).question
        self.assertContains(r, question.text)
        self.client.force_login(self.bob)
        self.assertContains(self.client.get(self.url), question.text)

    def test_answers_appear_only_when_both_have_answered(self) -> None:
        self.turn_on()
        self.client.get(self.url)
        self.client.post(self.answer_url, {"text": "Alice's quiet answer"})
        self.assertContains(
            self.client.get(self.url), "Your answers will appear when you have both finished."
        )
        self.client.force_login(self.bob)
        self.assertNotContains(self.client.get(self.url), "Alice's quiet answer")
        self.client.post(self.answer_url, {"text": "Bob's answer"})
        r = self.client.get(self.url)
        self.assertContains(r, "Alice&#x27;s quiet answer")
        self.assertContains(r, "Thank you for telling me.")
        self.client.post(f"/questions/daily/{self.today.isoformat()}/acknowledge/", {"words": "I hear you."})
        self.client.force_login(self.alice)
        self.assertContains(self.client.get(self.url), "I hear you.")
        self.assertContains(self.client.get("/questions/history/"), "Bob&#x27;s answer")

    def test_a_skip_reveals_nothing_and_can_be_followed_by_an_answer(self) -> None:
        self.turn_on()
        self.client.get(self.url)
        self.client.post(self.answer_url, {"skip": "1"})
        self.client.force_login(self.bob)
        self.client.post(self.answer_url, {"text": "Bob's answer"})
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertNotContains(r, "Bob&#x27;s answer")
        self.assertContains(r, "You skipped today")
        self.client.post(self.answer_url, {"text": "Changed my mind"})
        self.assertContains(self.client.get(self.url), "Bob&#x27;s answer")

    def test_days_that_have_not_come_or_have_passed_say_so(self) -> None:
        self.turn_on()
        self.client.get(self.url)
        tomorrow = (self.today + timedelta(days=1)).isoformat()
        r = self.client.post(f"/questions/daily/{tomorrow}/answer/", {"text": "Early"}, follow=True)
        self.assertContains(r, "This day hasn")
        DailyRound.objects.filter(couple=self.couple).update(day=self.today - timedelta(days=1))
        yesterday = (self.today - timedelta(days=1)).isoformat()
        r = self.client.post(f"/questions/daily/{yesterday}/answer/", {"text": "Late"}, follow=True)
        self.assertContains(r, "That day has passed")
        self.assertEqual(
            self.client.post("/questions/daily/not-a-date/answer/", {"text": "x"}).status_code, 404
        )
        self.assertFalse(DailyAnswer.objects.exists())

    def test_a_huge_answer_gets_a_clear_limit(self) -> None:
        self.turn_on()
        self.client.get(self.url)
        r = self.client.post(self.answer_url, {"text": "x" * 2001})
        self.assertContains(r, "under 2000 characters", status_code=400)

    def test_another_couple_never_sees_this_couples_day(self) -> None:
        self.turn_on()
        self.client.get(self.url)
        self.client.post(self.answer_url, {"text": "Private to us"})
        dave = make_user("dave@example.org", "Dave")
        make_couple(self.carol, dave)
        self.client.force_login(self.carol)
        self.client.post("/questions/settings/", {"daily": "on"})
        r = self.client.get(self.url)
        self.assertNotContains(r, "Private to us")
        self.client.post(self.answer_url, {"text": "Carol's"})
        self.assertFalse(DailyAnswer.objects.filter(round__couple=self.couple, author=self.carol).exists())


class DailyChoiceTests(BaseTestCase):
    def test_no_question_repeats_until_the_pool_is_used_up(self) -> None:
        pool(5)
        daily.set_enabled(self.couple, True)
        start = date(2026, 1, 1)
        keys = [daily.round_for(self.couple, start + timedelta(n)).question.key for n in range(6)]  # type: ignore[union-attr]
        self.assertEqual(len(set(keys[:5])), 5)
        self.assertIn(keys[5], keys[:5])

    def test_the_same_day_gives_both_the_same_question(self) -> None:
        pool(5)
        first = daily.round_for(self.couple, date(2026, 1, 1))
        again = daily.round_for(self.couple, date(2026, 1, 1))
        assert first and again
        self.assertEqual(first.pk, again.pk)


class DailyQueryTests(BaseTestCase):
    def test_today_and_history_cost_the_same_with_1_or_1000_answered_days(self) -> None:
        pool(5)
        daily.set_enabled(self.couple, True)
        now = timezone.now()
        question = Question.objects.first()

        def history(days: int, first: date) -> None:
            rounds = DailyRound.objects.bulk_create(
                DailyRound(
                    couple=self.couple,
                    day=first + timedelta(n),
                    question=question,
                    revealed_at=now,
                )
                for n in range(days)
            )
            DailyAnswer.objects.bulk_create(
                DailyAnswer(round=r, author=who, text="An answer", submitted_at=now)
                for r in rounds
                for who in (self.alice, self.bob)
            )

        self.client.force_login(self.alice)
        history(1, date(2019, 1, 1))
        self.client.get("/questions/today/")
        with CaptureQueriesContext(connection) as small_today:
            self.client.get("/questions/today/")
        with CaptureQueriesContext(connection) as small_history:
            self.client.get("/questions/history/")
        history(1000, date(2020, 1, 1))
        with self.assertNumQueries(len(small_today)):
            self.client.get("/questions/today/")
        with self.assertNumQueries(len(small_history)):
            self.client.get("/questions/history/")
