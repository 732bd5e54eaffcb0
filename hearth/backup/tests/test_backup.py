import hashlib
import json
import shutil
import sqlite3
import stat
import subprocess
from contextlib import closing
from unittest import mock, skipUnless

from django.core.management import CommandError
from django.db import connection

from hearth.backup import snapshot
from hearth.backup.tests.base import BackupTestCase, members
from hearth.experiences import photos


class BackupTests(BackupTestCase):
    def test_it_writes_one_private_archive_of_the_database_and_every_photo(self) -> None:
        out = self.backup()
        self.assertEqual(stat.S_IMODE(self.archive.stat().st_mode), 0o600)
        inside = members(self.archive)
        database = snapshot.FILE_NAMES[connection.vendor]
        self.assertEqual(set(inside), {"manifest.json", database, f"photos/{self.photo}"})
        self.assertEqual(inside[f"photos/{self.photo}"], (self.var_dir / "photos" / self.photo).read_bytes())
        self.assertIn("1 photo", out)
        self.assertIn("secret_key", out)

    def test_its_manifest_lists_each_file_with_its_size_and_sha256(self) -> None:
        self.backup()
        inside = members(self.archive)
        manifest = json.loads(inside.pop("manifest.json"))
        self.assertEqual(manifest["format"], 1)
        self.assertEqual(manifest["database"], connection.vendor)
        self.assertIn("accounts.0001_initial", manifest["migrations"])
        self.assertTrue(manifest["created_at"])
        self.assertEqual(
            {entry["path"]: (entry["size"], entry["sha256"]) for entry in manifest["files"]},
            {name: (len(data), hashlib.sha256(data).hexdigest()) for name, data in inside.items()},
        )

    def test_it_leaves_out_unfinished_uploads_and_anything_not_a_photo(self) -> None:
        (self.var_dir / "photos" / ".upload-abc.part").write_bytes(b"half a photo")
        (self.var_dir / "photos" / "notes.txt").write_bytes(b"not ours")
        self.backup()
        self.assertEqual(
            sorted(name for name in members(self.archive) if name.startswith("photos/")),
            [f"photos/{self.photo}"],
        )

    def test_a_failed_backup_keeps_the_previous_archive_and_leaves_nothing_else(self) -> None:
        self.archive.write_bytes(b"yesterday's archive")
        with (
            mock.patch.object(snapshot, "take", side_effect=snapshot.BackupProblem("The disk is full.")),
            self.assertRaisesMessage(CommandError, "The disk is full."),
        ):
            self.backup()
        self.assertEqual(self.archive.read_bytes(), b"yesterday's archive")
        self.assertEqual([p.name for p in self.archive.parent.iterdir()], [self.archive.name])

    def test_it_refuses_a_folder_that_does_not_exist(self) -> None:
        self.archive = self.archive.parent / "missing" / "hearth.tar.gz"
        with self.assertRaisesMessage(CommandError, "does not exist"):
            self.backup()

    def test_it_backs_up_an_instance_without_photos(self) -> None:
        photos.delete_photo(self.photo)
        self.assertIn("0 photos", self.backup())
        self.assertEqual(len(members(self.archive)), 2)


@skipUnless(connection.vendor == "sqlite", "the SQLite snapshot")
class SQLiteSnapshotTests(BackupTestCase):
    def test_the_snapshot_is_one_self_contained_sqlite_file(self) -> None:
        self.backup()
        copy = self.archive.with_name("copy.sqlite3")
        copy.write_bytes(members(self.archive)["db.sqlite3"])
        with closing(sqlite3.connect(copy)) as db:
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchone(), ("ok",))
            self.assertEqual(db.execute("PRAGMA journal_mode").fetchone(), ("delete",))
            emails = {row[0] for row in db.execute("SELECT email FROM accounts_user")}
        self.assertEqual(emails, {"alice@example.org", "bob@example.org", "carol@example.org"})


@skipUnless(connection.vendor == "postgresql", "the PostgreSQL snapshot")
class PostgreSQLSnapshotTests(BackupTestCase):
    def test_the_snapshot_is_a_pg_dump_in_the_custom_format(self) -> None:
        self.backup()
        dump = self.archive.with_name("copy.pgdump")
        dump.write_bytes(members(self.archive)["db.pgdump"])
        listed = subprocess.run(  # noqa: S603 (fixed arguments)
            [shutil.which("pg_restore") or "pg_restore", "--list", str(dump)],
            capture_output=True,
            text=True,
            check=True,
        )
        self.assertIn("TABLE DATA public accounts_user", listed.stdout)

    def test_it_says_which_programs_are_missing(self) -> None:
        with (
            mock.patch("hearth.backup.snapshot.shutil.which", return_value=None),
            self.assertRaisesMessage(CommandError, "postgresql-client"),
        ):
            self.backup()
        self.assertFalse(self.archive.exists())
