"""`/coach/`: what the coach says about the text being written.

Asked by htmx from a coached text box with the box's form; answers with the
coach's note for that box (or nothing). The text is read, analysed in memory
and forgotten: it is not stored, logged or sent anywhere, and typing leaves
no trace (what is sent is screened again by `safety.screening`).

- A risk: no coaching; the writer alone gets help for their country
  (`help.html`). When the writer is the one threatening or controlling, the
  help is for them: what their words could do, and lines for people who want
  to change how they act, never "it isn't your fault".
- A horseman: the marked words, why, and a gentler way (`note.html`).
"""

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.views.decorators.http import require_POST

from hearth import coach
from hearth.accounts.decorators import AuthenticatedRequest, privacy_required
from hearth.coach import excerpt
from hearth.coach.rules import EXPLANATIONS
from hearth.coach.screen import DANGER
from hearth.couples.access import partner_of
from hearth.safety import resources

LIMIT = 4000


def _help(request: AuthenticatedRequest, reading: coach.Reading) -> dict[str, object]:
    found = resources.for_country(str(request.user.country or ""))
    danger = bool(set(DANGER) & set(reading.risk))
    return {
        "self_harm": "self_harm" in reading.risk,
        "danger": danger,
        "writer": danger and reading.voice == "writer",
        "change_lines": found.change_lines if found else [],
        "help": found,
        "directory": resources.load().directory,
    }


def coach_view(request: HttpRequest) -> HttpResponse:
    if request.headers.get("HX-Request") and not request.user.is_authenticated:
        # A session that ran out while typing: say nothing, rather than have
        # htmx follow the login redirect and put the login page in the box.
        return HttpResponse(status=204)
    return _coach(request)


@privacy_required
@require_POST
def _coach(request: AuthenticatedRequest) -> HttpResponse:
    name = request.headers.get("HX-Trigger-Name")
    if not name or name not in request.POST:
        return HttpResponseBadRequest("The coach reads a text box's own value.")
    text = request.POST[name][:LIMIT]
    reading = coach.analyse(text)
    if reading.risk:
        return render(request, "coaching/help.html", _help(request, reading))
    if reading.suggestion is None:
        return HttpResponse("")
    assert reading.part is not None
    start, end = reading.part
    partner = partner_of(request.user)
    context = {
        "why": [EXPLANATIONS[h] for h in reading.horsemen],
        "segments": excerpt.segments(text, reading.part, reading.highlights),
        "original": text[start:end],
        "suggestion": reading.suggestion,
        "partner": partner.display_name if partner else "your partner",
    }
    return render(request, "coaching/note.html", context)
