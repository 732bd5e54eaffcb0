"""Memory lane: "think back" prompts both partners answer, revealed
together. Its tables keep the names they had inside `experiences`."""

from django.db import models
from django.utils import timezone

from hearth.content.i18n import pick
from hearth.reveal.models import Response, Round

ANSWER_MAX = 2000


class LanePrompt(models.Model):
    """A "think back" prompt, from content/experiences/memory_lane.toml."""

    key = models.CharField(max_length=16, unique=True)
    theme = models.CharField(max_length=24)
    text = models.CharField(max_length=200)
    translations = models.JSONField(default=dict, blank=True)
    position = models.PositiveIntegerField()
    retired = models.BooleanField(default=False)

    class Meta:
        db_table = "experiences_laneprompt"  # from when memory lane was part of experiences

    def __str__(self) -> str:
        return self.key

    @property
    def localized_text(self) -> str:
        return pick(self.text, self.translations)


class LaneRound(Round):
    prompt = models.ForeignKey(LanePrompt, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "experiences_laneround"
        constraints = [models.UniqueConstraint(fields=["couple", "prompt"], name="lane_prompt_once")]

    def __str__(self) -> str:
        return f"Memory lane {self.pk}"


class LaneAnswer(Response):
    round = models.ForeignKey(LaneRound, on_delete=models.CASCADE, related_name="responses")
    text = models.TextField(max_length=ANSWER_MAX)

    class Meta:
        db_table = "experiences_laneanswer"
        constraints = [models.UniqueConstraint(fields=["round", "author"], name="one_lane_answer_each")]

    def __str__(self) -> str:
        return f"Memory lane answer {self.pk}"
