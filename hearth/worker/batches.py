"""Handling due rows a batch at a time: the shape of every job that runs on
each worker pass.

A job reads up to BATCH due row ids from an indexed column, then claims each
with a conditional update; a pass costs what is due, not what exists.
"""

import random
from collections.abc import Callable

from hearth.worker import shutdown

BATCH = 500


def in_batches[T](due: Callable[[], list[T]], handle: Callable[[T], bool]) -> int:
    """Handle due rows a batch at a time until none is left, or until the
    worker is asked to stop (after the row in hand). Returns how many this
    worker handled."""
    handled = 0
    while not shutdown.requested():
        batch = due()
        # Workers that read the same batch spread out instead of queueing
        # behind one another's row locks.
        random.shuffle(batch)
        for row in batch:
            if shutdown.requested():
                break
            if handle(row):
                handled += 1
        if len(batch) < BATCH:
            break
    return handled
