from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from hearth.accounts.decorators import AuthenticatedRequest, privacy_required
from hearth.couples.access import active_couple
from hearth.repair import services
from hearth.repair.forms import LettingGoForm
from hearth.repair.models import LettingGo


@privacy_required
@require_http_methods(["GET", "POST"])
def letting_go(request: AuthenticatedRequest, pk: int | None = None) -> HttpResponse:
    item = get_object_or_404(LettingGo, pk=pk, author=request.user) if pk else None
    form = LettingGoForm(request.POST or None, initial=instance_values(item))
    if request.method == "POST" and "decide" in request.POST and item is not None:
        try:
            services.decide(item, request.POST["decide"])
        except services.RepairProblem as problem:
            messages.info(request, problem.message)
        else:
            if item.outcome == LettingGo.Outcome.TOPIC:
                messages.success(request, "It will be there in your next check-in, to talk about gently.")
            else:
                messages.success(request, "Let go. It stays archived here, only for you.")
        return redirect("repair_letting_go", pk=item.pk)
    if request.method == "POST" and item is not None and item.outcome != LettingGo.Outcome.OPEN:
        messages.info(request, "You've already decided about this one, so it stays as it is.")
        return redirect("repair_letting_go", pk=item.pk)
    if request.method == "POST" and form.is_valid():
        if item is None:
            item = LettingGo(author=request.user, couple=active_couple(request.user))
        for field, value in form.cleaned_data.items():
            setattr(item, field, value)
        item.save()
        return redirect("repair_letting_go", pk=item.pk)
    status = 400 if form.errors else 200
    return render(request, "repair/letting_go.html", {"form": form, "item": item}, status=status)


def instance_values(item: LettingGo | None) -> dict[str, str] | None:
    if item is None:
        return None
    return {
        "text": item.text,
        "what_to_release": item.what_to_release,
        "need_underneath": item.need_underneath,
    }
