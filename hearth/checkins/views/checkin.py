from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from hearth.accounts.decorators import AuthenticatedRequest, privacy_required
from hearth.checkins import content, services
from hearth.checkins.forms import AnswerForm, ReflectionForm
from hearth.checkins.models import Answer, CheckIn
from hearth.checkins.scheduling import schedule_to_show
from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.repair.models import LettingGo
from hearth.reveal import rules

PULSE_MISSING = "Please choose how connected you've felt this week before sending."


@couple_required
def this_week(request: CoupleRequest) -> HttpResponse:
    checkin = services.current_checkin(request.couple, request.user)
    if checkin is not None:
        return redirect("checkin", pk=checkin.pk)
    schedule = schedule_to_show(request.couple)
    return render(request, "checkins/start.html", {"schedule": schedule})


@couple_required
@require_POST
def start(request: CoupleRequest) -> HttpResponse:
    checkin = services.start_this_week(request.couple, request.user)
    return redirect("checkin", pk=checkin.pk)


def _checkin(request: AuthenticatedRequest, pk: int) -> CheckIn:
    return rules.get_round_or_404(request.user, CheckIn.objects.all(), pk=pk)


def _form(checkin: CheckIn, answer: Answer | None, data: object = None) -> AnswerForm:
    rotating = content.load().rotating_prompt(checkin.rotating_key).text
    initial = {f: getattr(answer, f) for f in services.ANSWER_FIELDS} if answer else {}
    return AnswerForm(data, initial=initial, rotating_text=rotating)


@privacy_required
@require_http_methods(["GET", "POST"])
def checkin(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = _checkin(request, pk)
    seen: rules.RoundView[Answer] = rules.view_round(item, request.user)
    form = _form(item, seen.mine, request.POST or None)
    if request.method == "POST":
        sending = "send" in request.POST
        if form.is_valid():
            values = form.values()
            try:
                if sending and values.get("pulse") is None:
                    form.add_error("pulse", PULSE_MISSING)
                elif sending:
                    services.submit(item, request.user, values)
                    return redirect("checkin", pk=item.pk)
                else:
                    services.save_draft(item, request.user, values)
                    messages.success(request, "Saved. Only you can see it until you have both finished.")
                    return redirect("checkin", pk=item.pk)
            except rules.RevealError as problem:
                messages.info(request, problem.message)
                return redirect("checkin", pk=item.pk)
        return render(
            request, "checkins/checkin.html", _context(item, seen, form, request.user.pk), status=400
        )
    return render(request, "checkins/checkin.html", _context(item, seen, form, request.user.pk))


@privacy_required
@require_POST
def autosave(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """htmx autosave of a draft while the person types; answers with a status line."""
    item = _checkin(request, pk)
    form = _form(item, None, request.POST)
    if not form.is_valid():
        return HttpResponse("Not saved: please check the highlighted answers.", status=400)
    try:
        services.save_draft(item, request.user, form.values())
    except rules.RevealError as problem:
        return HttpResponse(problem.message, status=409)
    return HttpResponse("Draft saved. Only you can see it.")


@privacy_required
@require_POST
def reflect(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = _checkin(request, pk)
    form = ReflectionForm(request.POST)
    if not form.is_valid():
        messages.info(request, "Your reply was empty or too long (600 characters at most).")
        return redirect("checkin", pk=item.pk)
    try:
        services.reflect(item, request.user, form.cleaned_data["prompt"], form.cleaned_data["text"])
    except rules.RevealError as problem:
        messages.info(request, problem.message)
    return redirect("checkin", pk=item.pk)


def _topics(item: CheckIn, viewer_id: int, revealed: bool) -> list[LettingGo]:
    """Things brought to this check-in from "letting go": your own always;
    your partner's once you have both finished, like the answers."""
    return [t for t in item.topics.select_related("author") if t.author_id == viewer_id or revealed]


def _context(
    item: CheckIn, seen: rules.RoundView[Answer], form: AnswerForm, viewer_id: int
) -> dict[str, object]:
    words = content.load()
    rows: list[dict[str, object]] = []
    if seen.revealed and seen.mine and seen.theirs:
        mine_refl = {r.prompt: r for r in seen.mine.reflections.all()}
        theirs_refl = {r.prompt: r for r in seen.theirs.reflections.all()}
        feeling_words = words.feeling_words
        rows.append(
            {
                "key": "pulse",
                "question": words.pulse_question,
                "mine": _pulse_label(seen.mine.pulse),
                "theirs": _pulse_label(seen.theirs.pulse),
            }
        )
        rows.append(
            {
                "key": "feelings",
                "question": "Feelings",
                "mine": ", ".join(feeling_words.get(k, k) for k in seen.mine.feelings),
                "theirs": ", ".join(feeling_words.get(k, k) for k in seen.theirs.feelings),
            }
        )
        prompts = [
            *((p.key, p) for p in words.core),
            ("rotating", words.rotating_prompt(item.rotating_key)),
            ("wish", words.wish),
        ]
        for field, prompt in prompts:
            rows.append(
                {
                    "key": field,
                    "question": prompt.text,
                    "mine": getattr(seen.mine, field),
                    "theirs": getattr(seen.theirs, field),
                    "their_reflection": mine_refl.get(field),
                    "my_reflection": theirs_refl.get(field),
                }
            )
    return {
        "checkin": item,
        "seen": seen,
        "form": form,
        "rows": rows,
        "pulse_labels": words.pulse_labels,
        "guide": words.listening_guide,
        "starters": words.starters,
        "editable": item.couple.is_active and not (seen.mine and seen.mine.is_submitted),
        "topics": _topics(item, viewer_id, seen.revealed),
    }


def _pulse_label(pulse: int | None) -> str:
    labels = content.load().pulse_labels
    return f"{pulse}: {labels[pulse - 1]}" if pulse else ""
