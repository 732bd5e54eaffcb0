from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from hearth.backup import archive
from hearth.backup.snapshot import VENDOR_NAMES, BackupProblem


class Command(BaseCommand):
    help = "Write one archive of this Hearth: a snapshot of the database, every photo and a manifest."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the archive to write (.tar.gz); replaced if it exists")

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        try:
            summary = archive.create(file)
        except BackupProblem as problem:
            raise CommandError(problem.message) from None
        database, photos = VENDOR_NAMES[summary.vendor], archive.count_of(summary.photos, "photo")
        size = file.stat().st_size / 1_000_000
        self.stdout.write(
            f"Backed up the {database} database and {photos} to {file} ({size:.1f} MB), "
            "readable by you alone."
        )
        self.stdout.write(
            "The secret key is not in it (SECRET_KEY, or "
            f"{Path(settings.VAR_DIR) / 'secret_key'}): keep a copy of that safe, separately."
        )
