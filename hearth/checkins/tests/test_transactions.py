"""Writes that must happen whole or not at all, reads that write nothing,
and two first drafts at once."""

import contextlib
import threading
from datetime import UTC, datetime
from unittest import mock

import time_machine
from django.db import DatabaseError, connection
from django.test import TransactionTestCase, skipUnlessDBFeature

from hearth.accounts.models import User
from hearth.checkins import services
from hearth.checkins.models import Answer, ReminderPlan, Schedule
from hearth.checkins.tests.helpers import FULL, open_week
from hearth.couples.models import Couple, Membership
from hearth.lib.testing import BaseTestCase
from hearth.reveal import rules

NOW = datetime(2027, 3, 17, 12, 0, tzinfo=UTC)


class SendingTests(BaseTestCase):
    def test_a_send_that_fails_halfway_keeps_the_draft_as_it_was(self) -> None:
        checkin = open_week(self.couple)
        services.save_draft(checkin, self.alice, {"weighing": "The first version."})
        # The save passes its check; the send's own check then fails.
        with (
            mock.patch.object(rules, "check_editable", side_effect=[None, DatabaseError("gone")]),
            self.assertRaises(DatabaseError),
        ):
            services.submit(checkin, self.alice, {**FULL, "pulse": 4, "weighing": "The second version."})
        answer = Answer.objects.get(round=checkin, author=self.alice)
        self.assertEqual(answer.weighing, "The first version.")
        self.assertIsNone(answer.submitted_at)


@time_machine.travel(NOW, tick=False)
class ScheduleWritesTests(BaseTestCase):
    url = "/checkins/schedule/"

    def test_looking_at_the_schedule_page_writes_nothing(self) -> None:
        for who in (self.alice, self.bob):
            self.client.force_login(who)
            self.assertContains(self.client.get(self.url), "Suggest a time")
            self.assertContains(self.client.get("/checkins/"), "check-in", status_code=200)
        self.assertFalse(Schedule.objects.exists())
        self.assertFalse(ReminderPlan.objects.exists())

    def test_saving_reminders_is_undone_when_the_reschedule_fails(self) -> None:
        self.client.force_login(self.alice)
        self.client.post(
            self.url,
            {
                "action": "propose",
                "version": "1",
                "weekday": "6",
                "at": "20:30",
                "timezone": "Europe/London",
                "remind": "",
            },
        )
        plan = ReminderPlan.objects.get(user=self.alice)
        before = (plan.enabled, plan.lead_minutes)
        version = str(Schedule.objects.get(couple=self.couple).version)
        data = {"action": "reminders", "version": version, "enabled": "on", "lead_minutes": "1440"}
        with (
            mock.patch("hearth.checkins.scheduling.reschedule", side_effect=DatabaseError("gone")),
            self.assertRaises(DatabaseError),
            self.assertLogs("django.request", "ERROR"),
        ):
            self.client.post(self.url, data)
        plan.refresh_from_db()
        self.assertEqual((plan.enabled, plan.lead_minutes), before)


@skipUnlessDBFeature("has_select_for_update")
class TwoFirstDraftsTests(TransactionTestCase):
    """The same person saving their first draft from two tabs at once (or a
    double click) on PostgreSQL: one draft, no error."""

    def test_two_first_drafts_at_once_make_one_draft_and_no_error(self) -> None:
        if connection.vendor != "postgresql":
            self.skipTest("SQLite takes its write lock when a transaction begins; the race needs PostgreSQL")
        alice = User.objects.create_user("alice@example.org", "a long password 1", display_name="Alice")
        bob = User.objects.create_user("bob@example.org", "a long password 2", display_name="Bob")
        couple = Couple.objects.create()
        Membership.objects.create(couple=couple, user=alice)
        Membership.objects.create(couple=couple, user=bob)
        checkin = open_week(couple)

        # Both saves read "no draft yet" before either writes one.
        both_read = threading.Barrier(2, timeout=2)
        real_check = rules.check_editable

        def check_then_wait(round: object, response: object) -> None:
            real_check(round, response)  # type: ignore[arg-type]
            with contextlib.suppress(threading.BrokenBarrierError):
                both_read.wait()

        errors: list[BaseException] = []

        def save(text: str) -> None:
            try:
                services.save_draft(checkin, alice, {"weighing": text})
            except BaseException as error:
                errors.append(error)
            finally:
                connection.close()

        with mock.patch.object(rules, "check_editable", check_then_wait):
            threads = [threading.Thread(target=save, args=(text,)) for text in ("one tab", "other tab")]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        self.assertEqual(errors, [])
        self.assertEqual(Answer.objects.filter(round=checkin, author=alice).count(), 1)
