from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm

from hearth.accounts.models import User
from hearth.lib.forms import CalmLabels, Form
from hearth.lib.timezones import timezone_names

# Long enough for any passphrase; short enough that hashing stays cheap.
PASSWORD_MAX = 256


def timezone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(timezone_names())]


class TimezoneField(forms.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=timezone_choices, **kwargs)
        self.error_messages["invalid_choice"] = (
            "That timezone isn't one we know. Choose one from the list, such as Europe/London."
        )


class ResetRequestForm(CalmLabels, PasswordResetForm):
    pass


class NewPasswordForm(CalmLabels, SetPasswordForm):  # type: ignore[type-arg]
    pass


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "That e-mail and password don't match an account. Please try again.",
        "inactive": "This account is closed.",
    }


class SignupForm(CalmLabels, forms.ModelForm[User]):
    password = forms.CharField(
        strip=False,
        max_length=PASSWORD_MAX,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 10 characters. A short sentence is easy to remember.",
    )
    timezone = TimezoneField(
        initial="UTC", help_text="For reminders and dates. You can change it later in Settings."
    )

    class Meta:
        model = User
        fields = ["display_name", "email", "password", "timezone", "country"]
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "display_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
        }

    def clean_email(self) -> str:
        # Whether the address has an account is never said here: the
        # e-mail sent to it says (hearth/accounts/signups.py).
        email: str = self.cleaned_data["email"].strip().lower()
        return email

    # The model's unique e-mail checks would tell anyone which addresses
    # have accounts; the account is made later, on confirming.
    def validate_unique(self) -> None:
        pass

    def validate_constraints(self) -> None:
        pass

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        # Checked against the name and e-mail given above it, so that
        # "alice@example.com1" is refused as too similar.
        candidate = User(
            email=self.cleaned_data.get("email", ""), display_name=self.cleaned_data.get("display_name", "")
        )
        password_validation.validate_password(password, candidate)
        return password


class ProfileForm(CalmLabels, forms.ModelForm[User]):
    timezone = TimezoneField()

    class Meta:
        model = User
        fields = ["display_name", "timezone", "country", "quick_exit_signs_out"]


class ReauthenticateMixin(Form):
    """Asks for the current password before a change to the account."""

    section = ""
    current_password = forms.CharField(
        strip=False,
        max_length=PASSWORD_MAX,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        self.user = user
        # Two of these forms share a page: keep their element ids apart.
        kwargs.setdefault("auto_id", f"id_{self.section}_%s")
        super().__init__(*args, **kwargs)

    def clean_current_password(self) -> str:
        password: str = self.cleaned_data["current_password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That isn't your current password.")
        return password


class EmailChangeForm(ReauthenticateMixin):
    section = "email"
    email = forms.EmailField(
        label="New e-mail address", max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    field_order = ["email", "current_password"]

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email=email).exclude(pk=self.user.pk).exists():
            raise forms.ValidationError("Another account already uses this e-mail.")
        return email

    def save(self) -> User:
        self.user.email = self.cleaned_data["email"]
        self.user.save(update_fields=["email"])
        return self.user


class PasswordChangeForm(ReauthenticateMixin):
    section = "password"
    new_password = forms.CharField(
        strip=False,
        max_length=PASSWORD_MAX,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 10 characters.",
    )
    field_order = ["current_password", "new_password"]

    def clean_new_password(self) -> str:
        password: str = self.cleaned_data["new_password"]
        password_validation.validate_password(password, self.user)
        return password

    def save(self) -> User:
        self.user.set_password(self.cleaned_data["new_password"])
        self.user.save(update_fields=["password"])
        return self.user
