"""The demo couple: yesterday's question answered by both, today's waiting
for one of them, and the ladder on step 2."""

from datetime import timedelta

from hearth.accounts.models import User
from hearth.couples.models import Couple
from hearth.questions import daily, ladder
from hearth.questions.models import DailyAnswer, LadderWish
from hearth.reveal import rules


def seed(couple: Couple, first: User, second: User) -> None:
    if LadderWish.objects.filter(couple=couple).exists():
        return
    daily.set_enabled(couple, True)
    today = daily.today(couple, first)
    yesterday = daily.round_for(couple, today - timedelta(days=1))
    if yesterday is not None:
        for person, text in (
            (first, "Walking home under the lime trees, with nowhere to be."),
            (second, "The first coffee on a Saturday, before anyone needs anything."),
        ):
            answer = DailyAnswer.objects.create(round=yesterday, author=person, text=text)
            rules.submit(yesterday, answer)
    pending = daily.round_for(couple, today)
    if pending is not None:
        daily.answer(pending, second, "Honestly? A nap. A long one.")
    for step in (1, 2):
        for person in (first, second):
            ladder.choose(couple, person, step)
