"""A connection check-up, taken in two browsers and revealed to both as areas."""

from django.test import tag
from playwright.sync_api import Page, expect

from e2e.browser import BrowserTestCase
from e2e.test_checkin_journey import log_in
from hearth.checkup import content
from hearth.lib.testing import make_couple, make_user


def answer_all(page: Page, value: int) -> None:
    for item in content.load().items:
        score = 6 - value if item.reverse else value
        page.locator(f'input[name="{item.key}"][value="{score}"]').check()
    page.get_by_role("button", name="Finish").click()


@tag("browser")
class CheckupJourneyTests(BrowserTestCase):
    def test_a_check_up_is_revealed_as_areas_for_both(self) -> None:
        make_couple(make_user("alice@example.org", "Alice"), make_user("bob@example.org", "Bob"))

        alice = self.new_page()
        log_in(alice, "alice@example.org")
        alice.get_by_role("link", name="Connection check-up").click()
        alice.get_by_role("button", name="Start the check-up").click()
        answer_all(alice, 2)
        expect(
            alice.get_by_text("Your answers will appear as areas when you have both finished.")
        ).to_be_visible()

        bob = self.new_page()
        log_in(bob, "bob@example.org")
        bob.goto("/checkup/")
        answer_all(bob, 4)
        for page in (bob, alice):
            page.goto("/checkup/")
            expect(page.get_by_role("heading", name="Areas to work on together")).to_be_visible()
            expect(page.get_by_text("Affection and touch")).to_be_visible()
        alice.get_by_role("button", name="I want to work on this with you").click()
        bob.reload()
        bob.get_by_role("button", name="I want to work on this with you").click()
        expect(bob.get_by_role("heading", name="Your first steps")).to_be_visible()
        self.assert_only_live_server_contacted()
