import zoneinfo
from functools import cache


@cache
def timezone_names() -> frozenset[str]:
    """The IANA timezone names this machine knows, such as "Europe/Paris"."""
    return frozenset(zoneinfo.available_timezones())


def is_timezone(name: str) -> bool:
    return name in timezone_names()
