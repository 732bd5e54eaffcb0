"""The answer and acknowledgement forms the daily question, the ladder and
memory lane share."""

from django import forms

from hearth.coaching.widgets import CoachedTextarea
from hearth.lib.forms import Form
from hearth.questions.models import ACK_MAX, ANSWER_MAX

ACKNOWLEDGEMENTS = ["Thank you for telling me.", "I hear you.", "Tell me more tonight?"]
LIMIT = {"max_length": "Please keep it under %(limit_value)d characters (it has %(show_value)d)."}


class AnswerForm(Form):
    text = forms.CharField(
        label="Your answer",
        max_length=ANSWER_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
        error_messages={"required": "Write a few words, or skip today.", **LIMIT},
    )


class AcknowledgeForm(Form):
    """One of the offered phrases (a button), or the person's own words."""

    words = forms.CharField(max_length=ACK_MAX, required=False, error_messages=LIMIT)
    own = forms.CharField(max_length=ACK_MAX, required=False, error_messages=LIMIT)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        chosen = (data.get("own") or "").strip() or (data.get("words") or "").strip()
        if not chosen and not self.errors:
            raise forms.ValidationError("Choose or write a few words.")
        data["words"] = chosen
        return data
