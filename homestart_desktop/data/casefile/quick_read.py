"""One read of an up-to-date case file without SQLAlchemy, for a command that only reads (and
notes in the Logboek what it saved).

Printing a blank intake form needs the branch's settings and nothing else; loading SQLAlchemy,
SQLModel and every table for that took most of the command's second. The file is refused as
:func:`casefile.unlock` refuses it (its lock, the key on page 1, its length and WAL, the checks
of every connection, the format marker, the schema's revision). When the file needs more than a
read (a migration, or the day's first backup), the answer is None and the command unlocks the
usual way.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from homestart_desktop.data.casefile import migrations, opening
from homestart_desktop.data.casefile.backups import daily_backup_due
from homestart_desktop.data.casefile.errors import NewerVersion, NotACaseFile
from homestart_desktop.data.casefile.keys import (
    FORMAT_MARKER,
    SALT_BYTES,
    acquire,
    derive_key,
    lock_for,
    prepare_connection,
    quiet_sqlcipher,
    raw_key,
    refuse_obvious_strangers,
    release,
)
from homestart_desktop.data.settings import BranchSettings, settings_from_stored

log = logging.getLogger(__name__)


class CurrentFile:
    """An up-to-date case file opened for one read (its settings) and one Logboek entry."""

    def __init__(self, connection: Any, settings: BranchSettings, path: Path) -> None:
        self._connection = connection
        self._path = path
        self.settings = settings

    def note_saved(self, document: str) -> None:
        """The Logboek's entry for a document saved from this command, as
        ``data/audit/events.record_document`` writes it (login name, now, no code)."""
        import sqlcipher3

        from homestart_desktop.data.audit.kinds import AuditKind
        from homestart_desktop.data.audit.who import login_name

        at = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")  # as SQLAlchemy stores it
        kind = AuditKind.saved.value
        try:
            self._connection.execute("BEGIN IMMEDIATE")
            self._connection.execute(
                "INSERT INTO auditevent (at, action, entity, detail, kind, who, fields) "
                "VALUES (?, ?, '', ?, ?, ?, '')",
                (at, kind, document, kind, login_name()),
            )
            self._connection.execute("COMMIT")
        except sqlcipher3.Error as error:  # e.g. a full disk: said by its name, never raw
            named = opening.named_error(error, self._path)
            if named is not error:
                raise named from error
            raise


@contextlib.contextmanager
def current_case_file(path: Path, *, passphrase: str) -> Iterator[CurrentFile | None]:
    """The file, read at once; None when it must be unlocked in full first (a migration, or
    the day's first backup). Held locked until the block ends.

    Raises the refusals of :func:`casefile.unlock` (wrong passphrase, in use, damaged, newer).
    """
    path = Path(path)
    refuse_obvious_strangers(path)
    lock = lock_for(path)
    acquire(lock)
    try:
        if daily_backup_due(path):  # before the key: the full unlock makes it
            yield None
            return
        with path.open("rb") as fh:
            salt = fh.read(SALT_BYTES)
        key = derive_key(passphrase, salt)
        opening.check_before_open(path, key)
        connection = _connect(path, raw_key(key, salt))
        try:
            stored = _read_settings(connection, path)
            if stored is None:
                yield None
                return
            log.info("case file read")
            yield CurrentFile(connection, settings_from_stored(stored), path)
        finally:
            connection.close()
    finally:
        release(lock)


def _connect(path: Path, key: str) -> Any:
    import sqlcipher3

    quiet_sqlcipher()
    connection = sqlcipher3.connect(os.fsencode(path), isolation_level=None)
    try:
        connection.execute(f'PRAGMA key = "{key}"')
        prepare_connection(connection, path)
    except BaseException:
        connection.close()
        raise
    return connection


def _read_settings(connection: Any, path: Path) -> dict[str, str] | None:
    import sqlcipher3

    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if "alembic_version" not in tables or "setting" not in tables:
            raise NotACaseFile()
        stored = dict(connection.execute("SELECT key, value FROM setting"))
        if stored.get("format") != f'"{FORMAT_MARKER}"':
            raise NotACaseFile()
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision not in migrations.known_revisions():
            raise NewerVersion()
        return stored if revision == migrations.head_revision() else None
    except sqlcipher3.Error as error:
        named = opening.named_error(error, path)
        if named is not error:
            raise named from error
        raise
