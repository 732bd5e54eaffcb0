"""Forming and ending a couple: each rule in one plain function."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from hearth.accounts.models import User
from hearth.couples.access import active_membership
from hearth.couples.models import Couple, Invite, Membership
from hearth.lib.problems import Problem


class InviteProblem(Problem):
    """Why an invitation cannot be used, in words meant for the person holding it."""


ALREADY_IN_COUPLE = InviteProblem(
    "You're already sharing a couple space. To join a new one, leave the current one first (in Settings).",
    409,
)


def create_invite(user: User) -> Invite:
    """A fresh invitation; any earlier open one from the same person is withdrawn."""
    if active_membership(user) is not None:
        raise ALREADY_IN_COUPLE
    with transaction.atomic():
        Invite.objects.filter(inviter=user, used_at__isnull=True, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        return Invite.objects.create(inviter=user)


def open_invite(user: User) -> Invite | None:
    return (
        Invite.objects.filter(
            inviter=user, used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )
        .order_by("-created_at")
        .first()
    )


def revoke_invite(invite: Invite) -> None:
    if invite.used_at is None and invite.revoked_at is None:
        invite.revoked_at = timezone.now()
        invite.save(update_fields=["revoked_at"])


def check_invite(invite: Invite, user: User | None) -> None:
    """Raise InviteProblem when `user` (or anyone, if None) may not accept `invite`."""
    if invite.revoked_at is not None:
        raise InviteProblem("This invitation was withdrawn. Ask your partner to send a new one.", 410)
    if invite.used_at is not None:
        raise InviteProblem("This invitation has already been used. Ask your partner to send a new one.", 410)
    if invite.expires_at <= timezone.now():
        raise InviteProblem(
            "This invitation has expired (they last 7 days). Ask your partner to send a new one.", 410
        )
    if active_membership(invite.inviter) is not None:
        raise InviteProblem("This invitation can no longer be used.", 410)
    if user is None:
        return
    if user.pk == invite.inviter_id:
        raise InviteProblem("This is your own invitation. Send the link or the code to your partner.", 400)
    if active_membership(user) is not None:
        raise ALREADY_IN_COUPLE


def accept_invite(invite_id: int, user: User) -> Couple:
    """Link the inviter and `user` as a couple; the invitation is spent."""
    try:
        with transaction.atomic():
            invite = Invite.objects.select_for_update().select_related("inviter").get(pk=invite_id)
            check_invite(invite, user)
            now = timezone.now()
            couple = Couple.objects.create(created_at=now)
            Membership.objects.bulk_create(
                [
                    Membership(couple=couple, user=invite.inviter, joined_at=now),
                    Membership(couple=couple, user=user, joined_at=now),
                ]
            )
            invite.used_at = now
            invite.save(update_fields=["used_at"])
            Invite.objects.filter(
                inviter__in=[invite.inviter, user], used_at__isnull=True, revoked_at__isnull=True
            ).update(revoked_at=now)
            return couple
    except IntegrityError:
        # Lost a race with another acceptance: one of the two is now in a couple.
        raise InviteProblem("This invitation can no longer be used.", 409) from None


def leave_couple(user: User) -> bool:
    """End the user's couple at once, for both partners. False if there was none.

    From this moment the access layer shares nothing between the two; each
    keeps what they wrote themselves.
    """
    with transaction.atomic():
        membership = Membership.objects.select_for_update().filter(user=user, ended_at__isnull=True).first()
        if membership is None:
            return False
        now = timezone.now()
        Couple.objects.filter(pk=membership.couple_id).update(closed_at=now)
        Membership.objects.filter(couple_id=membership.couple_id, ended_at__isnull=True).update(ended_at=now)
        Invite.objects.filter(inviter=user, used_at__isnull=True, revoked_at__isnull=True).update(
            revoked_at=now
        )
    return True
