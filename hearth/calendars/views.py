from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods, require_safe

from hearth.accounts.decorators import AuthenticatedRequest, privacy_required
from hearth.calendars.feed import build_calendar
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
            if feed.detailed_titles != detailed:
                feed.detailed_titles = detailed
                feed.save(update_fields=["detailed_titles"])
            if detailed:
                messages.info(request, "Your calendar now shows what each event is.")
            else:
                messages.info(request, "Your calendar now shows only “Catch-up”.")
            return redirect("calendar")
        return render(
            request, "calendars/calendar.html", {"feed": feed, "problem": UNKNOWN_ACTION}, status=400
        )
    return render(request, "calendars/calendar.html", {"feed": feed})


@require_safe
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The feed itself. Calendar apps can't log in: the token is the key."""
    found = get_object_or_404(Feed.objects.select_related("user"), token=token)
    response = HttpResponse(build_calendar(found.user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="hearth.ics"'
    response["X-Robots-Tag"] = "noindex"
    add_never_cache_headers(response)
    return response
