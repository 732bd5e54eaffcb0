from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from hearth.safety import resources


@require_GET
def get_help(request: HttpRequest) -> HttpResponse:
    """Crisis lines for the chosen country, or the person's own. Open to
    everyone, signed in or not, and never recorded anywhere."""
    data = resources.load()
    code = request.GET.get("country", "").upper()
    if not code and request.user.is_authenticated:
        code = str(request.user.country or "")
    chosen = resources.for_country(code) if code else None
    choices = sorted(data.countries.values(), key=lambda c: c.name)
    context = {"chosen": chosen, "choices": choices, "directory": data.directory, "checked": data.checked}
    return render(request, "safety/help.html", context)
