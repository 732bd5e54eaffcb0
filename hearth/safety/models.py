from django.conf import settings
from django.db import models


class SafetySignal(models.Model):
    """That the safety screen once saw signs of violence or control in what
    this person wrote, and until when that counts. Never the text, never which
    sign, never shown to anyone; it only stops Hearth recommending couples
    counselling to the couple for a while (`checkup/decide.py`)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    until = models.DateTimeField()

    def __str__(self) -> str:
        return f"Safety signal #{self.pk}"
