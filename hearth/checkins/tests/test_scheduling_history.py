from datetime import UTC, datetime, time
from importlib import import_module

from django.apps import apps

from hearth.checkins.models import AgreedSlot, Schedule
from hearth.checkins.scheduling import confirm, pause, propose, resume, schedule_for, withdraw
from hearth.checkins.slots import Slot
from hearth.couples.models import Couple
from hearth.lib.testing import BaseTestCase

AGREED = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)
CHANGED = datetime(2027, 6, 1, 12, 0, tzinfo=UTC)
SUNDAYS = Slot(6, time(20, 30), "Europe/London")
WEDNESDAYS = Slot(2, time(7, 15), "Europe/Paris")


class AgreedSlotTests(BaseTestCase):
    """Each agreed weekly time is kept with the moment it was agreed, so the
    calendar can show the past at the time it had."""

    def agree(self, slot: Slot, label: str, now: datetime) -> Schedule:
        schedule = schedule_for(self.couple)
        schedule = propose(schedule, self.alice, slot, label, schedule.version)
        return confirm(schedule, self.bob, schedule.version, now=now)

    def history(self) -> list[tuple[Slot, str, datetime]]:
        return [
            (agreed.slot, agreed.label, agreed.agreed_at)
            for agreed in AgreedSlot.objects.filter(schedule__couple=self.couple).order_by("agreed_at")
        ]

    def test_each_agreement_is_kept(self) -> None:
        self.agree(SUNDAYS, "before bed", AGREED)
        self.assertEqual(self.history(), [(SUNDAYS, "before bed", AGREED)])
        schedule = self.agree(WEDNESDAYS, "", CHANGED)
        self.assertEqual(self.history(), [(SUNDAYS, "before bed", AGREED), (WEDNESDAYS, "", CHANGED)])
        self.assertEqual(schedule.slot, WEDNESDAYS)

    def test_proposing_withdrawing_and_pausing_keep_nothing(self) -> None:
        schedule = self.agree(SUNDAYS, "", AGREED)
        schedule = propose(schedule, self.alice, WEDNESDAYS, "", schedule.version)
        schedule = withdraw(schedule, self.alice, schedule.version)
        schedule = pause(schedule, schedule.version)
        resume(schedule, schedule.version)
        self.assertEqual(self.history(), [(SUNDAYS, "", AGREED)])

    def test_the_migration_keeps_the_time_each_couple_had_agreed(self) -> None:
        seed = import_module("hearth.checkins.migrations.0003_seed_agreed_slots").seed_agreed_slots
        agreed = Schedule.objects.create(
            couple=self.couple, weekday=6, local_time=time(20, 30), timezone="Europe/London", agreed_at=AGREED
        )
        # A slot without agreed_at (confirm always sets it; the column allows
        # it): the couple's start stands in for it.
        undated = Couple.objects.create(created_at=CHANGED)
        Schedule.objects.create(couple=undated, weekday=2, local_time=time(7, 15), timezone="Europe/Paris")
        Schedule.objects.create(couple=Couple.objects.create())
        seed(apps, None)
        seed(apps, None)  # a second run adds nothing
        rows = AgreedSlot.objects.order_by("agreed_at")
        self.assertEqual(
            [(row.schedule.couple_id, row.slot, row.agreed_at) for row in rows],
            [(self.couple.pk, SUNDAYS, AGREED), (undated.pk, WEDNESDAYS, CHANGED)],
        )
        self.assertEqual(agreed.agreed_slots.count(), 1)
