"""Home says what is waiting for me: things addressed to me, never whether
or when my partner did anything."""

from datetime import UTC, datetime

import time_machine

from hearth.lib.testing import BaseTestCase
from hearth.repair.services import respond, send_apology
from hearth.repair.tests.test_apology import STEPS

NOW = datetime(2027, 3, 17, 12, 0, tzinfo=UTC)
SLOT = {"action": "propose", "version": "1", "weekday": "6", "at": "19:30", "timezone": "Europe/London"}


@time_machine.travel(NOW, tick=False)
class WaitingTests(BaseTestCase):
    def home(self, who: object) -> str:
        self.client.force_login(who)  # type: ignore[arg-type]
        return self.client.get("/").content.decode()

    def test_nothing_waiting_shows_no_section(self) -> None:
        self.assertNotIn("Waiting for you", self.home(self.alice))

    def test_a_suggested_time_waits_for_the_other_partner_only(self) -> None:
        self.client.force_login(self.alice)
        self.client.post("/checkins/schedule/", SLOT)
        bobs = self.home(self.bob)
        self.assertIn("Waiting for you", bobs)
        self.assertIn("Alice suggested a time for your weekly check-in", bobs)
        self.assertIn('href="/checkins/schedule/"', bobs)
        self.assertNotIn("Waiting for you", self.home(self.alice))

    def test_an_apology_waits_until_it_is_answered_or_time_is_asked_for(self) -> None:
        apology = send_apology(self.alice, STEPS)
        bobs = self.home(self.bob)
        self.assertIn("Alice wrote you an apology", bobs)
        self.assertIn(f'href="/repair/apology/{apology.pk}/"', bobs)
        self.assertNotIn("apology", self.home(self.alice))
        respond(apology, self.bob, "", needs_time=True)
        self.assertNotIn("Alice wrote you an apology", self.home(self.bob))

    def test_an_answered_apology_no_longer_waits(self) -> None:
        apology = send_apology(self.alice, STEPS)
        respond(apology, self.bob, "Thank you. I know.", needs_time=False)
        self.assertNotIn("Waiting for you", self.home(self.bob))

    def test_a_stranger_sees_nothing_of_the_couples_waiting(self) -> None:
        send_apology(self.alice, STEPS)
        self.client.force_login(self.alice)
        self.client.post("/checkins/schedule/", SLOT)
        self.assertNotIn("Waiting for you", self.home(self.carol))
