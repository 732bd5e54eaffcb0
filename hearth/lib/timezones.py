import zoneinfo
from datetime import UTC, date, datetime, time, timedelta
from functools import cache


@cache
def timezone_names() -> frozenset[str]:
    """The IANA timezone names this machine knows, such as "Europe/Paris"."""
    return frozenset(zoneinfo.available_timezones())


def is_timezone(name: str) -> bool:
    return name in timezone_names()


def zone_or_utc(name: str) -> zoneinfo.ZoneInfo:
    """The named zone, or UTC for a name this machine does not know."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def local_moment(day: date, at: time, zone: zoneinfo.ZoneInfo) -> datetime:
    """`at` on `day` in `zone`, in UTC. fold=0 reads a skipped time with the
    offset from before the change (so it lands after the gap) and a repeated
    time as its first occurrence."""
    return datetime.combine(day, at).replace(tzinfo=zone).astimezone(UTC)


def next_clock_time(at: time, zone_name: str, after: datetime, *, or_equal: bool = False) -> datetime:
    """The first moment after `after` (or at it, with `or_equal`) when the
    clock reads `at` in the named zone, in UTC. Worked out in local time, so
    it stays at the same hour across a clock change."""
    zone = zone_or_utc(zone_name)
    day = after.astimezone(zone).date()
    candidate = local_moment(day, at, zone)
    if candidate < after or (candidate == after and not or_equal):
        candidate = local_moment(day + timedelta(days=1), at, zone)
    return candidate
