from datetime import timedelta

from django.utils import timezone

from hearth.couples.access import active_couple, partner_of
from hearth.couples.models import Invite
from hearth.lib.testing import BaseTestCase, make_user


class JoinTests(BaseTestCase):
    def setUp(self) -> None:
        self.dana = make_user("dana@example.org", "Dana")
        self.erin = make_user("erin@example.org", "Erin")
        self.invite = Invite.objects.create(inviter=self.dana)
        self.url = f"/join/{self.invite.token}/"

    def test_anonymous_is_offered_signup_or_login(self) -> None:
        r = self.client.get(self.url)
        self.assertContains(r, "Dana invited you to Hearth")
        self.assertContains(r, f"/signup/?next=%2Fjoin%2F{self.invite.token}%2F")
        self.assertContains(r, f"/login/?next=%2Fjoin%2F{self.invite.token}%2F")

    def test_accepting_makes_a_couple(self) -> None:
        self.client.force_login(self.erin)
        self.assertContains(self.client.get(self.url), "Accept and link our accounts")
        r = self.client.post(self.url)
        self.assertRedirects(r, "/", fetch_redirect_response=False)
        self.assertEqual(partner_of(self.erin), self.dana)
        self.assertEqual(partner_of(self.dana), self.erin)
        self.assertContains(self.client.get("/"), "You and Dana")
        self.invite.refresh_from_db()
        self.assertIsNotNone(self.invite.used_at)

    def test_the_short_code_leads_to_the_invitation(self) -> None:
        code = f"{self.invite.code[:4].lower()} {self.invite.code[4:]}"
        r = self.client.post("/join/", {"code": code})
        self.assertRedirects(r, self.url, fetch_redirect_response=False)

    def test_a_wrong_code_says_so(self) -> None:
        r = self.client.post("/join/", {"code": "ZZZZ-ZZZZ"})
        self.assertContains(r, "No invitation has this code", status_code=400)
        r = self.client.post("/join/", {"code": "ABC"})
        self.assertContains(r, "has eight letters and numbers", status_code=400)

    def test_an_unknown_token_is_404(self) -> None:
        self.assertEqual(self.client.get("/join/not-a-real-token/").status_code, 404)

    def test_a_used_invitation_cannot_be_used_again(self) -> None:
        self.client.force_login(self.erin)
        self.client.post(self.url)
        self.client.force_login(self.carol)
        r = self.client.post(self.url)
        self.assertContains(r, "already been used", status_code=410)
        self.assertIsNone(active_couple(self.carol))

    def test_an_expired_invitation_says_so(self) -> None:
        Invite.objects.filter(pk=self.invite.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
        self.client.force_login(self.erin)
        r = self.client.post(self.url)
        self.assertContains(r, "has expired", status_code=410)
        self.assertIsNone(active_couple(self.erin))

    def test_a_withdrawn_invitation_says_so(self) -> None:
        Invite.objects.filter(pk=self.invite.pk).update(revoked_at=timezone.now())
        self.client.force_login(self.erin)
        self.assertContains(self.client.get(self.url), "was withdrawn", status_code=410)

    def test_you_cannot_accept_your_own_invitation(self) -> None:
        self.client.force_login(self.dana)
        r = self.client.post(self.url)
        self.assertContains(r, "This is your own invitation", status_code=400)
        self.assertIsNone(active_couple(self.dana))

    def test_someone_already_in_a_couple_cannot_join_another(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.post(self.url)
        self.assertContains(r, "already sharing a couple space", status_code=409)
        self.assertEqual(partner_of(self.alice), self.bob)

    def test_an_inviter_who_has_since_joined_a_couple_invalidates_it(self) -> None:
        other = Invite.objects.create(inviter=self.erin)
        self.client.force_login(self.dana)
        self.client.post(f"/join/{other.token}/")
        self.client.force_login(self.carol)
        r = self.client.post(self.url)
        self.assertEqual(r.status_code, 410)
        self.assertIsNone(active_couple(self.carol))

    def test_the_privacy_notice_comes_before_accepting(self) -> None:
        fresh = make_user("fay@example.org", "Fay", accepted=False)
        self.client.force_login(fresh)
        r = self.client.post(self.url)
        self.assertEqual(r.status_code, 302)
        self.assertTrue(r["Location"].startswith("/welcome/privacy/?next="))
        self.assertIsNone(active_couple(fresh))
