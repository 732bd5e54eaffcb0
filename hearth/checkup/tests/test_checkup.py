from datetime import timedelta

from django.utils import timezone

from hearth.checkup import content
from hearth.checkup.models import Checkup, CheckupAnswer
from hearth.checkup.tests.test_decide import answers
from hearth.lib.testing import BaseTestCase, make_couple, make_user
from hearth.safety.models import SafetySignal


def form(value: int, **extra: str) -> dict[str, str]:
    return {key: str(v) for key, v in answers(value).items()} | extra


class CheckupTests(BaseTestCase):
    url = "/checkup/"

    def start(self) -> Checkup:
        self.client.force_login(self.alice)
        self.client.post("/checkup/start/")
        return Checkup.objects.get()

    def finish(self, who: object, item: Checkup, value: int, **extra: str) -> None:
        self.client.force_login(who)  # type: ignore[arg-type]
        self.client.post(f"/checkup/{item.pk}/", form(value, send="1", **extra))

    def test_anonymous_is_sent_to_login_and_a_stranger_home(self) -> None:
        self.assertEqual(self.client.get(self.url).status_code, 302)
        self.client.force_login(self.carol)
        self.assertRedirects(self.client.get(self.url), "/", fetch_redirect_response=False)

    def test_it_shows_at_least_fourteen_statements(self) -> None:
        item = self.start()
        r = self.client.get(self.url)
        self.assertGreaterEqual(len(content.load().items), 14)
        self.assertContains(r, "We still hug, hold hands")
        self.assertContains(r, f"/checkup/{item.pk}/")

    def test_a_half_finished_check_up_is_kept_and_resumable(self) -> None:
        item = self.start()
        r = self.client.post(f"/checkup/{item.pk}/", {"c01": "4", "send": "1"}, follow=True)
        self.assertContains(r, "still unanswered")
        answer = CheckupAnswer.objects.get(author=self.alice)
        self.assertEqual(answer.scores, {"c01": 4})
        self.assertIsNone(answer.submitted_at)
        self.assertContains(self.client.get(self.url), 'name="c01" value="4" checked')

    def test_results_show_areas_never_whose_answers(self) -> None:
        item = self.start()
        low = form(4)
        for entry in content.load().items_in("affection"):
            low[entry.key] = "4" if entry.reverse else "2"
        self.client.post(f"/checkup/{item.pk}/", low | {"send": "1"})
        self.client.force_login(self.bob)
        self.assertNotContains(self.client.get(self.url), "Areas to work on")
        self.finish(self.bob, item, 4)
        for who in (self.alice, self.bob):
            self.client.force_login(who)
            r = self.client.get(self.url)
            self.assertContains(r, "Areas to work on together")
            self.assertContains(r, "Affection and touch")
            self.assertNotContains(r, "Alice")
            self.assertNotContains(r, "Bob&#x27;s answers")

    def test_the_plan_starts_when_both_decide(self) -> None:
        item = self.start()
        self.finish(self.alice, item, 2)
        self.finish(self.bob, item, 4)
        self.client.post(f"/checkup/{item.pk}/decide/")
        self.assertContains(self.client.get(self.url), "Your plan starts when you both have")
        self.client.force_login(self.alice)
        self.client.post(f"/checkup/{item.pk}/decide/")
        r = self.client.get(self.url)
        self.assertContains(r, "Your first steps")
        self.assertContains(r, 'href="/today/"')

    def test_counselling_is_recommended_to_both_when_something_weighs(self) -> None:
        item = self.start()
        self.finish(self.alice, item, 4, weighing_recurring_conflict="on")
        self.finish(self.bob, item, 4)
        for who in (self.alice, self.bob):
            self.client.force_login(who)
            self.assertContains(self.client.get(self.url), "worth investing in")

    def test_fear_is_private_and_turns_counselling_into_private_help(self) -> None:
        item = self.start()
        self.finish(self.alice, item, 2, weighing_walls="on", afraid="yes")
        self.finish(self.bob, item, 2)
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "Just for you")
        self.assertContains(r, "0808 2000 247")  # alice is in GB
        self.assertNotContains(r, "worth investing in")
        self.client.force_login(self.bob)
        r = self.client.get(self.url)
        self.assertNotContains(r, "Just for you")
        self.assertNotContains(r, "afraid")
        self.assertNotContains(r, "worth investing in")

    def test_a_safety_screen_signal_from_a_sent_note_does_the_same_and_wears_off(self) -> None:
        item = self.start()
        self.finish(self.alice, item, 4, weighing_walls="on")
        self.finish(self.bob, item, 4)
        # Bob sent a note the safety screen read as control.
        self.client.force_login(self.bob)
        self.client.post(
            "/notes/new/",
            {"text": "You check my phone every night and I'm not allowed to see my sister.", "send": "1"},
        )
        self.assertEqual(SafetySignal.objects.count(), 1)
        r = self.client.get(self.url)
        self.assertContains(r, "Just for you")
        self.assertContains(r, "Something you wrote lately")
        self.assertNotContains(r, "worth investing in")
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertNotContains(r, "Just for you")
        self.assertNotContains(r, "worth investing in")
        SafetySignal.objects.update(until=timezone.now() - timedelta(seconds=1))
        self.assertContains(self.client.get(self.url), "worth investing in")

    def test_retaking_early_says_when(self) -> None:
        item = self.start()
        self.finish(self.alice, item, 4)
        self.finish(self.bob, item, 4)
        r = self.client.post("/checkup/start/", follow=True)
        self.assertContains(r, "The next check-up opens on")
        self.assertNotContains(r, "Take a new check-up")
        self.assertEqual(Checkup.objects.count(), 1)
        Checkup.objects.update(revealed_at=timezone.now() - timedelta(weeks=5))
        self.assertContains(self.client.get(self.url), "Take a new check-up")
        self.client.post("/checkup/start/")
        self.assertEqual(Checkup.objects.count(), 2)

    def test_another_couple_gets_404(self) -> None:
        item = self.start()
        make_couple(self.carol, make_user("dave@example.org", "Dave"))
        self.client.force_login(self.carol)
        self.assertEqual(self.client.post(f"/checkup/{item.pk}/", form(3, send="1")).status_code, 404)
        self.assertEqual(self.client.post(f"/checkup/{item.pk}/decide/").status_code, 404)


class CounsellorGuideTests(BaseTestCase):
    url = "/support/counselling/"

    def test_anonymous_is_sent_to_login(self) -> None:
        self.assertEqual(self.client.get(self.url).status_code, 302)

    def test_it_shows_what_to_look_for_and_directories_for_the_persons_country(self) -> None:
        self.client.force_login(self.alice)  # in GB
        r = self.client.get(self.url)
        self.assertContains(r, "Questions to ask in a first call")
        self.assertContains(r, "https://www.relate.org.uk")
        self.client.force_login(self.carol)  # in the US
        r = self.client.get(self.url)
        self.assertContains(r, "https://www.aamft.org")
        self.assertNotContains(r, "relate.org.uk")

    def test_a_country_without_directories_gets_general_guidance(self) -> None:
        self.carol.country = "JP"
        self.carol.save()
        self.client.force_login(self.carol)
        self.assertContains(self.client.get(self.url), "professional body for counselling")
