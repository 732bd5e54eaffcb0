from datetime import UTC, datetime, time

import time_machine
from django.core import signing
from django.test import Client

from hearth.accounts.models import User
from hearth.appreciation import notifications
from hearth.appreciation.models import AppreciationPrefs
from hearth.checkins.reminders import off_token as reminders_off_token
from hearth.lib.testing import BaseTestCase, make_user
from hearth.worker.models import OutgoingEmail

URL = "/appreciation/settings/"
FRIDAY = datetime(2027, 3, 26, 12, 0, tzinfo=UTC)
FRIDAY_8PM = datetime(2027, 3, 26, 20, 0, tzinfo=UTC)  # 20:00 in London (GMT)
NOTE_WAITING = notifications.NOTE_WAITING
NOTICE_NUDGE = notifications.NOTICE_NUDGE


def prefs(user: User) -> AppreciationPrefs:
    return AppreciationPrefs.objects.get(user=user)


class PrefsPageTests(BaseTestCase):
    def save(self, user: User, **data: str) -> None:
        # Signed in with the clock already at FRIDAY, so the session is fresh then.
        with time_machine.travel(FRIDAY, tick=False):
            self.client.force_login(user)
            r = self.client.post(URL, data)
        self.assertRedirects(r, URL, fetch_redirect_response=False)

    def test_anonymous_is_sent_to_login(self) -> None:
        self.assertRedirects(self.client.get(URL), f"/login/?next={URL}", fetch_redirect_response=False)
        self.assertRedirects(
            self.client.post(URL, {"email_on_note": "on", "nudge_time": "20:00"}),
            f"/login/?next={URL}",
            fetch_redirect_response=False,
        )
        self.assertFalse(AppreciationPrefs.objects.exists())

    def test_it_asks_for_the_privacy_notice_first(self) -> None:
        dan = make_user("dan@example.org", "Dan", accepted=False)
        self.client.force_login(dan)
        self.assertRedirects(
            self.client.get(URL),
            "/welcome/privacy/?next=%2Fappreciation%2Fsettings%2F",
            fetch_redirect_response=False,
        )

    def test_both_are_off_until_chosen(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.get(URL)
        self.assertContains(r, "Appreciation e-mails")
        self.assertNotContains(r, "checked")
        self.assertContains(r, 'type="time"')
        self.assertContains(r, 'value="20:00"')
        self.assertContains(r, "Europe/London")
        self.assertNotContains(r, "only while you share a couple space")
        self.assertFalse(AppreciationPrefs.objects.exists())

    def test_saving_sets_the_next_nudge_in_the_persons_timezone(self) -> None:
        self.save(self.alice, email_on_note="on", nudge_enabled="on", nudge_time="20:00")
        alice = prefs(self.alice)
        self.assertEqual((alice.email_on_note, alice.nudge_enabled), (True, True))
        self.assertEqual((alice.nudge_time, alice.nudge_next_at), (time(20, 0), FRIDAY_8PM))
        r = self.client.get(URL)
        self.assertContains(r, "checked", count=2)

        # A time already past today starts tomorrow.
        self.save(self.alice, nudge_enabled="on", nudge_time="07:15")
        alice = prefs(self.alice)
        self.assertFalse(alice.email_on_note)
        self.assertEqual(alice.nudge_next_at, datetime(2027, 3, 27, 7, 15, tzinfo=UTC))

    def test_turning_the_nudge_off_clears_it_and_drops_a_waiting_one(self) -> None:
        self.save(self.alice, email_on_note="on", nudge_enabled="on", nudge_time="20:00")
        OutgoingEmail.objects.create(recipient=self.alice, kind=NOTICE_NUDGE)
        waiting = OutgoingEmail.objects.create(recipient=self.alice, kind=NOTE_WAITING)
        self.save(self.alice, email_on_note="on", nudge_time="20:00")
        alice = prefs(self.alice)
        self.assertEqual((alice.nudge_enabled, alice.nudge_next_at), (False, None))
        self.assertEqual(list(OutgoingEmail.objects.values_list("pk", flat=True)), [waiting.pk])

    def test_a_missing_or_broken_time_gets_a_clear_message(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.post(URL, {"nudge_enabled": "on", "nudge_time": "soon"})
        self.assertContains(r, "Write a time such as 20:00.", status_code=400)
        r = self.client.post(URL, {"nudge_enabled": "on", "nudge_time": ""})
        self.assertContains(r, "Choose a time for the nudge", status_code=400)
        self.assertFalse(AppreciationPrefs.objects.exists())
        # With the nudge off, no time is needed.
        r = self.client.post(URL, {"email_on_note": "on", "nudge_time": ""})
        self.assertRedirects(r, URL, fetch_redirect_response=False)
        self.assertEqual(prefs(self.alice).nudge_time, time(20, 0))

    def test_carol_sees_and_changes_only_her_own(self) -> None:
        self.save(self.alice, email_on_note="on", nudge_enabled="on", nudge_time="21:45")

        self.client.force_login(self.carol)
        r = self.client.get(URL)
        self.assertNotContains(r, "checked")
        self.assertNotContains(r, "21:45")
        self.assertContains(r, "America/New_York")
        # Not in a couple: said plainly, and she may still choose.
        self.assertContains(r, "only while you share a couple space")
        self.save(self.carol, nudge_enabled="on", nudge_time="07:00")
        self.assertEqual(prefs(self.carol).nudge_next_at, datetime(2027, 3, 27, 11, 0, tzinfo=UTC))
        alice = prefs(self.alice)
        self.assertEqual((alice.email_on_note, alice.nudge_time), (True, time(21, 45)))

    def test_it_refuses_other_methods(self) -> None:
        self.client.force_login(self.alice)
        self.assertEqual(self.client.put(URL).status_code, 405)


class EmailsOffTests(BaseTestCase):
    def setUp(self) -> None:
        for user in (self.alice, self.bob):
            notifications.save_prefs(
                user, email_on_note=True, nudge_enabled=True, nudge_time=time(20, 0), now=FRIDAY
            )
        # Mail clients send the one-click POST with no cookie and no CSRF token.
        self.mail_client = Client(enforce_csrf_checks=True)

    def url(self, user: User, kind: str) -> str:
        what = "notes" if kind == NOTE_WAITING else "nudge"
        return f"/appreciation/off/{what}/{notifications.off_token(user.pk, kind)}/"

    def state(self, user: User) -> tuple[bool, bool, datetime | None]:
        p = prefs(user)
        return (p.email_on_note, p.nudge_enabled, p.nudge_next_at)

    def test_it_asks_first_and_changes_nothing_on_get(self) -> None:
        r = self.client.get(self.url(self.alice, NOTE_WAITING))
        self.assertContains(r, "Stop e-mails when a note arrives?")
        self.assertContains(r, "Turn it off</button>")
        r = self.client.get(self.url(self.alice, NOTICE_NUDGE))
        self.assertContains(r, "Turn off the daily nudge?")
        for text in ("Alice", "alice@example.org"):
            self.assertNotContains(r, text)
        self.assertEqual(self.state(self.alice), (True, True, FRIDAY_8PM))

    def test_the_note_link_turns_off_note_emails_only(self) -> None:
        OutgoingEmail.objects.create(recipient=self.alice, kind=NOTE_WAITING)
        nudge = OutgoingEmail.objects.create(recipient=self.alice, kind=NOTICE_NUDGE)
        r = self.mail_client.post(self.url(self.alice, NOTE_WAITING))
        self.assertContains(r, "Note e-mails are off")
        self.assertEqual(self.state(self.alice), (False, True, FRIDAY_8PM))
        self.assertEqual(list(OutgoingEmail.objects.values_list("pk", flat=True)), [nudge.pk])
        self.assertEqual(self.state(self.bob), (True, True, FRIDAY_8PM))

    def test_the_nudge_link_turns_off_the_nudge_only(self) -> None:
        r = self.mail_client.post(
            self.url(self.bob, NOTICE_NUDGE),
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )
        self.assertContains(r, "The daily nudge is off")
        self.assertEqual(self.state(self.bob), (True, False, None))
        self.assertEqual(self.state(self.alice), (True, True, FRIDAY_8PM))
        # Twice is calm too.
        self.assertContains(self.mail_client.post(self.url(self.bob, NOTICE_NUDGE)), "The daily nudge is off")

    def test_it_changes_only_the_links_owner_whoever_is_signed_in(self) -> None:
        self.client.force_login(self.bob)
        self.client.post(self.url(self.alice, NOTICE_NUDGE))
        self.assertEqual(self.state(self.alice), (True, False, None))
        self.assertEqual(self.state(self.bob), (True, True, FRIDAY_8PM))

    def test_it_works_for_someone_who_never_chose(self) -> None:
        self.mail_client.post(self.url(self.carol, NOTE_WAITING))
        self.assertEqual(self.state(self.carol), (False, False, None))

    def test_it_refuses_a_forged_or_damaged_link(self) -> None:
        token = notifications.off_token(self.alice.pk, NOTE_WAITING)
        salt = f"hearth.appreciation.emails.off.{NOTE_WAITING}"
        forged = [
            ("notes", "nonsense"),
            ("notes", f"{self.bob.pk}:{token.split(':', 1)[1]}"),  # alice's signature on bob's id
            ("nudge", token),  # a note link does not turn off the nudge
            ("notes", notifications.off_token(self.alice.pk, NOTICE_NUDGE)),
            ("notes", reminders_off_token(self.alice.pk)),  # nor does a check-in reminder link
            ("nudge", signing.Signer(salt="another.purpose").sign(str(self.alice.pk))),
            ("notes", signing.Signer(salt=salt).sign("not-a-number")),
            ("notes", token[:-2]),
            ("notes", notifications.off_token(987654, NOTE_WAITING)),  # no such person
        ]
        for what, bad in forged:
            with self.subTest(what=what, bad=bad):
                url = f"/appreciation/off/{what}/{bad}/"
                self.assertContains(self.mail_client.post(url), "This link doesn't work", status_code=404)
                self.assertContains(self.client.get(url), "doesn't", status_code=404)
        self.assertEqual(self.state(self.alice), (True, True, FRIDAY_8PM))
        self.assertEqual(self.state(self.bob), (True, True, FRIDAY_8PM))

    def test_it_refuses_other_methods(self) -> None:
        self.assertEqual(self.client.put(self.url(self.alice, NOTE_WAITING)).status_code, 405)
        self.assertEqual(self.state(self.alice), (True, True, FRIDAY_8PM))
