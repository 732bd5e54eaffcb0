"""Both partners love the same idea, in their own browsers: a match appears for both."""

from django.test import tag
from playwright.sync_api import expect

from e2e.browser import BrowserTestCase
from e2e.test_checkin_journey import log_in
from hearth.experiences.models import Idea
from hearth.lib.testing import make_couple, make_user


@tag("browser")
class MatchJourneyTests(BrowserTestCase):
    def test_a_match_appears_for_both(self) -> None:
        make_couple(make_user("alice@example.org", "Alice"), make_user("bob@example.org", "Bob"))
        Idea.objects.create(key="i001", title="Dance in the kitchen", text="One song, any song.", position=0)
        Idea.objects.create(key="i002", title="A walk, phones off", text="No destination.", position=1)

        alice = self.new_page()
        log_in(alice, "alice@example.org")
        alice.get_by_role("link", name="Ideas for us").click()
        dance = alice.get_by_role("article").filter(has_text="Dance in the kitchen")
        dance.get_by_role("button", name="I'd love this").click()
        walk = alice.get_by_role("article").filter(has_text="A walk, phones off")
        walk.get_by_role("button", name="Not for me").click()

        bob = self.new_page()
        log_in(bob, "bob@example.org")
        bob.goto("/ideas/")
        expect(bob.get_by_text("A match", exact=True)).to_have_count(0)
        expect(bob.get_by_text("Not for you")).to_have_count(0)
        bob.get_by_role("article").filter(has_text="Dance in the kitchen").get_by_role(
            "button", name="I'd love this"
        ).click()
        expect(bob.get_by_text("A match", exact=True)).to_be_visible()

        alice.goto("/ideas/matches/")
        expect(alice.get_by_role("link", name="Dance in the kitchen")).to_be_visible()
        expect(alice.get_by_role("link", name="A walk, phones off")).to_have_count(0)
        self.assert_only_live_server_contacted()
