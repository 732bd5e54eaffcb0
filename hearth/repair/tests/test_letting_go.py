from hearth.checkins import services as checkins
from hearth.checkins.tests.helpers import FULL
from hearth.lib.testing import BaseTestCase
from hearth.repair.models import LettingGo

ITEM = {
    "text": "The comment about my cooking at your parents' house.",
    "what_to_release": "The replaying of it at night.",
    "need_underneath": "To feel you're on my side in front of them.",
}


class LettingGoTests(BaseTestCase):
    url = "/repair/letting-go/new/"

    def write(self) -> LettingGo:
        self.client.force_login(self.alice)
        self.client.post(self.url, ITEM)
        return LettingGo.objects.get()

    def test_anonymous_is_sent_to_login(self) -> None:
        self.assertEqual(self.client.get(self.url).status_code, 302)

    def test_it_is_private_to_its_writer(self) -> None:
        item = self.write()
        self.assertContains(self.client.get(f"/repair/letting-go/{item.pk}/"), "replaying of it at night")
        for other in (self.bob, self.carol):
            self.client.force_login(other)
            self.assertEqual(self.client.get(f"/repair/letting-go/{item.pk}/").status_code, 404)
            self.assertNotContains(self.client.get("/repair/"), "cooking")
            self.assertNotContains(self.client.get("/"), "cooking")

    def test_letting_it_go_archives_it_for_good(self) -> None:
        item = self.write()
        self.client.post(f"/repair/letting-go/{item.pk}/", {"decide": "let_go"})
        item.refresh_from_db()
        self.assertEqual(item.outcome, "let_go")
        self.assertIsNone(item.checkin)
        r = self.client.post(f"/repair/letting-go/{item.pk}/", {"decide": "topic"}, follow=True)
        self.assertContains(r, "already decided")
        item.refresh_from_db()
        self.assertEqual(item.outcome, "let_go")

    def test_brought_to_a_checkin_the_partner_sees_only_its_first_line_after_the_reveal(self) -> None:
        item = self.write()
        self.client.post(f"/repair/letting-go/{item.pk}/", {"decide": "topic"})
        item.refresh_from_db()
        assert item.checkin is not None
        url = f"/checkins/{item.checkin.pk}/"
        self.assertContains(self.client.get(url), "The comment about my cooking")
        self.client.force_login(self.bob)
        self.assertNotContains(self.client.get(url), "cooking")
        checkins.submit(item.checkin, self.alice, {**FULL, "pulse": 3})
        checkins.submit(item.checkin, self.bob, {**FULL, "pulse": 3})
        r = self.client.get(url)
        self.assertContains(r, "The comment about my cooking")
        self.assertNotContains(r, "replaying of it at night")
        self.assertNotContains(r, "on my side in front of them")

    def test_an_empty_or_huge_entry_gets_a_clear_message(self) -> None:
        self.client.force_login(self.alice)
        self.assertContains(
            self.client.post(self.url, {"text": ""}), "Please write a few words", status_code=400
        )
        self.assertContains(self.client.post(self.url, {"text": "x" * 1001}), "under 1000", status_code=400)
        self.assertFalse(LettingGo.objects.exists())
