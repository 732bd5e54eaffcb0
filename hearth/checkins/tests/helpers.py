from datetime import date

from hearth.checkins import services
from hearth.checkins.models import CheckIn
from hearth.couples.models import Couple

WEEK = date(2026, 11, 23)  # a Monday

FULL = {
    "pulse": "4",
    "feelings": ["tired", "hopeful"],
    "how_are_we": "Better than last month, I think.",
    "weighing": "The move, mostly.",
    "most_loved": "When you made soup on Tuesday.",
    "unseen": "At the party on Saturday.",
    "rotating": "Cooking together.",
    "wish": "A slow Sunday morning.",
}


def open_week(couple: Couple, week: date = WEEK) -> CheckIn:
    return services.open_checkin(couple, week)
