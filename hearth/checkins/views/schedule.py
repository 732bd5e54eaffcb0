from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from hearth.checkins import scheduling
from hearth.checkins.forms import ReminderForm, SlotForm
from hearth.checkins.models import ReminderPlan, Schedule
from hearth.couples.decorators import CoupleRequest, couple_required

ACTIONS = ("propose", "confirm", "withdraw", "pause", "resume", "reminders")


def _initial_slot(schedule: Schedule, request: CoupleRequest) -> dict[str, object]:
    slot = schedule.proposed_slot or schedule.slot
    remind = ReminderPlan.objects.filter(user=request.user, enabled=True).exists()
    if slot is None:
        return {
            "weekday": 6,
            "at": "20:00",
            "timezone": request.user.timezone,
            "version": schedule.version,
            "remind": remind,
        }
    label = schedule.proposed_label if schedule.proposed_slot else schedule.label
    return {
        "weekday": slot.weekday,
        "at": slot.at,
        "timezone": slot.timezone,
        "label": label,
        "version": schedule.version,
        "remind": remind,
    }


@couple_required
@require_http_methods(["GET", "POST"])
def schedule(request: CoupleRequest) -> HttpResponse:
    # Looking writes nothing: a couple without a schedule, or a person
    # without reminder settings, is shown blank ones, saved on the first POST.
    if request.method == "POST":
        current = scheduling.schedule_for(request.couple)
        plan, _ = ReminderPlan.objects.get_or_create(user=request.user)
    else:
        current = scheduling.schedule_to_show(request.couple)
        plan = ReminderPlan.objects.filter(user=request.user).first() or ReminderPlan(user=request.user)
    slot_form = SlotForm(initial=_initial_slot(current, request))
    reminder_form = ReminderForm(instance=plan)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in ACTIONS:
            return HttpResponse("Unknown action.", status=400)
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            version = -1
        try:
            if action == "propose":
                slot_form = SlotForm(request.POST)
                if slot_form.is_valid():
                    scheduling.propose(
                        current,
                        request.user,
                        slot_form.slot(),
                        slot_form.cleaned_data["label"],
                        version,
                        remind=slot_form.cleaned_data["remind"],
                    )
                    messages.success(request, "Sent to your partner to agree.")
                    return redirect("checkin_schedule")
                status = 400
            elif action == "reminders":
                reminder_form = ReminderForm(request.POST, instance=plan)
                if reminder_form.is_valid():
                    with transaction.atomic():
                        reminder_form.save()
                        scheduling.reschedule(current, timezone.now())
                    messages.success(request, "Saved.")
                    return redirect("checkin_schedule")
                status = 400
            else:
                if action == "confirm":
                    scheduling.confirm(
                        current, request.user, version, remind=request.POST.get("remind") == "on"
                    )
                    messages.success(request, "Agreed. You'll find it in your calendar feed too.")
                elif action == "withdraw":
                    scheduling.withdraw(current, request.user, version)
                elif action == "pause":
                    scheduling.pause(current, version)
                    messages.info(request, "Paused. Nothing will remind you until one of you resumes.")
                elif action == "resume":
                    scheduling.resume(current, version)
                    messages.success(request, "Resumed.")
                return redirect("checkin_schedule")
        except scheduling.ScheduleProblem as problem:
            if problem.message == scheduling.STALE:
                messages.info(request, problem.message)
                return redirect("checkin_schedule")
            if slot_form.is_bound:
                slot_form.add_error(None, problem.message)
            else:
                messages.info(request, problem.message)
            status = 400
    context = {
        "schedule": current,
        "slot_form": slot_form,
        "reminder_form": reminder_form,
        "waiting_for_me": scheduling.awaits_yes_from(current, request.user),
        "partner": request.partner,
    }
    return render(request, "checkins/schedule.html", context, status=status)
