from django import forms

from hearth.appreciation.models import NOTE_MAX, REFLECTION_MAX, REPLY_MAX
from hearth.coaching.widgets import CoachedTextarea
from hearth.lib.forms import Form


def limited(label: str, limit: int, rows: int, coached: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=limit,
        # Coached where the partner will read it.
        widget=CoachedTextarea(attrs={"rows": rows}) if coached else forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": "There's nothing here yet.",
            "max_length": "Please keep it under %(limit_value)d characters (it has %(show_value)d).",
        },
    )


class NoteForm(Form):
    text = limited("Your note", NOTE_MAX, 5)


class ReplyForm(Form):
    text = limited("A short reply", REPLY_MAX, 2)


class DailyReflectionForm(Form):
    text = limited("What can I do today to help us feel more connected?", REFLECTION_MAX, 3, coached=False)
