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
