"""The database half of a backup: one consistent snapshot, and putting it back.

SQLite uses its online backup API, in both directions, through Django's own
connection: the copy is one moment of the database even while Hearth writes,
and a restore replaces the whole database, WAL and all. PostgreSQL uses
pg_dump's custom format and pg_restore, which need the client programs of the
server's major version or newer (Debian: postgresql-client).
"""

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.postgresql.client import DatabaseClient

from hearth.lib.problems import Problem

FILE_NAMES = {"sqlite": "db.sqlite3", "postgresql": "db.pgdump"}
VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


class BackupProblem(Problem):
    """Why a backup or a restore cannot go on, in words meant for the person running it."""


def take(connection: BaseDatabaseWrapper, target: Path) -> None:
    """Write a snapshot of the database to `target`."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        try:
            with closing(sqlite3.connect(target)) as copy:
                # One step (pages=-1) holds one read transaction throughout.
                _raw(connection).backup(copy)
                # The copy stands alone: no -wal file is needed to read it.
                copy.execute("PRAGMA journal_mode=DELETE")
        except sqlite3.Error as error:
            raise BackupProblem(f"The database could not be copied: {error}") from None
    else:
        _postgres(connection, "pg_dump", "--format=custom", f"--file={target}")


def put_back(connection: BaseDatabaseWrapper, source: Path) -> None:
    """Replace the database's whole content with the snapshot in `source`."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        try:
            with closing(sqlite3.connect(source)) as snapshot:
                snapshot.backup(_raw(connection))
        except sqlite3.Error as error:
            raise BackupProblem(f"The database could not be restored: {error}") from None
    else:
        # pg_restore works over a connection of its own: let go of ours first.
        connection.close()
        _postgres(
            connection,
            "pg_restore",
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--exit-on-error",
            str(source),
        )


def _raw(connection: BaseDatabaseWrapper) -> sqlite3.Connection:
    raw: Any = connection.connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def _postgres(connection: BaseDatabaseWrapper, program: str, *arguments: str) -> None:
    executable = shutil.which(program)
    if executable is None:
        raise BackupProblem(
            f"{program} was not found. Install PostgreSQL's client programs "
            "(on Debian: apt-get install postgresql-client), of the server's version or newer."
        )
    db = connection.settings_dict
    # Django's own psql settings give the password, SSL and service variables.
    _, env = DatabaseClient.settings_to_cmd_args_env(db, [])
    options = [f"--dbname={db['NAME']}", "--no-password", "--no-owner", "--no-privileges"]
    flags = {"USER": "--username", "HOST": "--host", "PORT": "--port"}
    options += [f"{flag}={db[key]}" for key, flag in flags.items() if db.get(key)]
    done = subprocess.run(  # noqa: S603 (a PostgreSQL program found on PATH, our own arguments)
        [executable, *options, *arguments],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BackupProblem(f"{program} failed: {done.stderr.strip()}")
