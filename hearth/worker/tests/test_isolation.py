"""One failing job, or one failing row, never stops the worker's pass."""

from datetime import UTC, datetime, timedelta
from unittest import mock

import time_machine
from django.core import mail

from hearth.appreciation.models import AppreciationPrefs
from hearth.appreciation.notifications import NOTE_WAITING
from hearth.core.registry import RowJob
from hearth.experiences import plans, reminders
from hearth.experiences.models import Idea, Plan
from hearth.lib.testing import BaseTestCase
from hearth.worker import batches, jobs
from hearth.worker.models import OutgoingEmail, RowFailure

NOW = datetime(2027, 5, 3, 9, 0, tzinfo=UTC)
STARTS = datetime(2027, 5, 8, 18, 30, tzinfo=UTC)
SECRET = "what the worker must never log"


class RowIsolationTests(BaseTestCase):
    def setUp(self) -> None:
        idea = Idea.objects.create(key="i001", title="A walk", text="Somewhere green.")
        with time_machine.travel(NOW, tick=False):
            self.bad = plans.make(self.couple, self.alice, idea, STARTS, remind=True)
            self.good = plans.make(self.couple, self.alice, idea, STARTS + timedelta(minutes=5), remind=True)
        real = reminders._remind

        def remind(pk: int, now: datetime) -> bool:
            if pk == self.bad.pk:
                raise RuntimeError(SECRET)
            return real(pk, now)

        self.patcher = mock.patch.object(reminders, "_remind", remind)
        self.patcher.start()
        self.addCleanup(mock.patch.stopall)

    def test_a_row_that_raises_leaves_every_other_row_and_the_outbox_delivered(self) -> None:
        at = STARTS - timedelta(hours=1)
        with time_machine.travel(at, tick=False), self.assertLogs("hearth.worker", "WARNING") as logs:
            ran = jobs.run_due_jobs(at)
        self.assertEqual(ran["send_due_plan_reminders"], 1)
        self.assertEqual(sorted(m.to[0] for m in mail.outbox), ["alice@example.org", "bob@example.org"])
        failure = RowFailure.objects.get()
        found = (failure.job, failure.row, failure.tries, failure.parked)
        self.assertEqual(found, ("send_due_plan_reminders", self.bad.pk, 1, False))
        self.assertEqual(failure.error, "RuntimeError")
        self.assertIn(f"row {self.bad.pk} failed (RuntimeError)", logs.output[0])
        self.assertNotIn(SECRET, "".join(logs.output))
        self.assertIsNotNone(Plan.objects.get(pk=self.bad.pk).remind_at, "left due, to be tried again")

    def test_a_row_is_tried_again_after_a_growing_pause_then_parked(self) -> None:
        at = STARTS - timedelta(hours=2)
        tried_at = []
        for minutes in range(0, 60):
            moment = at + timedelta(minutes=minutes)
            with time_machine.travel(moment, tick=False), self.assertNoLogs("hearth.worker", "CRITICAL"):
                before = RowFailure.objects.filter(row=self.bad.pk).values_list("tries", flat=True).first()
                jobs.run_due_jobs(moment)
                after = RowFailure.objects.get(row=self.bad.pk).tries
            if after != before:
                tried_at.append(minutes)
        self.assertEqual(tried_at, [0, 1, 3, 7, 15], "pauses of 1, 2, 4 and 8 minutes")
        self.assertTrue(RowFailure.objects.get(row=self.bad.pk).parked)
        self.assertEqual(batches.MAX_TRIES, 5)

    def test_a_row_that_succeeds_on_a_later_try_leaves_no_failure(self) -> None:
        at = STARTS - timedelta(hours=2)
        with time_machine.travel(at, tick=False):
            jobs.run_due_jobs(at)
        self.assertTrue(RowFailure.objects.exists())
        self.patcher.stop()  # mended
        later = at + timedelta(minutes=2)
        with time_machine.travel(later, tick=False):
            jobs.run_due_jobs(later)
        self.assertFalse(RowFailure.objects.exists())
        self.assertEqual(sorted(m.to[0] for m in mail.outbox), ["alice@example.org", "bob@example.org"])


class JobIsolationTests(BaseTestCase):
    def test_a_job_that_raises_leaves_the_others_and_the_outbox_running(self) -> None:
        AppreciationPrefs.objects.create(user=self.alice, email_on_note=True)
        OutgoingEmail.objects.create(recipient=self.alice, kind=NOTE_WAITING)

        def broken(now: datetime) -> int:
            raise RuntimeError(SECRET)

        real_every_pass = jobs.every_pass

        with (
            mock.patch.object(jobs, "every_pass", lambda: [RowJob("broken", broken), *real_every_pass()]),
            self.assertLogs("hearth.worker", "ERROR") as logs,
        ):
            ran = jobs.run_due_jobs(NOW)
        self.assertEqual(ran["deliver_outbox"], 1)
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("job broken failed (RuntimeError)", logs.output[0])
        self.assertNotIn(SECRET, "".join(logs.output))
