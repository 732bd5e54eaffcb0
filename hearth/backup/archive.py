"""One archive holds a whole Hearth: a snapshot of its database, every photo,
and a manifest with each file's size and sha256.

The archive holds private words, so it is readable by its owner alone. It is
written to a temporary file beside the destination and renamed when complete:
a failed backup leaves the last good archive in place. A restore unpacks and
checks the whole archive into a staging folder before it touches the database
or a photo, and writes only the names a backup writes.
"""

import hashlib
import io
import json
import os
import tarfile
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from hearth.backup import snapshot
from hearth.backup.snapshot import FILE_NAMES, VENDOR_NAMES, BackupProblem
from hearth.experiences import photos

FORMAT = 1
MANIFEST = "manifest.json"
PHOTOS = "photos/"
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Summary:
    vendor: str
    files: int
    photos: int
    created_at: str = ""
    migrate_next: bool = False


def count_of(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def create(destination: Path) -> Summary:
    """Write the archive of this Hearth to `destination`, replacing any file there."""
    folder = destination.parent
    if not folder.is_dir():
        raise BackupProblem(f"The folder {folder} does not exist.")
    if destination.is_dir():
        raise BackupProblem(f"{destination} is a folder: name the archive file itself.")
    vendor = connection.vendor
    fd, partial_name = tempfile.mkstemp(dir=folder, prefix=".hearth-backup-", suffix=".part")
    partial = Path(partial_name)
    try:
        with (
            os.fdopen(fd, "wb") as out,
            tempfile.TemporaryDirectory(dir=folder, prefix=".hearth-backup-") as staging,
        ):
            with tarfile.open(fileobj=out, mode="w:gz") as tar:
                # The database before the photos: a photo is written before its
                # row and removed after it, so every photo the snapshot names is
                # on disk when the photos are read, unless deleted since.
                database = Path(staging) / FILE_NAMES[vendor]
                snapshot.take(connection, database)
                entries = [_add(tar, FILE_NAMES[vendor], database)]
                entries += [_add(tar, PHOTOS + path.name, path) for path in _photos()]
                files = [entry for entry in entries if entry is not None]
                manifest = {
                    "format": FORMAT,
                    "created_at": timezone.now().isoformat(timespec="seconds"),
                    "database": vendor,
                    "migrations": sorted(
                        f"{a}.{n}" for a, n in MigrationRecorder(connection).applied_migrations()
                    ),
                    "files": files,
                }
                data = json.dumps(manifest, indent=2).encode()
                tar.addfile(_member(MANIFEST, len(data)), io.BytesIO(data))
            out.flush()
            os.fsync(out.fileno())
        partial.replace(destination)
    except BaseException as error:
        partial.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise BackupProblem(f"The archive could not be written: {error}") from None
        raise
    return Summary(vendor, len(files), len(files) - 1)


def restore(source: Path, *, force: bool) -> Summary:
    """Put the archive in `source` back into this Hearth.

    Refuses, changing nothing, a damaged or foreign archive, and a Hearth that
    already has accounts or photos unless `force` is given.
    """
    var_dir = photos.photo_dir().parent
    var_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=var_dir, prefix=".restore-") as staging_name:
        staging = Path(staging_name)
        try:
            manifest = _unpack(source, staging)
            _check_fits(manifest, force=force)
        except BackupProblem as problem:
            raise BackupProblem(f"{problem.message} Nothing was changed.") from None
        snapshot.put_back(connection, staging / FILE_NAMES[connection.vendor])
        folder = photos.photo_dir()
        folder.mkdir(mode=0o700, exist_ok=True)
        restored = [path.replace(folder / path.name) for path in sorted((staging / "photos").iterdir())]
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    files = len(manifest["files"])
    return Summary(connection.vendor, files, len(restored), manifest["created_at"], bool(pending))


def _photos() -> list[Path]:
    """Every stored photo; unfinished uploads and anything else are not ours to keep."""
    folder = photos.photo_dir()
    names = sorted(path.name for path in folder.iterdir()) if folder.is_dir() else []
    return [path for name in names if (path := photos.photo_path(name)) is not None]


def _member(name: str, size: int) -> tarfile.TarInfo:
    member = tarfile.TarInfo(name)
    member.size = size
    member.mode = 0o600
    member.mtime = int(time.time())
    return member


def _add(tar: tarfile.TarFile, name: str, source: Path) -> dict[str, Any] | None:
    """Add one file, returning its manifest entry; None if it is gone."""
    try:
        reader = source.open("rb")
    except FileNotFoundError:
        return None  # a photo deleted, with its memory, since the snapshot
    with reader:
        digest = hashlib.file_digest(reader, "sha256").hexdigest()
        size = reader.tell()
        reader.seek(0)
        tar.addfile(_member(name, size), reader)
    return {"path": name, "size": size, "sha256": digest}


def _unpack(source: Path, staging: Path) -> dict[str, Any]:
    """Unpack the archive into `staging` and check it whole; return its manifest."""
    try:
        with tarfile.open(source, "r:*") as tar:
            found = _extract(tar, staging)
    except FileNotFoundError:
        raise BackupProblem(f"There is no file {source}.") from None
    except tarfile.ReadError:
        raise BackupProblem(f"{source} is not a Hearth backup (not a .tar.gz archive).") from None
    except (tarfile.TarError, EOFError, zlib.error) as error:
        raise BackupProblem(f"{source} is damaged ({error}).") from None
    except OSError as error:
        raise BackupProblem(f"{source} could not be unpacked: {error}") from None
    if MANIFEST not in found:
        raise BackupProblem(f"{source} has no manifest.json: it is not a Hearth backup, or it is damaged.")
    try:
        manifest: dict[str, Any] = json.loads((staging / MANIFEST).read_bytes())
        listed = {e["path"]: (int(e["size"]), str(e["sha256"])) for e in manifest["files"]}
        fmt, vendor = manifest["format"], manifest["database"]
        migrations = [str(m) for m in manifest["migrations"]]
        manifest["created_at"] = str(manifest["created_at"])
    except (ValueError, KeyError, TypeError):
        raise BackupProblem(f"The manifest in {source} cannot be read: the archive is damaged.") from None
    if fmt != FORMAT:
        raise BackupProblem(f"{source} was written by a newer Hearth (format {fmt}): upgrade this one first.")
    if vendor not in FILE_NAMES or FILE_NAMES[vendor] not in listed:
        raise BackupProblem(f"The manifest in {source} names no database: the archive is damaged.")
    del found[MANIFEST]
    if unlisted := sorted(found.keys() - listed.keys()):
        raise BackupProblem(f"{source} holds {unlisted[0]}, which is not in its manifest.")
    for path, expected in sorted(listed.items()):
        if path not in found:
            raise BackupProblem(f"{source} is missing {path!r}, which its manifest lists.")
        if found[path] != expected:
            raise BackupProblem(f"{path} in {source} does not match its sha256: the archive is damaged.")
    manifest["migrations"] = migrations
    return manifest


def _extract(tar: tarfile.TarFile, staging: Path) -> dict[str, tuple[int, str]]:
    """Copy each member to its own name under `staging`; return each one's size and sha256."""
    (staging / "photos").mkdir(mode=0o700)
    found: dict[str, tuple[int, str]] = {}
    for member in tar:
        if member.isdir() and member.name.rstrip("/") == PHOTOS.rstrip("/"):
            continue  # an archive packed again by hand may name the folder
        name = _checked_name(member)
        if name in found:
            raise BackupProblem(f"The archive holds {name} twice.")
        reader = tar.extractfile(member)
        assert reader is not None  # a regular file, checked above
        fd = os.open(staging / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with reader, os.fdopen(fd, "wb") as out:
            found[name] = _copy(reader, out)
    return found


def _copy(reader: IO[bytes], out: IO[bytes]) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    while chunk := reader.read(CHUNK):
        digest.update(chunk)
        out.write(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def _checked_name(member: tarfile.TarInfo) -> str:
    """The member's name, if it is one a backup writes; nothing else is unpacked."""
    name = member.name
    if name.startswith("/") or "\\" in name or ".." in PurePosixPath(name).parts:
        raise BackupProblem(f"The archive holds an unsafe path, {name!r}.")
    if not member.isreg():
        raise BackupProblem(f"The archive holds {name!r}, which is not a plain file.")
    photo = name.removeprefix(PHOTOS)
    if name == MANIFEST or name in FILE_NAMES.values() or (photo != name and photos.photo_path(photo)):
        return name
    raise BackupProblem(f"The archive holds {name!r}, which no Hearth backup holds.")


def _check_fits(manifest: dict[str, Any], *, force: bool) -> None:
    """Refuse an archive this Hearth cannot take, and a Hearth in use unless forced."""
    archived, here = manifest["database"], connection.vendor
    if archived != here:
        raise BackupProblem(
            f"This archive holds a {VENDOR_NAMES[archived]} database, and this Hearth uses "
            f"{VENDOR_NAMES[here]}: restore it where DATABASE_URL points to {VENDOR_NAMES[archived]}."
        )
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = [m for m in manifest["migrations"] if tuple(m.split(".", 1)) not in known]
    if unknown:
        raise BackupProblem(
            "This archive comes from a newer Hearth, with migrations this copy does not know "
            f"({', '.join(unknown[:3])}): upgrade this copy, then restore."
        )
    in_use = []
    users = get_user_model()
    table = users._meta.db_table
    if table in connection.introspection.table_names() and (count := users._default_manager.count()):
        in_use.append(count_of(count, "account"))
    if count := len(_photos()):
        in_use.append(count_of(count, "photo"))
    if in_use and not force:
        raise BackupProblem(
            f"This Hearth already has {' and '.join(in_use)}. A restore replaces its database "
            "with the archive's: run it again with --force if that is what you want."
        )
