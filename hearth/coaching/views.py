"""`/coach/`: what the coach says about the text being written.

Asked by htmx from a coached text box with the box's form; answers with the
coach's note for that box (or nothing). The text is read, analysed in memory
and forgotten: it is not stored, logged or sent anywhere.

- A clear risk: no coaching; the writer alone gets help for their country
  (`help.html`), and a clear sign of violence or control leaves the one
  dateless trace `safety.signals` keeps.
- A possible risk (the screen is tuned to miss almost nothing, so it is often
  unsure): one quiet, general line pointing to Get help, beside the coaching
  if there is any. It names no helpline: a false alarm should not put a
  domestic-abuse number on the screen of someone writing about dinner.
- A horseman: the marked words, why, and a gentler way (`note.html`).
"""

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.views.decorators.http import require_POST

from hearth import coach
from hearth.accounts.decorators import AuthenticatedRequest, privacy_required
from hearth.coach import excerpt
from hearth.coach.rules import EXPLANATIONS
from hearth.couples.access import partner_of
from hearth.safety import resources, signals

LIMIT = 4000
DANGER = {"partner_violence", "coercive_control"}


def _help(request: AuthenticatedRequest, reading: coach.Reading) -> dict[str, object]:
    found = resources.for_country(str(request.user.country or ""))
    lines = found.lines if found else ()
    return {
        "self_harm": "self_harm" in reading.risk,
        "danger": bool(DANGER & set(reading.risk)),
        "help": found,
        "crisis_line": next((line for line in lines if line.kind == "crisis"), None),
        "abuse_line": next((line for line in lines if line.kind == "abuse"), None),
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
    context: dict[str, object] = _help(request, reading) if reading.risk else {}
    if reading.risk_level == "clear":
        if context["danger"]:
            signals.note(request.user)
        return render(request, "coaching/help.html", context)
    if reading.suggestion is None:
        return render(request, "coaching/quiet.html", context) if reading.risk else HttpResponse("")
    assert reading.part is not None
    start, end = reading.part
    partner = partner_of(request.user)
    context |= {
        "quiet": bool(reading.risk),
        "why": [EXPLANATIONS[h] for h in reading.horsemen],
        "segments": excerpt.segments(text, reading.part, reading.highlights),
        "original": text[start:end],
        "suggestion": reading.suggestion,
        "partner": partner.display_name if partner else "your partner",
    }
    return render(request, "coaching/note.html", context)
