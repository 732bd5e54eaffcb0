from collections.abc import Callable
from functools import wraps
from typing import Concatenate, cast

from django.http import Http404, HttpRequest, HttpResponse

from hearth.accounts.decorators import AuthenticatedRequest, privacy_required
from hearth.couples.access import active_couple, partner_in
from hearth.couples.decorators import CoupleRequest


def couple_or_404[**P](
    view: Callable[Concatenate[CoupleRequest, P], HttpResponse],
) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """Like `couple_required`, but someone outside an active couple gets 404:
    these pages exist only for a couple, and a closed couple shares nothing."""

    @wraps(view)
    def wrapper(request: AuthenticatedRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        couple = active_couple(request.user)
        partner = partner_in(couple, request.user) if couple else None
        if couple is None or partner is None:
            raise Http404("Not in a couple")
        couple_request = cast(CoupleRequest, request)
        couple_request.couple, couple_request.partner = couple, partner
        return view(couple_request, *args, **kwargs)

    return privacy_required(wrapper)  # type: ignore[arg-type]
