from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The address a request came from.

    Behind a reverse proxy (TRUSTED_PROXY=true) that is the last address the
    proxy appended to X-Forwarded-For; otherwise the socket's peer. A client
    cannot forge either one.
    """
    if settings.TRUSTED_PROXY:
        forwarded: str = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if hops := [hop.strip() for hop in forwarded.split(",") if hop.strip()]:
            return hops[-1]
    return str(request.META.get("REMOTE_ADDR", ""))
