"""Signing up by e-mail: the same answer whether or not the address has an
account.

A new address gets a link to confirm it, and the account is made only when
the link is followed. An address that already has an account gets, instead,
a note on how to sign in or reset the password. Both paths do the same work
(hash the password, keep a request, send one e-mail), so neither the page
nor its timing says which it was. Asking again within a few minutes sends no
second e-mail, so the form cannot be used to flood someone's inbox.
"""

import smtplib
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from hearth.accounts.models import SignupRequest, User
from hearth.lib import emails, tokens
from hearth.lib.problems import Problem

LINK_LIFETIME = timedelta(days=3)
QUIET_FOR = timedelta(minutes=10)


class SignupProblem(Problem): ...


EXPIRED = SignupProblem(
    "This link has expired or was already used. You can sign up again: it only takes a minute.", 404
)
MAIL_DOWN = SignupProblem(
    "We couldn't send the e-mail just now. Nothing was lost: please try again in a few minutes.", 503
)
TAKEN = SignupProblem(
    "This address already has an account. Log in, or reset your password if you've forgotten it.", 409
)


def request_signup(details: dict[str, Any], next_url: str) -> None:
    """Keep the request and send the one e-mail that fits the address."""
    email = details["email"]
    key = tokens.new()
    with transaction.atomic():
        recent = SignupRequest.objects.filter(
            email=email, created_at__gte=timezone.now() - QUIET_FOR
        ).exists()
        request = SignupRequest.objects.create(
            email=email,
            display_name=details["display_name"],
            password=make_password(details["password"]),
            timezone=details["timezone"],
            country=details.get("country") or "",
            next=next_url,
            key_hash=tokens.digest(key),
        )
    if recent:
        return
    context = {"site_url": settings.SITE_URL, "lifetime_days": LINK_LIFETIME.days}
    try:
        if User.objects.filter(email=email).exists():
            emails.send("accounts/emails/signup_existing", email, context)
        else:
            context["link"] = settings.SITE_URL + reverse("signup_confirm", args=[key])
            emails.send("accounts/emails/signup_confirm", email, context)
    except (smtplib.SMTPException, OSError):
        # Nothing went out: the request must not hold back the next try.
        request.delete()
        raise MAIL_DOWN from None


def find(key: str) -> SignupRequest:
    """The request behind a link, or EXPIRED."""
    found = SignupRequest.objects.filter(
        key_hash=tokens.digest(key), created_at__gte=timezone.now() - LINK_LIFETIME
    ).first()
    if found is None:
        raise EXPIRED
    return found


def confirm(key: str) -> tuple[User, str]:
    """Make the account a link asked for; the user and where to go next."""
    with transaction.atomic():
        request = find(key)
        if User.objects.filter(email=request.email).exists():
            raise TAKEN
        user = User(
            email=request.email,
            display_name=request.display_name,
            password=request.password,
            timezone=request.timezone,
            country=request.country,
        )
        try:
            with transaction.atomic():
                user.save()
        except IntegrityError:
            raise TAKEN from None
        # Every other request for this address is spent with it.
        SignupRequest.objects.filter(email=request.email).delete()
    return user, request.next


def purge_expired(now: datetime) -> int:
    """The worker's housekeeping: requests nobody confirmed in time."""
    deleted, _ = SignupRequest.objects.filter(created_at__lt=now - LINK_LIFETIME).delete()
    return deleted
