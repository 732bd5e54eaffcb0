from io import StringIO
from pathlib import Path
from tempfile import TemporaryDirectory

from django.core.management import call_command
from django.test import TestCase

from hearth.accounts.models import User
from hearth.appreciation.models import Note
from hearth.checkins.models import CheckIn, Schedule
from hearth.couples.access import partner_of
from hearth.couples.management.commands.seed_demo import DEMO_PASSWORD
from hearth.experiences import ideas, plans
from hearth.experiences.models import Memory
from hearth.questions import ladder
from hearth.questions.models import DailyRound
from hearth.repair.models import Apology


class SeedDemoTests(TestCase):
    def setUp(self) -> None:
        # The demo stores a photo: keep it out of the real var/.
        var = TemporaryDirectory()
        self.addCleanup(var.cleanup)
        self.var = Path(var.name)
        override = self.settings(VAR_DIR=self.var)
        override.enable()
        self.addCleanup(override.disable)

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

    def test_the_demo_couple_has_a_schedule_and_past_check_ins(self) -> None:
        call_command("seed_demo", stdout=StringIO())
        call_command("seed_demo", stdout=StringIO())
        alice = User.objects.get(email="alice@example.com")
        schedule = Schedule.objects.get(couple__memberships__user=alice)
        self.assertEqual(schedule.slot.describe() if schedule.slot else "", "Sundays at 20:00")
        self.assertIsNotNone(schedule.next_at)
        checkins = CheckIn.objects.filter(couple=schedule.couple)
        self.assertEqual(checkins.count(), 3)
        self.assertTrue(all(c.revealed_at for c in checkins))

    def test_the_demo_has_questions_answered_pending_and_the_ladder_on_step_2(self) -> None:
        call_command("load_content", stdout=StringIO())
        call_command("seed_demo", stdout=StringIO())
        alice = User.objects.get(email="alice@example.com")
        couple = Schedule.objects.get(couple__memberships__user=alice).couple
        rounds = DailyRound.objects.filter(couple=couple).order_by("day")
        self.assertEqual(len(rounds), 2)
        self.assertIsNotNone(rounds[0].revealed_at)
        self.assertIsNone(rounds[1].revealed_at)
        self.assertEqual(ladder.step_of(couple), 2)

    def test_the_demo_has_matches_a_planned_date_and_two_memories(self) -> None:
        call_command("load_content", stdout=StringIO())
        call_command("seed_demo", stdout=StringIO())
        alice = User.objects.get(email="alice@example.com")
        couple = Schedule.objects.get(couple__memberships__user=alice).couple
        self.assertEqual(ideas.matches(couple).count(), 3)
        self.assertEqual(len(plans.upcoming(couple)), 1)
        memories = Memory.objects.filter(couple=couple)
        self.assertEqual(memories.count(), 2)
        photo = memories.exclude(photo="").get()
        self.assertTrue((self.var / "photos" / photo.photo).exists())

    def test_the_demo_has_two_check_ups_with_a_trend_and_a_plan(self) -> None:
        call_command("seed_demo", stdout=StringIO())
        self.client.force_login(User.objects.get(email="alice@example.com"))
        r = self.client.get("/checkup/")
        self.assertContains(r, "How things are moving")
        self.assertContains(r, "Your first steps")
        self.assertContains(r, "Fun and time together")

    def test_the_demo_has_a_jar_and_a_past_apology_exchange(self) -> None:
        call_command("seed_demo", stdout=StringIO())
        alice = User.objects.get(email="alice@example.com")
        self.assertTrue(Note.objects.filter(recipient=alice, sent_at__isnull=False).exists())
        apology = Apology.objects.get(recipient=alice)
        self.assertTrue(apology.response)

    def test_it_adds_more_couples_for_benchmarks(self) -> None:
        call_command("seed_demo", couples=3, stdout=StringIO())
        call_command("seed_demo", couples=2, stdout=StringIO())
        self.assertEqual(User.objects.count(), 2 + 10)
        first = User.objects.get(email="demo0a@example.com")
        self.assertEqual(partner_of(first), User.objects.get(email="demo0b@example.com"))
