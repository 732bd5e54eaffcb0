from hearth.checkins.models import CheckIn
from hearth.checkins.tests.helpers import open_week
from hearth.lib.testing import BaseTestCase
from hearth.questions import daily
from hearth.questions.tests.test_daily import pool
from hearth.safety.models import SafetySignal
from hearth.worker.models import OutgoingEmail

HARSH = "Thanks for dinner. You never listen to me, what is wrong with you? Anyway, night."
SELF_HARM = "I don't know how to say this. I've been thinking about killing myself."
VIOLENCE = "I'm scared of what you'll do when you've been drinking. Last week you pushed me into the door."
THREAT = "You're not allowed to see your friends unless I say so. Talk back again and I'll smack you."


class CoachViewTests(BaseTestCase):
    url = "/coach/"

    def ask(self, text: str, name: str = "text") -> str:
        r = self.client.post(
            self.url,
            {name: text, "other": "ignored"},
            headers={"HX-Request": "true", "HX-Trigger-Name": name},
        )
        self.assertEqual(r.status_code, 200)
        return r.content.decode()

    def test_anonymous_is_sent_to_login(self) -> None:
        r = self.client.post(self.url, {"text": HARSH}, headers={"HX-Trigger-Name": "text"})
        self.assertRedirects(r, f"/login/?next={self.url}", fetch_redirect_response=False)

    def test_a_box_whose_session_ran_out_gets_nothing_rather_than_the_login_page(self) -> None:
        r = self.client.post(
            self.url, {"text": HARSH}, headers={"HX-Request": "true", "HX-Trigger-Name": "text"}
        )
        self.assertEqual(r.status_code, 204)
        self.assertEqual(r.content, b"")

    def test_a_harsh_sentence_gets_marked_words_a_reason_and_a_gentler_way(self) -> None:
        self.client.force_login(self.alice)
        page = self.ask(HARSH)
        self.assertIn("A gentler way to say it?", page)
        self.assertIn("<mark>", page)
        self.assertIn("judgement of who they are", page)
        self.assertIn("Use this", page)
        self.assertIn("Keep mine", page)
        self.assertIn("easier for Bob to hear you", page)
        # "Use this" replaces the sentence the coach talked about, not the whole answer.
        self.assertIn('data-coach-replace="You never listen to me, what is wrong with you?"', page)

    def test_the_coach_reads_the_box_that_asked_and_nothing_else(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.post(
            self.url, {"answer_1": "Lovely week.", "answer_2": HARSH}, headers={"HX-Trigger-Name": "answer_1"}
        )
        self.assertEqual(r.content, b"")

    def test_a_kind_message_gets_nothing(self) -> None:
        self.client.force_login(self.bob)
        self.assertEqual(self.ask("Thank you for the tea this morning, it made my day."), "")

    def test_self_harm_shows_crisis_lines_for_the_persons_country_and_no_coaching(self) -> None:
        self.client.force_login(self.alice)
        page = self.ask(SELF_HARM)
        self.assertIn("Samaritans", page)
        self.assertIn("116 123", page)
        self.assertIn("Only you can see this", page)
        self.assertNotIn("Use this", page)
        self.assertNotIn("gentler", page)
        self.assertFalse(SafetySignal.objects.exists(), "self-harm leaves no trace")

    def test_fear_of_the_partner_shows_abuse_lines_and_typing_leaves_no_trace(self) -> None:
        self.client.force_login(self.alice)
        with self.assertNoLogs(level="DEBUG"):
            page = self.ask(VIOLENCE)
        self.assertIn("National Domestic Abuse Helpline", page)
        self.assertIn("it isn't your fault", page)
        self.assertIn("999", page)
        self.assertNotIn("Use this", page)
        self.assertNotIn("Respect Phoneline", page)
        self.assertIn("a date with no words", page)
        self.assertFalse(SafetySignal.objects.exists(), "a keystroke, sent or not, records nothing")
        self.assertFalse(OutgoingEmail.objects.exists())
        self.assertFalse(CheckIn.objects.exists())

    def test_a_threat_in_the_writers_own_voice_gets_the_panel_for_the_writer(self) -> None:
        self.client.force_login(self.alice)
        page = self.ask(THREAT)
        self.assertIn("could frighten the person you're writing to", page)
        self.assertIn("Respect Phoneline", page)
        self.assertIn("0808 802 4040", page)
        self.assertIn('href="/help/"', page)
        self.assertNotIn("isn't your fault", page)
        self.assertNotIn("National Domestic Abuse Helpline", page)
        self.assertNotIn("Use this", page)
        self.assertFalse(SafetySignal.objects.exists())

    def test_where_no_line_for_changing_exists_the_writer_still_gets_get_help(self) -> None:
        self.bob.country = "DE"
        self.bob.save()
        self.client.force_login(self.bob)
        page = self.ask(THREAT)
        self.assertIn("could frighten the person you're writing to", page)
        self.assertIn('href="/help/"', page)
        self.assertNotIn("isn't your fault", page)

    def test_a_stranger_without_a_couple_is_coached_with_her_own_countrys_lines(self) -> None:
        self.client.force_login(self.carol)
        self.assertIn("988", self.ask(SELF_HARM))
        self.assertIn("easier for your partner to hear you", self.ask(HARSH))

    def test_someone_without_a_country_gets_the_international_directory(self) -> None:
        self.alice.country = ""
        self.alice.save()
        self.client.force_login(self.alice)
        page = self.ask(SELF_HARM)
        self.assertIn("findahelpline.com", page)
        self.assertIn("your local emergency number", page)

    def test_a_request_that_names_no_box_is_refused(self) -> None:
        self.client.force_login(self.alice)
        self.assertEqual(self.client.post(self.url, {"text": HARSH}).status_code, 400)
        self.assertEqual(self.client.get(self.url).status_code, 405)


class CoachedBoxesTests(BaseTestCase):
    """The coach sits on every text a partner will read, and only there."""

    def boxes(self, url: str) -> int:
        return self.client.get(url).content.decode().count('hx-post="/coach/"')

    def test_partner_facing_boxes_are_coached_and_private_ones_are_not(self) -> None:
        self.client.force_login(self.alice)
        self.assertEqual(self.boxes("/notes/new/"), 1)
        self.assertEqual(self.boxes("/repair/apology/new/"), 5)
        self.assertEqual(self.boxes("/repair/letting-go/new/"), 0)
        self.assertEqual(self.boxes("/memories/"), 1)

    def test_check_in_answers_and_the_daily_answer_are_coached(self) -> None:
        item = open_week(self.couple)
        self.client.force_login(self.alice)
        self.assertGreaterEqual(self.boxes(f"/checkins/{item.pk}/"), 4)
        pool()
        daily.set_enabled(self.couple, True)
        self.assertEqual(self.boxes("/questions/today/"), 1)

    def test_a_stranger_sees_no_coach_on_pages_that_are_not_hers(self) -> None:
        item = open_week(self.couple)
        self.client.force_login(self.carol)
        self.assertEqual(self.client.get(f"/checkins/{item.pk}/").status_code, 404)
