"""What the backup tests share: a couple with a photo in a private VAR_DIR,
the archive's members, and a new, empty instance to restore into.

These tests are TransactionTestCases: a backup is of what is committed, and
pg_dump, a process of its own, sees nothing else.
"""

import copy
import io
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.management import call_command
from django.db import connection, connections
from django.test import TransactionTestCase, override_settings

from hearth.experiences import photos
from hearth.experiences.models import Memory
from hearth.experiences.tests.test_photos import image_bytes, upload, use_temporary_var_dir
from hearth.lib.testing import make_couple, make_user

type Rewrite = Callable[[str, bytes], bytes | None]


def every_row() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table Hearth knows, in primary-key order."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values_list())
        for model in apps.get_models()
    }


def members(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isreg()}  # type: ignore[union-attr]


def rewrite(
    archive: Path,
    change: Rewrite,
    extra: list[tarfile.TarInfo] | None = None,
    renames: dict[str, str] | None = None,
) -> Path:
    """A copy of the archive with each member's bytes passed through `change`
    (None leaves the member out), members renamed, plus `extra` members."""
    copied = archive.with_name("changed.tar.gz")
    with tarfile.open(copied, "w:gz") as tar:
        for name, data in members(archive).items():
            changed = change(name, data)
            if changed is not None:
                info = tarfile.TarInfo((renames or {}).get(name, name))
                info.size = len(changed)
                tar.addfile(info, io.BytesIO(changed))
        for info in extra or []:
            tar.addfile(info, io.BytesIO(b"x" * info.size) if info.isreg() else None)
    return copied


class BackupTestCase(TransactionTestCase):
    def setUp(self) -> None:
        self.var_dir = use_temporary_var_dir(self)
        self.alice = make_user("alice@example.org", "Alice")
        self.bob = make_user("bob@example.org", "Bob")
        self.carol = make_user("carol@example.org", "Carol")
        self.couple = make_couple(self.alice, self.bob)
        self.photo = photos.store_photo(upload("p.jpg", image_bytes("JPEG")))
        self.memory = Memory.objects.create(
            couple=self.couple, author=self.alice, text="Dancing in the kitchen", photo=self.photo
        )
        self.archive = Path(self.enterContext(tempfile.TemporaryDirectory())) / "hearth.tar.gz"

    def backup(self, *args: str) -> str:
        out = io.StringIO()
        call_command("backup", str(self.archive), *args, stdout=out)
        return out.getvalue()

    def restore(self, archive: Path | None = None, *args: str) -> str:
        out = io.StringIO()
        call_command("restore", str(archive or self.archive), *args, stdout=out)
        return out.getvalue()

    @contextmanager
    def new_instance(self) -> Iterator[Path]:
        """A new data directory and a new, empty database (never migrated) for
        the block, as on a new machine; yields the data directory."""
        with tempfile.TemporaryDirectory() as folder, override_settings(VAR_DIR=Path(folder)):
            original = connections["default"]
            settings = copy.deepcopy(original.settings_dict)
            if connection.vendor == "sqlite":
                settings["NAME"] = str(Path(folder) / "hearth.sqlite3")
            else:
                settings["NAME"] = f"{original.settings_dict['NAME']}_restored"
                with original.cursor() as cursor:
                    cursor.execute(f'DROP DATABASE IF EXISTS "{settings["NAME"]}"')
                    cursor.execute(f'CREATE DATABASE "{settings["NAME"]}"')
            fresh = type(original)(settings, "default")
            connections["default"] = fresh
            try:
                yield Path(folder)
            finally:
                fresh.close()
                connections["default"] = original
                if connection.vendor == "postgresql":
                    with original.cursor() as cursor:
                        cursor.execute(f'DROP DATABASE IF EXISTS "{settings["NAME"]}" WITH (FORCE)')
