from collections.abc import Callable
from urllib.parse import parse_qsl

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.cache import add_never_cache_headers


class NoStoreForSignedInMiddleware:
    """A shared or borrowed device must not keep copies of private pages:
    every response to a signed-in person is marked no-store."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response


class UnreadableFormMiddleware:
    """A form body that is not UTF-8 is refused with a 400, rather than read
    with replacement characters and stored that way."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and request.content_type == "application/x-www-form-urlencoded":
            try:
                parse_qsl(request.body.decode("ascii"), keep_blank_values=True, errors="strict")
            except UnicodeDecodeError:
                return HttpResponseBadRequest(
                    "This form could not be read. Please go back and send it again.",
                    content_type="text/plain; charset=utf-8",
                )
        return self.get_response(request)
