"""The one-click "turn these e-mails off" page every content-free e-mail links to.

The signed token is the authority, not a session: the link works signed out,
and mail clients send the RFC 8058 one-click POST without a CSRF token (so
each view using this is csrf_exempt). A GET, which a mail scanner may make,
only asks.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hearth.accounts.models import User


@dataclass(frozen=True)
class OffLink:
    """The signed part of one kind of off link: a person's id under that
    kind's salt, so a link for one kind never turns off another. It does not
    expire: a link in an old e-mail should still work."""

    salt: str

    def token(self, user_id: int) -> str:
        return signing.Signer(salt=self.salt).sign(str(user_id))

    def user(self, token: str) -> User | None:
        """The person a token was made for, or None for a forged, cut or stale one."""
        try:
            user_id = int(signing.Signer(salt=self.salt).unsign(token))
        except (signing.BadSignature, ValueError):
            return None
        return User.objects.filter(pk=user_id).first()


@dataclass(frozen=True)
class OffPage:
    title: str  # the browser tab
    confirm_heading: str
    confirm_text: str
    button: str
    keep: str
    done_heading: str
    done_text: str
    broken_text: str


def one_click_off(
    request: HttpRequest, user: User | None, turn_off: Callable[[User], None], page: OffPage
) -> HttpResponse:
    if user is None:
        return render(request, "emails_off.html", {"page": page, "state": "broken"}, status=404)
    if request.method == "POST":
        turn_off(user)
        return render(request, "emails_off.html", {"page": page, "state": "off"})
    return render(request, "emails_off.html", {"page": page, "state": "confirm"})
