"""A daily question, answered in two browsers and revealed to both."""

from django.test import tag
from playwright.sync_api import expect

from e2e.browser import BrowserTestCase
from e2e.test_checkin_journey import log_in
from hearth.lib.testing import make_couple, make_user
from hearth.questions.models import Question


@tag("browser")
class DailyQuestionJourneyTests(BrowserTestCase):
    def test_both_answer_and_both_see_both_answers(self) -> None:
        make_couple(make_user("alice@example.org", "Alice"), make_user("bob@example.org", "Bob"))
        Question.objects.create(
            key="d0001", kind="daily", text="What small thing made you smile today?", position=0
        )

        alice = self.new_page()
        log_in(alice, "alice@example.org")
        alice.get_by_role("link", name="Today's question").click()
        alice.get_by_role("button", name="Start daily questions").click()
        expect(alice.get_by_role("heading", name="What small thing made you smile today?")).to_be_visible()
        alice.get_by_label("Your answer").fill("The neighbour's cat on our step.")
        alice.get_by_role("button", name="Share my answer").click()
        expect(alice.get_by_text("Your answers will appear when you have both finished.")).to_be_visible()

        bob = self.new_page()
        log_in(bob, "bob@example.org")
        bob.get_by_role("link", name="Today's question").click()
        expect(bob.get_by_text("The neighbour's cat on our step.")).to_have_count(0)
        bob.get_by_label("Your answer").fill("Your voice note at lunch.")
        bob.get_by_role("button", name="Share my answer").click()
        expect(bob.get_by_text("The neighbour's cat on our step.")).to_be_visible()
        bob.get_by_role("button", name="Thank you for telling me.").click()

        expect(bob.get_by_text("You: Thank you for telling me.")).to_be_visible()

        alice.reload()
        expect(alice.get_by_text("Your voice note at lunch.")).to_be_visible()
        expect(alice.get_by_text("Bob: Thank you for telling me.")).to_be_visible()
        self.assert_only_live_server_contacted()
