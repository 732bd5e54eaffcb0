from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from hearth.accounts.decorators import AuthenticatedRequest, privacy_required
from hearth.couples.access import active_couple, partner_in, words_shared
from hearth.repair import services
from hearth.repair.forms import ApologyForm, ResponseForm
from hearth.repair.models import Apology


@privacy_required
@require_http_methods(["GET", "POST"])
def write_apology(request: AuthenticatedRequest) -> HttpResponse:
    form = ApologyForm(request.POST or None)
    couple = active_couple(request.user)
    partner = partner_in(couple, request.user) if couple else None
    gentle_but = False
    if request.method == "POST" and form.is_valid():
        steps = form.cleaned_data
        # A "but" often undoes an apology. Point it out once; never block.
        if services.has_but(steps["responsibility"]) and not request.POST.get("keep_but"):
            gentle_but = True
        else:
            try:
                services.send_apology(request.user, steps)
            except services.RepairProblem as problem:
                form.add_error(None, problem.message)
            else:
                messages.success(request, "Sent. Give them the time they need.")
                return redirect("repair")
    status = 400 if form.errors else 200
    context = {"form": form, "partner": partner, "gentle_but": gentle_but}
    return render(request, "repair/apology_form.html", context, status=status)


def _apology(request: AuthenticatedRequest, pk: int) -> Apology:
    apology = get_object_or_404(Apology.objects.select_related("author", "recipient", "couple"), pk=pk)
    mine = apology.author_id == request.user.pk
    for_me = apology.recipient_id == request.user.pk and apology.couple.is_active
    if not (mine or for_me):
        raise Http404("No such apology")
    return apology


def _context(item: Apology, form: ResponseForm) -> dict[str, object]:
    # The answer is the recipient's words: the author sees it only while the
    # couple is active (the recipient only ever sees it then).
    return {"apology": item, "form": form, "answer_shown": words_shared(item.couple)}


@privacy_required
def apology(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = _apology(request, pk)
    form = ResponseForm(initial={"text": item.response})
    return render(request, "repair/apology.html", _context(item, form))


@privacy_required
@require_POST
def respond(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = _apology(request, pk)
    form = ResponseForm(request.POST)
    if not form.is_valid():
        return render(request, "repair/apology.html", _context(item, form), status=400)
    needs_time = "needs_time" in request.POST
    if not needs_time and not form.cleaned_data["text"]:
        form.add_error("text", "Write a few words, or choose \u201cI need a little time\u201d.")
        return render(request, "repair/apology.html", _context(item, form), status=400)
    try:
        services.respond(item, request.user, form.cleaned_data["text"], needs_time)
    except services.RepairProblem as problem:
        messages.info(request, problem.message)
    return redirect("repair_apology", pk=item.pk)
