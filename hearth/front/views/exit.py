from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from hearth.front.context_processors import QUICK_EXIT_URL


@never_cache
@require_safe
def quick_exit(request: HttpRequest) -> HttpResponse:
    """Sign out, then leave for the neutral page. A plain link, so that it
    works without JavaScript, in one tap. Browsers say where a request came
    from (Sec-Fetch-Site): another site's link or image leaves the session
    alone, so it cannot be used to sign anyone out."""
    if request.headers.get("Sec-Fetch-Site", "same-origin") in ("same-origin", "none"):
        logout(request)
    return HttpResponseRedirect(QUICK_EXIT_URL)
