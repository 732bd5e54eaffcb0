from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from hearth.accounts.models import User
from hearth.couples.access import partner_of
from hearth.couples.management.commands.seed_demo import DEMO_PASSWORD


class SeedDemoTests(TestCase):
    def test_it_creates_the_demo_couple_once_and_prints_the_logins(self) -> None:
        out = StringIO()
        call_command("seed_demo", stdout=out)
        call_command("seed_demo", stdout=out)
        alice = User.objects.get(email="alice@example.com")
        bob = User.objects.get(email="bob@example.com")
        self.assertEqual(partner_of(alice), bob)
        self.assertTrue(alice.check_password(DEMO_PASSWORD))
        self.assertIn(f"alice@example.com / {DEMO_PASSWORD}", out.getvalue())
        self.assertEqual(User.objects.count(), 2)

    def test_it_adds_more_couples_for_benchmarks(self) -> None:
        call_command("seed_demo", couples=3, stdout=StringIO())
        call_command("seed_demo", couples=2, stdout=StringIO())
        self.assertEqual(User.objects.count(), 2 + 10)
        first = User.objects.get(email="demo0a@example.com")
        self.assertEqual(partner_of(first), User.objects.get(email="demo0b@example.com"))
