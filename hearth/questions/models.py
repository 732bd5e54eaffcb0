from django.conf import settings
from django.db import models

from hearth.content.i18n import pick
from hearth.couples.models import Couple
from hearth.reveal.models import Response, Round

ANSWER_MAX = 2000
ACK_MAX = 300


class Question(models.Model):
    """A daily question or a ladder prompt, loaded from content/questions/ by `load_content`."""

    class Kind(models.TextChoices):
        DAILY = "daily", "Daily question"
        LADDER = "ladder", "Ladder prompt"

    key = models.CharField(max_length=16, unique=True)
    kind = models.CharField(max_length=8, choices=Kind)
    step = models.PositiveSmallIntegerField(null=True, blank=True)
    theme = models.CharField(max_length=24, blank=True)
    depth = models.PositiveSmallIntegerField(default=1)
    text = models.CharField(max_length=200)
    translations = models.JSONField(default=dict, blank=True)
    # Order within its kind (and step): the file's order. Couples walk it from
    # their own starting point, so choosing the next question is one indexed
    # lookup, however long their history.
    position = models.PositiveIntegerField()
    retired = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["kind", "step", "position"], name="question_order")]

    def __str__(self) -> str:
        return self.key

    @property
    def localized_text(self) -> str:
        return pick(self.text, self.translations)


class CoupleQuestions(models.Model):
    """A couple's place in the question libraries and their choices."""

    couple = models.OneToOneField(Couple, on_delete=models.CASCADE, related_name="questions")
    daily_enabled = models.BooleanField(default=False)
    # The position the couple's walk through the daily pool started from,
    # where it is now, and how many it has served in this pass.
    daily_start = models.PositiveIntegerField(default=0)
    daily_next = models.PositiveIntegerField(default=0)
    daily_served = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"Questions for couple {self.couple_id}"


class DailyRound(Round):
    day = models.DateField()
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["couple", "day"], name="one_question_a_day")]
        indexes = [models.Index(fields=["couple", "-day"], name="daily_recent")]

    def __str__(self) -> str:
        return f"Daily question {self.pk}"


class DailyAnswer(Response):
    round = models.ForeignKey(DailyRound, on_delete=models.CASCADE, related_name="responses")
    text = models.TextField(max_length=ANSWER_MAX, blank=True)
    skipped = models.BooleanField(default=False)
    # The partner's acknowledgement, once revealed: a few kind words, never a rating.
    acknowledgement = models.CharField(max_length=ACK_MAX, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "author"], name="one_daily_answer_each")]

    def __str__(self) -> str:
        return f"Daily answer {self.pk}"


class LadderWish(models.Model):
    """How far up the ladder one person is willing to go. The couple stands
    on the lower of the two wishes: both must choose to climb, either can
    step down alone."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    step = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["couple", "user"], name="one_ladder_wish_each")]

    def __str__(self) -> str:
        return f"Ladder wish {self.pk}"


class LadderRound(Round):
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    step = models.PositiveSmallIntegerField()
    opened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["couple", "question"], name="ladder_prompt_once")]

    def __str__(self) -> str:
        return f"Ladder round {self.pk}"


class LadderAnswer(Response):
    round = models.ForeignKey(LadderRound, on_delete=models.CASCADE, related_name="responses")
    text = models.TextField(max_length=ANSWER_MAX)
    acknowledgement = models.CharField(max_length=ACK_MAX, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "author"], name="one_ladder_answer_each")]

    def __str__(self) -> str:
        return f"Ladder answer {self.pk}"
