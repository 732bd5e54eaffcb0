import email.message
import email.policy
import re
from datetime import UTC, datetime, time, timedelta
from io import StringIO
from unittest import mock
from zoneinfo import ZoneInfo

import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from hearth.accounts.models import User
from hearth.appreciation import notes, notifications
from hearth.appreciation.models import AppreciationPrefs, Note
from hearth.couples.services import leave_couple
from hearth.lib.smtp import SMTPServer
from hearth.lib.testing import BaseTestCase
from hearth.worker import outbox
from hearth.worker.batches import BATCH
from hearth.worker.jobs import every_pass, run_due_jobs
from hearth.worker.models import OutgoingEmail

NOTE_WAITING = notifications.NOTE_WAITING
NOTICE_NUDGE = notifications.NOTICE_NUDGE
FRIDAY = datetime(2027, 3, 26, 12, 0, tzinfo=UTC)  # London on GMT until Sunday 01:00 UTC
FRIDAY_8PM = datetime(2027, 3, 26, 20, 0, tzinfo=UTC)  # 20:00 in London (GMT)
SATURDAY_8PM = datetime(2027, 3, 27, 20, 0, tzinfo=UTC)
SUNDAY_8PM = datetime(2027, 3, 28, 19, 0, tzinfo=UTC)  # 20:00 in London (BST since that morning)
WAITING = "Something is waiting for you in Hearth."
NUDGE = "Have you noticed something your partner did right today?"
ALICE_WROTE = "I admired how calmly you handled the call with your mother"
PER_PASS = {job.name for job in every_pass()}
# Headers written back exactly as they arrived, not folded afresh.
AS_RECEIVED = email.policy.default.clone(refold_source="none")


def run_at(moment: datetime) -> dict[str, int]:
    """One worker pass with the clock at `moment`; returns what the every-pass jobs handled."""
    with time_machine.travel(moment, tick=False):
        ran = run_due_jobs()
    return {name: count for name, count in ran.items() if name in PER_PASS}


def opt_in(user: User, *, on_note: bool = False, nudge: bool = False, at: time = time(20, 0)) -> None:
    notifications.save_prefs(user, email_on_note=on_note, nudge_enabled=nudge, nudge_time=at, now=FRIDAY)


def send_note(author: User, text: str = ALICE_WROTE) -> Note:
    return notes.write(author, text, send=True)


def queued(user: User, kind: str) -> int:
    return OutgoingEmail.objects.filter(recipient=user, kind=kind).count()


def prefs(user: User) -> AppreciationPrefs:
    return AppreciationPrefs.objects.get(user=user)


class NoteWaitingTests(BaseTestCase):
    def test_it_is_off_by_default_so_sending_a_note_queues_nothing(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.post("/notes/new/", {"text": ALICE_WROTE, "send": "1"})
        self.assertRedirects(r, "/notes/written/", fetch_redirect_response=False)
        self.assertTrue(Note.objects.filter(sent_at__isnull=False).exists())
        self.assertFalse(OutgoingEmail.objects.exists())
        self.assertFalse(AppreciationPrefs.objects.exists())

    def test_several_notes_before_delivery_make_one_email(self) -> None:
        opt_in(self.bob, on_note=True)
        self.client.force_login(self.alice)
        for n in range(3):
            self.client.post("/notes/new/", {"text": f"{ALICE_WROTE} {n}", "send": "1"})
        self.assertEqual(Note.objects.filter(recipient=self.bob, sent_at__isnull=False).count(), 3)
        self.assertEqual(queued(self.bob, NOTE_WAITING), 1)
        self.assertEqual(OutgoingEmail.objects.count(), 1)

        self.assertEqual(run_at(FRIDAY)["deliver_outbox"], 1)
        self.assertEqual([m.to for m in mail.outbox], [["bob@example.org"]])
        # Once it has gone, the next note may bring another.
        send_note(self.alice)
        self.assertEqual(OutgoingEmail.objects.filter(recipient=self.bob, sent_at__isnull=True).count(), 1)

    def test_a_note_while_the_email_is_being_sent_queues_no_second(self) -> None:
        opt_in(self.bob, on_note=True)
        send_note(self.alice)
        OutgoingEmail.objects.update(claimed_at=FRIDAY, attempts=1)
        send_note(self.alice)
        self.assertEqual(queued(self.bob, NOTE_WAITING), 1)

    def test_an_email_that_gave_up_does_not_silence_the_next_note(self) -> None:
        opt_in(self.bob, on_note=True)
        OutgoingEmail.objects.create(recipient=self.bob, kind=NOTE_WAITING, attempts=outbox.MAX_ATTEMPTS)
        send_note(self.alice)
        self.assertEqual(queued(self.bob, NOTE_WAITING), 2)

    def test_only_the_recipient_is_told_and_only_if_they_asked(self) -> None:
        opt_in(self.alice, on_note=True)
        send_note(self.alice)  # to bob, who did not ask
        self.assertFalse(OutgoingEmail.objects.exists())
        send_note(self.bob)
        self.assertEqual(
            list(OutgoingEmail.objects.values_list("recipient", "kind")), [(self.alice.pk, NOTE_WAITING)]
        )

    def test_a_draft_queues_nothing(self) -> None:
        opt_in(self.bob, on_note=True)
        draft = notes.write(self.alice, "Half a thought", send=False)
        self.assertFalse(OutgoingEmail.objects.exists())
        notes.write(self.alice, "A whole thought", send=True, draft=draft)
        self.assertEqual(queued(self.bob, NOTE_WAITING), 1)

    def test_the_email_is_queued_in_the_same_transaction_as_the_send(self) -> None:
        opt_in(self.bob, on_note=True)
        with (
            mock.patch.object(OutgoingEmail.objects, "create", side_effect=DatabaseError("disk full")),
            self.assertRaises(DatabaseError),
        ):
            send_note(self.alice)
        # Neither happened: the note did not go out without its notice.
        self.assertFalse(Note.objects.exists())

    def test_nothing_is_queued_outside_an_active_couple(self) -> None:
        opt_in(self.bob, on_note=True)
        leave_couple(self.alice)
        # As if sent in the instant the couple closed.
        note = Note.objects.create(
            couple=self.couple, author=self.alice, recipient=self.bob, text=ALICE_WROTE, sent_at=FRIDAY
        )
        self.assertFalse(notifications.notify_note_sent(note))
        self.assertFalse(OutgoingEmail.objects.exists())

    def test_leaving_the_couple_before_delivery_drops_the_email(self) -> None:
        opt_in(self.bob, on_note=True, nudge=True)
        send_note(self.alice)
        OutgoingEmail.objects.create(recipient=self.bob, kind=NOTICE_NUDGE)
        leave_couple(self.bob)
        self.assertNotIn("deliver_outbox", run_at(FRIDAY))
        self.assertEqual(mail.outbox, [])
        self.assertFalse(OutgoingEmail.objects.exists())

    def test_an_email_no_longer_wanted_at_delivery_is_dropped(self) -> None:
        opt_in(self.bob, on_note=True)
        send_note(self.alice)
        # Turned off by some other path that left the queued e-mail behind.
        AppreciationPrefs.objects.update(email_on_note=False)
        run_at(FRIDAY)
        self.assertEqual(mail.outbox, [])
        self.assertFalse(OutgoingEmail.objects.exists())

    def test_turning_it_off_drops_the_waiting_email(self) -> None:
        opt_in(self.bob, on_note=True, nudge=True)
        send_note(self.alice)
        OutgoingEmail.objects.create(recipient=self.bob, kind=NOTICE_NUDGE)
        opt_in(self.bob, on_note=False, nudge=True)
        self.assertEqual(list(OutgoingEmail.objects.values_list("kind", flat=True)), [NOTICE_NUDGE])


class NudgeTests(BaseTestCase):
    def nudges(self, user: User) -> int:
        return queued(user, NOTICE_NUDGE)

    def test_it_nudges_at_the_chosen_local_time_across_a_clock_change(self) -> None:
        opt_in(self.alice, nudge=True)
        self.assertEqual(prefs(self.alice).nudge_next_at, FRIDAY_8PM)

        self.assertEqual(run_at(FRIDAY_8PM - timedelta(seconds=1)), {})
        ran = run_at(FRIDAY_8PM)
        self.assertEqual((ran["send_due_notice_nudges"], ran["deliver_outbox"]), (1, 1))
        self.assertEqual(self.nudges(self.alice), 1)
        self.assertEqual(prefs(self.alice).nudge_next_at, SATURDAY_8PM)

        run_at(SATURDAY_8PM)
        # London moves to summer time on Sunday: 20:00 there is 19:00 UTC.
        self.assertEqual(prefs(self.alice).nudge_next_at, SUNDAY_8PM)
        run_at(SUNDAY_8PM - timedelta(seconds=1))
        self.assertEqual(self.nudges(self.alice), 2)
        run_at(SUNDAY_8PM)
        self.assertEqual(self.nudges(self.alice), 3)
        self.assertEqual(prefs(self.alice).nudge_next_at, SUNDAY_8PM + timedelta(days=1))
        self.assertEqual([m.to for m in mail.outbox], [["alice@example.org"]] * 3)
        self.assertEqual(self.nudges(self.bob), 0)

    def test_it_follows_each_persons_own_timezone(self) -> None:
        self.bob.timezone = "America/New_York"
        self.bob.save(update_fields=["timezone"])
        opt_in(self.bob, nudge=True, at=time(7, 30))
        # New York is on summer time (EDT, UTC-4) since 14 March.
        self.assertEqual(prefs(self.bob).nudge_next_at, datetime(2027, 3, 27, 11, 30, tzinfo=UTC))

    def test_at_most_one_a_day_even_with_two_passes(self) -> None:
        opt_in(self.alice, nudge=True)
        run_at(FRIDAY_8PM)
        run_at(FRIDAY_8PM)
        run_at(FRIDAY_8PM + timedelta(minutes=1))
        self.assertEqual(self.nudges(self.alice), 1)

    def test_moving_the_time_after_todays_nudge_waits_for_tomorrow(self) -> None:
        opt_in(self.alice, nudge=True)
        run_at(FRIDAY_8PM)
        notifications.save_prefs(
            self.alice, email_on_note=False, nudge_enabled=True, nudge_time=time(21, 0), now=FRIDAY_8PM
        )
        run_at(FRIDAY_8PM + timedelta(hours=1))
        self.assertEqual(self.nudges(self.alice), 1)
        self.assertEqual(prefs(self.alice).nudge_next_at, SATURDAY_8PM + timedelta(hours=1))
        run_at(SATURDAY_8PM + timedelta(hours=1))
        self.assertEqual(self.nudges(self.alice), 2)

    def test_a_time_the_clocks_skip_moves_forward_and_a_repeated_one_counts_once(self) -> None:
        london, half_past_one = "Europe/London", time(1, 30)
        # 01:30 does not exist on 28 March (01:00 GMT becomes 02:00 BST): 02:30 BST.
        skipped = notifications.next_nudge_at(half_past_one, london, datetime(2027, 3, 27, 12, tzinfo=UTC))
        self.assertEqual(skipped, datetime(2027, 3, 28, 1, 30, tzinfo=UTC))
        self.assertEqual(skipped.astimezone(ZoneInfo(london)).strftime("%H:%M %Z"), "02:30 BST")
        # 01:30 happens twice on 31 October: the first one only, then the next day.
        repeated = notifications.next_nudge_at(half_past_one, london, datetime(2027, 10, 30, 12, tzinfo=UTC))
        self.assertEqual(repeated, datetime(2027, 10, 31, 0, 30, tzinfo=UTC))
        self.assertEqual(
            notifications.next_nudge_at(half_past_one, london, repeated),
            datetime(2027, 11, 1, 1, 30, tzinfo=UTC),
        )

    def test_it_sends_once_in_an_hour_that_happens_twice(self) -> None:
        notifications.save_prefs(
            self.alice,
            email_on_note=False,
            nudge_enabled=True,
            nudge_time=time(1, 30),
            now=datetime(2027, 10, 30, 12, tzinfo=UTC),
        )
        run_at(datetime(2027, 10, 31, 0, 30, tzinfo=UTC))
        run_at(datetime(2027, 10, 31, 1, 30, tzinfo=UTC))  # 01:30 again, now GMT
        self.assertEqual(self.nudges(self.alice), 1)

    def test_it_skips_but_moves_on_when_out_of_a_couple(self) -> None:
        opt_in(self.bob, nudge=True)
        leave_couple(self.alice)
        ran = run_at(FRIDAY_8PM)
        self.assertEqual(ran.get("send_due_notice_nudges"), 1)
        self.assertFalse(OutgoingEmail.objects.exists())
        self.assertEqual(prefs(self.bob).nudge_next_at, SATURDAY_8PM)

    def test_it_skips_a_nudge_found_hours_late_and_moves_on(self) -> None:
        opt_in(self.alice, nudge=True)
        # The worker was down from Friday afternoon until Saturday 03:00.
        run_at(SATURDAY_8PM - timedelta(hours=17))
        self.assertFalse(OutgoingEmail.objects.exists())
        self.assertEqual(prefs(self.alice).nudge_next_at, SATURDAY_8PM)
        run_at(SATURDAY_8PM)
        self.assertEqual(self.nudges(self.alice), 1)

    def test_a_row_left_due_after_turning_off_is_cleared(self) -> None:
        opt_in(self.alice, nudge=True)
        AppreciationPrefs.objects.update(nudge_enabled=False)
        run_at(FRIDAY_8PM)
        self.assertFalse(OutgoingEmail.objects.exists())
        self.assertIsNone(prefs(self.alice).nudge_next_at)

    def test_a_worker_that_read_a_row_late_loses_the_claim(self) -> None:
        opt_in(self.alice, nudge=True)
        stale = AppreciationPrefs.objects.get(user=self.alice)
        self.assertEqual(notifications.send_due_notice_nudges(FRIDAY_8PM), 1)
        # A second worker holding the row as it was before the first moved it on.
        with mock.patch.object(AppreciationPrefs.objects, "select_related") as read:
            read.return_value.filter.return_value.first.return_value = stale
            self.assertFalse(notifications._nudge(stale.pk, FRIDAY_8PM))
        self.assertEqual(self.nudges(self.alice), 1)

    def test_it_costs_one_bounded_query_when_nothing_is_due(self) -> None:
        opt_in(self.alice, nudge=True)
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(notifications.send_due_notice_nudges(FRIDAY), 0)
        [query] = queries.captured_queries
        self.assertIn(f"LIMIT {BATCH}", query["sql"])


@override_settings(SITE_URL="https://hearth.example.org")
class NotificationEmailTests(BaseTestCase):
    def setUp(self) -> None:
        opt_in(self.bob, on_note=True, nudge=True)
        send_note(self.alice)

    def test_both_emails_arrive_through_smtp_without_content(self) -> None:
        with SMTPServer() as smtp, self.settings(**smtp.settings()):
            run_at(FRIDAY_8PM)
        self.assertEqual(len(smtp.inbox.messages), 2)
        by_words = {}
        for message in smtp.inbox.messages:
            self.assertEqual(message["To"], "bob@example.org")
            text, _ = bodies(message)
            by_words[WAITING if WAITING in text else NUDGE] = message
            expected = "A note is waiting for you" if WAITING in text else "A small nudge from Hearth"
            self.assertEqual(message["Subject"], expected)
        for words, path, off in [
            (WAITING, "/jar/", "/appreciation/off/notes/"),
            (NUDGE, "/notes/new/", "/appreciation/off/nudge/"),
        ]:
            with self.subTest(words=words):
                message = by_words[words]
                text, html = bodies(message)
                self.assertIn(words, text)
                self.assertIn(words, html)
                self.assertIn(f"https://hearth.example.org{path}", text)
                self.assertIn(f'href="https://hearth.example.org{path}"', html)
                # As it arrived: on one line, not folded into encoded words.
                headers = dict(message.raw_items())
                unsubscribe = re.fullmatch(
                    rf"<(https://hearth\.example\.org{off}[^\s<>]+/)>", headers["List-Unsubscribe"]
                )
                assert unsubscribe is not None, headers["List-Unsubscribe"]
                self.assertEqual(headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
                self.assertIn(unsubscribe.group(1), text)
                self.assertIn(unsubscribe.group(1), html)
                self.assert_content_free(message)

    def test_the_header_links_turn_off_only_their_own_kind(self) -> None:
        with SMTPServer() as smtp, self.settings(**smtp.settings()):
            run_at(FRIDAY_8PM)
        links = {}
        for message in smtp.inbox.messages:
            url = dict(message.raw_items())["List-Unsubscribe"].strip("<>")
            links[WAITING if WAITING in bodies(message)[0] else NUDGE] = url.removeprefix(
                "https://hearth.example.org"
            )
        mail_client = self.client_class(enforce_csrf_checks=True)

        r = mail_client.post(
            links[WAITING], "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded"
        )
        self.assertContains(r, "Note e-mails are off")
        bob = prefs(self.bob)
        self.assertEqual(
            (bob.email_on_note, bob.nudge_enabled, bob.nudge_next_at), (False, True, SATURDAY_8PM)
        )

        r = mail_client.post(links[NUDGE], "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded")
        self.assertContains(r, "The daily nudge is off")
        bob = prefs(self.bob)
        self.assertEqual((bob.email_on_note, bob.nudge_enabled, bob.nudge_next_at), (False, False, None))

    def test_the_worker_command_delivers_them(self) -> None:
        out = StringIO()
        with (
            SMTPServer() as smtp,
            self.settings(**smtp.settings()),
            time_machine.travel(FRIDAY_8PM, tick=False),
        ):
            call_command("worker", once=True, stdout=out)
        self.assertIn("ran send_due_notice_nudges (1 rows)", out.getvalue())
        self.assertIn("ran deliver_outbox (2 rows)", out.getvalue())
        self.assertEqual([m["To"] for m in smtp.inbox.messages], ["bob@example.org"] * 2)
        self.assertFalse(OutgoingEmail.objects.filter(sent_at__isnull=True).exists())

    def assert_content_free(self, message: email.message.EmailMessage) -> None:
        """No note text, no names, no sender: in the raw message, in every
        decoded part and in every header."""
        text, html = bodies(message)
        raw = message.as_string(policy=AS_RECEIVED)
        for place in [raw, text, html, *(str(v) for _, v in message.items())]:
            self.assertNotIn(ALICE_WROTE, place)
            self.assertNotIn("calmly", place)
            self.assertNotIn("alice@example.org", place)
            self.assertNotRegex(place, r"\b(Alice|Bob)\b")


def bodies(message: email.message.EmailMessage) -> tuple[str, str]:
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert text is not None and html is not None
    return str(text.get_content()), str(html.get_content())
