"""The tone coach as you type, and the safety screen, in a real browser."""

from django.test import tag
from playwright.sync_api import expect

from e2e.browser import BrowserTestCase
from e2e.test_checkin_journey import log_in
from hearth.appreciation.models import Note
from hearth.lib.testing import make_couple, make_user
from hearth.safety.models import SafetySignal

PARAGRAPH = (
    "Work was long again this week, and the car is making that noise when it's cold. "
    "Thank you for sorting dinner on Thursday, and for picking up my prescription. "
    "I'd like us to get out for a walk on Sunday if the weather holds. "
)
GOODBYE = "By the time you read this it'll be over. None of it was your fault."
CONTROLLING = "You're not allowed to see your friends unless I say so."


def couple() -> None:
    make_couple(make_user("alice@example.org", "Alice", country="GB"), make_user("bob@example.org", "Bob"))


@tag("browser")
class CoachJourneyTests(BrowserTestCase):
    def test_a_harsh_line_is_coached_and_the_gentler_one_used(self) -> None:
        couple()
        alice = self.new_page()
        log_in(alice, "alice@example.org")
        alice.goto("/notes/new/")
        box = alice.get_by_label("Your note")
        box.press_sequentially("Thanks for cooking. You never do the dishes, you're so lazy.", delay=5)
        note = alice.locator(".coach-note")
        expect(note).to_be_visible()
        expect(note.locator("mark").first).to_be_visible()
        self.save_screenshot(alice, "coach-note")
        note.get_by_role("button", name="Use this").click()
        expect(note).to_be_hidden()
        value = box.input_value()
        self.assertTrue(value.startswith("Thanks for cooking. "), value)
        self.assertNotIn("lazy", value)

        box.fill("")
        box.press_sequentially("Whatever. I'm done talking.", delay=5)
        expect(alice.locator(".coach-note")).to_be_visible()
        alice.locator(".coach-note").get_by_role("button", name="Keep mine").click()
        expect(alice.locator(".coach-note")).to_be_hidden()
        self.assertEqual(box.input_value(), "Whatever. I'm done talking.")
        self.assert_only_live_server_contacted()

    def test_a_risk_shows_help_to_the_writer_only_and_never_blocks_sending(self) -> None:
        couple()
        alice = self.new_page()
        log_in(alice, "alice@example.org")
        alice.goto("/notes/new/")
        box = alice.get_by_label("Your note")
        box.press_sequentially("I'm scared of what you'll do when you've been drinking.", delay=5)
        help_box = alice.locator(".coach-help")
        expect(help_box).to_be_visible()
        expect(help_box.get_by_text("National Domestic Abuse Helpline (Refuge)")).to_be_visible()
        expect(help_box.get_by_role("link", name="Get help")).to_be_visible()
        expect(alice.locator(".coach-note")).to_have_count(0)
        self.save_screenshot(alice, "coach-help")
        alice.get_by_role("button", name="Send", exact=True).click()
        expect(alice.get_by_text("Sent. It's in their jar now.")).to_be_visible()
        self.assertEqual(Note.objects.filter(sent_at__isnull=False).count(), 1)
        signals = SafetySignal.objects.values_list("user__email", flat=True)
        self.assertEqual(list(signals), ["alice@example.org"], "what was sent is screened once")

        bob = self.new_page()
        log_in(bob, "bob@example.org")
        for path in ("/", "/jar/", "/checkup/"):
            bob.goto(path)
            expect(bob.locator(".coach-help")).to_have_count(0)
            expect(bob.get_by_text("National Domestic Abuse Helpline")).to_have_count(0)
        self.assert_only_live_server_contacted()

    def test_a_goodbye_after_a_paragraph_gets_help_and_no_rewrite(self) -> None:
        couple()
        alice = self.new_page()
        log_in(alice, "alice@example.org")
        alice.goto("/notes/new/")
        box = alice.get_by_label("Your note")
        box.fill(PARAGRAPH + "\n\n")
        box.press_sequentially(GOODBYE, delay=2)
        help_box = alice.locator(".coach-help")
        expect(help_box).to_be_visible()
        expect(help_box.get_by_text("Samaritans", exact=True)).to_be_visible()
        expect(help_box.get_by_text("carrying something very heavy")).to_be_visible()
        expect(alice.locator(".coach-note")).to_have_count(0)
        expect(alice.get_by_role("button", name="Use this")).to_have_count(0)
        self.save_screenshot(alice, "coach-help-after-paragraph")
        self.assert_only_live_server_contacted()

    def test_a_controlling_line_gets_the_writers_panel_and_typing_it_leaves_no_trace(self) -> None:
        couple()
        alice = self.new_page()
        log_in(alice, "alice@example.org")
        alice.goto("/notes/new/")
        box = alice.get_by_label("Your note")
        box.press_sequentially(CONTROLLING, delay=5)
        help_box = alice.locator(".coach-help")
        expect(help_box.get_by_text("could frighten the person you're writing to")).to_be_visible()
        expect(help_box.get_by_text("Respect Phoneline")).to_be_visible()
        expect(help_box.get_by_role("link", name="Get help")).to_be_visible()
        expect(help_box.get_by_text("isn't your fault")).to_have_count(0)
        expect(alice.locator(".coach-note")).to_have_count(0)
        self.save_screenshot(alice, "coach-help-writer")
        box.fill("")
        box.press_sequentially("See you at six x", delay=5)
        expect(alice.locator(".coach-help")).to_have_count(0)
        alice.get_by_role("button", name="Send", exact=True).click()
        expect(alice.get_by_text("Sent. It's in their jar now.")).to_be_visible()
        self.assertFalse(SafetySignal.objects.exists(), "typed, deleted and never sent: no trace")
        self.assert_only_live_server_contacted()
