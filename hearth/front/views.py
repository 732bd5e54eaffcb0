from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from hearth.accounts.models import User
from hearth.appreciation import notes
from hearth.couples.access import active_couple, last_couple_closed, partner_in


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "front/welcome.html")
    user: User = request.user
    if not user.has_accepted_privacy:
        return redirect("privacy")
    couple = active_couple(user)
    if couple is None:
        return render(request, "front/home_alone.html", {"closed_notice": last_couple_closed(user)})
    context = {
        "couple": couple,
        "partner": partner_in(couple, user),
        "from_the_jar": notes.from_the_jar(user, couple, timezone.localdate()),
    }
    return render(request, "front/home.html", context)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the app can reach its database; nothing about anyone in the body."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
