"""Who is in a couple with whom: the one place that answers it.

Every view that shows one partner's things to the other asks here first. A
closed couple shares nothing any more: from the moment either partner leaves,
each sees only what they wrote themselves.
"""

from hearth.accounts.models import User
from hearth.couples.models import Couple, Membership


def active_membership(user: User) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.select_related("couple").filter(user=user, ended_at__isnull=True).first()


def active_couple(user: User) -> Couple | None:
    membership = active_membership(user)
    return membership.couple if membership else None


def partner_in(couple: Couple, user: User) -> User | None:
    """The other member of `couple`, while it is active."""
    if not couple.is_active:
        return None
    other = couple.memberships.select_related("user").exclude(user=user).filter(ended_at__isnull=True).first()
    return other.user if other else None


def partner_of(user: User) -> User | None:
    """The person `user` shares an active couple with, if any."""
    couple = active_couple(user)
    return partner_in(couple, user) if couple else None


def words_shared(couple: Couple) -> bool:
    """Whether what one partner wrote in `couple` may be shown to the other.
    Only while it is active: after either leaves, each keeps only their own
    words, in both directions (a note's reply, an apology's answer)."""
    return couple.is_active


def last_couple_closed(user: User) -> bool:
    """True when the user's most recent couple space has closed and no new one
    has started: the home page then shows a neutral notice."""
    latest = Membership.objects.filter(user=user).order_by("-joined_at", "-pk").first()
    return latest is not None and latest.ended_at is not None
