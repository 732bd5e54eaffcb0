"""Two partners, each in their own browser, link their accounts; then one leaves.

Run with `python manage.py test e2e` (or `--tag browser`).
"""

import re

from django.core import mail
from django.test import tag
from playwright.sync_api import Page, expect

from e2e.browser import BrowserTestCase
from hearth.couples.models import CODE_ALPHABET

INVITE_CODE = re.compile(rf"^[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}$")


def sign_up(page: Page, *, name: str, email: str, password: str) -> None:
    expect(page.get_by_role("heading", name="Create your account")).to_be_visible()
    page.get_by_label("Your name").fill(name)
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    # The account is made when the link in the e-mail is followed.
    (link,) = re.findall(r"https?://[^/\s]+(/signup/confirm/\S+/)", str(mail.outbox[-1].body))
    assert mail.outbox[-1].to == [email]
    page.goto(link)
    page.get_by_role("button", name="Confirm my address").click()


def accept_privacy_notice(page: Page) -> None:
    expect(page.get_by_role("heading", name="Before we begin")).to_be_visible()
    page.get_by_role("checkbox", name="I have read this and want to continue").check()
    page.get_by_role("button", name="Continue").click()


@tag("browser")
class CoupleJourneyTests(BrowserTestCase):
    def test_two_partners_link_their_accounts_and_one_leaves(self) -> None:
        home = f"{self.live_server_url}/"

        # Alice arrives alone, signs up and invites her partner.
        alice = self.new_page()
        alice.goto("/")
        self.assert_quick_exit_is_first_focus(alice)
        alice.get_by_role("link", name="Create an account").click()
        sign_up(alice, name="Alice", email="alice@example.org", password="quiet lantern evening")
        accept_privacy_notice(alice)
        expect(alice).to_have_url(home)
        expect(alice.get_by_role("heading", name="Hello, Alice")).to_be_visible()
        alice.get_by_role("button", name="Invite your partner").click()
        invite_link = alice.locator("#invite-link")
        expect(invite_link).to_have_text(re.compile(rf"^\s*{re.escape(self.live_server_url)}/join/\S+/\s*$"))
        link = invite_link.inner_text().strip()
        code = alice.locator("#invite-code").inner_text().strip()
        self.assertRegex(code, INVITE_CODE)
        self.save_screenshot(alice, "alice-invitation")

        # Bob, in his own browser, follows the link and accepts.
        bob = self.new_page()
        bob.goto(link)
        self.assert_quick_exit_is_first_focus(bob)
        expect(bob.get_by_role("heading", name="Alice invited you to Hearth")).to_be_visible()
        bob.get_by_role("link", name="Create an account").click()
        sign_up(bob, name="Bob", email="bob@example.org", password="harbour kettle morning")
        accept_privacy_notice(bob)
        expect(bob).to_have_url(link)
        bob.get_by_role("button", name="Accept and link our accounts").click()
        expect(bob).to_have_url(home)
        expect(bob.get_by_role("heading", name="You and Alice")).to_be_visible()
        expect(bob.get_by_text("You're linked. This is your shared space now.")).to_be_visible()
        self.save_screenshot(bob, "bob-couple-home")

        # Alice sees the couple too.
        alice.goto("/")
        expect(alice.get_by_role("heading", name="You and Bob")).to_be_visible()

        # Alice leaves, on her own; Bob sees only that the space has closed.
        alice.get_by_role("link", name="Settings", exact=True).click()
        alice.get_by_role("link", name="Leave the couple space").click()
        alice.get_by_role("button", name="Leave now").click()
        expect(alice).to_have_url(home)
        expect(alice.get_by_text("This couple space has been closed.")).to_be_visible()
        expect(alice.get_by_text("What you wrote stays with you")).to_be_visible()

        bob.reload()
        expect(bob.get_by_text("This couple space has been closed.")).to_be_visible()
        expect(bob.get_by_role("heading", name="Take the time you need, Bob")).to_be_visible()
        expect(bob.get_by_role("heading", name="You and Alice")).to_have_count(0)

        self.assert_only_live_server_contacted()

    def test_signup_guesses_the_timezone_from_the_browser(self) -> None:
        page = self.new_page(timezone_id="Europe/Paris")
        page.goto("/signup/")
        timezone = page.get_by_label("Timezone")
        expect(timezone).to_have_attribute("name", "timezone")
        expect(timezone).to_have_value("Europe/Paris")
        self.assert_only_live_server_contacted()
