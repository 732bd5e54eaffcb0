"""Quick exit leaves at once and, unless the person turned it off, signs
out: reopening Hearth afterwards must not show anyone's answers."""

from hearth.front.context_processors import QUICK_EXIT_URL
from hearth.lib.testing import BaseTestCase

EXIT = "/exit/"


class QuickExitTests(BaseTestCase):
    def test_a_signed_in_persons_quick_exit_goes_through_hearth_to_sign_out(self) -> None:
        self.client.force_login(self.alice)
        self.assertContains(self.client.get("/help/"), f'href="{EXIT}" data-quick-exit')

    def test_it_signs_out_and_leaves_for_the_neutral_page(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.get(EXIT, headers={"Sec-Fetch-Site": "same-origin"})
        self.assertRedirects(r, QUICK_EXIT_URL, fetch_redirect_response=False)
        self.assertEqual(r["Cache-Control"], "max-age=0, no-cache, no-store, must-revalidate, private")
        self.assertNotIn("_auth_user_id", self.client.session)
        self.assertContains(self.client.get("/"), "Create an account")

    def test_another_site_cannot_sign_anyone_out(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.get(EXIT, headers={"Sec-Fetch-Site": "cross-site"})
        self.assertRedirects(r, QUICK_EXIT_URL, fetch_redirect_response=False)
        self.assertEqual(int(self.client.session["_auth_user_id"]), self.alice.pk)

    def test_turned_off_it_leaves_without_signing_out(self) -> None:
        self.alice.quick_exit_signs_out = False
        self.alice.save(update_fields=["quick_exit_signs_out"])
        self.client.force_login(self.alice)
        self.assertContains(self.client.get("/help/"), f'href="{QUICK_EXIT_URL}" data-quick-exit')

    def test_someone_signed_out_leaves_straight_away(self) -> None:
        self.assertContains(self.client.get("/help/"), f'href="{QUICK_EXIT_URL}" data-quick-exit')
        r = self.client.get(EXIT)
        self.assertRedirects(r, QUICK_EXIT_URL, fetch_redirect_response=False)

    def test_the_choice_is_in_settings_and_on_by_default(self) -> None:
        for who in (self.bob, self.carol):
            self.assertTrue(who.quick_exit_signs_out)
        self.client.force_login(self.carol)
        self.assertContains(self.client.get("/settings/"), "Quick exit also signs me out")
        data = {"section": "profile", "display_name": "Carol", "timezone": "UTC", "country": ""}
        r = self.client.post("/settings/", data)
        self.assertRedirects(r, "/settings/", fetch_redirect_response=False)
        self.carol.refresh_from_db()
        self.assertFalse(self.carol.quick_exit_signs_out)
        self.client.post("/settings/", {**data, "quick_exit_signs_out": "on"})
        self.carol.refresh_from_db()
        self.assertTrue(self.carol.quick_exit_signs_out)
