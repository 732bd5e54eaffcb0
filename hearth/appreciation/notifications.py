"""The two appreciation e-mails, both opt-in and both without content.

- "Something is waiting for you in Hearth" when the partner sends a note: at
  most one waiting in the outbox per person, so several notes in a row make
  one e-mail. Queued in the transaction that sends the note.
- A daily nudge to notice what the partner does right, at the time each
  person chose, in their own timezone. The worker claims a due row by moving
  `nudge_next_at` to the next day with a conditional update and queues the
  e-mail in the same transaction, so any number of workers send it once.

Neither says who, what, or how many: no names, no note text. Each carries a
signed one-click link that turns off that kind only.
"""

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse

from hearth.accounts.models import User
from hearth.appreciation.models import AppreciationPrefs, Note
from hearth.core.registry import EmailKind
from hearth.couples.access import active_couple
from hearth.lib.timezones import local_moment, next_clock_time, zone_or_utc
from hearth.lib.unsubscribe import OffLink
from hearth.worker import outbox
from hearth.worker.batches import BATCH, in_batches
from hearth.worker.models import OutgoingEmail

NOTE_WAITING = "note_waiting"
NOTICE_NUDGE = "notice_nudge"
# A nudge found this late (the worker was down) is skipped, not sent at an
# hour nobody chose; the next one is tomorrow.
NUDGE_LATE_BY = timedelta(hours=2)

# Each kind has its own off link, signed for that kind only.
OFF_URL_NAMES = {NOTE_WAITING: "appreciation_note_emails_off", NOTICE_NUDGE: "appreciation_nudge_off"}


def prefs_of(user: User) -> AppreciationPrefs:
    """The person's preferences, or the defaults (all off) if never saved."""
    return AppreciationPrefs.objects.filter(user=user).first() or AppreciationPrefs(user=user)


def save_prefs(
    user: User, *, email_on_note: bool, nudge_enabled: bool, nudge_time: time, now: datetime
) -> None:
    """Store what the person chose; the next nudge is due at their chosen
    time, today if it is still to come. Turning a kind off drops any of it
    still waiting in the outbox."""
    with transaction.atomic():
        AppreciationPrefs.objects.update_or_create(
            user=user,
            defaults={
                "email_on_note": email_on_note,
                "nudge_enabled": nudge_enabled,
                "nudge_time": nudge_time,
                "nudge_next_at": next_nudge_at(nudge_time, user.timezone, now) if nudge_enabled else None,
            },
        )
        dropped = [
            kind for kind, on in ((NOTE_WAITING, email_on_note), (NOTICE_NUDGE, nudge_enabled)) if not on
        ]
        if dropped:
            _unsent(user.pk, *dropped).delete()


# "Something is waiting"


def notify_note_sent(note: Note) -> bool:
    """Queue "Something is waiting" for the recipient of a note just sent, if
    they asked for it and none is waiting already. Call it in the transaction
    that sends the note. True when an e-mail was queued."""
    if note.sent_at is None:
        return False
    with transaction.atomic():
        # Locking the recipient's row makes two notes sent at once queue one e-mail.
        prefs = (
            AppreciationPrefs.objects.select_for_update()
            .select_related("user")
            .filter(user_id=note.recipient_id, email_on_note=True)
            .first()
        )
        if prefs is None or not _in_couple(prefs.user, note.couple_id):
            return False
        if _unsent(note.recipient_id, NOTE_WAITING).exists():
            return False
        OutgoingEmail.objects.create(recipient_id=note.recipient_id, kind=NOTE_WAITING)
        return True


# The daily nudge


def send_due_notice_nudges(now: datetime) -> int:
    def due() -> list[int]:
        rows = AppreciationPrefs.objects.filter(nudge_next_at__lte=now).order_by("nudge_next_at")
        return list(rows.values_list("pk", flat=True)[:BATCH])

    return in_batches("send_due_notice_nudges", due, lambda pk: _nudge(pk, now))


def _nudge(pk: int, now: datetime) -> bool:
    with transaction.atomic():
        prefs = AppreciationPrefs.objects.select_related("user").filter(pk=pk, nudge_next_at__lte=now).first()
        if prefs is None or prefs.nudge_next_at is None:
            return False  # another worker moved it on
        due_at = prefs.nudge_next_at
        claim = AppreciationPrefs.objects.filter(pk=pk, nudge_next_at=due_at)
        if not prefs.nudge_enabled:
            return claim.update(nudge_next_at=None) == 1
        if claim.update(nudge_next_at=next_nudge_at(prefs.nudge_time, prefs.user.timezone, now)) != 1:
            return False
        # Out of a couple, found too late, or already nudged today (the time
        # was changed after today's): skipped, and on to tomorrow.
        if (
            _in_couple(prefs.user)
            and now - due_at <= NUDGE_LATE_BY
            and not _nudged_on(prefs.user, now.astimezone(zone_or_utc(prefs.user.timezone)).date())
        ):
            OutgoingEmail.objects.create(recipient_id=prefs.user_id, kind=NOTICE_NUDGE, created_at=now)
        return True


def next_nudge_at(at: time, timezone: str, after: datetime) -> datetime:
    """The first moment strictly after `after` when the clock reads `at` in
    `timezone`, in UTC: the same hour across a clock change; a time the
    clocks jump over moves forward by the gap, and a time they pass twice
    counts once (the first)."""
    return next_clock_time(at, timezone, after)


def _nudged_on(user: User, day: date) -> bool:
    zone = zone_or_utc(user.timezone)
    start, end = local_moment(day, time(0), zone), local_moment(day + timedelta(days=1), time(0), zone)
    return OutgoingEmail.objects.filter(
        recipient=user, kind=NOTICE_NUDGE, created_at__gte=start, created_at__lt=end
    ).exists()


# Shared


def _in_couple(user: User, couple_id: int | None = None) -> bool:
    """In an active couple (that one, if given): these e-mails are about a partner."""
    couple = active_couple(user) if user.is_active else None
    return couple is not None and couple.is_active and couple_id in (None, couple.pk)


def _unsent(user_id: int, *kinds: str) -> QuerySet[OutgoingEmail]:
    return OutgoingEmail.objects.filter(outbox.pending(), recipient_id=user_id, kind__in=kinds)


# One-click off links


def _off_link(kind: str) -> OffLink:
    return OffLink(f"hearth.appreciation.emails.off.{kind}")


def off_token(user_id: int, kind: str) -> str:
    """The signed part of a link that turns off one kind."""
    return _off_link(kind).token(user_id)


def user_for_off_token(token: str, kind: str) -> User | None:
    return _off_link(kind).user(token)


def turn_off(user: User, kind: str) -> None:
    """That kind only, including any of it still waiting in the outbox."""
    fields: dict[str, object] = (
        {"email_on_note": False} if kind == NOTE_WAITING else {"nudge_enabled": False, "nudge_next_at": None}
    )
    with transaction.atomic():
        AppreciationPrefs.objects.update_or_create(user=user, defaults=fields)
        _unsent(user.pk, kind).delete()


def off_url(user_id: int, kind: str) -> str:
    return settings.SITE_URL + reverse(OFF_URL_NAMES[kind], args=[off_token(user_id, kind)])


def _note_waiting_links() -> dict[str, str]:
    return {"open_url": settings.SITE_URL + reverse("appreciation_jar")}


def _nudge_links() -> dict[str, str]:
    return {"open_url": settings.SITE_URL + reverse("appreciation_write")}


def _still_wants(field: str) -> Callable[[User], bool]:
    """At delivery: still asked for it, and still in a couple. After leaving,
    nothing about the former partner arrives, not even that something did."""

    def wanted(user: User) -> bool:
        return _in_couple(user) and AppreciationPrefs.objects.filter(user=user, **{field: True}).exists()

    return wanted


def _note_waiting_off_url(user_id: int) -> str:
    return off_url(user_id, NOTE_WAITING)


def _nudge_off_url(user_id: int) -> str:
    return off_url(user_id, NOTICE_NUDGE)


# What the outbox needs to send this module's two kinds (see plugin.py).
EMAIL_KINDS = [
    EmailKind(
        NOTE_WAITING,
        template="appreciation/emails/note_waiting",
        off_url=_note_waiting_off_url,
        links=_note_waiting_links,
        wanted=_still_wants("email_on_note"),
    ),
    EmailKind(
        NOTICE_NUDGE,
        template="appreciation/emails/notice_nudge",
        off_url=_nudge_off_url,
        links=_nudge_links,
        wanted=_still_wants("nudge_enabled"),
    ),
]
