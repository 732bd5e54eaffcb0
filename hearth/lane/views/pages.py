from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.lane import rounds as lane
from hearth.lane.models import LaneAnswer, LaneRound
from hearth.questions.forms import AnswerForm
from hearth.reveal import rules


@couple_required
def lane_page(request: CoupleRequest, form: AnswerForm | None = None, status: int = 200) -> HttpResponse:
    item = lane.open_round(request.couple)
    seen: rules.RoundView[LaneAnswer] | None = rules.view_round(item, request.user) if item else None
    shared = (
        rules.shared_rounds(request.user, LaneRound.objects.all())
        .select_related("prompt", "couple")
        .prefetch_related("responses__author")
        .order_by("-revealed_at")[:10]
    )
    past = rules.pair_up(request.user, shared)
    context = {"round": item, "seen": seen, "form": form or AnswerForm(), "past": past}
    return render(request, "lane/lane.html", context, status=status)


def _round(request: CoupleRequest, pk: int) -> LaneRound:
    return rules.get_round_or_404(request.user, LaneRound.objects.filter(couple=request.couple), pk=pk)


@couple_required
@require_POST
def next_prompt(request: CoupleRequest) -> HttpResponse:
    try:
        lane.next_prompt(request.couple)
    except lane.LaneProblem as problem:
        messages.info(request, problem.message)
    return redirect("memory_lane")


@couple_required
@require_POST
def answer(request: CoupleRequest, pk: int) -> HttpResponse:
    item = _round(request, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return lane_page(request, form=form, status=400)
    try:
        lane.answer(item, request.user, form.cleaned_data["text"])
    except rules.RevealError as problem:
        messages.info(request, problem.message)
    return redirect("memory_lane")


@couple_required
@require_POST
def do_again(request: CoupleRequest, pk: int) -> HttpResponse:
    item = _round(request, pk)
    try:
        idea = lane.do_again(item, request.user)
    except lane.LaneProblem as problem:
        messages.info(request, problem.message)
        return redirect("memory_lane")
    messages.success(request, "Added to your own ideas.")
    return redirect("idea", pk=idea.pk)
