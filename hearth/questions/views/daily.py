from datetime import date

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.questions import daily
from hearth.questions.forms import ACKNOWLEDGEMENTS, AcknowledgeForm, AnswerForm
from hearth.questions.models import DailyAnswer, DailyRound
from hearth.reveal import rules


@couple_required
def today(request: CoupleRequest) -> HttpResponse:
    prefs = daily.prefs(request.couple)
    if not prefs.daily_enabled:
        return render(request, "questions/off.html")
    item = daily.round_for(request.couple, daily.today(request.couple, request.user))
    return _render(request, item, AnswerForm())


def _render(
    request: CoupleRequest, item: DailyRound | None, form: AnswerForm, status: int = 200
) -> HttpResponse:
    seen: rules.RoundView[DailyAnswer] | None = rules.view_round(item, request.user) if item else None
    context = {"round": item, "seen": seen, "form": form, "acknowledgements": ACKNOWLEDGEMENTS}
    return render(request, "questions/today.html", context, status=status)


@couple_required
@require_POST
def settings(request: CoupleRequest) -> HttpResponse:
    enabled = request.POST.get("daily") == "on"
    daily.set_enabled(request.couple, enabled)
    messages.success(request, "A question a day, starting today." if enabled else "Daily questions are off.")
    return redirect("daily_question")


def _round(request: CoupleRequest, day: str) -> DailyRound | None:
    """The couple's question for `day`; None (with a message saying why) for
    a day that hasn't come or has passed without one."""
    try:
        parsed = date.fromisoformat(day)
    except ValueError:
        raise Http404("No such day") from None
    found = rules.rounds_for(request.user, DailyRound.objects.select_related("question", "couple"))
    item = found.filter(day=parsed, couple=request.couple).first()
    if item is None:
        future = parsed > daily.today(request.couple, request.user)
        messages.info(request, daily.NOT_YET if future else daily.PASSED)
    return item


@couple_required
@require_POST
def answer(request: CoupleRequest, day: str) -> HttpResponse:
    item = _round(request, day)
    if item is None:
        return redirect("daily_question")
    if "skip" in request.POST:
        try:
            daily.skip(item, request.user)
        except (daily.DailyProblem, rules.RevealError) as problem:
            messages.info(request, problem.message)
        else:
            messages.info(request, "Skipped for today. You can still answer until the day ends.")
        return redirect("daily_question")
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _render(request, item, form, status=400)
    try:
        daily.answer(item, request.user, form.cleaned_data["text"])
    except (daily.DailyProblem, rules.RevealError) as problem:
        messages.info(request, problem.message)
    return redirect("daily_question")


@couple_required
@require_POST
def acknowledge(request: CoupleRequest, day: str) -> HttpResponse:
    item = _round(request, day)
    if item is None:
        return redirect("daily_question")
    form = AcknowledgeForm(request.POST)
    if form.is_valid():
        try:
            daily.acknowledge(item, request.user, form.cleaned_data["words"])
        except daily.DailyProblem as problem:
            messages.info(request, problem.message)
    else:
        messages.info(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("daily_question")


@couple_required
def history(request: CoupleRequest) -> HttpResponse:
    rounds = (
        rules.shared_rounds(request.user, DailyRound.objects.all())
        .select_related("question", "couple")
        .prefetch_related("responses__author")
        .order_by("-day")
    )
    page = Paginator(rounds, 15).get_page(request.GET.get("page"))
    pairs = rules.pair_up(request.user, page.object_list)
    return render(request, "questions/history.html", {"page": page, "pairs": pairs})
