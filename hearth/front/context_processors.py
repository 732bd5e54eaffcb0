from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse


def site(request: HttpRequest) -> dict[str, Any]:
    return {"site_name": settings.SITE_NAME, "quick_exit_url": quick_exit_url(request)}


def quick_exit_url(request: HttpRequest) -> str:
    """Through Hearth, to sign out on the way, for a signed-in person who
    wants that (the default); otherwise straight to the neutral page."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.quick_exit_signs_out:
        return reverse("quick_exit")
    return QUICK_EXIT_URL


# A neutral page with nothing about relationships on it.
QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"
