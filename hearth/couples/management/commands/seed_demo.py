from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from hearth.accounts.models import User
from hearth.core import registry
from hearth.couples.models import Couple, Membership

DEMO_PASSWORD = "hearth-demo-together"


def make_couple(first: tuple[str, str], second: tuple[str, str], password: str) -> bool:
    """Create two users linked as a couple; False if the first already exists."""
    if User.objects.filter(email=first[0]).exists():
        return False
    now = timezone.now()
    with transaction.atomic():
        users = [
            User.objects.create_user(
                email,
                password,
                display_name=name,
                privacy_accepted_at=now,
                country="GB",
                timezone="Europe/London",
            )
            for email, name in (first, second)
        ]
        couple = Couple.objects.create()
        Membership.objects.bulk_create([Membership(couple=couple, user=user) for user in users])
    return True


def show_every_feature(first_email: str) -> None:
    """Give the demo couple something on every page."""
    first = User.objects.get(email=first_email)
    membership = first.memberships.filter(ended_at__isnull=True).select_related("couple").first()
    if membership is None:
        return
    second = membership.couple.memberships.exclude(user=first).get().user
    for demo in registry.demos():
        demo.seed(membership.couple, first, second)


class Command(BaseCommand):
    help = "Create the demo couple (alice@example.com and bob@example.com), and more couples with --couples."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--couples", type=int, default=0, help="also create this many extra couples")

    def handle(self, *args: Any, couples: int, **options: Any) -> None:
        created = make_couple(("alice@example.com", "Alice"), ("bob@example.com", "Bob"), DEMO_PASSWORD)
        show_every_feature("alice@example.com")
        verb = "Created" if created else "Using"
        self.stdout.write(f"{verb} the demo couple. Log in as either partner:")
        self.stdout.write(f"  alice@example.com / {DEMO_PASSWORD}")
        self.stdout.write(f"  bob@example.com   / {DEMO_PASSWORD}")
        start = User.objects.filter(email__startswith="demo").count() // 2
        for n in range(start, start + couples):
            make_couple(
                (f"demo{n}a@example.com", f"Partner {n}A"),
                (f"demo{n}b@example.com", f"Partner {n}B"),
                DEMO_PASSWORD,
            )
        if couples:
            self.stdout.write(f"Added {couples} more couples (demoNa/demoNb@example.com).")
