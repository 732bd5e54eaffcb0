"""Appreciation notes for the demo couple, so the jar and the home page have something in them."""

from datetime import timedelta

from django.utils import timezone

from hearth.accounts.models import User
from hearth.appreciation.models import Note
from hearth.couples.models import Couple

NOTES = [
    (0, "Thank you for picking up the shopping on Tuesday when I was stuck at work. It felt like a hug.", 21),
    (1, "I admire how you handled the call with your sister. You were kind and clear at the same time.", 16),
    (0, "I noticed you've been going for a run every morning. I can see how much calmer you are.", 12),
    (1, "What I love about you as a person is how you make everyone at the table feel included.", 9),
    (0, "It made my day when you danced to the radio while the pasta boiled.", 3),
]


def seed(couple: Couple, first: User, second: User) -> None:
    if Note.objects.filter(couple=couple).exists():
        return
    now = timezone.now()
    people = (first, second)
    Note.objects.bulk_create(
        Note(
            couple=couple,
            author=people[who],
            recipient=people[1 - who],
            text=text,
            created_at=now - timedelta(days=days),
            sent_at=now - timedelta(days=days),
            reply="That made me smile all afternoon." if days == 16 else "",
        )
        for who, text, days in NOTES
    )
