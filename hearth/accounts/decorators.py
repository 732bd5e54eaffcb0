from collections.abc import Callable
from functools import wraps
from typing import Concatenate

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from hearth.accounts.models import User


class AuthenticatedRequest(HttpRequest):
    user: User


type View[**P] = Callable[Concatenate[AuthenticatedRequest, P], HttpResponse]


def privacy_required[**P](view: View[P]) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """Signed in, and has read the privacy notice: the gate before any
    question about the relationship."""

    @login_required
    @wraps(view)
    def wrapper(request: AuthenticatedRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        if not request.user.has_accepted_privacy:
            return redirect(f"{reverse('privacy')}?{urlencode({'next': request.get_full_path()})}")
        return view(request, *args, **kwargs)

    return wrapper  # type: ignore[return-value]
