from datetime import timedelta
from io import StringIO
from unittest import mock

from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from hearth.checkins.reminders import REMINDER
from hearth.couples.models import Invite
from hearth.lib.testing import BaseTestCase
from hearth.worker.jobs import claim, every_pass, periodic_jobs, run_due_jobs
from hearth.worker.models import JobSchedule, OutgoingEmail


class JobTests(BaseTestCase):
    def test_due_jobs_run_once_until_they_are_due_again(self) -> None:
        now = timezone.now()
        self.assertEqual(list(run_due_jobs(now)), [job.name for job in periodic_jobs()])
        self.assertEqual(run_due_jobs(now + timedelta(minutes=1)), {})
        self.assertIn("clear_expired_sessions", run_due_jobs(now + timedelta(hours=7)))

    def test_only_one_of_two_workers_wins_a_run(self) -> None:
        now = timezone.now()
        job = periodic_jobs()[0]
        JobSchedule.objects.create(name=job.name, next_at=now)
        # The second worker read the same row but the first moved it on.
        self.assertTrue(claim(job, now))
        self.assertFalse(claim(job, now))

    def test_it_removes_sent_emails_after_a_month(self) -> None:
        now = timezone.now()
        kind = REMINDER
        OutgoingEmail.objects.create(recipient=self.alice, kind=kind, sent_at=now - timedelta(days=31))
        recent = OutgoingEmail.objects.create(
            recipient=self.alice, kind=kind, sent_at=now - timedelta(days=2)
        )
        # Never sent (it gave up after its attempts): kept, so it can be looked into.
        failed = OutgoingEmail.objects.create(
            recipient=self.alice, kind=kind, created_at=now - timedelta(days=60), attempts=5
        )
        run_due_jobs(now)
        self.assertEqual(set(OutgoingEmail.objects.values_list("pk", flat=True)), {recent.pk, failed.pk})

    def test_it_removes_expired_sessions_and_old_invitations(self) -> None:
        old = SessionStore()
        old.set_expiry(-1)
        old.create()
        live = SessionStore()
        live.create()
        stale = Invite.objects.create(inviter=self.carol, expires_at=timezone.now() - timedelta(days=31))
        recent = Invite.objects.create(inviter=self.carol, expires_at=timezone.now() - timedelta(days=2))
        run_due_jobs()
        self.assertFalse(Session.objects.filter(session_key=old.session_key).exists())
        self.assertTrue(Session.objects.filter(session_key=live.session_key).exists())
        self.assertFalse(Invite.objects.filter(pk=stale.pk).exists())
        self.assertTrue(Invite.objects.filter(pk=recent.pk).exists())

    def test_the_loop_stops_when_asked(self) -> None:
        from hearth.worker.management.commands.worker import Command

        command = Command(stdout=StringIO())
        calls = []

        def run_then_stop() -> dict[str, int]:
            calls.append(1)
            if len(calls) == 2:
                command.on_stop(15, None)
            return {}

        with mock.patch("hearth.worker.management.commands.worker.run_due_jobs", run_then_stop):
            command.handle(once=False, interval=0.01)
        self.assertEqual(len(calls), 2)

    def test_the_command_runs_once_without_loop(self) -> None:
        out = StringIO()
        call_command("worker", once=True, stdout=out)
        self.assertIn("ran clear_expired_sessions", out.getvalue())


class PassOrderTests(BaseTestCase):
    def test_a_pass_opens_check_ins_before_reminding_and_sends_the_outbox_last(self) -> None:
        # A reminder sent in the pass that opens the week points at an open
        # check-in, and whatever the pass queued goes out in that same pass.
        self.assertEqual(
            [job.name for job in every_pass()],
            [
                "open_due_checkins",
                "send_due_reminders",
                "send_due_nudges",
                "send_due_notice_nudges",
                "send_due_plan_reminders",
                "send_due_retake_reminders",
                "deliver_outbox",
            ],
        )
