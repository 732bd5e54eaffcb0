import io
import logging
import sys
from collections.abc import Callable
from typing import Any
from unittest import mock

from django.test import RequestFactory, SimpleTestCase, override_settings
from django.views.debug import ExceptionReporter

from hearth.calendars.models import Feed
from hearth.lib.reports import mask
from hearth.lib.testing import BaseTestCase

# Made at run time, so the report's source excerpts cannot contain it.
WRITTEN = " ".join(["what", "nobody", "knows", "yet"]).upper()


def coach_something(text: str) -> None:
    words = text.split()
    raise ValueError(f"could not read {len(words)} words")


class ErrorReportTests(SimpleTestCase):
    def test_an_error_report_holds_neither_the_posted_text_nor_it_as_a_local(self) -> None:
        request = RequestFactory().post("/coach/", {"text": WRITTEN})
        try:
            coach_something(request.POST["text"])
        except ValueError:
            reporter = ExceptionReporter(request, *sys.exc_info())
        text, html = reporter.get_traceback_text(), reporter.get_traceback_html()
        for report in (text, html):
            self.assertNotIn(WRITTEN, report)
        self.assertIn("could not read 4 words", text)
        self.assertIn("coach_something", text)
        self.assertIn("/coach/", text)


class LogTests(BaseTestCase):
    def console(self) -> tuple[logging.StreamHandler[Any], io.StringIO]:
        [handler] = [h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler)]
        stream = io.StringIO()
        return handler, stream

    def logged(self, request: Callable[[], object]) -> str:
        handler, stream = self.console()
        old = handler.setStream(stream)
        try:
            request()
        finally:
            handler.setStream(old)
        return stream.getvalue()

    def test_a_server_error_on_a_secret_address_logs_the_address_without_its_token(self) -> None:
        feed = Feed.objects.create(user=self.alice)
        self.client.raise_request_exception = False
        with mock.patch("hearth.calendars.views.feed.build_calendar", side_effect=RuntimeError("boom")):
            out = self.logged(lambda: self.client.get(feed.get_absolute_url()))
        self.assertIn("Internal Server Error: /calendar/….ics", out)
        self.assertIn("RuntimeError: boom", out, "the traceback is still there")
        self.assertNotIn(feed.token, out)

    @override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=100)
    def test_a_request_too_big_is_one_line(self) -> None:
        self.client.force_login(self.alice)
        out = self.logged(lambda: self.client.post("/notes/new/", {"text": "x" * 500}))
        self.assertIn("exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE", out)
        self.assertEqual(len(out.strip().splitlines()), 1, out)

    def test_every_kind_of_secret_address_is_masked(self) -> None:
        for path, masked in [
            ("/calendar/abcDEF123_-xyz.ics", "/calendar/….ics"),
            ("/join/Zx9aB-long-token/", "/join/…/"),
            ("/checkup/reminder/off/1:abc:def/", "/checkup/reminder/off/…/"),
            ("/password/reset/MQ/cbx-123abc/", "/password/reset/…/"),
            ("/plans/12/move/", "/plans/12/move/"),
        ]:
            with self.subTest(path=path):
                self.assertEqual(mask(f"Internal Server Error: {path}"), f"Internal Server Error: {masked}")
