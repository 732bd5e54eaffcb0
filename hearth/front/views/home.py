from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET

from hearth.accounts.models import User
from hearth.core import registry
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
    partner = partner_in(couple, user)
    today = timezone.localdate()
    panels = []
    for panel in registry.home_panels():
        if (panel_context := panel.context(user, couple, today)) is not None:
            panels.append(render_to_string(panel.template, panel_context, request))
    name = partner.display_name if partner else ""
    waiting = [
        (words.format(partner=name), url)
        for source in registry.waiting()
        for words, url in source.find(user, couple)
    ]
    tiles = [
        (tile.url_name, tile.title, tile.about.format(partner=partner.display_name if partner else ""))
        for tile in registry.home_tiles()
    ]
    context = {"couple": couple, "partner": partner, "panels": panels, "waiting": waiting, "tiles": tiles}
    return render(request, "front/home.html", context)
