from hearth.couples.services import leave_couple
from hearth.lib.testing import BaseTestCase
from hearth.repair.models import Apology

STEPS = {
    "what_happened": "I snapped at you about the dishes on Sunday.",
    "responsibility": "I was tired and I took it out on you. That wasn't fair.",
    "impact": "You probably felt blamed for something small.",
    "different": "When I'm tired, I'll say so instead of snapping.",
    "ask": "Is there anything you need from me now?",
}


class ApologyTests(BaseTestCase):
    url = "/repair/apology/new/"

    def send(self) -> Apology:
        self.client.force_login(self.alice)
        self.client.post(self.url, STEPS)
        return Apology.objects.get()

    def test_anonymous_is_sent_to_login(self) -> None:
        for url in (self.url, "/repair/"):
            self.assertEqual(self.client.get(url).status_code, 302)

    def test_it_walks_through_five_steps(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "Say sorry to Bob")
        for label in ("What happened", "What I&#x27;m sorry for", "What I&#x27;ll do differently"):
            self.assertContains(r, label)

    def test_a_sent_apology_reaches_the_partner_only(self) -> None:
        apology = self.send()
        self.client.force_login(self.bob)
        self.assertContains(self.client.get("/repair/"), "I snapped at you")
        self.assertContains(self.client.get(f"/repair/apology/{apology.pk}/"), "instead of snapping")
        self.client.force_login(self.carol)
        self.assertEqual(self.client.get(f"/repair/apology/{apology.pk}/").status_code, 404)
        self.assertNotContains(self.client.get("/repair/"), "I snapped")

    def test_a_but_is_pointed_out_gently_and_never_blocks(self) -> None:
        self.client.force_login(self.alice)
        with_but = {**STEPS, "responsibility": "I'm sorry, but you were late again."}
        r = self.client.post(self.url, with_but)
        self.assertContains(r, "lands better without one")
        self.assertFalse(Apology.objects.exists())
        r = self.client.post(self.url, {**with_but, "keep_but": "1"})
        self.assertRedirects(r, "/repair/", fetch_redirect_response=False)
        self.assertEqual(Apology.objects.get().responsibility, "I'm sorry, but you were late again.")

    def test_the_partner_answers_in_their_own_words_or_asks_for_time(self) -> None:
        apology = self.send()
        self.client.force_login(self.bob)
        r = self.client.post(f"/repair/apology/{apology.pk}/respond/", {"text": "", "needs_time": "1"})
        self.assertRedirects(r, f"/repair/apology/{apology.pk}/", fetch_redirect_response=False)
        self.client.post(f"/repair/apology/{apology.pk}/respond/", {"text": "Thank you. I felt it too."})
        apology.refresh_from_db()
        self.assertEqual(apology.response, "Thank you. I felt it too.")
        self.client.force_login(self.alice)
        r = self.client.get(f"/repair/apology/{apology.pk}/")
        self.assertContains(r, "Thank you. I felt it too.")
        self.assertNotContains(r, "accept")

    def test_once_answered_it_shows_as_sent_and_cannot_be_sent_twice(self) -> None:
        apology = self.send()
        self.client.force_login(self.bob)
        url = f"/repair/apology/{apology.pk}/"
        self.client.post(f"{url}respond/", {"text": "Thank you. I felt it too."})
        r = self.client.get(url)
        self.assertContains(r, "Sent to Alice")
        self.assertNotContains(r, "Send my answer")
        again = self.client.post(f"{url}respond/", {"text": "A second answer."}, follow=True)
        self.assertContains(again, "You have already answered")
        apology.refresh_from_db()
        self.assertEqual(apology.response, "Thank you. I felt it too.")

    def test_asking_for_time_keeps_the_answer_open(self) -> None:
        apology = self.send()
        self.client.force_login(self.bob)
        url = f"/repair/apology/{apology.pk}/"
        self.client.post(f"{url}respond/", {"text": "", "needs_time": "1"})
        r = self.client.get(url)
        self.assertContains(r, "Send my answer")
        self.assertContains(r, "whenever you're ready")

    def test_after_either_leaves_the_author_keeps_the_apology_but_not_the_answer(self) -> None:
        apology = self.send()
        self.client.force_login(self.bob)
        self.client.post(f"/repair/apology/{apology.pk}/respond/", {"text": "Bob's own answer."})
        leave_couple(self.bob)
        self.client.force_login(self.alice)
        r = self.client.get(f"/repair/apology/{apology.pk}/")
        self.assertContains(r, "instead of snapping")
        self.assertNotContains(r, "Bob&#x27;s own answer.")
        self.assertNotContains(r, "Bob&#x27;s answer")
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(f"/repair/apology/{apology.pk}/").status_code, 404)

    def test_only_the_recipient_can_answer(self) -> None:
        apology = self.send()
        self.client.post(f"/repair/apology/{apology.pk}/respond/", {"text": "Answering myself"})
        self.client.force_login(self.carol)
        self.assertEqual(
            self.client.post(f"/repair/apology/{apology.pk}/respond/", {"text": "x"}).status_code, 404
        )
        apology.refresh_from_db()
        self.assertEqual(apology.response, "")

    def test_empty_and_huge_steps_get_clear_messages(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.post(self.url, {**STEPS, "impact": ""})
        self.assertContains(r, "Please write a few words here.", status_code=400)
        r = self.client.post(self.url, {**STEPS, "impact": "x" * 1001})
        self.assertContains(r, "under 1000 characters", status_code=400)
        self.assertFalse(Apology.objects.exists())

    def test_no_apology_to_a_former_partner(self) -> None:
        apology = self.send()
        leave_couple(self.alice)
        r = self.client.post(self.url, STEPS)
        self.assertContains(r, "there isn", status_code=400)
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(f"/repair/apology/{apology.pk}/").status_code, 404)
        self.assertNotContains(self.client.get("/repair/"), "I snapped")
