"""The reveal rule on the pages people see: the check-in page, the history
page and home, for the orderings the property test drives through the
engine (`test_reveal_property.py`)."""

from hearth.accounts.models import User
from hearth.checkins import services
from hearth.checkins.tests.helpers import FULL, open_week
from hearth.couples.services import leave_couple
from hearth.lib.testing import BaseTestCase


class RevealPagesTests(BaseTestCase):
    def setUp(self) -> None:
        self.checkin = open_week(self.couple)

    def draft(self, who: User, text: str) -> None:
        services.save_draft(self.checkin, who, {"weighing": text})

    def send(self, who: User, text: str) -> None:
        services.submit(self.checkin, who, {**FULL, "pulse": 3, "weighing": text})

    def pages(self, viewer: User) -> str:
        self.client.force_login(viewer)
        urls = (f"/checkins/{self.checkin.pk}/", "/checkins/history/", "/")
        return "".join(self.client.get(url).content.decode() for url in urls)

    def assert_sees(self, viewer: User, shown: list[str], hidden: list[str]) -> None:
        pages = self.pages(viewer)
        for text in shown:
            self.assertIn(text, pages)
        for text in hidden:
            self.assertNotIn(text, pages)

    def test_both_drafting_each_sees_only_their_own(self) -> None:
        self.draft(self.alice, "ALICEDRAFT")
        self.draft(self.bob, "BOBDRAFT")
        self.assert_sees(self.alice, ["ALICEDRAFT"], ["BOBDRAFT"])
        self.assert_sees(self.bob, ["BOBDRAFT"], ["ALICEDRAFT"])

    def test_one_sent_and_one_drafting_shows_neither_to_the_other(self) -> None:
        self.draft(self.bob, "BOBDRAFT")
        self.send(self.alice, "ALICESENT")
        self.assert_sees(self.alice, ["ALICESENT"], ["BOBDRAFT"])
        self.assert_sees(self.bob, ["BOBDRAFT"], ["ALICESENT"])

    def test_both_sent_shows_what_was_sent_and_never_an_older_draft(self) -> None:
        self.draft(self.alice, "ALICEDRAFT")
        self.draft(self.bob, "BOBDRAFT")
        self.send(self.alice, "ALICESENT")
        self.send(self.bob, "BOBSENT")
        for viewer in (self.alice, self.bob):
            self.assert_sees(viewer, ["ALICESENT", "BOBSENT"], ["ALICEDRAFT", "BOBDRAFT"])

    def test_after_a_reveal_leaving_takes_the_partners_words_away(self) -> None:
        self.send(self.alice, "ALICESENT")
        self.send(self.bob, "BOBSENT")
        leave_couple(self.bob)
        self.assert_sees(self.alice, [], ["BOBSENT"])
        self.assert_sees(self.bob, [], ["ALICESENT"])

    def test_leaving_before_the_reveal_shows_nothing_of_the_other(self) -> None:
        self.send(self.alice, "ALICESENT")
        self.draft(self.bob, "BOBDRAFT")
        leave_couple(self.alice)
        self.assert_sees(self.alice, [], ["BOBDRAFT"])
        self.assert_sees(self.bob, [], ["ALICESENT"])
