from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from hearth.accounts.decorators import AuthenticatedRequest
from hearth.couples import services
from hearth.couples.access import active_couple


@login_required
@require_http_methods(["GET", "POST"])
def leave(request: AuthenticatedRequest) -> HttpResponse:
    if request.method == "POST":
        services.leave_couple(request.user)
        return redirect("home")
    if active_couple(request.user) is None:
        return redirect("home")
    return render(request, "couples/leave.html")
