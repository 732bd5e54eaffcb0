from importlib import import_module

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_POST

from hearth.checkup import cycle, summary
from hearth.checkup.models import Checkup
from hearth.couples.decorators import CoupleRequest, couple_or_404

PDF_NAME = "hearth-check-up-summary.pdf"


@couple_or_404
def page(request: CoupleRequest) -> HttpResponse:
    """The printable summary once both agree. Before that, the person's own
    choices and, once they have agreed, a calm word that it waits for both."""
    item = cycle.latest_revealed(request.couple)
    context: dict[str, object] = {"item": item}
    if item is not None:
        state = summary.state(item, request.user)
        context["state"] = state
        if state.both_agreed:
            context["summary"] = summary.build(item, request.user, timezone.now())
    return render(request, "checkup/summary.html", context)


@couple_or_404
def choose(request: CoupleRequest) -> HttpResponse:
    """The person's own choices, apart from the summary: the summary page
    shows only what is in the summary."""
    item = cycle.latest_revealed(request.couple)
    if item is None:
        return redirect("checkup_summary")
    context = {"item": item, "state": summary.state(item, request.user)}
    return render(request, "checkup/summary_choose.html", context)


@couple_or_404
def pdf(request: CoupleRequest) -> HttpResponse:
    item = cycle.latest_revealed(request.couple)
    made = summary.build(item, request.user, timezone.now()) if item else None
    if made is None:
        return redirect("checkup_summary")
    html = render_to_string("checkup/summary/pdf.html", {"summary": made}, request=request)
    try:
        # WeasyPrint takes most of a second to import: only when a PDF is asked for.
        renderer = import_module("hearth.checkup.pdf")
    except (ImportError, OSError):  # a server without Debian's pango
        messages.info(request, "This server can't make PDFs yet. The page prints just as well.")
        return redirect("checkup_summary")
    response = HttpResponse(renderer.render(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{PDF_NAME}"'
    return response


def _current(request: CoupleRequest, pk: int) -> Checkup | None:
    """The check-up a choices form was for, while it is the latest revealed
    one (None, with a word, once a newer one has come); 404 unless it is
    one of this couple's."""
    item = cycle.latest_revealed(request.couple)
    if item is not None and item.pk == pk:
        return item
    if not Checkup.objects.filter(couple=request.couple, revealed_at__isnull=False, pk=pk).exists():
        raise Http404("No such check-up")
    messages.info(request, "There is a newer check-up now: choose again from its statements.")
    return None


@couple_or_404
@require_POST
def agree(request: CoupleRequest, pk: int) -> HttpResponse:
    item = _current(request, pk)
    if item is not None:
        try:
            summary.agree(item, request.user, request.POST.getlist("statement"))
            messages.success(request, "Saved. Only the statements you ticked will be in the summary.")
        except summary.SummaryProblem as problem:
            messages.info(request, problem.message)
    return redirect("checkup_summary")


@couple_or_404
@require_POST
def withdraw(request: CoupleRequest, pk: int) -> HttpResponse:
    item = _current(request, pk)
    if item is not None:
        summary.withdraw(item, request.user)
        messages.success(
            request, "You've withdrawn your agreement. There is no summary until you agree again."
        )
    return redirect("checkup_summary")
