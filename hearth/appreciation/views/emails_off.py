from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from hearth.appreciation import notifications
from hearth.worker.models import OutgoingEmail

TEMPLATE = "appreciation/emails_off.html"


def _off(request: HttpRequest, token: str, kind: OutgoingEmail.Kind) -> HttpResponse:
    user = notifications.user_for_off_token(token, kind)
    context: dict[str, object] = {"kind": kind.value}
    if user is None:
        return render(request, TEMPLATE, {**context, "state": "broken"}, status=404)
    if request.method == "POST":
        notifications.turn_off(user, kind)
        return render(request, TEMPLATE, {**context, "state": "off"})
    return render(request, TEMPLATE, {**context, "state": "confirm"})


# The signed token is the authority, not a session: the link works signed out,
# and mail clients send the RFC 8058 one-click POST without a CSRF token. A GET
# (a mail scanner following links) only asks.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def note_emails_off(request: HttpRequest, token: str) -> HttpResponse:
    return _off(request, token, notifications.NOTE_WAITING)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def nudge_off(request: HttpRequest, token: str) -> HttpResponse:
    return _off(request, token, notifications.NOTICE_NUDGE)
