from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from hearth.accounts.models import User
from hearth.checkup import notifications
from hearth.couples.decorators import CoupleRequest, couple_or_404
from hearth.lib.unsubscribe import OffPage, one_click_off

OFF_PAGE = OffPage(
    title="Check-up e-mails",
    confirm_heading="Stop e-mails when the next check-up is ready?",
    confirm_text="Hearth will stop e-mailing you when a new check-up is ready. Nothing else changes.",
    button="Turn it off",
    keep="Keep it",
    done_heading="Check-up e-mails are off",
    done_text=(
        "Hearth won't e-mail you about the next check-up. You can turn this back on in Hearth any time."
    ),
    broken_text=(
        "It may have been cut short when it was copied. "
        "You can turn these e-mails off on the check-up page in Hearth."
    ),
)


@couple_or_404
@require_POST
def choose(request: CoupleRequest) -> HttpResponse:
    """ "E-mail me when the next check-up is ready": a checkbox, off by default."""
    enabled = request.POST.get("email_me") == "on"
    notifications.save_choice(request.user, enabled, timezone.now())
    if enabled:
        messages.success(request, "Hearth will e-mail you when the next check-up is ready.")
    else:
        messages.success(request, "Hearth won't e-mail you about the next check-up.")
    return redirect("checkup")


@csrf_exempt  # signed link, one-click POST from mail clients: see hearth.lib.unsubscribe
@require_http_methods(["GET", "POST"])
def off(request: HttpRequest, token: str) -> HttpResponse:
    def turn_off(user: User) -> None:
        notifications.turn_off(user)

    return one_click_off(request, notifications.user_for_off_token(token), turn_off, OFF_PAGE)
