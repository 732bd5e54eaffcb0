from datetime import UTC, datetime
from unittest import mock

from django.core import mail
from django.test import override_settings

from hearth.appreciation.models import AppreciationPrefs
from hearth.appreciation.notifications import NOTE_WAITING
from hearth.core import registry
from hearth.core.registry import EmailKind
from hearth.lib.testing import BaseTestCase
from hearth.worker import outbox
from hearth.worker.models import OutgoingEmail

KINDS = [
    "checkin_reminder",
    "checkin_nudge",
    "note_waiting",
    "notice_nudge",
    "plan_reminder",
    "checkup_ready",
]

NOW = datetime(2027, 3, 17, 12, 0, tzinfo=UTC)


class OutboxRegistryTests(BaseTestCase):
    def test_every_kind_is_registered_with_its_templates(self) -> None:
        senders = registry.email_kinds()
        self.assertEqual(set(senders), set(KINDS))
        self.assertEqual(len({sender.template for sender in senders.values()}), len(senders))

    def test_each_kind_goes_out_with_its_own_off_link(self) -> None:
        AppreciationPrefs.objects.create(user=self.alice, email_on_note=True, nudge_enabled=True)
        for kind in KINDS:
            OutgoingEmail.objects.create(recipient=self.alice, kind=kind)
        self.assertEqual(outbox.deliver_outbox(NOW), len(KINDS))
        offs = {message.extra_headers["List-Unsubscribe"] for message in mail.outbox}
        # Check-in reminders and nudges share one; each appreciation kind has its own.
        self.assertEqual(len(offs), len(KINDS) - 1)
        subjects = [message.subject for message in mail.outbox]
        self.assertEqual(len(set(subjects)), len(KINDS), "each kind has its own subject")
        self.assertNotIn("A note from Hearth", subjects)

    @override_settings(SITE_URL="https://hearth.example.org")
    def test_a_message_sent_again_is_the_same_message_and_says_it_is_automatic(self) -> None:
        AppreciationPrefs.objects.create(user=self.alice, email_on_note=True)
        queued = OutgoingEmail.objects.create(recipient=self.alice, kind=NOTE_WAITING)
        outbox.deliver_outbox(NOW)
        # The worker died after sending and before marking it sent: it goes again.
        OutgoingEmail.objects.filter(pk=queued.pk).update(sent_at=None, claimed_at=None)
        outbox.deliver_outbox(NOW)
        first, again = (message.message() for message in mail.outbox)
        self.assertEqual(first["Message-ID"], f"<outbox-{queued.pk}@hearth.example.org>")
        self.assertEqual(again["Message-ID"], first["Message-ID"])
        self.assertEqual(first["Auto-Submitted"], "auto-generated")
        self.assertEqual(first["Subject"], "A note is waiting for you")

    def test_a_kind_this_process_cannot_send_waits_without_using_attempts(self) -> None:
        AppreciationPrefs.objects.create(user=self.alice, email_on_note=True)
        queued = OutgoingEmail.objects.create(recipient=self.alice, kind=NOTE_WAITING)
        others = {k: v for k, v in registry.email_kinds().items() if k != NOTE_WAITING}
        with mock.patch.object(registry, "email_kinds", lambda: others):
            self.assertEqual(outbox.deliver_outbox(NOW), 0)
        queued.refresh_from_db()
        self.assertEqual((queued.attempts, queued.claimed_at, queued.sent_at), (0, None, None))
        self.assertEqual(outbox.deliver_outbox(NOW), 1)

    def test_a_kind_cannot_be_registered_twice_with_another_template(self) -> None:
        sender = registry.email_kinds()[NOTE_WAITING]
        with self.assertRaises(ValueError):
            registry.add_email_kind(
                EmailKind(NOTE_WAITING, template="other", off_url=sender.off_url, links=sender.links)
            )
        self.assertEqual(registry.email_kinds()[NOTE_WAITING], sender)

    def test_a_kind_no_practice_registered_cannot_be_queued(self) -> None:
        with self.assertRaisesRegex(ValueError, "No practice registered"):
            OutgoingEmail.objects.create(recipient=self.alice, kind="newsletter")
