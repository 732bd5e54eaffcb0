import re
import smtplib
from datetime import UTC, datetime
from unittest import mock

import time_machine
from django.core import mail

from hearth.accounts.models import SignupRequest, User
from hearth.lib.reports import mask
from hearth.lib.testing import PASSWORD, BaseTestCase, TestResponse

GOOD = {
    "display_name": "Dana",
    "email": "Dana@Example.org",
    "password": "a quiet walk at dusk",
    "timezone": "Europe/Berlin",
    "country": "DE",
}


def confirm_link() -> str:
    """The path in the last confirmation e-mail."""
    found = re.search(r"https?://[^/\s]+(/signup/confirm/[^/\s]+/)", str(mail.outbox[-1].body))
    assert found, mail.outbox[-1].body
    return found.group(1)


def page(response: TestResponse) -> str:
    """The page, without the CSRF token that differs on every response."""
    return re.sub(r"[A-Za-z0-9]{64}", "TOKEN", response.content.decode())


class SignupTests(BaseTestCase):
    def test_it_shows_the_form(self) -> None:
        r = self.client.get("/signup/")
        self.assertContains(r, "Create your account")
        self.assertContains(r, "data-guess-timezone")

    def test_it_creates_nothing_until_the_address_is_confirmed(self) -> None:
        r = self.client.post("/signup/", GOOD)
        self.assertContains(r, "Check your e-mail")
        self.assertFalse(User.objects.filter(email="dana@example.org").exists())
        self.assertNotIn("_auth_user_id", self.client.session)
        (message,) = mail.outbox
        self.assertEqual(message.to, ["dana@example.org"])
        self.assertEqual(message.subject, "Confirm your e-mail address for Hearth")
        self.assertNotIn("Dana", message.body)
        self.assertNotIn("quiet walk", message.body)

    def test_the_link_confirms_the_address_and_signs_in(self) -> None:
        self.client.post("/signup/", GOOD)
        link = confirm_link()
        # Opening the link (as a mail scanner might) changes nothing.
        self.assertContains(self.client.get(link), "Confirm my address")
        self.assertFalse(User.objects.filter(email="dana@example.org").exists())
        r = self.client.post(link)
        self.assertRedirects(r, "/", fetch_redirect_response=False)
        user = User.objects.get(email="dana@example.org")
        self.assertEqual(user.display_name, "Dana")
        self.assertEqual(user.timezone, "Europe/Berlin")
        self.assertEqual(user.country, "DE")
        self.assertTrue(user.check_password("a quiet walk at dusk"))
        self.assertIsNone(user.privacy_accepted_at)
        # Signed in, and asked to read the privacy notice first.
        self.assertRedirects(self.client.get("/"), "/welcome/privacy/", fetch_redirect_response=False)
        # The link works once.
        self.client.logout()
        self.assertContains(self.client.post(link), "expired or was already used", status_code=404)
        self.assertEqual(User.objects.filter(email="dana@example.org").count(), 1)

    def test_an_unknown_link_is_refused_calmly(self) -> None:
        r = self.client.post("/signup/confirm/not-a-real-key/")
        self.assertContains(r, "expired or was already used", status_code=404)

    def test_a_link_older_than_three_days_is_refused(self) -> None:
        with time_machine.travel(datetime(2027, 1, 1, 12, 0, tzinfo=UTC), tick=False):
            self.client.post("/signup/", GOOD)
        link = confirm_link()
        with time_machine.travel(datetime(2027, 1, 4, 12, 1, tzinfo=UTC), tick=False):
            self.assertContains(self.client.post(link), "expired or was already used", status_code=404)
        self.assertFalse(User.objects.filter(email="dana@example.org").exists())

    def test_it_follows_a_safe_next(self) -> None:
        self.client.post("/signup/", {**GOOD, "next": "/join/abc/"})
        r = self.client.post(confirm_link())
        self.assertRedirects(r, "/join/abc/", fetch_redirect_response=False)

    def test_it_ignores_an_offsite_next(self) -> None:
        self.client.post("/signup/", {**GOOD, "next": "https://evil.example/"})
        r = self.client.post(confirm_link())
        self.assertRedirects(r, "/", fetch_redirect_response=False)

    def test_a_taken_email_gets_the_same_answer_and_its_owner_an_e_mail(self) -> None:
        new = self.client.post("/signup/", GOOD)
        taken = self.client.post("/signup/", {**GOOD, "email": "ALICE@example.org"})
        self.assertEqual((taken.status_code, page(taken)), (new.status_code, page(new)))
        self.assertEqual(User.objects.filter(email="alice@example.org").count(), 1)
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(PASSWORD))
        message = mail.outbox[-1]
        self.assertEqual(message.to, ["alice@example.org"])
        self.assertEqual(message.subject, "Signing in to Hearth")
        self.assertIn("already has a Hearth account", message.body)
        self.assertIn("/login/", message.body)
        self.assertIn("/password/reset/", message.body)
        self.assertNotIn("/signup/confirm/", message.body)
        self.assertNotIn("Dana", message.body)

    def test_an_address_taken_before_confirming_is_not_taken_twice(self) -> None:
        self.client.post("/signup/", GOOD)
        link = confirm_link()
        User.objects.create_user("dana@example.org", PASSWORD, display_name="The real Dana")
        r = self.client.post(link)
        self.assertContains(r, "already has an account", status_code=409)
        self.assertEqual(User.objects.get(email="dana@example.org").display_name, "The real Dana")

    def test_asking_again_within_minutes_sends_no_second_e_mail(self) -> None:
        for _ in range(3):
            self.assertContains(self.client.post("/signup/", GOOD), "Check your e-mail")
        self.assertEqual(len(mail.outbox), 1)
        # Every link that was asked for still works; the one e-mail's does.
        self.assertRedirects(self.client.post(confirm_link()), "/", fetch_redirect_response=False)

    def test_a_mail_server_that_is_down_gets_a_calm_answer_and_holds_nothing_back(self) -> None:
        for email in ("dana@example.org", "alice@example.org"):
            with mock.patch("hearth.lib.emails.send", side_effect=smtplib.SMTPServerDisconnected()):
                r = self.client.post("/signup/", {**GOOD, "email": email})
            self.assertContains(r, "couldn&#x27;t send the e-mail just now", status_code=503)
        self.assertFalse(SignupRequest.objects.exists())
        # The next try, a minute later, sends at once.
        self.assertContains(self.client.post("/signup/", GOOD), "Check your e-mail")
        self.assertEqual(len(mail.outbox), 1)

    def test_the_confirm_link_is_masked_in_the_log(self) -> None:
        self.client.post("/signup/", GOOD)
        link = confirm_link()
        self.assertNotIn(link.split("/")[-2], mask(f"GET {link} 500"))

    def test_it_refuses_short_common_and_similar_passwords(self) -> None:
        for password, message in [
            ("short1", "at least 10 characters"),
            ("password123", "too common"),
            ("dana@example.org", "too similar"),
        ]:
            with self.subTest(password=password):
                r = self.client.post("/signup/", {**GOOD, "password": password})
                self.assertContains(r, message, status_code=400)
        self.assertFalse(User.objects.filter(email="dana@example.org").exists())

    def test_it_refuses_a_malformed_email(self) -> None:
        r = self.client.post("/signup/", {**GOOD, "email": "dana-at-example"})
        self.assertContains(r, "Enter a valid email address", status_code=400)

    def test_it_refuses_an_unknown_timezone(self) -> None:
        r = self.client.post("/signup/", {**GOOD, "timezone": "Mars/Olympus_Mons"})
        self.assertContains(r, "one we know", status_code=400)
        self.assertFalse(User.objects.filter(email="dana@example.org").exists())

    def test_it_refuses_an_oversize_name(self) -> None:
        r = self.client.post("/signup/", {**GOOD, "display_name": "x" * 61})
        self.assertContains(r, "at most 60 characters", status_code=400)

    def test_it_sends_a_signed_in_person_onwards(self) -> None:
        self.client.force_login(self.alice)
        self.assertRedirects(self.client.get("/signup/"), "/", fetch_redirect_response=False)

    def test_it_refuses_an_oversize_password(self) -> None:
        r = self.client.post("/signup/", {**GOOD, "password": "long words " * 30})
        self.assertContains(r, "at most 256 characters", status_code=400)
        self.assertFalse(User.objects.filter(email="dana@example.org").exists())

    def test_a_name_with_a_line_break_is_refused(self) -> None:
        r = self.client.post("/signup/", {**GOOD, "display_name": "Dana\nDear customer"})
        self.assertContains(r, "letters, spaces and punctuation", status_code=400)
        self.assertFalse(User.objects.filter(email="dana@example.org").exists())
