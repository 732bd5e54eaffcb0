"""The tone coach as you type, and the safety screen, in a real browser."""

from django.test import tag
from playwright.sync_api import expect

from e2e.browser import BrowserTestCase
from e2e.test_checkin_journey import log_in
from hearth.appreciation.models import Note
from hearth.lib.testing import make_couple, make_user


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

        bob = self.new_page()
        log_in(bob, "bob@example.org")
        for path in ("/", "/jar/", "/checkup/"):
            bob.goto(path)
            expect(bob.locator(".coach-help")).to_have_count(0)
            expect(bob.get_by_text("National Domestic Abuse Helpline")).to_have_count(0)
        self.assert_only_live_server_contacted()
