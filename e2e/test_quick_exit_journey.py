"""Quick exit, in a browser: it leaves at once, and reopening Hearth on the
same phone shows the welcome page, not the couple's space."""

from django.test import tag
from playwright.sync_api import expect

from e2e.browser import BrowserTestCase
from e2e.test_checkin_journey import log_in
from hearth.front.context_processors import QUICK_EXIT_URL
from hearth.lib.testing import make_couple, make_user


@tag("browser")
class QuickExitJourneyTests(BrowserTestCase):
    def test_quick_exit_leaves_and_signs_out(self) -> None:
        make_couple(make_user("alice@example.org", "Alice"), make_user("bob@example.org", "Bob"))
        page = self.new_page()
        # The neutral page is another site: answered here, so nothing leaves the machine.
        page.context.route(
            f"{QUICK_EXIT_URL}**",
            lambda route: route.fulfill(body="<h1>Weather</h1>", content_type="text/html"),
        )
        log_in(page, "alice@example.org")
        expect(page.get_by_role("heading", name="You and Bob")).to_be_visible()
        page.get_by_role("link", name="Quick exit").click()
        expect(page.get_by_role("heading", name="Weather")).to_be_visible()
        page.goto("/")
        expect(page.get_by_role("link", name="Create an account")).to_be_visible()
        expect(page.get_by_text("You and Bob")).to_have_count(0)

    def test_three_escapes_leave_and_sign_out_too(self) -> None:
        make_couple(make_user("alice@example.org", "Alice"), make_user("bob@example.org", "Bob"))
        page = self.new_page()
        page.context.route(
            f"{QUICK_EXIT_URL}**",
            lambda route: route.fulfill(body="<h1>Weather</h1>", content_type="text/html"),
        )
        log_in(page, "alice@example.org")
        expect(page.get_by_role("heading", name="You and Bob")).to_be_visible()
        page.wait_for_load_state()  # the page's script is listening
        for _ in range(3):
            page.keyboard.press("Escape")
        expect(page.get_by_role("heading", name="Weather")).to_be_visible()
        page.goto("/")
        expect(page.get_by_role("link", name="Create an account")).to_be_visible()
