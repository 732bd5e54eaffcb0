"""Weekly slots in a couple's own timezone, and the UTC moments they fall on.

A slot is "Sunday at 20:30 in Europe/London". Its occurrences are computed in
local time and only then turned into UTC, so a check-in stays at 20:30 on
both sides of a clock change.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True)
class Slot:
    weekday: int  # 0 = Monday, as date.weekday()
    at: time
    timezone: str

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def local(self, day: date) -> datetime:
        """This slot on `day`, as an aware local datetime. A time skipped by a
        clock change moves forward by the gap, like the wall clock does."""
        naive = datetime.combine(day, self.at)
        aware = naive.replace(tzinfo=self.zone)
        round_trip = aware.astimezone(UTC).astimezone(self.zone)
        if round_trip.replace(tzinfo=None) != naive:
            # Inside a gap: fold=0 is interpreted with the offset before the
            # change, which lands after it once normalised.
            return round_trip
        return aware

    def occurrence_on_or_after(self, moment: datetime) -> datetime:
        """The first occurrence at or after `moment`, in UTC."""
        local_now = moment.astimezone(self.zone)
        day = local_now.date() + timedelta(days=(self.weekday - local_now.weekday()) % 7)
        candidate = self.local(day)
        if candidate < moment:
            candidate = self.local(day + timedelta(days=7))
        return candidate.astimezone(UTC)

    def occurrence_after(self, moment: datetime) -> datetime:
        """The first occurrence strictly after `moment`, in UTC."""
        return self.occurrence_on_or_after(moment + timedelta(microseconds=1))

    def week_of(self, occurrence: datetime) -> date:
        """The Monday (local) of the week an occurrence falls in: a check-in's week."""
        local_day = occurrence.astimezone(self.zone).date()
        return local_day - timedelta(days=local_day.weekday())

    def describe(self) -> str:
        return f"{WEEKDAYS[self.weekday]}s at {self.at.strftime('%H:%M')}"


def skipped_dates(slot: Slot, start: date, weeks: int = 53) -> list[date]:
    """The slot's days in the coming year on which its time does not exist
    (the hour the clocks jump over)."""
    zone = slot.zone
    first = start + timedelta(days=(slot.weekday - start.weekday()) % 7)
    missing = []
    for week in range(weeks):
        day = first + timedelta(weeks=week)
        naive = datetime.combine(day, slot.at)
        if naive.replace(tzinfo=zone).astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
            missing.append(day)
    return missing
