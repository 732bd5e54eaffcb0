"""The coach as you type, on every text box a partner will read.

A text box asks `/coach/` (htmx, debounced, the box's own form values with
it) and shows the answer in the box's coach area just below it. Without
JavaScript nothing is asked and nothing is shown; the form works as before.
"""

from typing import Any

from django import forms
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString


def coach_attrs() -> dict[str, str]:
    return {
        "hx-post": reverse("coach"),
        "hx-trigger": "input changed delay:900ms",
        "hx-target": "next [data-coach-box]",
        "hx-swap": "innerHTML",
        "hx-sync": "this:replace",
        "data-coach": "",
    }


def coach_attrs_html() -> SafeString:
    return format_html_join(" ", '{}="{}"', coach_attrs().items())


class CoachedTextarea(forms.Textarea):
    template_name = "coaching/textarea.html"

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        return super().get_context(name, value, {**coach_attrs(), **(attrs or {})})
