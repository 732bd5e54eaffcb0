from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.questions import content, ladder
from hearth.questions.forms import ACKNOWLEDGEMENTS, AcknowledgeForm, AnswerForm
from hearth.questions.models import LadderAnswer, LadderRound
from hearth.reveal import rules


@couple_required
def ladder_page(request: CoupleRequest, form: AnswerForm | None = None, status: int = 200) -> HttpResponse:
    couple, user = request.couple, request.user
    step = ladder.step_of(couple)
    item = ladder.open_round(couple)
    seen: rules.RoundView[LadderAnswer] | None = rules.view_round(item, user) if item else None
    shared = (
        rules.shared_rounds(user, LadderRound.objects.all())
        .select_related("question", "couple")
        .prefetch_related("responses__author")
        .order_by("-revealed_at")[:10]
    )
    past = rules.pair_up(user, shared)
    info = content.ladder_info()
    context = {
        "step": step,
        "steps": [info["steps"][n] for n in sorted(info["steps"])],
        "guide": info["guide"],
        "my_wish": ladder.wish_of(couple, user),
        "partner_ready_for": ladder.partner_ready_for(couple, user),
        "round": item,
        "seen": seen,
        "form": form or AnswerForm(),
        "past": past,
        "acknowledgements": ACKNOWLEDGEMENTS,
    }
    return render(request, "questions/ladder.html", context, status=status)


@couple_required
@require_POST
def choose(request: CoupleRequest) -> HttpResponse:
    try:
        step = int(request.POST.get("step", ""))
        ladder.choose(request.couple, request.user, step)
    except ValueError:
        return HttpResponse("Unknown step.", status=400)
    except ladder.LadderProblem as problem:
        messages.info(request, problem.message)
    return redirect("ladder")


@couple_required
@require_POST
def next_prompt(request: CoupleRequest) -> HttpResponse:
    try:
        ladder.next_prompt(request.couple)
    except ladder.LadderProblem as problem:
        messages.info(request, problem.message)
    return redirect("ladder")


def _round(request: CoupleRequest, pk: int) -> LadderRound:
    return rules.get_round_or_404(request.user, LadderRound.objects.filter(couple=request.couple), pk=pk)


@couple_required
@require_POST
def answer(request: CoupleRequest, pk: int) -> HttpResponse:
    item = _round(request, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return ladder_page(request, form=form, status=400)
    try:
        ladder.answer(item, request.user, form.cleaned_data["text"])
    except rules.RevealError as problem:
        messages.info(request, problem.message)
    return redirect("ladder")


@couple_required
@require_POST
def acknowledge(request: CoupleRequest, pk: int) -> HttpResponse:
    item = _round(request, pk)
    form = AcknowledgeForm(request.POST)
    if form.is_valid():
        try:
            ladder.acknowledge(item, request.user, form.cleaned_data["words"])
        except ladder.LadderProblem as problem:
            messages.info(request, problem.message)
    return redirect("ladder")
