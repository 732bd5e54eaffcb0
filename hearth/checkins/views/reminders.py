from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from hearth.checkins import reminders
from hearth.lib.unsubscribe import OffPage, one_click_off

PAGE = OffPage(
    title="Check-in reminders",
    confirm_heading="Turn off check-in reminders?",
    confirm_text="Hearth will stop sending you e-mails about your weekly check-in. Nothing else changes.",
    button="Turn reminders off",
    keep="Keep them",
    done_heading="Reminders are off",
    done_text="Reminders are off. You can turn them back on in Hearth any time.",
    broken_text="It may have been cut short when it was copied. "
    "You can turn reminders off in Hearth, on the check-in schedule page.",
)


@csrf_exempt  # signed link, one-click POST from mail clients: see hearth.lib.unsubscribe
@require_http_methods(["GET", "POST"])
def reminders_off(request: HttpRequest, token: str) -> HttpResponse:
    return one_click_off(request, reminders.user_for_off_token(token), reminders.turn_off, PAGE)
