from datetime import UTC, date, datetime, time

from django.test import SimpleTestCase

from hearth.checkins.slots import Slot, skipped_dates

LONDON_SUNDAY_EVENING = Slot(weekday=6, at=time(20, 30), timezone="Europe/London")


class SlotTests(SimpleTestCase):
    def test_occurrences_keep_local_time_across_a_clock_change(self) -> None:
        first = LONDON_SUNDAY_EVENING.occurrence_on_or_after(datetime(2027, 3, 20, tzinfo=UTC))
        second = LONDON_SUNDAY_EVENING.occurrence_after(first)
        self.assertEqual(first, datetime(2027, 3, 21, 20, 30, tzinfo=UTC))  # GMT
        self.assertEqual(second, datetime(2027, 3, 28, 19, 30, tzinfo=UTC))  # BST
        self.assertEqual(second.astimezone(LONDON_SUNDAY_EVENING.zone).time(), time(20, 30))

    def test_an_occurrence_at_the_exact_moment_counts(self) -> None:
        moment = datetime(2027, 3, 21, 20, 30, tzinfo=UTC)
        self.assertEqual(LONDON_SUNDAY_EVENING.occurrence_on_or_after(moment), moment)
        self.assertGreater(LONDON_SUNDAY_EVENING.occurrence_after(moment), moment)

    def test_a_skipped_local_time_moves_forward_like_the_clock(self) -> None:
        slot = Slot(weekday=6, at=time(1, 30), timezone="Europe/London")
        on_change_day = slot.occurrence_on_or_after(datetime(2027, 3, 27, tzinfo=UTC))
        self.assertEqual(on_change_day.astimezone(slot.zone).date(), date(2027, 3, 28))
        self.assertEqual(on_change_day, datetime(2027, 3, 28, 1, 30, tzinfo=UTC))

    def test_it_finds_the_days_a_time_does_not_exist(self) -> None:
        slot = Slot(weekday=6, at=time(2, 30), timezone="America/New_York")
        self.assertEqual(skipped_dates(slot, date(2027, 1, 1)), [date(2027, 3, 14)])
        self.assertEqual(skipped_dates(LONDON_SUNDAY_EVENING, date(2027, 1, 1)), [])

    def test_the_week_is_the_local_monday(self) -> None:
        occurrence = LONDON_SUNDAY_EVENING.occurrence_on_or_after(datetime(2027, 3, 20, tzinfo=UTC))
        self.assertEqual(LONDON_SUNDAY_EVENING.week_of(occurrence), date(2027, 3, 15))
        self.assertEqual(LONDON_SUNDAY_EVENING.describe(), "Sundays at 20:30")
