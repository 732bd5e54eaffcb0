from django.http import HttpResponse
from django.shortcuts import render

from hearth.accounts.decorators import AuthenticatedRequest, privacy_required
from hearth.repair import services
from hearth.repair.models import Apology, LettingGo


@privacy_required
def hub(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    context = {
        "received": services.apologies_for(user),
        "sent": Apology.objects.filter(author=user).order_by("-sent_at", "-pk"),
        "lingering": LettingGo.objects.filter(author=user).order_by("-created_at", "-pk"),
    }
    return render(request, "repair/hub.html", context)
