from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    return {"site_name": settings.SITE_NAME, "quick_exit_url": QUICK_EXIT_URL}


# A neutral page with nothing about relationships on it.
QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"
