from django import forms

from hearth.couples.models import CODE_LENGTH, normalise_code


class JoinCodeForm(forms.Form):
    code = forms.CharField(
        label="Invitation code",
        max_length=20,
        help_text="Eight letters and numbers, such as KX7M-Q4TP.",
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if len(code) != CODE_LENGTH:
            raise forms.ValidationError("That code doesn't look right: it has eight letters and numbers.")
        return code
