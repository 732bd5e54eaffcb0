from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from hearth.accounts.decorators import AuthenticatedRequest, privacy_required
from hearth.appreciation import gestures
from hearth.appreciation.forms import DailyReflectionForm
from hearth.appreciation.models import DailyReflection, GestureDay

CHOICES = {"skip": GestureDay.Status.SKIPPED, "keep": GestureDay.Status.KEPT, "done": GestureDay.Status.DONE}


@privacy_required
@require_http_methods(["GET", "POST"])
def today(request: AuthenticatedRequest) -> HttpResponse:
    """The gesture of the day and the day's private reflection."""
    day = timezone.localdate()
    reflection = DailyReflection.objects.filter(user=request.user, day=day).first()
    form = DailyReflectionForm(
        request.POST or None, initial={"text": reflection.text} if reflection else None
    )
    if request.method == "POST" and form.is_valid():
        DailyReflection.objects.update_or_create(user=request.user, day=day, defaults=form.cleaned_data)
        messages.success(request, "Kept. Only you can see this.")
        return redirect("appreciation_today")
    context = {
        "gesture": gestures.for_day(request.user, day),
        "form": form,
        "favourites": gestures.favourites(request.user),
    }
    return render(request, "appreciation/today.html", context, status=400 if form.errors else 200)


@privacy_required
@require_POST
def gesture(request: AuthenticatedRequest) -> HttpResponse:
    choice = CHOICES.get(request.POST.get("choice", ""))
    if choice is None:
        return HttpResponse("Unknown choice.", status=400)
    day = timezone.localdate()
    if gestures.for_day(request.user, day) is not None:
        gestures.mark(request.user, day, choice)
    return redirect("appreciation_today")
