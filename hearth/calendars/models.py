from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from hearth.lib import tokens


def new_feed_token() -> str:
    return tokens.new()


class Feed(models.Model):
    """One person's private calendar address.

    Calendar apps cannot log in, so the secret token in the address is the
    only thing that guards it. Making a new address replaces the token, and
    the old address stops working at once.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(default=timezone.now)
    # Off: every event is called "Catch-up", safe on a calendar others can see.
    detailed_titles = models.BooleanField(default=False)
    # When the titles were last switched: every event in the feed reads
    # differently from then on, so it counts as a change to each.
    titles_changed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Feed {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("calendar_feed", args=[self.token])

    @property
    def url(self) -> str:
        """The address a calendar app subscribes to, on SITE_URL rather than
        whatever host the request named."""
        return f"{settings.SITE_URL}{self.get_absolute_url()}"

    @property
    def webcal_url(self) -> str:
        """The same address with the webcal scheme, which opens the
        subscribe dialog of the device's calendar app."""
        return "webcal://" + self.url.split("://", 1)[1]

    def renew(self) -> None:
        """Replace the token: the old address stops working, and answers
        that it is gone."""
        with transaction.atomic():
            RevokedFeed.objects.create(token_sha256=tokens.digest(self.token))
            self.token = new_feed_token()
            self.created_at = timezone.now()
            self.save(update_fields=["token", "created_at"])

    def set_detailed_titles(self, detailed: bool) -> None:
        if self.detailed_titles != detailed:
            self.detailed_titles = detailed
            self.titles_changed_at = timezone.now()
            self.save(update_fields=["detailed_titles", "titles_changed_at"])


class RevokedFeed(models.Model):
    """An address replaced by a new one, so that it answers 410 Gone (a
    calendar app may then stop asking) where one that never existed answers
    404. Only a hash is kept: the old token must not be readable here."""

    token_sha256 = models.CharField(max_length=64, unique=True)
    revoked_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Revoked feed {self.pk}"
