from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from hearth.accounts.decorators import AuthenticatedRequest, privacy_required
from hearth.calendars.models import Feed

UNKNOWN_ACTION = "Nothing was changed: that request is not one this page knows. Please use a button below."


@privacy_required
@require_http_methods(["GET", "POST"])
def calendar(request: AuthenticatedRequest) -> HttpResponse:
    feed, _ = Feed.objects.get_or_create(user=request.user)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "new_address":
            feed.renew()
            messages.info(
                request, "Your calendar has a new address. The old one no longer works: add this one instead."
            )
            return redirect("calendar")
        if action == "titles":
            detailed = request.POST.get("detailed") == "on"
            feed.set_detailed_titles(detailed)
            if detailed:
                messages.info(request, "Your calendar now shows what each event is.")
            else:
                messages.info(request, "Your calendar now shows only “Catch-up”.")
            return redirect("calendar")
        return render(
            request, "calendars/calendar.html", {"feed": feed, "problem": UNKNOWN_ACTION}, status=400
        )
    return render(request, "calendars/calendar.html", {"feed": feed})
