from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from hearth.experiences import reminders
from hearth.lib.unsubscribe import OffPage, one_click_off

PAGE = OffPage(
    title="Plan reminders",
    confirm_heading="Turn off plan reminders?",
    confirm_text="No more reminders before the dates you plan. Your partner's stay as they are.",
    button="Turn them off",
    keep="Keep them",
    done_heading="Plan reminders are off",
    done_text="They come back when you plan something and ask for a reminder yourself.",
    broken_text="It may be incomplete. You can change reminders when you plan something in Hearth.",
)


@csrf_exempt  # signed link, one-click POST from mail clients: see hearth.lib.unsubscribe
@require_http_methods(["GET", "POST"])
def plan_reminders_off(request: HttpRequest, token: str) -> HttpResponse:
    return one_click_off(request, reminders.user_for_off_token(token), reminders.turn_off, PAGE)
