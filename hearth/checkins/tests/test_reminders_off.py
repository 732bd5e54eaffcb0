from datetime import UTC, datetime

from django.core import signing
from django.test import Client

from hearth.accounts.models import User
from hearth.checkins import reminders
from hearth.checkins.models import ReminderPlan
from hearth.checkins.reminders import OFF_SALT, off_token
from hearth.lib.testing import BaseTestCase
from hearth.worker.models import OutgoingEmail

SOON = datetime(2027, 3, 21, 20, 30, tzinfo=UTC)
OFF = "Reminders are off. You can turn them back on in Hearth any time."


class RemindersOffTests(BaseTestCase):
    def setUp(self) -> None:
        for user in (self.alice, self.bob):
            ReminderPlan.objects.create(
                user=user, enabled=True, next_at=SOON, occurrence_at=SOON, nudge_at=SOON
            )
        # Mail clients send the one-click POST with no cookie and no CSRF token.
        self.mail_client = Client(enforce_csrf_checks=True)

    def url(self, user: User) -> str:
        return f"/reminders/off/{off_token(user.pk)}/"

    def assert_on(self, user: User) -> None:
        plan = ReminderPlan.objects.get(user=user)
        self.assertTrue(plan.enabled)
        self.assertEqual((plan.next_at, plan.nudge_at), (SOON, SOON))

    def assert_off(self, user: User) -> None:
        plan = ReminderPlan.objects.get(user=user)
        self.assertFalse(plan.enabled)
        self.assertEqual((plan.next_at, plan.occurrence_at, plan.nudge_at), (None, None, None))

    def test_it_asks_first_and_changes_nothing_on_get(self) -> None:
        r = self.client.get(self.url(self.alice))
        self.assertContains(r, "Turn off check-in reminders?")
        self.assertContains(r, '<form method="post"')
        self.assertContains(r, "Turn reminders off</button>")
        self.assertNotContains(r, "alice@example.org")
        self.assertNotContains(r, "Alice")
        self.assert_on(self.alice)

    def test_it_turns_reminders_off_on_post_without_signing_in(self) -> None:
        r = self.mail_client.post(self.url(self.alice))
        self.assertContains(r, OFF)
        self.assert_off(self.alice)
        # Doing it twice is calm too.
        self.assertContains(self.mail_client.post(self.url(self.alice)), OFF)

    def test_it_accepts_the_rfc_8058_one_click_post(self) -> None:
        r = self.mail_client.post(
            self.url(self.bob),
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )
        self.assertContains(r, OFF)
        self.assert_off(self.bob)

    def test_it_changes_only_the_links_owner_whoever_is_signed_in(self) -> None:
        self.client.force_login(self.bob)
        self.client.post(self.url(self.alice))
        self.assert_off(self.alice)
        self.assert_on(self.bob)

    def test_it_drops_queued_reminders_but_keeps_what_was_sent(self) -> None:
        kind = reminders.NUDGE
        sent = OutgoingEmail.objects.create(recipient=self.alice, kind=kind, sent_at=SOON)
        OutgoingEmail.objects.create(recipient=self.alice, kind=kind)
        bobs = OutgoingEmail.objects.create(recipient=self.bob, kind=kind)
        self.mail_client.post(self.url(self.alice))
        self.assertEqual(set(OutgoingEmail.objects.values_list("pk", flat=True)), {sent.pk, bobs.pk})

    def test_it_works_for_someone_who_never_had_a_plan(self) -> None:
        self.mail_client.post(self.url(self.carol))
        self.assertFalse(ReminderPlan.objects.get(user=self.carol).enabled)

    def test_it_refuses_a_forged_or_damaged_link(self) -> None:
        token = off_token(self.alice.pk)
        forged = [
            "nonsense",
            f"{self.bob.pk}:{token.split(':', 1)[1]}",  # alice's signature on bob's id
            signing.Signer(salt="another.purpose").sign(str(self.bob.pk)),
            signing.Signer(salt=OFF_SALT).sign("not-a-number"),
            token[:-2],
            off_token(987654),  # no such person
        ]
        for bad in forged:
            with self.subTest(bad=bad):
                r = self.mail_client.post(f"/reminders/off/{bad}/")
                self.assertContains(r, "This link doesn't work", status_code=404)
                self.assertContains(self.client.get(f"/reminders/off/{bad}/"), "doesn't", status_code=404)
        self.assert_on(self.alice)
        self.assert_on(self.bob)

    def test_it_refuses_other_methods(self) -> None:
        self.assertEqual(self.client.put(self.url(self.alice)).status_code, 405)
        self.assert_on(self.alice)
