from django import forms

from hearth.coaching.widgets import CoachedTextarea
from hearth.lib.forms import Form
from hearth.repair.models import STEP_MAX

LIMIT = {"max_length": "Please keep this under %(limit_value)d characters (it has %(show_value)d)."}


def step(label: str, hint: str, required: bool = True, coached: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        max_length=STEP_MAX,
        required=required,
        # Coached where the partner will read it; letting go is private.
        widget=CoachedTextarea(attrs={"rows": 3}) if coached else forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Please write a few words here.", **LIMIT},
    )


class ApologyForm(Form):
    what_happened = step("1. What happened", "Plainly, as it was. Just the moment, not the whole history.")
    responsibility = step(
        "2. What I'm sorry for", "Your part in it, in your own words, with no \u201cbut\u201d after it."
    )
    impact = step(
        "3. How it may have felt for you", "Show that you see how it landed, even if you didn't mean it."
    )
    different = step("4. What I'll do differently", "Something small and real that you can keep to.")
    ask = step("5. What would help you now?", "Ask what they need. It can be a question, and only that.")


class ResponseForm(Form):
    text = forms.CharField(
        label="Your answer, in your own words",
        max_length=STEP_MAX,
        required=False,
        widget=CoachedTextarea(attrs={"rows": 3}),
        error_messages=LIMIT,
    )


class LettingGoForm(Form):
    text = step("What has been lingering?", "Write it as it is. Nobody else will see this.", coached=False)
    what_to_release = step(
        "What do I need to let go of?",
        "A grudge, a wish that it had gone differently, a story about it…",
        False,
        coached=False,
    )
    need_underneath = step(
        "Is there a need under it?",
        "Maybe to be heard, to feel safe, to be thanked, or to have more help.",
        False,
        coached=False,
    )
