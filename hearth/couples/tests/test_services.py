from unittest import mock

from django.db import IntegrityError, transaction

from hearth.couples import services
from hearth.couples.access import active_couple, partner_of
from hearth.couples.models import Invite, Membership
from hearth.lib.testing import BaseTestCase, make_couple, make_user


class ServicesTests(BaseTestCase):
    def test_the_database_keeps_one_active_couple_per_person(self) -> None:
        with self.assertRaises(IntegrityError), transaction.atomic():
            make_couple(self.alice, self.carol)

    def test_a_lost_race_is_a_clear_problem_not_a_crash(self) -> None:
        # Both checks passed in two requests at once; the database decides.
        invite = Invite.objects.create(inviter=self.carol)
        with mock.patch.object(services, "check_invite"), self.assertRaises(services.InviteProblem) as caught:
            services.accept_invite(invite.pk, self.alice)
        self.assertEqual(caught.exception.status, 409)
        self.assertIsNone(active_couple(self.carol))
        invite.refresh_from_db()
        self.assertIsNone(invite.used_at)

    def test_accepting_withdraws_both_partners_other_invitations(self) -> None:
        dana, erin = make_user("dana@example.org", "Dana"), make_user("erin@example.org", "Erin")
        invite = services.create_invite(dana)
        erins = services.create_invite(erin)
        services.accept_invite(invite.pk, erin)
        erins.refresh_from_db()
        self.assertIsNotNone(erins.revoked_at)
        self.assertIsNone(services.open_invite(dana))

    def test_leaving_ends_both_memberships(self) -> None:
        self.assertTrue(services.leave_couple(self.bob))
        self.assertFalse(Membership.objects.filter(couple=self.couple, ended_at__isnull=True).exists())
        self.assertIsNone(partner_of(self.alice))
        self.assertFalse(services.leave_couple(self.bob))

    def test_someone_in_a_couple_cannot_invite(self) -> None:
        with self.assertRaises(services.InviteProblem):
            services.create_invite(self.alice)
