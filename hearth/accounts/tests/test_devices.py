"""OWASP's device cookie: a partner at the same home address cannot lock
the other out of their own account, and each browser the owner signed in
on before counts its own failures."""

from datetime import timedelta

from django.test import Client, override_settings
from django.utils import timezone

from hearth.accounts.devices import COOKIE_NAME
from hearth.accounts.models import KnownDevice, SignupRequest
from hearth.lib.testing import PASSWORD, BaseTestCase, TestResponse
from hearth.worker.jobs import run_due_jobs

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

    def test_a_shared_browser_stays_known_to_each_account_signed_in_on_it(self) -> None:
        laptop = Client()
        for who in ("alice@example.org", "bob@example.org"):
            self.login(laptop, who, PASSWORD)
            laptop.post("/logout/")
        # Someone else at home pauses both accounts for unknown browsers...
        for who in ("alice@example.org", "bob@example.org"):
            for _ in range(3):
                self.login(Client(), who, "guessing a password")
        # ...and the shared laptop still signs in either partner.
        for who in ("alice@example.org", "bob@example.org"):
            self.assertRedirects(self.login(laptop, who, PASSWORD), "/", fetch_redirect_response=False)
            laptop.post("/logout/")


class HousekeepingTests(BaseTestCase):
    def test_devices_unused_for_a_year_and_signups_unconfirmed_for_three_days_are_removed(self) -> None:
        now = timezone.now()
        old = KnownDevice.objects.create(
            user=self.alice, key_hash="a" * 64, created_at=now - timedelta(days=366)
        )
        recent = KnownDevice.objects.create(
            user=self.alice, key_hash="b" * 64, created_at=now - timedelta(days=300)
        )
        expired = SignupRequest.objects.create(
            email="dana@example.org",
            display_name="Dana",
            key_hash="c" * 64,
            created_at=now - timedelta(days=4),
        )
        waiting = SignupRequest.objects.create(
            email="erin@example.org",
            display_name="Erin",
            key_hash="d" * 64,
            created_at=now - timedelta(days=2),
        )
        run_due_jobs(now)
        self.assertEqual(list(KnownDevice.objects.all()), [recent])
        self.assertEqual(list(SignupRequest.objects.all()), [waiting])
        self.assertNotIn(old, KnownDevice.objects.all())
        self.assertNotIn(expired, SignupRequest.objects.all())
