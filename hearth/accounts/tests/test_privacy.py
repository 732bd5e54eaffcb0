from hearth.lib.testing import BaseTestCase, make_user


class PrivacyNoticeTests(BaseTestCase):
    def setUp(self) -> None:
        self.dana = make_user("dana@example.org", "Dana", accepted=False)
        self.client.force_login(self.dana)

    def test_it_is_asked_before_any_relationship_page(self) -> None:
        for url in ["/", "/couple/invite/"]:
            with self.subTest(url=url):
                r = self.client.get(url)
                self.assertEqual(r.status_code, 302)
                self.assertTrue(r["Location"].startswith("/welcome/privacy/"))

    def test_it_shows_the_notice(self) -> None:
        r = self.client.get("/welcome/privacy/")
        self.assertContains(r, "Private by default")
        self.assertContains(r, "Not therapy")

    def test_accepting_records_it_and_goes_on(self) -> None:
        r = self.client.post("/welcome/privacy/", {"accept": "yes", "next": "/couple/invite/"})
        self.assertRedirects(r, "/couple/invite/", fetch_redirect_response=False)
        self.dana.refresh_from_db()
        self.assertIsNotNone(self.dana.privacy_accepted_at)

    def test_it_needs_the_box_ticked(self) -> None:
        r = self.client.post("/welcome/privacy/", {"next": "/"})
        self.assertContains(r, "Please tick the box", status_code=400)
        self.dana.refresh_from_db()
        self.assertIsNone(self.dana.privacy_accepted_at)

    def test_anonymous_is_sent_to_login(self) -> None:
        self.client.logout()
        r = self.client.get("/welcome/privacy/")
        self.assertRedirects(r, "/login/?next=/welcome/privacy/", fetch_redirect_response=False)
