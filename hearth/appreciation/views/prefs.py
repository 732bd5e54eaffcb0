from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from hearth.accounts.decorators import AuthenticatedRequest, privacy_required
from hearth.appreciation import notifications
from hearth.couples.access import active_couple
from hearth.lib.forms import Form


class PrefsForm(Form):
    email_on_note = forms.BooleanField(required=False, label="E-mail me when my partner sends me a note")
    nudge_enabled = forms.BooleanField(
        required=False, label="Once a day, ask me whether I noticed something my partner did right"
    )
    nudge_time = forms.TimeField(
        label="At",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": "Write a time such as 20:00."},
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("nudge_enabled") and "nudge_time" in cleaned and cleaned["nudge_time"] is None:
            self.add_error("nudge_time", "Choose a time for the nudge, such as 20:00.")
        return cleaned


@privacy_required
@require_http_methods(["GET", "POST"])
def settings_page(request: AuthenticatedRequest) -> HttpResponse:
    prefs = notifications.prefs_of(request.user)
    initial = {
        "email_on_note": prefs.email_on_note,
        "nudge_enabled": prefs.nudge_enabled,
        "nudge_time": prefs.nudge_time,
    }
    form = PrefsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        notifications.save_prefs(
            request.user,
            email_on_note=data["email_on_note"],
            nudge_enabled=data["nudge_enabled"],
            # Left empty with the nudge off: the time stays as it was.
            nudge_time=data["nudge_time"] or prefs.nudge_time,
            now=timezone.now(),
        )
        messages.success(request, "Saved.")
        return redirect("appreciation_settings")
    context = {"form": form, "in_couple": active_couple(request.user) is not None}
    return render(request, "appreciation/prefs.html", context, status=400 if form.errors else 200)
