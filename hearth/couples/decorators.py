from collections.abc import Callable
from functools import wraps
from typing import Concatenate, cast

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from hearth.accounts.decorators import AuthenticatedRequest, privacy_required
from hearth.accounts.models import User
from hearth.couples.access import active_couple, partner_in
from hearth.couples.models import Couple


class CoupleRequest(AuthenticatedRequest):
    couple: Couple
    partner: User


type CoupleView[**P] = Callable[Concatenate[CoupleRequest, P], HttpResponse]


def _in_a_couple[**P](
    view: CoupleView[P], outside: Callable[[AuthenticatedRequest], HttpResponse]
) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """Signed in, past the privacy notice, and in an active couple: sets
    request.couple and request.partner; anyone else gets `outside`."""

    @wraps(view)
    def wrapper(request: AuthenticatedRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        couple = active_couple(request.user)
        partner = partner_in(couple, request.user) if couple else None
        if couple is None or partner is None:
            return outside(request)
        couple_request = cast(CoupleRequest, request)
        couple_request.couple, couple_request.partner = couple, partner
        return view(couple_request, *args, **kwargs)

    return privacy_required(wrapper)  # type: ignore[arg-type]


def _home_with_a_word(request: AuthenticatedRequest) -> HttpResponse:
    messages.info(request, "This part of Hearth opens once you and your partner are linked.")
    return redirect("home")


def _not_found(request: AuthenticatedRequest) -> HttpResponse:
    raise Http404("Not in a couple")


def couple_required[**P](view: CoupleView[P]) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """For a couple's pages; anyone not in one is sent home with a word."""
    return _in_a_couple(view, _home_with_a_word)


def couple_or_404[**P](view: CoupleView[P]) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """For pages that exist only for a couple (a closed couple shares
    nothing): anyone not in one gets 404."""
    return _in_a_couple(view, _not_found)
