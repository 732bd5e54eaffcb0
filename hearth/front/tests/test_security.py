from hearth.lib.testing import BaseTestCase


class SecurityHeaderTests(BaseTestCase):
    def test_every_page_has_a_strict_content_security_policy(self) -> None:
        r = self.client.get("/login/")
        csp = r["Content-Security-Policy"]
        self.assertIn("script-src 'self'", csp)
        self.assertIn("default-src 'self'", csp)
        self.assertIn("frame-ancestors 'none'", csp)
        self.assertNotIn("unsafe-inline", csp)
        self.assertNotIn("unsafe-eval", csp)
        self.assertEqual(r["X-Frame-Options"], "DENY")

    def test_pages_hold_no_inline_scripts(self) -> None:
        self.client.force_login(self.alice)
        for url in ["/", "/settings/", "/help/"]:
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()
                self.assertNotIn("<script>", html)
                self.assertNotRegex(html, r"<script(?![^>]*\bsrc=)")
                self.assertNotRegex(html, r"\son[a-z]+=")

    def test_signed_in_pages_are_never_stored(self) -> None:
        self.client.force_login(self.bob)
        for url in ["/", "/settings/", "/help/", "/couple/leave/"]:
            with self.subTest(url=url):
                self.assertIn("no-store", self.client.get(url)["Cache-Control"])


class UnreadableInputTests(BaseTestCase):
    def test_a_form_body_that_is_not_utf8_is_refused_and_nothing_is_stored(self) -> None:
        self.client.force_login(self.alice)
        body = "section=profile&display_name=Al%FFi&timezone=Europe%2FLondon&country=GB"
        r = self.client.post("/settings/", body, content_type="application/x-www-form-urlencoded")
        self.assertContains(r, "could not be read", status_code=400)
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.display_name, "Alice")

    def test_a_utf8_body_is_read_as_usual(self) -> None:
        self.client.force_login(self.alice)
        body = "section=profile&display_name=Zo%C3%AB&timezone=Europe%2FLondon&country=GB"
        r = self.client.post("/settings/", body, content_type="application/x-www-form-urlencoded")
        self.assertEqual(r.status_code, 302)
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.display_name, "Zoë")
