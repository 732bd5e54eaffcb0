from hearth.lib.testing import PASSWORD, BaseTestCase


class SettingsPageTests(BaseTestCase):
    def setUp(self) -> None:
        self.client.force_login(self.alice)

    def test_anonymous_is_sent_to_login(self) -> None:
        self.client.logout()
        self.assertRedirects(
            self.client.get("/settings/"), "/login/?next=/settings/", fetch_redirect_response=False
        )

    def test_it_shows_the_forms(self) -> None:
        r = self.client.get("/settings/")
        self.assertContains(r, "About you")
        self.assertContains(r, "alice@example.org")
        self.assertContains(r, 'value="Europe/London" selected')

    def test_it_changes_name_timezone_and_country(self) -> None:
        data = {"section": "profile", "display_name": "Ali", "timezone": "Asia/Tokyo", "country": "JP"}
        r = self.client.post("/settings/", data)
        self.assertRedirects(r, "/settings/", fetch_redirect_response=False)
        self.alice.refresh_from_db()
        self.assertEqual(
            (self.alice.display_name, self.alice.timezone, self.alice.country), ("Ali", "Asia/Tokyo", "JP")
        )

    def test_a_name_with_a_line_break_or_other_control_character_is_refused(self) -> None:
        for name in ("Ali\r\nBcc: x", "Ali\tB", "Ali\x1b[31m"):
            with self.subTest(name=name):
                data = {"section": "profile", "display_name": name, "timezone": "Europe/London"}
                r = self.client.post("/settings/", {**data, "country": "GB"})
                self.assertContains(r, "letters, spaces and punctuation", status_code=400)
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.display_name, "Alice")

    def test_it_refuses_an_unknown_timezone(self) -> None:
        data = {"section": "profile", "display_name": "Ali", "timezone": "Nowhere/Land", "country": "GB"}
        r = self.client.post("/settings/", data)
        self.assertContains(r, "one we know", status_code=400)
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.timezone, "Europe/London")

    def test_changing_email_needs_the_current_password(self) -> None:
        r = self.client.post(
            "/settings/", {"section": "email", "email": "new@example.org", "current_password": "nope"}
        )
        self.assertContains(r, "your current password", status_code=400)
        r = self.client.post(
            "/settings/", {"section": "email", "email": "New@Example.org", "current_password": PASSWORD}
        )
        self.assertRedirects(r, "/settings/", fetch_redirect_response=False)
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.email, "new@example.org")

    def test_it_refuses_an_email_someone_else_uses(self) -> None:
        r = self.client.post(
            "/settings/", {"section": "email", "email": "bob@example.org", "current_password": PASSWORD}
        )
        self.assertContains(r, "Another account already uses this e-mail", status_code=400)

    def test_changing_password_needs_the_current_one_and_keeps_the_session(self) -> None:
        r = self.client.post(
            "/settings/",
            {"section": "password", "current_password": "x", "new_password": "a brand new phrase"},
        )
        self.assertContains(r, "your current password", status_code=400)
        r = self.client.post(
            "/settings/",
            {"section": "password", "current_password": PASSWORD, "new_password": "a brand new phrase"},
        )
        self.assertRedirects(r, "/settings/", fetch_redirect_response=False)
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password("a brand new phrase"))
        self.assertEqual(self.client.get("/settings/").status_code, 200)

    def test_it_refuses_a_weak_new_password(self) -> None:
        r = self.client.post(
            "/settings/", {"section": "password", "current_password": PASSWORD, "new_password": "12345678901"}
        )
        self.assertContains(r, "entirely numeric", status_code=400)

    def test_an_unknown_section_is_a_clear_400(self) -> None:
        self.assertEqual(self.client.post("/settings/", {"section": "admin"}).status_code, 400)
