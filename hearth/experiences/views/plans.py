from datetime import datetime

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.experiences import ideas, plans
from hearth.experiences.models import Plan
from hearth.lib.forms import Form


class PlanForm(Form):
    day = forms.DateField(label="Day", widget=forms.DateInput(attrs={"type": "date"}))
    at = forms.TimeField(label="Time", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    remind = forms.BooleanField(label="Remind us by e-mail two hours before", required=False)

    def starts_at(self) -> datetime:
        naive = datetime.combine(self.cleaned_data["day"], self.cleaned_data["at"])
        return timezone.make_aware(naive, timezone.get_current_timezone())


@couple_required
@require_http_methods(["GET", "POST"])
def plan_idea(request: CoupleRequest, pk: int) -> HttpResponse:
    idea = get_object_or_404(ideas.visible(request.couple), pk=pk)
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plans.make(request.couple, request.user, idea, form.starts_at(), form.cleaned_data["remind"])
        except plans.PlanProblem as problem:
            form.add_error(None, problem.message)
        else:
            messages.success(request, "Planned. It's in both your calendars.")
            return redirect("plans")
    status = 400 if form.errors else 200
    return render(request, "experiences/plan_form.html", {"form": form, "idea": idea}, status=status)


@couple_required
def upcoming(request: CoupleRequest) -> HttpResponse:
    return render(
        request, "experiences/plans.html", {"plans": plans.upcoming(request.couple), "form": PlanForm()}
    )


def _plan(request: CoupleRequest, pk: int) -> Plan:
    return get_object_or_404(
        Plan.objects.select_related("idea"), pk=pk, couple=request.couple, cancelled_at=None
    )


@couple_required
@require_POST
def move(request: CoupleRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    form = PlanForm(request.POST)
    if form.is_valid():
        try:
            plans.move(plan, form.starts_at())
        except plans.PlanProblem as problem:
            messages.info(request, problem.message)
        else:
            messages.success(request, "Moved.")
    else:
        messages.info(request, "Please give a day and a time.")
    return redirect("plans")


@couple_required
@require_POST
def cancel(request: CoupleRequest, pk: int) -> HttpResponse:
    plans.cancel(_plan(request, pk))
    messages.info(request, "Cancelled. It's gone from your calendars.")
    return redirect("plans")
