"""The weekly check-in, in two browsers: agree a time, get reminded, answer
privately, see each other's answers only when both are done, then talk."""

import re

from django.core import mail
from django.test import tag
from playwright.sync_api import Page, expect

from e2e.browser import BrowserTestCase
from hearth.checkins.models import Schedule
from hearth.lib.testing import PASSWORD, make_couple, make_user
from hearth.worker.jobs import run_due_jobs


def log_in(page: Page, email: str) -> None:
    page.goto("/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def answer(page: Page, *, pulse: str, weighing: str, wish: str) -> None:
    page.get_by_role("group", name="How connected have you felt this week?").get_by_label(
        pulse, exact=True
    ).check()
    page.get_by_role("group", name="Any of these feelings").get_by_label("Tired").check()
    page.get_by_label("What's been weighing on your mind?").fill(weighing)
    page.get_by_label("One thing I'd love this week").fill(wish)


@tag("browser")
class CheckinJourneyTests(BrowserTestCase):
    def test_a_couple_agrees_a_time_answers_privately_and_talks(self) -> None:
        alice_user = make_user("alice@example.org", "Alice", timezone="Europe/London", country="GB")
        bob_user = make_user("bob@example.org", "Bob", timezone="Europe/London", country="GB")
        make_couple(alice_user, bob_user)

        # Alice suggests Sunday evenings; Bob agrees.
        alice = self.new_page()
        log_in(alice, "alice@example.org")
        alice.get_by_role("link", name="Our weekly time").click()
        alice.get_by_label("Day").select_option("6")
        alice.get_by_label("Time", exact=True).fill("20:30")
        alice.get_by_label("A name for it (optional)").fill("before bed")
        alice.get_by_label("Remind me by e-mail when it comes round").check()
        alice.get_by_role("button", name="Send to Bob").click()
        expect(alice.get_by_text("Waiting for Bob to agree.")).to_be_visible()

        bob = self.new_page()
        log_in(bob, "bob@example.org")
        bob.get_by_role("link", name="Our weekly time").click()
        expect(bob.get_by_text("Alice suggested")).to_be_visible()
        bob.locator("#id_confirm_remind").check()
        bob.get_by_role("button", name="That works for me").click()
        expect(bob.get_by_text("You check in Sundays at 20:30")).to_be_visible()

        # The calendar feed has the weekly event.
        bob.get_by_role("link", name="Add it to your calendar").click()
        feed_url = bob.locator("#feed-url").inner_text().strip()
        feed = bob.request.get(feed_url.replace("http://127.0.0.1:8000", self.live_server_url))
        self.assertIn("RRULE:FREQ=WEEKLY;BYDAY=SU", feed.text())

        # At the agreed time the worker opens the week and e-mails both, without content.
        schedule = Schedule.objects.get()
        assert schedule.next_at is not None
        run_due_jobs(schedule.next_at)
        self.assertEqual(sorted(m.to[0] for m in mail.outbox), ["alice@example.org", "bob@example.org"])
        for message in mail.outbox:
            self.assertNotIn("before bed", message.body)
        link = re.search(r"https?://\S+/checkins/", str(mail.outbox[0].body))
        assert link is not None

        # Alice answers and sends; Bob sees nothing of it.
        alice.goto("/checkins/")
        answer(alice, pulse="Close", weighing="The move, mostly.", wish="A slow Sunday.")
        alice.get_by_role("button", name="Send my answers").click()
        expect(alice.get_by_text("Your answers will appear when you have both finished.")).to_be_visible()

        bob.goto("/checkins/")
        expect(bob.get_by_text("The move, mostly.")).to_have_count(0)
        answer(bob, pulse="In between", weighing="My sister's visit.", wish="Dancing in the kitchen.")
        bob.get_by_role("button", name="Send my answers").click()

        # Both finished: side by side, with the listening guide.
        expect(bob.get_by_role("heading", name="Your check-in, side by side")).to_be_visible()
        expect(bob.get_by_text("The move, mostly.")).to_be_visible()
        expect(
            bob.get_by_text("Listen without interrupting, judging or jumping in to fix it.")
        ).to_be_visible()
        expect(bob.get_by_text("I noticed you seemed distant this week — are you okay?")).to_be_visible()
        weighing = bob.get_by_role("region", name="What's been weighing on your mind?")
        weighing.get_by_label("What I heard you say is…").fill("The move is on your mind.")
        weighing.get_by_role("button", name="Share").click()
        self.save_screenshot(bob, "bob-checkin-revealed")

        alice.reload()
        expect(alice.get_by_text("My sister's visit.")).to_be_visible()
        expect(alice.get_by_text("The move is on your mind.")).to_be_visible()
        self.assert_only_live_server_contacted()
