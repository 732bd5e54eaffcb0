"""How a worker pass scales with the number of schedules.

Seeds TOTAL schedules and reminder plans on PostgreSQL, of which DUE are due
now, then times one worker pass over them (claim, queue, render and send the
e-mails to Django's in-memory backend). The pass should cost about the same
for 10k and 1M rows when the same number is due: every query filters on an
indexed `next_at`.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hearth_bench \\
        .venv/bin/python bench/reminder_scan.py --total 10000 1000000 --due 500

The database named in DATABASE_URL is created if missing and emptied.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hearth.settings")


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


SEED = """
TRUNCATE accounts_user, couples_couple RESTART IDENTITY CASCADE;
INSERT INTO accounts_user (id, password, email, display_name, timezone, country, date_joined, is_active,
                           privacy_accepted_at)
SELECT n, '!', 'bench' || n || '@example.org', 'Person ' || n, 'Europe/London', 'GB', now(), true, now()
FROM generate_series(1, %(people)s) AS n;
INSERT INTO couples_couple (id, created_at) SELECT n, now() FROM generate_series(1, %(total)s) AS n;
INSERT INTO couples_membership (couple_id, user_id, joined_at)
SELECT (n + 1) / 2, n, now() FROM generate_series(1, %(people)s) AS n;
-- Sunday 20:00 in London. The first DUE are due a minute ago; the rest next week.
INSERT INTO checkins_schedule (couple_id, weekday, local_time, timezone, label, agreed_at, proposed_timezone,
                               proposed_label, version, next_at)
SELECT n, 6, '20:00', 'Europe/London', '', now(), '', '', 1,
       CASE WHEN n <= %(due)s THEN %(now)s - interval '1 minute' ELSE %(now)s + interval '6 days' END
FROM generate_series(1, %(total)s) AS n;
INSERT INTO checkins_reminderplan (user_id, enabled, lead_minutes, next_at, occurrence_at)
SELECT n, true, 0,
       CASE WHEN n <= %(due)s THEN %(now)s - interval '1 minute' ELSE %(now)s + interval '6 days' END,
       CASE WHEN n <= %(due)s THEN %(now)s - interval '1 minute' ELSE %(now)s + interval '6 days' END
FROM generate_series(1, %(total)s) AS n;
SELECT setval('accounts_user_id_seq', %(people)s);
SELECT setval('couples_couple_id_seq', %(total)s);
ANALYZE;
"""


def run(total: int, due: int) -> tuple[float, int]:
    from django.db import connection
    from django.utils import timezone

    from hearth.checkins import reminders
    from hearth.worker import outbox
    from hearth.worker.models import OutgoingEmail

    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(SEED, {"people": total * 2, "total": total, "due": due, "now": now})
    OutgoingEmail.objects.all().delete()
    start = time.perf_counter()
    handled = 0
    for job in (reminders.open_due_checkins, reminders.send_due_reminders, outbox.deliver_outbox):
        while (count := job(now)) > 0:
            handled += count
    elapsed = time.perf_counter() - start
    return elapsed, OutgoingEmail.objects.filter(sent_at__isnull=False).count()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--total", type=int, nargs="+", default=[10_000, 1_000_000])
    parser.add_argument("--due", type=int, default=500)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database (it is emptied).")
    ensure_database(url)
    os.environ.setdefault("EMAIL_HOST", "")
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("migrate", verbosity=0)
    results = {}
    for total in args.total:
        elapsed, sent = run(total, args.due)
        results[total] = elapsed
        print(
            f"{total:>9} schedules, {args.due} due: pass {elapsed * 1000:7.1f} ms, "
            f"{sent} reminders sent, {sent / elapsed:7.0f} claimed+rendered+sent per second"
        )
    if len(results) > 1:
        small, large = min(results), max(results)
        print(f"ratio {large} vs {small}: {results[large] / results[small]:.2f}")


if __name__ == "__main__":
    main()
