import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

INVITE_LIFETIME = timedelta(days=7)
# No 0/O or 1/I/L: the code is read aloud and typed on phones.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def new_invite_token() -> str:
    return secrets.token_urlsafe(24)


def new_invite_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(raw: str) -> str:
    return "".join(ch for ch in raw.upper() if ch.isalnum())


def invite_expiry() -> datetime:
    return timezone.now() + INVITE_LIFETIME


class Couple(models.Model):
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Couple {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.closed_at is None


class Membership(models.Model):
    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    joined_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["couple", "user"], name="membership_once_per_couple"),
            # The rule "a person is in at most one active couple", kept by the database.
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(ended_at__isnull=True), name="one_active_couple_per_user"
            ),
        ]

    def __str__(self) -> str:
        return f"Membership {self.pk}"


class Invite(models.Model):
    inviter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invites")
    token = models.CharField(max_length=64, unique=True, default=new_invite_token)
    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_invite_code)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=invite_expiry)
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Invite {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("join", args=[self.token])

    @property
    def display_code(self) -> str:
        return f"{self.code[:4]}-{self.code[4:]}"
