"""A few weeks of check-ins for the demo couple, so every page has something to show."""

from datetime import time, timedelta

from django.utils import timezone

from hearth.accounts.models import User
from hearth.checkins import scheduling, services
from hearth.checkins.models import Schedule
from hearth.checkins.slots import Slot
from hearth.couples.models import Couple
from hearth.reveal import rules

WEEKS = [
    (
        {
            "pulse": 2,
            "feelings": ["tired", "stressed"],
            "how_are_we": "A bit like ships passing at night.",
            "weighing": "The deadline at work.",
            "most_loved": "When you waited up for me on Thursday.",
            "unseen": "I cooked and nobody mentioned it.",
            "wish": "One evening with no screens.",
        },
        {
            "pulse": 3,
            "feelings": ["tired", "hopeful"],
            "how_are_we": "Busy, but still us.",
            "weighing": "Mum's hospital appointment.",
            "most_loved": "The note in my bag.",
            "unseen": "When I was talking about my day and you were on your phone.",
            "wish": "A walk on Sunday.",
        },
    ),
    (
        {
            "pulse": 3,
            "feelings": ["calm"],
            "how_are_we": "Better. The walk helped.",
            "weighing": "Money, a little.",
            "most_loved": "Sunday morning in the park.",
            "unseen": "Not really this week.",
            "wish": "Cook something new together.",
        },
        {
            "pulse": 4,
            "feelings": ["grateful", "close"],
            "how_are_we": "Closer than last week.",
            "weighing": "Nothing big.",
            "most_loved": "You asked about Mum and really listened.",
            "unseen": "Monday, when I came home late.",
            "wish": "Dancing in the kitchen, badly.",
        },
    ),
    (
        {
            "pulse": 4,
            "feelings": ["happy", "playful"],
            "how_are_we": "Good. I laughed a lot this week.",
            "weighing": "Planning the holidays.",
            "most_loved": "The curry night.",
            "unseen": "When I fixed the shelf.",
            "wish": "An early night together.",
        },
        {
            "pulse": 4,
            "feelings": ["content"],
            "how_are_we": "Steady and warm.",
            "weighing": "Work is calmer now.",
            "most_loved": "Dancing in the kitchen.",
            "unseen": "—",
            "wish": "Breakfast somewhere new.",
        },
    ),
]


def seed(couple: Couple, first: User, second: User) -> None:
    """Agree Sunday 20:00 in London, and fill past weeks with revealed answers."""
    if Schedule.objects.filter(couple=couple, weekday__isnull=False).exists():
        return
    schedule = scheduling.schedule_for(couple)
    slot = Slot(weekday=6, at=time(20, 0), timezone="Europe/London")
    schedule = scheduling.propose(schedule, first, slot, "after dinner", schedule.version)
    scheduling.confirm(schedule, second, schedule.version)
    now = timezone.now()
    this_monday = services.week_of(now, slot.zone)
    for weeks_ago, answers in zip(range(len(WEEKS), 0, -1), WEEKS, strict=True):
        checkin = services.open_checkin(couple, this_monday - timedelta(weeks=weeks_ago))
        for person, values in zip((first, second), answers, strict=True):
            answer = services.save_draft(checkin, person, dict(values))
            rules.submit(checkin, answer)
