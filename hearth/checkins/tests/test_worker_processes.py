"""Two real worker processes, started at the same moment against one shared
database: every due reminder is queued once and sent once.

On PostgreSQL the processes use the test database itself. On SQLite the test
database lives in memory, where no other process can reach it, so the test
migrates a temporary database file for them instead. Either way the rows are
seeded, and the outcome read, by small processes of their own.
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.db import connection
from django.test import TransactionTestCase
from django.utils import timezone

from hearth.lib.smtp import SMTPServer

MANAGE = str(Path(settings.BASE_DIR) / "manage.py")
COUPLES = 100  # 200 people, each with a reminder due


def seed(couples: int) -> None:
    """Run in a separate process: couples whose weekly slot was a minute ago,
    with the check-in and both partners' reminders due."""
    from hearth.accounts.models import User
    from hearth.checkins.models import ReminderPlan, Schedule
    from hearth.couples.models import Couple, Membership

    due = timezone.now().replace(second=0, microsecond=0) - timedelta(minutes=1)
    people = User.objects.bulk_create(
        User(email=f"person{n}@example.org", display_name=f"Person {n}", password="!")
        for n in range(2 * couples)
    )
    pairs = Couple.objects.bulk_create(Couple() for _ in range(couples))
    Membership.objects.bulk_create(
        Membership(couple=couple, user=person)
        for i, couple in enumerate(pairs)
        for person in people[2 * i : 2 * i + 2]
    )
    Schedule.objects.bulk_create(
        Schedule(couple=couple, weekday=due.weekday(), local_time=due.time(), timezone="UTC", next_at=due)
        for couple in pairs
    )
    ReminderPlan.objects.bulk_create(
        ReminderPlan(user=p, enabled=True, next_at=due, occurrence_at=due) for p in people
    )


def report() -> None:
    """Run in a separate process: print what the workers left behind."""
    from hearth.checkins.models import CheckIn, ReminderPlan
    from hearth.worker.models import OutgoingEmail

    outbox = OutgoingEmail.objects.values_list("recipient__email", "kind", "sent_at", "attempts")
    print(
        json.dumps(
            {
                "outbox": [[to, kind, sent is not None, attempts] for to, kind, sent, attempts in outbox],
                "still_due": ReminderPlan.objects.filter(next_at__lte=timezone.now()).count(),
                "checkins": list(CheckIn.objects.values_list("couple_id", flat=True)),
            }
        )
    )


class WorkerProcessTests(TransactionTestCase):
    def setUp(self) -> None:
        self.smtp = self.enterContext(SMTPServer())
        self.env = {
            **os.environ,
            "DATABASE_URL": self.shared_database(),
            "SECRET_KEY": "two-workers-test",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.smtp.port),
            "EMAIL_USE_TLS": "false",
            "EMAIL_HOST_USER": "",
            "EMAIL_HOST_PASSWORD": "",
        }
        if connection.vendor == "sqlite":
            self.manage("migrate", "--no-input")

    def shared_database(self) -> str:
        db = connection.settings_dict
        if connection.vendor == "postgresql":
            login = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
            return f"postgres://{login}@{db['HOST']}:{db['PORT']}/{quote(db['NAME'])}"
        folder = self.enterContext(tempfile.TemporaryDirectory())
        return f"sqlite:///{folder}/shared.sqlite3"

    def manage(self, *args: str) -> str:
        done = subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
            [sys.executable, MANAGE, *args],
            env=self.env,
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        self.assertEqual(done.returncode, 0, done.stderr)
        return done.stdout

    def call(self, function: str) -> str:
        """Call a function of this module in a process of its own."""
        return self.manage("shell", "--no-imports", "-c", f"import {__name__} as here; here.{function}")

    def start_worker(self, *args: str) -> subprocess.Popen[str]:
        worker = subprocess.Popen(  # noqa: S603 (our own manage.py, fixed arguments)
            [sys.executable, MANAGE, "worker", *args],
            env={**self.env, "PYTHONUNBUFFERED": "1"},
            cwd=settings.BASE_DIR,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.addCleanup(worker.kill)
        return worker

    def test_it_sends_each_due_reminder_exactly_once_with_two_workers(self) -> None:
        self.call(f"seed({COUPLES})")

        workers = [self.start_worker("--once") for _ in range(2)]
        for worker in workers:
            _, errors = worker.communicate(timeout=120)
            self.assertEqual(worker.returncode, 0, errors)

        everyone = {f"person{n}@example.org" for n in range(2 * COUPLES)}
        received = Counter(str(message["To"]) for message in self.smtp.inbox.messages)
        self.assertEqual(set(received), everyone)
        self.assertEqual(set(received.values()), {1})

        left: dict[str, Any] = json.loads(self.call("report()").splitlines()[-1])
        self.assertEqual(sorted(row[0] for row in left["outbox"]), sorted(everyone))
        self.assertEqual(
            {(kind, sent, attempts) for _, kind, sent, attempts in left["outbox"]},
            {("checkin_reminder", True, 1)},
        )
        self.assertEqual(left["still_due"], 0)
        self.assertEqual(len(left["checkins"]), COUPLES)
        self.assertEqual(len(set(left["checkins"])), COUPLES)

    def test_it_stops_promptly_and_cleanly_on_sigterm(self) -> None:
        worker = self.start_worker("--interval", "60")
        assert worker.stdout is not None
        # The first pass has run; the worker is now waiting for the next one.
        self.assertIn("ran clear_expired_sessions", worker.stdout.readline())
        worker.send_signal(signal.SIGTERM)
        _, errors = worker.communicate(timeout=10)
        self.assertEqual(worker.returncode, 0, errors)
