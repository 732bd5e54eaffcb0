from datetime import UTC, datetime, timedelta

import time_machine
from django.core import mail

from hearth.experiences import plans, reminders
from hearth.experiences.models import Idea, Plan
from hearth.lib.testing import BaseTestCase
from hearth.worker import outbox
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

    def test_the_off_link_turns_plan_reminders_off_for_that_person_alone_and_it_lasts(self) -> None:
        token = reminders.off_token(self.bob.pk)
        self.assertContains(self.client.get(f"/plans/reminders/off/{token}/"), "Turn off plan reminders?")
        with time_machine.travel(NOW, tick=False):
            r = self.client.post(f"/plans/reminders/off/{token}/")
        self.assertContains(r, "Plan reminders are off")
        run_due_jobs(STARTS - timedelta(hours=1))
        self.assertEqual([m.to[0] for m in mail.outbox], ["alice@example.org"], "Alice keeps hers")
        # The next plan, with a reminder asked for by Alice: still none for Bob.
        with time_machine.travel(NOW, tick=False):
            plans.make(self.couple, self.alice, self.idea, STARTS + timedelta(days=7), remind=True)
        run_due_jobs(STARTS + timedelta(days=7, hours=-1))
        self.assertEqual([m.to[0] for m in mail.outbox], ["alice@example.org"] * 2)

    def test_planning_with_a_reminder_yourself_turns_yours_back_on(self) -> None:
        with time_machine.travel(NOW, tick=False):
            reminders.turn_off(self.bob)
            plans.make(self.couple, self.bob, self.idea, STARTS + timedelta(days=7), remind=True)
        run_due_jobs(STARTS + timedelta(days=7, hours=-1))
        self.assertEqual(sorted(m.to[0] for m in mail.outbox), ["alice@example.org", "bob@example.org"])

    def test_a_reminder_queued_before_turning_off_is_not_sent(self) -> None:
        reminders.send_due_plan_reminders(STARTS - timedelta(hours=2))  # queued for both
        reminders.turn_off(self.bob)
        outbox.deliver_outbox(STARTS - timedelta(hours=2))
        self.assertEqual([m.to[0] for m in mail.outbox], ["alice@example.org"])

    def test_a_forged_link_is_refused(self) -> None:
        self.assertEqual(self.client.post("/plans/reminders/off/1:forged/").status_code, 404)
        self.assertIsNotNone(Plan.objects.get().remind_at)
