import json
import tarfile
from collections.abc import Callable
from pathlib import Path

from django.core.management import CommandError
from django.db import connection

from hearth.accounts.models import User
from hearth.backup import snapshot
from hearth.backup.tests.base import BackupTestCase, every_row, rewrite
from hearth.experiences.tests.test_photos import image_bytes
from hearth.lib.testing import TestResponse, make_user


def changed_manifest(**changes: object) -> Callable[[str, bytes], bytes]:
    def change(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        return json.dumps({**json.loads(data), **changes}).encode()

    return change


class RestoreTests(BackupTestCase):
    def get_photo(self, user: User) -> TestResponse:
        self.client.force_login(user)
        return self.client.get(f"/memories/{self.memory.pk}/photo/")

    def photo_bytes(self, response: TestResponse) -> bytes:
        data = b"".join(response.streaming_content)  # type: ignore[attr-defined]
        response.close()
        return data

    def leftovers(self, var_dir: Path) -> list[str]:
        """What is in a new instance's data directory besides its empty SQLite database."""
        return sorted(p.name for p in var_dir.iterdir() if not p.name.startswith("hearth.sqlite3"))

    def test_it_restores_the_rows_and_the_photos_into_a_new_instance_and_serves_them(self) -> None:
        rows = every_row()
        photo = (self.var_dir / "photos" / self.photo).read_bytes()
        self.backup()
        with self.new_instance() as var_dir:
            out = self.restore()
            self.assertEqual(every_row(), rows)
            self.assertEqual((var_dir / "photos" / self.photo).read_bytes(), photo)
            for partner in (self.alice, self.bob):
                response = self.get_photo(partner)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(self.photo_bytes(response), photo)
            self.assertEqual(self.get_photo(self.carol).status_code, 404)
            # The counters came back too: the next account gets a number of its own.
            self.assertGreater(make_user("dan@example.org", "Dan").pk, self.carol.pk)
        self.assertIn("1 photo", out)
        self.assertIn("2 files", out)

    def test_it_refuses_a_hearth_with_accounts_unless_forced(self) -> None:
        rows = every_row()
        self.backup()
        with self.assertRaisesMessage(CommandError, "--force"):
            self.restore()
        self.restore(None, "--force")
        self.assertEqual(every_row(), rows)

    def test_it_refuses_a_new_database_beside_photos_unless_forced(self) -> None:
        self.backup()
        with self.new_instance() as var_dir:
            (var_dir / "photos").mkdir()
            (var_dir / "photos" / ("1" * 32 + ".jpg")).write_bytes(image_bytes("JPEG"))
            with self.assertRaisesMessage(CommandError, "1 photo"):
                self.restore()
            self.assertEqual(connection.introspection.table_names(), [])
            self.restore(None, "--force")
            self.assertEqual(User.objects.count(), 3)

    def test_it_refuses_a_damaged_archive_and_changes_nothing(self) -> None:
        self.backup()
        photo = f"photos/{self.photo}"
        cases = {
            "a changed photo": lambda name, data: data + b"!" if name == photo else data,
            "a missing photo": lambda name, data: None if name == photo else data,
            "a changed database": lambda name, data: data if name.startswith(("p", "m")) else data[:-1],
            "no manifest": lambda name, data: None if name == "manifest.json" else data,
            "a manifest that is not JSON": lambda name, data: b"{" if name == "manifest.json" else data,
        }
        for case, change in cases.items():
            with self.subTest(case), self.new_instance() as var_dir:
                with self.assertRaises(CommandError) as caught:
                    self.restore(rewrite(self.archive, change))
                self.assertIn("Nothing was changed", str(caught.exception))
                self.assertEqual(connection.introspection.table_names(), [])
                self.assertEqual(self.leftovers(var_dir), [])

    def test_it_refuses_a_file_the_manifest_does_not_name(self) -> None:
        self.backup()
        extra = tarfile.TarInfo(f"photos/{'2' * 32}.jpg")
        extra.size = 3
        with self.new_instance(), self.assertRaisesMessage(CommandError, "not in its manifest"):
            self.restore(rewrite(self.archive, lambda name, data: data, [extra]))

    def test_it_refuses_unsafe_paths_and_links(self) -> None:
        self.backup()
        outside = self.archive.parent / "escaped"
        cases = {
            "../escaped": tarfile.REGTYPE,
            str(outside): tarfile.REGTYPE,
            "photos/../../escaped": tarfile.REGTYPE,
            f"photos/{'3' * 32}.jpg": tarfile.SYMTYPE,
        }
        for name, kind in cases.items():
            member = tarfile.TarInfo(name)
            member.type = kind
            member.size = 3 if kind == tarfile.REGTYPE else 0
            member.linkname = str(outside) if kind == tarfile.SYMTYPE else ""
            with self.subTest(name), self.new_instance() as var_dir:
                with self.assertRaisesMessage(CommandError, name):
                    self.restore(rewrite(self.archive, lambda n, data: data, [member]))
                self.assertEqual(self.leftovers(var_dir), [])
                self.assertFalse(outside.exists())

    def test_it_takes_an_archive_packed_again_with_its_photos_folder(self) -> None:
        self.backup()
        folder = tarfile.TarInfo("photos")
        folder.type = tarfile.DIRTYPE
        with self.new_instance() as var_dir:
            self.restore(rewrite(self.archive, lambda name, data: data, [folder]))
            self.assertTrue((var_dir / "photos" / self.photo).is_file())

    def test_it_refuses_an_archive_of_the_other_database(self) -> None:
        self.backup()
        other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
        here, there = snapshot.FILE_NAMES[connection.vendor], snapshot.FILE_NAMES[other]
        files = [
            {**entry, "path": there if entry["path"] == here else entry["path"]}
            for entry in json.loads(self.manifest())["files"]
        ]
        foreign = rewrite(self.archive, changed_manifest(database=other, files=files), renames={here: there})
        with self.new_instance(), self.assertRaisesMessage(CommandError, "PostgreSQL") as caught:
            self.restore(foreign)
        self.assertIn("SQLite", str(caught.exception))

    def test_it_refuses_an_archive_from_a_newer_hearth(self) -> None:
        self.backup()
        migrations = [*json.loads(self.manifest())["migrations"], "accounts.9999_from_the_future"]
        with self.new_instance(), self.assertRaisesMessage(CommandError, "newer Hearth"):
            self.restore(rewrite(self.archive, changed_manifest(migrations=migrations)))

    def test_it_refuses_a_file_that_is_not_a_backup(self) -> None:
        self.archive.write_bytes(b"just some bytes")
        with self.new_instance(), self.assertRaisesMessage(CommandError, "not a Hearth backup"):
            self.restore()

    def manifest(self) -> bytes:
        with tarfile.open(self.archive) as tar:
            return tar.extractfile("manifest.json").read()  # type: ignore[union-attr]
