import sys

from django.test import RequestFactory, SimpleTestCase
from django.views.debug import ExceptionReporter

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
