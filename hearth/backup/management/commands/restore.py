from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hearth.backup import archive
from hearth.backup.snapshot import VENDOR_NAMES, BackupProblem


class Command(BaseCommand):
    help = (
        "Put an archive written by `backup` back into this Hearth, after checking every file's sha256. "
        "Stop the web and worker services first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the archive written by `manage.py backup`")
        parser.add_argument(
            "--force",
            action="store_true",
            help="restore even though this Hearth already has accounts or photos (its database is replaced)",
        )

    def handle(self, *args: Any, file: Path, force: bool, **options: Any) -> None:
        try:
            summary = archive.restore(file, force=force)
        except BackupProblem as problem:
            raise CommandError(problem.message) from None
        database, photos = VENDOR_NAMES[summary.vendor], archive.count_of(summary.photos, "photo")
        files = archive.count_of(summary.files, "file")
        self.stdout.write(f"Checked {files} against the manifest: each matches its sha256.")
        self.stdout.write(
            f"Restored the {database} database and {photos} from the backup of {summary.created_at}."
        )
        if summary.migrate_next:
            self.stdout.write("The archive is from an older Hearth: run `manage.py migrate` now.")
