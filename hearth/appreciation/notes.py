"""Writing, sending and answering appreciation notes, and the jar."""

from datetime import date, timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from hearth.accounts.models import User
from hearth.appreciation.models import Note
from hearth.appreciation.notifications import notify_note_sent
from hearth.couples.access import active_couple, partner_in
from hearth.couples.models import Couple
from hearth.lib.problems import Problem
from hearth.safety import screening


class NoteProblem(Problem): ...


NO_PARTNER = "Notes go to your partner in your couple space, and there isn't one open now."


@transaction.atomic
def write(author: User, text: str, *, send: bool, draft: Note | None = None) -> Note:
    """Save a draft, or send: a sent note is in the partner's jar at once."""
    couple = active_couple(author)
    partner = partner_in(couple, author) if couple else None
    if draft is not None and draft.sent_at is not None:
        raise NoteProblem("This note has already been sent.")
    if draft is not None and (couple is None or draft.couple_id != couple.pk):
        raise NoteProblem(
            "This draft was written in a couple space that has closed. It stays here, with you."
        )
    if couple is None or partner is None:
        raise NoteProblem(NO_PARTNER)
    note = draft or Note(author=author, couple=couple, recipient=partner)
    note.text = text
    if send:
        note.sent_at = timezone.now()
    note.save()
    notify_note_sent(note)
    if send:
        screening.screen_sent(author.pk, text)
    return note


def jar(user: User, couple: Couple | None = None) -> QuerySet[Note]:
    """Notes the partner sent to `user` in the couple they share now. When a
    partner leaves, what they wrote leaves with them."""
    couple = couple or active_couple(user)
    if couple is None or not couple.is_active:
        return Note.objects.none()
    return Note.objects.filter(recipient=user, couple=couple, sent_at__isnull=False).order_by(
        "-sent_at", "-pk"
    )


def written(user: User) -> QuerySet[Note]:
    """Everything `user` wrote, sent or not, in any couple: theirs to keep."""
    return Note.objects.filter(author=user).select_related("couple").order_by("-created_at", "-pk")


def reply(note: Note, user: User, text: str) -> None:
    if note.recipient_id != user.pk or not jar(user).filter(pk=note.pk).exists():
        raise NoteProblem("You can only answer notes in your own jar.")
    note.reply = text
    note.save(update_fields=["reply"])
    screening.screen_sent(user.pk, text)


def from_the_jar(user: User, couple: Couple, today: date) -> Note | None:
    """One note at least a week old, a different one each day, for the home
    page. Two queries however full the jar is."""
    older = jar(user, couple).filter(sent_at__lt=timezone.now() - timedelta(days=7))
    count = older.count()
    if count == 0:
        return None
    return older[today.toordinal() % count]
