from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.timezone import now
from django_countries.fields import CountryField

from hearth.lib.forms import no_control_characters
from hearth.lib.timezones import is_timezone


def validate_timezone(value: str) -> None:
    if not is_timezone(value):
        raise ValidationError("Choose a timezone from the list, such as Europe/London.")


class UserManager(BaseUserManager["User"]):
    def create_user(self, email: str, password: str | None = None, **fields: Any) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def get_by_natural_key(self, username: str | None) -> "User":
        return self.get(email=(username or "").strip().lower())


class User(AbstractBaseUser):
    email = models.EmailField("e-mail address", max_length=254, unique=True)
    display_name = models.CharField("your name", max_length=60, validators=[no_control_characters])
    timezone = models.CharField(max_length=64, default="UTC", validators=[validate_timezone])
    country = CountryField(
        blank=True,
        blank_label="Choose your country",
        help_text="Optional. Shows help lines for where you live.",
    )
    privacy_accepted_at = models.DateTimeField(null=True, blank=True)
    date_joined = models.DateTimeField(default=now)
    is_active = models.BooleanField(default=True)
    # Quick exit also ends the session, so reopening Hearth shows nothing.
    quick_exit_signs_out = models.BooleanField(
        "Quick exit also signs me out",
        default=True,
        help_text="Recommended if anyone else might open Hearth on this phone or computer.",
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.display_name or self.email

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def has_accepted_privacy(self) -> bool:
        return self.privacy_accepted_at is not None


class SignupRequest(models.Model):
    """A signup waiting for its address to be confirmed.

    Nothing about an account exists until the link in the e-mail is
    followed, so signing up never tells anyone whether an address already
    has an account. Only the sha256 of the link's key is kept.
    """

    email = models.EmailField(max_length=254, db_index=True)
    display_name = models.CharField(max_length=60)
    password = models.CharField(max_length=128)  # a hash, as on User
    timezone = models.CharField(max_length=64, default="UTC")
    country = CountryField(blank=True)
    next = models.CharField(max_length=200, blank=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=now, db_index=True)

    def __str__(self) -> str:
        return f"Signup request {self.pk}"


class KnownDevice(models.Model):
    """A browser that has signed in to this account before (OWASP's device
    cookie). Wrong passwords from it are counted here, apart from the
    account + address count that applies to every other browser, so that
    someone at the same home address cannot lock the owner out of it.
    Only the sha256 of the cookie's key is kept."""

    user = models.ForeignKey("User", on_delete=models.CASCADE, related_name="known_devices")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=now)
    failures = models.PositiveSmallIntegerField(default=0)
    paused_until = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Known device {self.pk}"
