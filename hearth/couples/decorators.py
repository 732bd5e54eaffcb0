from collections.abc import Callable
from functools import wraps
from typing import Concatenate, cast

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from hearth.accounts.decorators import AuthenticatedRequest, privacy_required
from hearth.accounts.models import User
from hearth.couples.access import active_couple, partner_in
from hearth.couples.models import Couple


class CoupleRequest(AuthenticatedRequest):
    couple: Couple
    partner: User


def couple_required[**P](
    view: Callable[Concatenate[CoupleRequest, P], HttpResponse],
) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """Signed in, past the privacy notice, and in an active couple: sets
    request.couple and request.partner."""

    @wraps(view)
    def wrapper(request: AuthenticatedRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        couple = active_couple(request.user)
        partner = partner_in(couple, request.user) if couple else None
        if couple is None or partner is None:
            messages.info(request, "This part of Hearth opens once you and your partner are linked.")
            return redirect("home")
        couple_request = cast(CoupleRequest, request)
        couple_request.couple, couple_request.partner = couple, partner
        return view(couple_request, *args, **kwargs)

    return privacy_required(wrapper)  # type: ignore[arg-type]
