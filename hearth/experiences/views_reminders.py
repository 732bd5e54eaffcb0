from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from hearth.experiences import reminders

TEMPLATE = "experiences/plan_reminders_off.html"


# The signature is the authority: it works signed out, and mail clients send
# the RFC 8058 one-click POST without a CSRF token.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def plan_reminders_off(request: HttpRequest, token: str) -> HttpResponse:
    user = reminders.user_for_off_token(token)
    if user is None:
        return render(request, TEMPLATE, {"state": "broken"}, status=404)
    if request.method == "POST":
        reminders.turn_off(user)
        return render(request, TEMPLATE, {"state": "off"})
    return render(request, TEMPLATE, {"state": "confirm"})
