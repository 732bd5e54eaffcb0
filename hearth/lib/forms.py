from typing import Any

from django import forms


class CalmLabels:
    """Labels without Django's trailing colon: "Your name", not "Your name:"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class Form(CalmLabels, forms.Form):
    pass
