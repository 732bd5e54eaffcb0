from typing import Any

from django import forms

from hearth.accounts.forms import TimezoneField
from hearth.checkins import content
from hearth.checkins.models import ANSWER_MAX, REFLECTION_MAX, ReminderPlan, Weekday
from hearth.checkins.slots import Slot
from hearth.coaching.widgets import CoachedTextarea
from hearth.lib.forms import Form


def answer_field(label: str, hint: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        required=False,
        max_length=ANSWER_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
        error_messages={
            "max_length": "Please keep this under %(limit_value)d characters (it has %(show_value)d)."
        },
    )


class AnswerForm(Form):
    """The guided check-in. Everything is optional while drafting; sending
    needs the pulse."""

    def __init__(self, *args: Any, rotating_text: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        words = content.load()
        self.fields["pulse"] = forms.TypedChoiceField(
            label=words.pulse_question,
            choices=[(i + 1, label) for i, label in enumerate(words.pulse_labels)],
            coerce=int,
            empty_value=None,
            required=False,
            widget=forms.RadioSelect,
        )
        self.fields["feelings"] = forms.MultipleChoiceField(
            label="Any of these feelings this week?",
            choices=[(f.key, f.word) for f in words.feelings],
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        for prompt in words.core:
            self.fields[prompt.key] = answer_field(prompt.text, prompt.hint)
        self.fields["rotating"] = answer_field(rotating_text, "")
        self.fields["wish"] = answer_field(words.wish.text, words.wish.hint)

    def values(self) -> dict[str, object]:
        return dict(self.cleaned_data)


class ReflectionForm(Form):
    # Only the written answers can be reflected on.
    prompt = forms.ChoiceField(
        choices=[(k, k) for k in (*content.CORE_KEYS, "rotating", "wish")], widget=forms.HiddenInput
    )
    text = forms.CharField(
        label="What I heard you say is…",
        max_length=REFLECTION_MAX,
        widget=CoachedTextarea(attrs={"rows": 2}),
        error_messages={"max_length": "Please keep this under %(limit_value)d characters."},
    )


class SlotForm(Form):
    weekday = forms.TypedChoiceField(label="Day", choices=Weekday.choices, coerce=int)
    at = forms.TimeField(label="Time", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    timezone = TimezoneField(help_text="The time is kept in this timezone, also when the clocks change.")
    label = forms.CharField(
        label="A name for it (optional)",
        max_length=40,
        required=False,
        help_text='Such as "over coffee" or "before bed".',
    )
    remind = forms.BooleanField(label="Remind me by e-mail when it comes round", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def slot(self) -> Slot:
        data = self.cleaned_data
        return Slot(data["weekday"], data["at"], data["timezone"])


class ReminderForm(forms.ModelForm[ReminderPlan]):
    class Meta:
        model = ReminderPlan
        fields = ["enabled", "lead_minutes"]
        labels = {"enabled": "E-mail me a reminder", "lead_minutes": "When"}
