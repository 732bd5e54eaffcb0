"""An appreciation note, from one browser to the other."""

from django.test import tag
from playwright.sync_api import expect

from e2e.browser import BrowserTestCase
from e2e.test_checkin_journey import log_in
from hearth.lib.testing import make_couple, make_user


@tag("browser")
class AppreciationJourneyTests(BrowserTestCase):
    def test_a_note_is_sent_found_in_the_jar_and_answered(self) -> None:
        make_couple(make_user("alice@example.org", "Alice"), make_user("bob@example.org", "Bob"))

        alice = self.new_page()
        log_in(alice, "alice@example.org")
        alice.get_by_role("link", name="Write a note").click()
        expect(alice.get_by_role("heading", name="A note for Bob")).to_be_visible()
        alice.get_by_label("Your note").fill("I admire how calmly you handled the flat viewing.")
        alice.get_by_role("button", name="Send", exact=True).click()
        expect(alice.get_by_text("Sent. It's in their jar now.")).to_be_visible()

        bob = self.new_page()
        log_in(bob, "bob@example.org")
        bob.get_by_role("link", name="Your jar").click()
        expect(bob.get_by_text("I admire how calmly you handled the flat viewing.")).to_be_visible()
        bob.get_by_text("Reply, if you like").click()
        bob.get_by_label("A short reply").fill("Thank you. I was nervous!")
        bob.get_by_role("button", name="Send reply").click()
        expect(bob.get_by_text("You replied:")).to_be_visible()
        self.save_screenshot(bob, "bob-jar")

        alice.goto("/notes/written/")
        expect(alice.get_by_text("Thank you. I was nervous!")).to_be_visible()
        self.assert_only_live_server_contacted()
