"""A stop request that long jobs look at between rows, so SIGTERM lets the
worker finish the row in hand and then exit instead of finishing the pass."""

import threading

_requested = threading.Event()


def request() -> None:
    _requested.set()


def requested() -> bool:
    return _requested.is_set()


def clear() -> None:
    _requested.clear()
