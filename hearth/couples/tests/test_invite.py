from datetime import UTC, datetime, timedelta

import time_machine
from django.utils import timezone

from hearth.couples.models import Invite
from hearth.lib.testing import BaseTestCase, make_user


class InviteTests(BaseTestCase):
    def setUp(self) -> None:
        self.dana = make_user("dana@example.org", "Dana")
        self.client.force_login(self.dana)

    def test_anonymous_is_sent_to_login(self) -> None:
        self.client.logout()
        r = self.client.get("/couple/invite/")
        self.assertRedirects(r, "/login/?next=/couple/invite/", fetch_redirect_response=False)

    def test_it_creates_a_link_and_a_short_code(self) -> None:
        r = self.client.post("/couple/invite/")
        self.assertRedirects(r, "/couple/invite/", fetch_redirect_response=False)
        invite = Invite.objects.get(inviter=self.dana)
        r = self.client.get("/couple/invite/")
        self.assertContains(r, f"http://testserver/join/{invite.token}/")
        self.assertContains(r, invite.display_code)
        self.assertRegex(invite.display_code, r"^[A-Z2-9]{4}-[A-Z2-9]{4}$")
        self.assertAlmostEqual(
            invite.expires_at, timezone.now() + timedelta(days=7), delta=timedelta(minutes=1)
        )

    def test_the_expiry_is_shown_in_the_persons_own_timezone(self) -> None:
        self.dana.timezone = "Pacific/Auckland"
        self.dana.save()
        with time_machine.travel(datetime(2026, 1, 1, 20, 0, tzinfo=UTC), tick=False):
            self.client.post("/couple/invite/")
            r = self.client.get("/couple/invite/")
        # 8 January 20:00 in London is already 9 January in Auckland.
        self.assertContains(r, "until Friday 9 January")

    def test_a_new_invitation_withdraws_the_old_one(self) -> None:
        self.client.post("/couple/invite/")
        first = Invite.objects.get(inviter=self.dana)
        self.client.post("/couple/invite/")
        first.refresh_from_db()
        self.assertIsNotNone(first.revoked_at)
        self.assertEqual(Invite.objects.filter(inviter=self.dana, revoked_at__isnull=True).count(), 1)

    def test_it_can_be_withdrawn(self) -> None:
        self.client.post("/couple/invite/")
        invite = Invite.objects.get(inviter=self.dana)
        r = self.client.post(f"/couple/invites/{invite.pk}/revoke/")
        self.assertRedirects(r, "/couple/invite/", fetch_redirect_response=False)
        invite.refresh_from_db()
        self.assertIsNotNone(invite.revoked_at)
        self.assertContains(self.client.get("/couple/invite/"), "Create an invitation")

    def test_a_stranger_cannot_withdraw_someone_elses_invitation(self) -> None:
        invite = Invite.objects.create(inviter=self.dana)
        self.client.force_login(self.carol)
        self.assertEqual(self.client.post(f"/couple/invites/{invite.pk}/revoke/").status_code, 404)
        invite.refresh_from_db()
        self.assertIsNone(invite.revoked_at)

    def test_someone_in_a_couple_is_sent_home(self) -> None:
        self.client.force_login(self.alice)
        self.assertRedirects(self.client.get("/couple/invite/"), "/", fetch_redirect_response=False)
        self.assertRedirects(self.client.post("/couple/invite/"), "/", fetch_redirect_response=False)
        self.assertFalse(Invite.objects.filter(inviter=self.alice).exists())
