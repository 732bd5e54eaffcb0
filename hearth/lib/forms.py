import unicodedata
from typing import Any

from django import forms
from django.core.exceptions import ValidationError


class CalmLabels:
    """Labels without Django's trailing colon: "Your name", not "Your name:"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class Form(CalmLabels, forms.Form):
    pass


def no_control_characters(value: str) -> None:
    """A one-line field (a name) holds no line breaks, tabs or escape codes:
    they would turn up in e-mail headers and on the partner's pages."""
    if any(unicodedata.category(c) == "Cc" for c in value):
        raise ValidationError("Please use letters, spaces and punctuation only.", code="control_characters")
