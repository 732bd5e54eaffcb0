import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

ROOT = Path(settings.BASE_DIR)


def check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run `manage.py check` with the given environment in a fresh process,
    as a deployment would start."""
    full = {**os.environ, "SECRET_KEY": "x" * 50, **env}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=full,
        capture_output=True,
        text=True,
        check=False,
    )


class SettingsTests(SimpleTestCase):
    def test_a_bad_debug_value_stops_the_start(self) -> None:
        result = check({"DEBUG": "maybe"})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("DEBUG must be true or false", result.stderr)

    def test_an_unknown_database_stops_the_start(self) -> None:
        result = check({"DATABASE_URL": "mysql://root@localhost/hearth"})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("DATABASE_URL must start with sqlite:// or postgres://", result.stderr)

    def test_a_bad_site_url_stops_the_start(self) -> None:
        result = check({"SITE_URL": "hearth.example.org"})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("SITE_URL must be an http(s) address", result.stderr)

    def test_the_database_is_tuned_for_concurrent_requests(self) -> None:
        db = settings.DATABASES["default"]
        if db["ENGINE"] == "django.db.backends.sqlite3":
            options = db["OPTIONS"]
            self.assertEqual(options["transaction_mode"], "IMMEDIATE")
            self.assertIn("journal_mode=WAL", options["init_command"])
            self.assertIn("synchronous=NORMAL", options["init_command"])
            self.assertGreater(options["timeout"], 0)
        else:
            self.assertEqual(db["ENGINE"], "django.db.backends.postgresql")
            self.assertTrue(db["CONN_HEALTH_CHECKS"])
            self.assertGreater(db["CONN_MAX_AGE"] or 0, 0)

    def test_argon2_hashes_passwords_in_production(self) -> None:
        # The test runner swaps in a fast hasher; the setting itself keeps Argon2 first.
        from hearth import settings as module

        self.assertEqual(module.PASSWORD_HASHERS[0], "django.contrib.auth.hashers.Argon2PasswordHasher")
