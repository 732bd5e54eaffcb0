from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from hearth.accounts.decorators import AuthenticatedRequest, privacy_required
from hearth.checkup import content, counselling, cycle, notifications, services
from hearth.checkup.models import Checkup, CheckupAnswer
from hearth.couples.access import active_couple
from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.reveal import rules
from hearth.safety import resources, signals


@couple_required
def checkup(request: CoupleRequest) -> HttpResponse:
    item = cycle.latest(request.couple)
    seen: rules.RoundView[CheckupAnswer] | None = rules.view_round(item, request.user) if item else None
    words = content.load()
    mine = seen.mine if seen else None
    context: dict[str, object] = {
        "item": item,
        "seen": seen,
        "rows": [(i, (mine.scores if mine else {}).get(i.key)) for i in words.items],
        "weighing": [(key, text, key in (mine.weighing if mine else [])) for key, text in words.weighing],
        "afraid": bool(mine and mine.afraid),
    }
    if item and seen and seen.revealed:
        context["results"] = services.results(item, seen)
        context["trend"] = services.trend_for(request.couple)
        context["reminder_on"] = notifications.wants_reminder(request.user)
        opens = cycle.next_opens(item)
        context["next_opens"] = opens if opens and opens > timezone.now() else None
    if (seen and seen.mine and seen.mine.afraid) or signals.active([request.user.pk]):
        # Shown to this person only; never part of the couple's results.
        context["help"] = resources.for_country(str(request.user.country or ""))
    return render(request, "checkup/checkup.html", context)


@couple_required
@require_POST
def start(request: CoupleRequest) -> HttpResponse:
    try:
        services.start(request.couple)
    except services.CheckupProblem as problem:
        messages.info(request, problem.message)
    return redirect("checkup")


def _item(request: CoupleRequest, pk: int) -> Checkup:
    return rules.get_round_or_404(request.user, Checkup.objects.filter(couple=request.couple), pk=pk)


@couple_required
@require_POST
def answer(request: CoupleRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    words = content.load()
    scores: dict[str, int] = {}
    for entry in words.items:
        raw = request.POST.get(entry.key, "")
        if raw in {"1", "2", "3", "4", "5"}:
            scores[entry.key] = int(raw)
    weighing = [key for key, _ in words.weighing if request.POST.get(f"weighing_{key}") == "on"]
    send = "send" in request.POST
    if send and len(scores) < len(words.items):
        messages.info(request, "A few statements are still unanswered. Your answers so far are saved.")
        send = False
    try:
        services.save(item, request.user, scores, weighing, request.POST.get("afraid") == "yes", send)
    except rules.RevealError as problem:
        messages.info(request, problem.message)
    return redirect("checkup")


@couple_required
@require_POST
def decide(request: CoupleRequest, pk: int) -> HttpResponse:
    try:
        services.decide_together(_item(request, pk), request.user)
    except services.CheckupProblem as problem:
        messages.info(request, problem.message)
    return redirect("checkup")


@privacy_required
def find_counsellor(request: AuthenticatedRequest) -> HttpResponse:
    """How to find a couples counsellor, with directories for the person's country."""
    guide = counselling.load()
    country = str(request.user.country or "")
    context = {
        "guide": guide,
        "directories": guide.directories.get(country, ()),
        "country": country,
        "in_couple": active_couple(request.user) is not None,
    }
    return render(request, "checkup/counsellor.html", context)
