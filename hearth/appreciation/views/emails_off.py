from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from hearth.accounts.models import User
from hearth.appreciation import notifications
from hearth.lib.unsubscribe import OffPage, one_click_off

BROKEN = (
    "It may have been cut short when it was copied. "
    "You can turn these e-mails off in Hearth, under appreciation e-mails."
)
PAGES = {
    notifications.NOTE_WAITING: OffPage(
        title="Appreciation e-mails",
        confirm_heading="Stop e-mails when a note arrives?",
        confirm_text=(
            "Hearth will stop e-mailing you when something is waiting in your jar. Nothing else changes."
        ),
        button="Turn it off",
        keep="Keep it",
        done_heading="Note e-mails are off",
        done_text=(
            "Hearth won't e-mail you when a note arrives. You can turn this back on in Hearth any time."
        ),
        broken_text=BROKEN,
    ),
    notifications.NOTICE_NUDGE: OffPage(
        title="Appreciation e-mails",
        confirm_heading="Turn off the daily nudge?",
        confirm_text="Hearth will stop the daily e-mail asking what you noticed. Nothing else changes.",
        button="Turn it off",
        keep="Keep it",
        done_heading="The daily nudge is off",
        done_text="Hearth won't send you the daily nudge. You can turn it back on in Hearth any time.",
        broken_text=BROKEN,
    ),
}


def _off(request: HttpRequest, token: str, kind: str) -> HttpResponse:
    def turn_off(user: User) -> None:
        notifications.turn_off(user, kind)

    return one_click_off(request, notifications.user_for_off_token(token, kind), turn_off, PAGES[kind])


@csrf_exempt  # signed link, one-click POST from mail clients: see hearth.lib.unsubscribe
@require_http_methods(["GET", "POST"])
def note_emails_off(request: HttpRequest, token: str) -> HttpResponse:
    return _off(request, token, notifications.NOTE_WAITING)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def nudge_off(request: HttpRequest, token: str) -> HttpResponse:
    return _off(request, token, notifications.NOTICE_NUDGE)
