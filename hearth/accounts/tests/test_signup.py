from hearth.accounts.models import User
from hearth.lib.testing import BaseTestCase

GOOD = {
    "display_name": "Dana",
    "email": "Dana@Example.org",
    "password": "a quiet walk at dusk",
    "timezone": "Europe/Berlin",
    "country": "DE",
}


class SignupTests(BaseTestCase):
    def test_it_shows_the_form(self) -> None:
        r = self.client.get("/signup/")
        self.assertContains(r, "Create your account")
        self.assertContains(r, "data-guess-timezone")

    def test_it_creates_the_account_and_signs_in(self) -> None:
        r = self.client.post("/signup/", GOOD)
        self.assertRedirects(r, "/", fetch_redirect_response=False)
        user = User.objects.get(email="dana@example.org")
        self.assertEqual(user.display_name, "Dana")
        self.assertEqual(user.timezone, "Europe/Berlin")
        self.assertEqual(user.country, "DE")
        self.assertTrue(user.check_password("a quiet walk at dusk"))
        self.assertIsNone(user.privacy_accepted_at)
        # Signed in, and asked to read the privacy notice first.
        self.assertRedirects(self.client.get("/"), "/welcome/privacy/", fetch_redirect_response=False)

    def test_it_follows_a_safe_next(self) -> None:
        r = self.client.post("/signup/", {**GOOD, "next": "/join/abc/"})
        self.assertRedirects(r, "/join/abc/", fetch_redirect_response=False)

    def test_it_ignores_an_offsite_next(self) -> None:
        r = self.client.post("/signup/", {**GOOD, "next": "https://evil.example/"})
        self.assertRedirects(r, "/", fetch_redirect_response=False)

    def test_it_refuses_a_taken_email_in_any_case(self) -> None:
        r = self.client.post("/signup/", {**GOOD, "email": "ALICE@example.org"})
        self.assertContains(r, "There is already an account with this e-mail", status_code=400)
        self.assertEqual(User.objects.filter(email="alice@example.org").count(), 1)

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
