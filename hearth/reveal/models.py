from django.conf import settings
from django.db import models

from hearth.couples.models import Couple


class Round(models.Model):
    """Something both partners answer; revealed when both have submitted."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    revealed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class Response(models.Model):
    """One partner's answer to a Round: a private draft until submitted."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    def written_texts(self) -> list[str]:
        """What the author wrote in this response (its free-text fields)."""
        return [
            str(getattr(self, f.attname) or "")
            for f in self._meta.concrete_fields
            if isinstance(f, models.TextField)
        ]
