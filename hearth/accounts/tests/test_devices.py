"""OWASP's device cookie: a partner at the same home address cannot lock
the other out of their own account, and each browser the owner signed in
on before counts its own failures."""

from django.test import Client, override_settings

from hearth.accounts.devices import COOKIE_NAME
from hearth.lib.testing import PASSWORD, BaseTestCase, TestResponse

HOME = "10.0.0.7"


@override_settings(AXES_FAILURE_LIMIT=3)
class DeviceCookieTests(BaseTestCase):
    def login(self, client: Client, email: str, password: str, ip: str = HOME) -> TestResponse:
        return client.post("/login/", {"username": email, "password": password}, REMOTE_ADDR=ip)

    def alices_phone(self) -> Client:
        """A browser alice has signed in on before, from home."""
        phone = Client()
        self.assertRedirects(
            self.login(phone, "alice@example.org", PASSWORD), "/", fetch_redirect_response=False
        )
        self.assertIn(COOKIE_NAME, phone.cookies)
        phone.post("/logout/")
        return phone

    def test_a_partner_at_home_cannot_lock_the_owner_out_of_her_own_browser(self) -> None:
        phone = self.alices_phone()
        laptop = Client()  # bob's, at the same home address
        for _ in range(5):
            self.login(laptop, "alice@example.org", "guessing her password")
        self.assertEqual(self.login(laptop, "alice@example.org", PASSWORD).status_code, 429)
        r = self.login(phone, "alice@example.org", PASSWORD)
        self.assertRedirects(r, "/", fetch_redirect_response=False)

    def test_a_known_browser_counts_its_own_failures_and_pauses_alone(self) -> None:
        phone = self.alices_phone()
        for _ in range(3):
            self.login(phone, "alice@example.org", "a wrong guess here")
        paused = self.login(phone, "alice@example.org", PASSWORD)
        self.assertContains(paused, "Please wait a few minutes", status_code=429)
        # A failure on her phone did not count against a new browser at home.
        r = self.login(Client(), "alice@example.org", PASSWORD)
        self.assertRedirects(r, "/", fetch_redirect_response=False)

    def test_a_known_browser_is_known_for_that_account_only(self) -> None:
        phone = self.alices_phone()
        for _ in range(3):
            self.login(Client(), "bob@example.org", "guessing his password")
        self.assertEqual(self.login(phone, "bob@example.org", PASSWORD).status_code, 429)

    def test_a_forged_cookie_is_a_stranger(self) -> None:
        browser = Client()
        browser.cookies[COOKIE_NAME] = "made-up"
        for _ in range(3):
            self.login(Client(), "alice@example.org", "guessing her password")
        self.assertEqual(self.login(browser, "alice@example.org", PASSWORD).status_code, 429)

    def test_the_try_before_the_pause_says_so(self) -> None:
        browser = Client()
        first = self.login(browser, "alice@example.org", "a wrong guess here")
        self.assertContains(first, "match an account")
        self.assertNotContains(first, "One more")
        second = self.login(browser, "alice@example.org", "a wrong guess here")
        self.assertContains(second, "One more try that doesn&#x27;t match will pause signing in")

    def test_the_warning_counts_a_known_browsers_own_tries(self) -> None:
        phone = self.alices_phone()
        self.assertNotContains(self.login(phone, "alice@example.org", "a wrong guess here"), "One more")
        self.assertContains(self.login(phone, "alice@example.org", "a wrong guess here"), "One more")
