from django.test import override_settings

from hearth.lib.testing import PASSWORD, BaseTestCase, TestResponse


@override_settings(AXES_FAILURE_LIMIT=3)
class LoginTests(BaseTestCase):
    def login(self, email: str, password: str, ip: str = "10.0.0.1") -> TestResponse:
        return self.client.post("/login/", {"username": email, "password": password}, REMOTE_ADDR=ip)

    def test_it_signs_in_with_any_case_email(self) -> None:
        r = self.login("Alice@Example.org", PASSWORD)
        self.assertRedirects(r, "/", fetch_redirect_response=False)
        self.assertEqual(int(self.client.session["_auth_user_id"]), self.alice.pk)

    def test_it_says_calmly_when_the_password_is_wrong(self) -> None:
        r = self.login("alice@example.org", "not the password")
        self.assertContains(r, "match an account")
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_it_pauses_logins_after_repeated_failures(self) -> None:
        for _ in range(3):
            self.login("alice@example.org", "wrong password here")
        r = self.login("alice@example.org", PASSWORD)
        self.assertEqual(r.status_code, 429)
        self.assertContains(r, "Please wait a few minutes", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_a_partner_elsewhere_cannot_lock_the_other_out(self) -> None:
        # bob, on his own device, types wrong passwords for alice's account...
        for _ in range(5):
            self.login("alice@example.org", "guessing her password", ip="10.0.0.99")
        # ...and alice, from her own address, still gets in.
        r = self.login("alice@example.org", PASSWORD, ip="10.0.0.1")
        self.assertRedirects(r, "/", fetch_redirect_response=False)

    def test_logout_needs_a_post(self) -> None:
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get("/logout/").status_code, 405)
        r = self.client.post("/logout/")
        self.assertRedirects(r, "/login/", fetch_redirect_response=False)
        self.assertNotIn("_auth_user_id", self.client.session)
