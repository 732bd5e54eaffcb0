from datetime import UTC, datetime, timedelta

import time_machine
from django.core import mail

from hearth.experiences import plans, reminders
from hearth.experiences.models import Idea, Plan
from hearth.lib.testing import BaseTestCase
from hearth.worker.jobs import run_due_jobs

NOW = datetime(2027, 5, 3, 9, 0, tzinfo=UTC)
STARTS = datetime(2027, 5, 8, 18, 30, tzinfo=UTC)


class PlanReminderTests(BaseTestCase):
    def setUp(self) -> None:
        self.idea = Idea.objects.create(
            key="i001", title="Secret picnic by the lake", text="Bring the blue blanket."
        )
        with time_machine.travel(NOW, tick=False):
            self.plan = plans.make(self.couple, self.alice, self.idea, STARTS, remind=True)

    def test_both_get_one_content_free_reminder_two_hours_before(self) -> None:
        run_due_jobs(STARTS - timedelta(hours=3))
        self.assertEqual(mail.outbox, [])
        run_due_jobs(STARTS - timedelta(hours=2))
        run_due_jobs(STARTS - timedelta(hours=1))
        self.assertEqual(sorted(m.to[0] for m in mail.outbox), ["alice@example.org", "bob@example.org"])
        for message in mail.outbox:
            self.assertEqual(message.subject, "Something you planned is coming up")
            self.assertIn("Something you planned together is coming up soon.", message.body)
            for secret in ("picnic", "blanket", "Alice", "Bob"):
                self.assertNotIn(secret, message.body)
            self.assertIn("/plans/reminders/off/", message.extra_headers["List-Unsubscribe"])

    def test_a_cancelled_plan_sends_nothing(self) -> None:
        with time_machine.travel(NOW, tick=False):
            plans.cancel(self.plan)
        run_due_jobs(STARTS - timedelta(hours=1))
        self.assertEqual(mail.outbox, [])

    def test_the_off_link_turns_plan_reminders_off_in_one_click(self) -> None:
        token = reminders.off_token(self.bob.pk)
        self.assertContains(self.client.get(f"/plans/reminders/off/{token}/"), "Turn off plan reminders?")
        with time_machine.travel(NOW, tick=False):
            r = self.client.post(f"/plans/reminders/off/{token}/")
        self.assertContains(r, "Plan reminders are off")
        self.plan.refresh_from_db()
        self.assertIsNone(self.plan.remind_at)
        run_due_jobs(STARTS - timedelta(hours=1))
        self.assertEqual(mail.outbox, [])

    def test_a_forged_link_is_refused(self) -> None:
        self.assertEqual(self.client.post("/plans/reminders/off/1:forged/").status_code, 404)
        self.assertIsNotNone(Plan.objects.get().remind_at)
