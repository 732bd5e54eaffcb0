from hearth.couples.access import active_couple, last_couple_closed, partner_of
from hearth.couples.models import Invite
from hearth.lib.testing import BaseTestCase


class LeaveTests(BaseTestCase):
    def test_anonymous_is_sent_to_login(self) -> None:
        r = self.client.get("/couple/leave/")
        self.assertRedirects(r, "/login/?next=/couple/leave/", fetch_redirect_response=False)

    def test_it_explains_before_leaving(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.get("/couple/leave/")
        self.assertContains(r, "you don't need your partner's agreement")
        self.assertIsNotNone(active_couple(self.alice))

    def test_either_partner_can_leave_alone_at_once(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.post("/couple/leave/")
        self.assertRedirects(r, "/", fetch_redirect_response=False)
        self.assertIsNone(active_couple(self.alice))
        self.assertIsNone(partner_of(self.bob))
        self.couple.refresh_from_db()
        self.assertIsNotNone(self.couple.closed_at)

    def test_the_other_partner_sees_a_neutral_notice(self) -> None:
        self.client.force_login(self.alice)
        self.client.post("/couple/leave/")
        self.client.force_login(self.bob)
        r = self.client.get("/")
        self.assertContains(r, "This couple space has been closed.")
        self.assertNotContains(r, "Alice")
        self.assertTrue(last_couple_closed(self.bob))

    def test_both_can_form_new_couples_afterwards(self) -> None:
        self.client.force_login(self.bob)
        self.client.post("/couple/leave/")
        invite = Invite.objects.create(inviter=self.carol)
        self.client.post(f"/join/{invite.token}/")
        self.assertEqual(partner_of(self.bob), self.carol)
        r = self.client.get("/")
        self.assertContains(r, "You and Carol")
        self.assertNotContains(r, "has been closed")

    def test_a_stranger_leaving_changes_nothing_for_the_couple(self) -> None:
        self.client.force_login(self.carol)
        self.assertRedirects(self.client.post("/couple/leave/"), "/", fetch_redirect_response=False)
        self.assertEqual(partner_of(self.alice), self.bob)
        self.assertRedirects(self.client.get("/couple/leave/"), "/", fetch_redirect_response=False)
