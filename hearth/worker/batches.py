"""Handling due rows a batch at a time: the shape of every job that runs on
each worker pass.

A job reads up to BATCH due row ids from an indexed column, then claims each
with a conditional update; a pass costs what is due, not what exists.

One row that fails never stops the rest: its exception is logged (the job,
the row id and the exception's class, never any text), the row is tried
again after a pause that doubles each time, and after MAX_TRIES it is parked
(`RowFailure`) until someone looks at it.
"""

import logging
import random
from collections.abc import Callable
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from hearth.worker import shutdown
from hearth.worker.models import RowFailure

BATCH = 500
MAX_TRIES = 5
FIRST_PAUSE = timedelta(minutes=1)

log = logging.getLogger(__name__)


def in_batches[T](
    job: str,
    due: Callable[[], list[T]],
    handle: Callable[[T], bool],
    stops: tuple[type[Exception], ...] = (),
) -> int:
    """Handle due rows a batch at a time until none is left, or until the
    worker is asked to stop (after the row in hand). Returns how many this
    worker handled. An exception in `stops` is not the row's fault (the mail
    server is down): it ends the job's pass and reaches the caller."""
    handled = 0
    seen: set[int] = set()
    while not shutdown.requested():
        batch = due()
        ids = {_id(row) for row in batch}
        if ids <= seen:
            break  # only rows that failed or wait for a retry are left
        held = set(
            RowFailure.objects.filter(
                Q(parked=True) | Q(retry_at__gt=timezone.now()), job=job, row__in=ids
            ).values_list("row", flat=True)
        )
        # Workers that read the same batch spread out instead of queueing
        # behind one another's row locks.
        random.shuffle(batch)
        for row in batch:
            if shutdown.requested():
                break
            key = _id(row)
            if key in seen or key in held:
                continue
            seen.add(key)
            if _try(job, key, handle, row, stops):
                handled += 1
        if len(batch) < BATCH:
            break
    return handled


def _id(row: object) -> int:
    """A row is its primary key, or a model instance."""
    key = getattr(row, "pk", row)
    assert isinstance(key, int)
    return key


def _try[T](
    job: str, key: int, handle: Callable[[T], bool], row: T, stops: tuple[type[Exception], ...]
) -> bool:
    try:
        done = handle(row)
    except stops:
        raise
    except Exception as error:
        _failed(job, key, type(error).__name__)
        return False
    RowFailure.objects.filter(job=job, row=key).delete()
    return done


def _failed(job: str, key: int, error: str) -> None:
    failure, _ = RowFailure.objects.get_or_create(
        job=job, row=key, defaults={"retry_at": timezone.now(), "error": error}
    )
    failure.tries += 1
    failure.error = error
    failure.parked = failure.tries >= MAX_TRIES
    failure.retry_at = timezone.now() + FIRST_PAUSE * 2 ** (failure.tries - 1)
    failure.save()
    if failure.parked:
        log.error("job %s: row %d parked after %d tries (%s)", job, key, failure.tries, error)
    else:
        log.warning("job %s: row %d failed (%s), try %d of %d", job, key, error, failure.tries, MAX_TRIES)
