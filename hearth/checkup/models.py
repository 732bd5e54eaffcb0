from django.db import models
from django.utils import timezone

from hearth.reveal.models import Response, Round


class Checkup(Round):
    """One connection check-up for a couple; revealed, as areas, when both finished."""

    opened_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Check-up {self.pk}"


class CheckupAnswer(Response):
    round = models.ForeignKey(Checkup, on_delete=models.CASCADE, related_name="responses")
    # {"c01": 4, ...}: 1 = not at all true for me, 5 = very true.
    scores = models.JSONField(default=dict, blank=True)
    # Keys of the "what's weighing on us" statements this person ticked.
    weighing = models.JSONField(default=list, blank=True)
    # Private to this person: never part of the results, never shown to the partner.
    afraid = models.BooleanField(default=False)
    wants_to_work = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "author"], name="one_checkup_answer_each")]

    def __str__(self) -> str:
        return f"Check-up answer {self.pk}"
