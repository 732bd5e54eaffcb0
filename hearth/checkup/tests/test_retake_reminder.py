import email.message
import re
from datetime import UTC, datetime, timedelta
from unittest import mock

import time_machine
from django.core import mail
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from hearth.accounts.models import User
from hearth.checkup import notifications, services
from hearth.checkup.models import Checkup, RetakeReminder
from hearth.checkup.tests.test_decide import answers
from hearth.couples.services import leave_couple
from hearth.lib.smtp import SMTPServer
from hearth.lib.testing import BaseTestCase
from hearth.worker.batches import BATCH
from hearth.worker.jobs import every_pass, run_due_jobs
from hearth.worker.models import OutgoingEmail

KIND = notifications.KIND
# Revealed on a Monday at noon, London on GMT.
REVEALED = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)
# Four weeks on the next check-up opens (29 March, 12:00 UTC); London has
# moved to summer time, so the e-mail comes at 10:00 BST the next morning.
OPENS = REVEALED + timedelta(weeks=4)
DUE = datetime(2027, 3, 30, 9, 0, tzinfo=UTC)
READY = "It's been four weeks — a check-up is ready when you both are."
PER_PASS = {job.name for job in every_pass()}


def run_at(moment: datetime) -> dict[str, int]:
    with time_machine.travel(moment, tick=False):
        ran = run_due_jobs()
    return {name: count for name, count in ran.items() if name in PER_PASS}


def opt_in(user: User, at: datetime = REVEALED - timedelta(days=1)) -> None:
    notifications.save_choice(user, True, at)


def sent(user: User) -> int:
    return OutgoingEmail.objects.filter(recipient=user, kind=KIND).count()


class RetakeReminderTestCase(BaseTestCase):
    def reveal(self, at: datetime = REVEALED) -> Checkup:
        """A check-up both finish through the service, revealed at `at`."""
        with time_machine.travel(at, tick=False):
            item = services.start(self.couple)
            for person in (self.alice, self.bob):
                services.save(item, person, answers(4), [], afraid=False, send=True)
        item.refresh_from_db()
        self.assertEqual(item.revealed_at, at)
        return item

    def reminder(self, user: User) -> RetakeReminder:
        return RetakeReminder.objects.get(user=user)


class ChoiceTests(RetakeReminderTestCase):
    url = "/checkup/reminder/"

    def test_it_is_off_by_default(self) -> None:
        self.reveal()
        self.client.force_login(self.alice)
        r = self.client.get("/checkup/")
        self.assertContains(r, "E-mail me when the next check-up is ready")
        self.assertContains(r, '<input type="checkbox" name="email_me" id="email-me">', html=True)
        self.assertFalse(RetakeReminder.objects.exists())
        run_at(DUE)
        self.assertFalse(OutgoingEmail.objects.exists())

    def test_each_partner_turns_it_on_and_off_for_themselves(self) -> None:
        self.reveal()
        for who in (self.alice, self.bob):
            with self.subTest(who=who.display_name):
                self.client.force_login(who)
                r = self.client.post(self.url, {"email_me": "on"}, follow=True)
                self.assertContains(r, "Hearth will e-mail you when the next check-up is ready.")
                self.assertContains(r, 'name="email_me" id="email-me" checked')
                self.assertEqual(self.reminder(who).next_at, DUE)
        self.client.force_login(self.alice)
        r = self.client.post(self.url, {}, follow=True)
        self.assertContains(r, "Hearth won&#x27;t e-mail you about the next check-up.")
        self.assertEqual(
            (self.reminder(self.alice).enabled, self.reminder(self.alice).next_at), (False, None)
        )
        self.assertTrue(self.reminder(self.bob).enabled)

    def test_a_stranger_gets_404_and_it_takes_posts_only(self) -> None:
        self.client.force_login(self.carol)
        self.assertEqual(self.client.post(self.url, {"email_me": "on"}).status_code, 404)
        self.assertFalse(RetakeReminder.objects.exists())
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(self.url).status_code, 405)

    def test_anonymous_is_sent_to_login(self) -> None:
        self.assertEqual(self.client.post(self.url, {"email_me": "on"}).status_code, 302)


class WorkerTests(RetakeReminderTestCase):
    def test_it_is_due_at_ten_in_each_persons_own_morning(self) -> None:
        self.bob.timezone = "America/New_York"
        self.bob.save(update_fields=["timezone"])
        opt_in(self.alice)
        opt_in(self.bob)
        self.reveal()
        self.assertEqual(self.reminder(self.alice).next_at, DUE)
        # 12:00 UTC is 08:00 in New York (EDT): 10:00 there the same day.
        self.assertEqual(self.reminder(self.bob).next_at, datetime(2027, 3, 29, 14, 0, tzinfo=UTC))

    def test_nothing_before_it_is_due(self) -> None:
        opt_in(self.alice)
        self.reveal()
        self.assertEqual(run_at(OPENS - timedelta(days=1)), {})
        self.assertEqual(run_at(DUE - timedelta(seconds=1)), {})
        self.assertFalse(OutgoingEmail.objects.exists())

    def test_when_due_each_who_asked_gets_one_even_over_several_passes(self) -> None:
        opt_in(self.alice)
        self.reveal()
        ran = run_at(DUE)
        self.assertEqual((ran["send_due_retake_reminders"], ran["deliver_outbox"]), (1, 1))
        run_at(DUE)
        run_at(DUE + timedelta(days=1))
        run_at(DUE + timedelta(weeks=4))
        self.assertEqual((sent(self.alice), sent(self.bob)), (1, 0))
        self.assertEqual([m.to for m in mail.outbox], [["alice@example.org"]])
        reminder = self.reminder(self.alice)
        self.assertIsNone(reminder.next_at)
        self.assertEqual(reminder.sent_for_id, Checkup.objects.get().pk)

    def test_opting_out_and_in_again_never_brings_a_second_for_the_same_check_up(self) -> None:
        opt_in(self.alice)
        self.reveal()
        run_at(DUE)
        notifications.save_choice(self.alice, False, DUE)
        notifications.save_choice(self.alice, True, DUE)
        self.assertIsNone(self.reminder(self.alice).next_at)
        run_at(DUE + timedelta(days=1))
        self.assertEqual(sent(self.alice), 1)

    def test_the_next_cycle_brings_the_next_one(self) -> None:
        opt_in(self.alice)
        self.reveal()
        run_at(DUE)
        # Revealed at 10:00 in London: four weeks on is 10:00 there too.
        second = DUE + timedelta(days=2)
        self.reveal(second)
        self.assertEqual(self.reminder(self.alice).next_at, second + timedelta(weeks=4))
        run_at(second + timedelta(weeks=5))
        self.assertEqual([m.to for m in mail.outbox], [["alice@example.org"]] * 2)

    def test_opting_in_after_the_reveal_schedules_it(self) -> None:
        self.reveal()
        opt_in(self.alice, at=REVEALED + timedelta(days=3))
        self.assertEqual(self.reminder(self.alice).next_at, DUE)

    def test_opting_in_while_a_check_up_is_open_again_sends_nothing_now(self) -> None:
        self.reveal()
        opt_in(self.alice, at=DUE + timedelta(days=1))
        self.assertIsNone(self.reminder(self.alice).next_at)
        run_at(DUE + timedelta(days=2))
        self.assertFalse(OutgoingEmail.objects.exists())

    def test_an_opted_out_person_gets_none(self) -> None:
        opt_in(self.alice)
        opt_in(self.bob)
        self.reveal()
        notifications.save_choice(self.bob, False, REVEALED + timedelta(days=1))
        run_at(DUE)
        self.assertEqual((sent(self.alice), sent(self.bob)), (1, 0))

    def test_opting_out_drops_one_waiting_in_the_outbox(self) -> None:
        opt_in(self.alice)
        self.reveal()
        with time_machine.travel(DUE, tick=False):
            notifications.send_due_retake_reminders(DUE)
        self.assertEqual(sent(self.alice), 1)
        notifications.save_choice(self.alice, False, DUE)
        run_at(DUE)
        self.assertFalse(OutgoingEmail.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_a_closed_couple_gets_none(self) -> None:
        opt_in(self.alice)
        opt_in(self.bob)
        self.reveal()
        leave_couple(self.bob)
        self.assertEqual(run_at(DUE).get("send_due_retake_reminders"), 2)
        self.assertFalse(OutgoingEmail.objects.exists())

    def test_leaving_after_it_was_queued_drops_it(self) -> None:
        opt_in(self.alice)
        self.reveal()
        notifications.send_due_retake_reminders(DUE)
        leave_couple(self.alice)
        run_at(DUE)
        self.assertEqual(mail.outbox, [])
        self.assertFalse(OutgoingEmail.objects.exists())

    def test_none_once_a_new_check_up_has_started(self) -> None:
        opt_in(self.alice)
        self.reveal()
        with time_machine.travel(OPENS + timedelta(hours=1), tick=False):
            services.start(self.couple)
        run_at(DUE)
        self.assertFalse(OutgoingEmail.objects.exists())

    def test_a_worker_that_read_the_row_late_loses_the_claim(self) -> None:
        opt_in(self.alice)
        self.reveal()
        stale = RetakeReminder.objects.get(user=self.alice)
        self.assertEqual(notifications.send_due_retake_reminders(DUE), 1)
        with mock.patch.object(RetakeReminder.objects, "select_related") as read:
            read.return_value.filter.return_value.first.return_value = stale
            self.assertFalse(notifications._remind(stale.pk, DUE))
        self.assertEqual(sent(self.alice), 1)

    def test_it_costs_one_bounded_query_when_nothing_is_due(self) -> None:
        opt_in(self.alice)
        self.reveal()
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(notifications.send_due_retake_reminders(REVEALED), 0)
        [query] = queries.captured_queries
        self.assertIn(f"LIMIT {BATCH}", query["sql"])


@override_settings(SITE_URL="https://hearth.example.org")
class RetakeEmailTests(RetakeReminderTestCase):
    def setUp(self) -> None:
        opt_in(self.alice)
        opt_in(self.bob)
        self.reveal()

    def test_it_arrives_through_smtp_once_each_without_content(self) -> None:
        with SMTPServer() as smtp, self.settings(**smtp.settings()):
            run_at(DUE)
            run_at(DUE + timedelta(hours=1))
        self.assertEqual(
            sorted(m["To"] for m in smtp.inbox.messages), ["alice@example.org", "bob@example.org"]
        )
        for message in smtp.inbox.messages:
            self.assertEqual(message["Subject"], "A new check-up is ready")
            text, html = bodies(message)
            self.assertIn(READY, text)
            self.assertIn(READY, html)
            self.assertIn("https://hearth.example.org/checkup/", text)
            self.assertIn('href="https://hearth.example.org/checkup/"', html)
            headers = dict(message.raw_items())
            unsubscribe = re.fullmatch(
                r"<(https://hearth\.example\.org/checkup/reminder/off/[^\s<>]+/)>",
                headers["List-Unsubscribe"],
            )
            assert unsubscribe is not None, headers["List-Unsubscribe"]
            self.assertEqual(headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
            self.assertIn(unsubscribe.group(1), text)
            for place in (text, html, *(str(v) for _, v in message.items())):
                self.assertNotRegex(place, r"\b(Alice|Bob)\b")
                self.assertNotIn("Affection", place)

    def test_the_one_click_link_turns_it_off_for_that_person_only(self) -> None:
        with SMTPServer() as smtp, self.settings(**smtp.settings()):
            run_at(DUE)
        [to_bob] = [m for m in smtp.inbox.messages if m["To"] == "bob@example.org"]
        path = (
            dict(to_bob.raw_items())["List-Unsubscribe"]
            .strip("<>")
            .removeprefix("https://hearth.example.org")
        )
        self.assertContains(self.client.get(path), "Stop e-mails when the next check-up is ready?")
        self.assertTrue(self.reminder(self.bob).enabled)
        mail_client = self.client_class(enforce_csrf_checks=True)
        r = mail_client.post(path, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded")
        self.assertContains(r, "Check-up e-mails are off")
        self.assertFalse(self.reminder(self.bob).enabled)
        self.assertTrue(self.reminder(self.alice).enabled)

    def test_a_forged_link_is_refused(self) -> None:
        self.assertEqual(self.client.post("/checkup/reminder/off/1:forged/").status_code, 404)
        self.assertTrue(self.reminder(self.alice).enabled)


def bodies(message: email.message.EmailMessage) -> tuple[str, str]:
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert text is not None and html is not None
    return str(text.get_content()), str(html.get_content())
