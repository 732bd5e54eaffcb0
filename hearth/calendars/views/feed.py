from django.http import Http404, HttpRequest, HttpResponse, HttpResponseGone
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from hearth.calendars.feed import build_calendar
from hearth.calendars.models import Feed, RevokedFeed
from hearth.lib import tokens

REPLACED = "This calendar address has been replaced. Hearth's Calendar page has the new one.\n"


@require_safe
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The feed itself. Calendar apps can't log in: the token is the key.

    Apps ask again every hour or so. An ETag (a hash of the file, which is
    the same bytes while nothing changed) and Last-Modified let them ask
    "has it changed?" and get a short 304 when it has not.
    """
    found = Feed.objects.select_related("user").filter(token=token).first()
    if found is None:
        if RevokedFeed.objects.filter(token_sha256=tokens.digest(token)).exists():
            return HttpResponseGone(REPLACED, content_type="text/plain; charset=utf-8")
        raise Http404
    built = build_calendar(found.user)
    response = HttpResponse(built.ical, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="hearth.ics"'
    response["X-Robots-Tag"] = "noindex"
    # Private: no shared cache may keep a secret address's answer. no-cache
    # rather than no-store: the app may keep its copy but must check it with
    # us every time, so a revoked address is never served from a cache, and
    # the app can still send If-None-Match for a 304.
    patch_cache_control(response, private=True, no_cache=True)
    set_response_etag(response)
    last_modified = int(built.changed_at.timestamp()) if built.changed_at else None
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    # What Django's @condition does, on the file already built: the decorator
    # would build it a second time to learn its ETag.
    return (
        get_conditional_response(
            request, etag=response["ETag"], last_modified=last_modified, response=response
        )
        or response
    )
