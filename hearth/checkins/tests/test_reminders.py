import email.message
import email.policy
import re
from datetime import UTC, date, datetime, time, timedelta
from io import StringIO
from typing import Any
from unittest import mock

import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from hearth.accounts.models import User
from hearth.checkins import reminders, scheduling, services
from hearth.checkins.models import CheckIn, ReminderPlan, Schedule
from hearth.couples.services import leave_couple
from hearth.lib.smtp import Inbox, SMTPServer
from hearth.lib.testing import BaseTestCase
from hearth.worker import outbox, shutdown
from hearth.worker.batches import BATCH
from hearth.worker.jobs import every_pass, run_due_jobs
from hearth.worker.models import OutgoingEmail

NOW = datetime(2027, 3, 17, 12, 0, tzinfo=UTC)  # a Wednesday
SUNDAY = datetime(2027, 3, 21, 20, 30, tzinfo=UTC)  # 20:30 in London (GMT)
NEXT_SUNDAY = datetime(2027, 3, 28, 19, 30, tzinfo=UTC)  # 20:30 in London (BST since that morning)
WEEK = date(2027, 3, 15)
LABEL = "over coffee"
ALICE_SAYS = {
    "pulse": 2,
    "how_are_we": "Quietly drifting since the move",
    "weighing": "My sister's diagnosis",
    "most_loved": "The soup on Tuesday night",
    "unseen": "At the dinner with your colleagues",
    "rotating": "Cooking side by side",
    "wish": "A slow morning with phones off",
}
REMINDER = "It's time for your check-in."
NUDGE = "Your check-in is waiting whenever you're ready."
PER_PASS = {job.name for job in every_pass()}
# Headers written back exactly as they arrived, not folded afresh.
AS_RECEIVED = email.policy.default.clone(refold_source="none")


def run_at(moment: datetime) -> dict[str, int]:
    """One worker pass with the clock at `moment`; returns what the
    check-in jobs handled."""
    with time_machine.travel(moment, tick=False):
        ran = run_due_jobs()
    return {name: count for name, count in ran.items() if name in PER_PASS}


class ReminderTestCase(BaseTestCase):
    def setUp(self) -> None:
        ReminderPlan.objects.bulk_create(ReminderPlan(user=u, enabled=True) for u in (self.alice, self.bob))
        with time_machine.travel(NOW, tick=False):
            self.schedule = Schedule.objects.create(
                couple=self.couple, weekday=6, local_time=time(20, 30), timezone="Europe/London", label=LABEL
            )
            scheduling.reschedule(self.schedule, NOW)

    def plan(self, user: User) -> ReminderPlan:
        return ReminderPlan.objects.get(user=user)

    def set_lead(self, minutes: int) -> None:
        ReminderPlan.objects.update(lead_minutes=minutes)
        scheduling.reschedule(self.schedule, NOW)

    def sent(self, kind: str = REMINDER) -> list[str]:
        """Who got an e-mail of this kind, from the test outbox."""
        return sorted(m.to[0] for m in mail.outbox if kind in str(m.body))

    def finish(self, user: User, values: dict[str, object] | None = None) -> None:
        checkin = services.open_checkin(self.couple, WEEK)
        services.submit(checkin, user, values or ALICE_SAYS)


class ReminderTests(ReminderTestCase):
    def test_it_reminds_both_at_the_scheduled_time_once(self) -> None:
        self.assertEqual(run_at(SUNDAY - timedelta(seconds=1)), {})
        self.assertEqual(mail.outbox, [])

        ran = run_at(SUNDAY)
        self.assertEqual(ran["send_due_reminders"], 2)
        self.assertEqual(self.sent(), ["alice@example.org", "bob@example.org"])
        self.assertEqual({m.subject for m in mail.outbox}, {"Your weekly check-in"})
        # The week's check-in opens by itself at the same moment.
        self.assertTrue(CheckIn.objects.filter(couple=self.couple, week_of=WEEK).exists())

        self.assertEqual(run_at(SUNDAY + timedelta(minutes=5)), {})
        self.assertEqual(len(mail.outbox), 2)
        self.assertEqual(OutgoingEmail.objects.filter(sent_at=SUNDAY).count(), 2)

    def test_it_reminds_an_hour_before_when_asked(self) -> None:
        self.set_lead(60)
        run_at(SUNDAY - timedelta(minutes=61))
        self.assertEqual(mail.outbox, [])
        run_at(SUNDAY - timedelta(minutes=60))
        self.assertEqual(self.sent(), ["alice@example.org", "bob@example.org"])
        plan = self.plan(self.alice)
        self.assertEqual(plan.next_at, NEXT_SUNDAY - timedelta(hours=1))
        self.assertEqual(plan.occurrence_at, NEXT_SUNDAY)

    def test_it_reminds_a_day_before_when_asked(self) -> None:
        self.set_lead(24 * 60)
        run_at(SUNDAY - timedelta(days=1, seconds=1))
        self.assertEqual(mail.outbox, [])
        run_at(SUNDAY - timedelta(days=1))
        self.assertEqual(self.sent(), ["alice@example.org", "bob@example.org"])
        # The nudge still counts from the check-in itself.
        self.assertEqual(self.plan(self.bob).nudge_at, SUNDAY + timedelta(days=1))

    def test_it_moves_the_next_reminder_to_next_week(self) -> None:
        run_at(SUNDAY)
        plan = self.plan(self.alice)
        # 20:30 London again, across the clock change.
        self.assertEqual((plan.next_at, plan.occurrence_at), (NEXT_SUNDAY, NEXT_SUNDAY))
        self.assertEqual(Schedule.objects.get(pk=self.schedule.pk).next_at, NEXT_SUNDAY)

        run_at(NEXT_SUNDAY - timedelta(minutes=1))
        self.assertEqual(len(self.sent()), 2)
        run_at(NEXT_SUNDAY)
        self.assertEqual(len(self.sent()), 4)
        self.assertTrue(CheckIn.objects.filter(couple=self.couple, week_of=WEEK + timedelta(days=7)).exists())

    def test_it_nudges_the_next_day_only_whoever_has_not_finished(self) -> None:
        run_at(SUNDAY)
        self.finish(self.alice)
        run_at(SUNDAY + timedelta(days=1) - timedelta(seconds=1))
        self.assertEqual(self.sent(NUDGE), [])

        run_at(SUNDAY + timedelta(days=1))
        self.assertEqual(self.sent(NUDGE), ["bob@example.org"])
        nudge = next(m for m in mail.outbox if NUDGE in str(m.body))
        # Gentle, and silent about the partner: not a word on whether they finished.
        self.assertNotRegex(str(nudge.body), r"(?i)alice|partner|finished|already|still")

        run_at(SUNDAY + timedelta(days=2))
        self.assertEqual(self.sent(NUDGE), ["bob@example.org"])
        self.assertIsNone(self.plan(self.bob).nudge_at)

    def test_it_does_not_nudge_when_both_have_finished(self) -> None:
        run_at(SUNDAY)
        self.finish(self.alice)
        self.finish(self.bob, {**ALICE_SAYS, "how_are_we": "Fine"})
        run_at(SUNDAY + timedelta(days=1))
        self.assertEqual(self.sent(NUDGE), [])
        self.assertFalse(ReminderPlan.objects.filter(nudge_at__isnull=False).exists())

    def test_it_nudges_at_most_once_a_week_even_when_the_slot_moves(self) -> None:
        run_at(SUNDAY)
        run_at(SUNDAY + timedelta(days=1))
        self.assertEqual(len(self.sent(NUDGE)), 2)
        # The same week's reminder again (as after a change of slot) brings no second nudge.
        ReminderPlan.objects.update(
            next_at=SUNDAY + timedelta(hours=2), occurrence_at=SUNDAY + timedelta(hours=2)
        )
        run_at(SUNDAY + timedelta(hours=26))
        self.assertEqual(len(self.sent()), 4)
        self.assertFalse(ReminderPlan.objects.filter(nudge_at__isnull=False).exists())

    def test_it_sends_nothing_while_paused(self) -> None:
        scheduling.pause(self.schedule, self.schedule.version, NOW)
        run_at(SUNDAY)
        self.assertEqual(mail.outbox, [])
        self.assertFalse(CheckIn.objects.exists())

    def test_it_skips_the_nudge_after_a_pause(self) -> None:
        run_at(SUNDAY)
        fresh = Schedule.objects.get(pk=self.schedule.pk)
        scheduling.pause(fresh, fresh.version, SUNDAY + timedelta(hours=1))
        run_at(SUNDAY + timedelta(days=1))
        self.assertEqual(self.sent(NUDGE), [])

    def test_it_sends_nothing_after_leaving_and_clears_next_at(self) -> None:
        leave_couple(self.alice)
        ran = run_at(SUNDAY)
        self.assertEqual(mail.outbox, [])
        self.assertEqual(ran, {"open_due_checkins": 1, "send_due_reminders": 2})
        self.assertFalse(CheckIn.objects.exists())
        self.assertIsNone(Schedule.objects.get(pk=self.schedule.pk).next_at)
        self.assertEqual(set(ReminderPlan.objects.values_list("next_at", "nudge_at")), {(None, None)})

    def test_it_skips_the_nudge_after_leaving(self) -> None:
        run_at(SUNDAY)
        leave_couple(self.bob)
        run_at(SUNDAY + timedelta(days=1))
        self.assertEqual(self.sent(NUDGE), [])

    def test_it_sends_nothing_to_a_disabled_plan(self) -> None:
        # Even with a stale next_at left behind, a disabled plan sends nothing.
        ReminderPlan.objects.filter(user=self.alice).update(enabled=False)
        run_at(SUNDAY)
        run_at(SUNDAY + timedelta(days=1))
        self.assertEqual([m.to[0] for m in mail.outbox], ["bob@example.org", "bob@example.org"])
        self.assertIsNone(self.plan(self.alice).next_at)

    def test_it_acts_on_this_week_only_after_weeks_without_a_worker(self) -> None:
        run_at(SUNDAY + timedelta(days=21, hours=1))
        self.assertEqual(len(self.sent()), 2)
        self.assertEqual(list(CheckIn.objects.values_list("week_of", flat=True)), [WEEK + timedelta(days=21)])
        self.assertEqual(self.plan(self.alice).next_at, NEXT_SUNDAY + timedelta(days=21))

    def test_it_processes_what_is_due_with_worker_once(self) -> None:
        out = StringIO()
        with time_machine.travel(SUNDAY, tick=False):
            call_command("worker", once=True, stdout=out)
        self.assertIn("ran send_due_reminders (2 rows)", out.getvalue())
        self.assertIn("ran deliver_outbox (2 rows)", out.getvalue())
        self.assertEqual(self.sent(), ["alice@example.org", "bob@example.org"])

    def test_it_finishes_only_the_row_in_hand_when_asked_to_stop(self) -> None:
        real = reminders._remind

        def remind_then_stop(pk: int, now: datetime) -> bool:
            shutdown.request()
            return real(pk, now)

        try:
            with mock.patch("hearth.checkins.reminders._remind", remind_then_stop):
                self.assertEqual(reminders.send_due_reminders(SUNDAY), 1)
        finally:
            shutdown.clear()
        self.assertEqual(OutgoingEmail.objects.count(), 1)
        self.assertEqual(ReminderPlan.objects.filter(next_at=SUNDAY).count(), 1)

    def test_it_costs_one_bounded_query_per_job_when_nothing_is_due(self) -> None:
        for job in every_pass():
            with CaptureQueriesContext(connection) as queries:
                job.run(NOW)
            [query] = queries.captured_queries
            self.assertIn(f"LIMIT {BATCH}", query["sql"])


@override_settings(SITE_URL="https://hearth.example.org")
class ReminderEmailTests(ReminderTestCase):
    def received(self, smtp: SMTPServer, to: str) -> list[email.message.EmailMessage]:
        return [m for m in smtp.inbox.messages if m["To"] == to]

    def test_it_sends_content_free_reminders_through_smtp(self) -> None:
        self.finish(self.alice)
        with SMTPServer() as smtp, self.settings(**smtp.settings()):
            run_at(SUNDAY)
            run_at(SUNDAY + timedelta(days=1))
        self.assertEqual(len(smtp.inbox.messages), 3)
        [alice_reminder] = self.received(smtp, "alice@example.org")
        bob_reminder, bob_nudge = self.received(smtp, "bob@example.org")

        subjects = {REMINDER: "Your weekly check-in", NUDGE: "Your check-in is waiting"}
        for message, words in [(alice_reminder, REMINDER), (bob_reminder, REMINDER), (bob_nudge, NUDGE)]:
            self.assertEqual(message["Subject"], subjects[words])
            self.assertEqual(message["Auto-Submitted"], "auto-generated")
            text, html = self.bodies(message)
            self.assertIn(words, text)
            self.assertIn(words, html)
            self.assertIn("https://hearth.example.org/checkins/", text)
            self.assertIn('href="https://hearth.example.org/checkins/"', html)

            # As it arrived: on one line, not folded into encoded words that
            # mail clients would not read.
            headers = dict(message.raw_items())
            unsubscribe = re.fullmatch(
                r"<(https://hearth\.example\.org/reminders/off/[^\s<>]+/)>", headers["List-Unsubscribe"]
            )
            assert unsubscribe is not None, headers["List-Unsubscribe"]
            self.assertEqual(headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
            self.assertIn(unsubscribe.group(1), text)
            self.assertIn(unsubscribe.group(1), html)
            self.assert_content_free(message)

    def test_it_turns_reminders_off_from_the_header_link(self) -> None:
        with SMTPServer() as smtp, self.settings(**smtp.settings()):
            run_at(SUNDAY)
        [message] = self.received(smtp, "bob@example.org")
        url = (
            dict(message.raw_items())["List-Unsubscribe"]
            .strip("<>")
            .removeprefix("https://hearth.example.org")
        )
        r = self.client_class(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
        self.assertContains(r, "Reminders are off.")
        self.assertFalse(self.plan(self.bob).enabled)
        self.assertTrue(self.plan(self.alice).enabled)

    def bodies(self, message: email.message.EmailMessage) -> tuple[str, str]:
        text = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        assert text is not None and html is not None
        return str(text.get_content()), str(html.get_content())

    def assert_content_free(self, message: email.message.EmailMessage) -> None:
        """Nothing anyone wrote, no names, no schedule label: in the raw
        message, in every decoded part and in every header."""
        text, html = self.bodies(message)
        raw = message.as_string(policy=AS_RECEIVED)
        places = [raw, text, html, *(str(v) for _, v in message.items())]
        for place in places:
            for written in ALICE_SAYS.values():
                if isinstance(written, str):
                    self.assertNotIn(written, place)
            self.assertNotIn(LABEL, place)
            self.assertNotRegex(place, r"\b(Alice|Bob)\b")


class RefusingInbox(Inbox):
    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        return "550 5.1.1 No such mailbox"


class OutboxTests(ReminderTestCase):
    def queue(self, **fields: object) -> OutgoingEmail:
        return OutgoingEmail.objects.create(recipient=self.alice, kind=reminders.REMINDER, **fields)

    def test_it_retries_a_refused_email_after_the_lease_five_times_at_most(self) -> None:
        queued = self.queue()
        smtp = SMTPServer()
        smtp.controller.handler = RefusingInbox()
        with smtp, self.settings(**smtp.settings()):
            with self.assertLogs("hearth.worker.outbox", "WARNING") as logs:
                outbox.deliver_outbox(NOW)
                outbox.deliver_outbox(NOW + timedelta(minutes=9))
            self.assertNotIn("alice", " ".join(logs.output))
            queued.refresh_from_db()
            self.assertEqual((queued.attempts, queued.claimed_at, queued.sent_at), (1, NOW, None))

            with self.assertLogs("hearth.worker.outbox", "WARNING"):
                for n in range(1, 6):
                    outbox.deliver_outbox(NOW + timedelta(minutes=11 * n))
            queued.refresh_from_db()
            self.assertEqual(queued.attempts, 5)
            self.assertEqual(outbox.deliver_outbox(NOW + timedelta(days=1)), 0)
        self.assertIsNone(queued.sent_at)

    def test_it_waits_without_using_attempts_while_the_server_is_unreachable(self) -> None:
        queued = self.queue()
        smtp = SMTPServer()
        with self.settings(**smtp.settings()):
            # Not started yet: nothing listens on its port.
            with self.assertLogs("hearth.worker.outbox", "WARNING"):
                self.assertEqual(outbox.deliver_outbox(NOW), 0)
            queued.refresh_from_db()
            self.assertEqual((queued.attempts, queued.claimed_at), (0, None))
            with smtp:
                self.assertEqual(outbox.deliver_outbox(NOW + timedelta(minutes=1)), 1)
        self.assertEqual([m["To"] for m in smtp.inbox.messages], ["alice@example.org"])

    def test_it_sends_an_email_a_dead_worker_claimed_after_the_lease(self) -> None:
        queued = self.queue(claimed_at=NOW, attempts=1)
        self.assertEqual(outbox.deliver_outbox(NOW + timedelta(minutes=9)), 0)
        self.assertEqual(outbox.deliver_outbox(NOW + timedelta(minutes=11)), 1)
        queued.refresh_from_db()
        self.assertEqual((queued.attempts, queued.sent_at), (2, NOW + timedelta(minutes=11)))
        self.assertEqual(len(mail.outbox), 1)

    def test_it_never_sends_a_sent_email_again(self) -> None:
        self.queue(sent_at=NOW - timedelta(hours=1), claimed_at=NOW - timedelta(hours=1), attempts=1)
        self.assertEqual(outbox.deliver_outbox(NOW), 0)
        self.assertEqual(mail.outbox, [])
