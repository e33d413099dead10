"""One read of an up-to-date case file without SQLAlchemy, for a command that only reads.

Printing a blank intake form needs the branch's settings and nothing else; loading SQLAlchemy,
SQLModel and every table for that took most of the command's second. The file is refused as
:func:`casefile.unlock` refuses it (its lock, the key on page 1, its length and WAL, the checks
of every connection, the format marker, the schema's revision). When the file needs more than a
read (a migration, or the day's first backup), the answer is None and the command unlocks the
usual way.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

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


def branch_settings_if_current(path: Path, *, passphrase: str) -> BranchSettings | None:
    """The branch's settings, read at once; None when the file must be unlocked in full first.

    Raises the refusals of :func:`casefile.unlock` (wrong passphrase, in use, damaged, newer).
    """
    path = Path(path)
    refuse_obvious_strangers(path)
    lock = lock_for(path)
    acquire(lock)
    try:
        if daily_backup_due(path):  # before the key: the full unlock makes it
            return None
        with path.open("rb") as fh:
            salt = fh.read(SALT_BYTES)
        key = derive_key(passphrase, salt)
        opening.check_before_open(path, key)
        stored = _read_settings(path, raw_key(key, salt))
        if stored is not None:
            log.info("case file read")
        return None if stored is None else settings_from_stored(stored)
    finally:
        release(lock)


def _read_settings(path: Path, key: str) -> dict[str, str] | None:
    import sqlcipher3

    quiet_sqlcipher()
    connection = sqlcipher3.connect(os.fsencode(path), isolation_level=None)
    try:
        connection.execute(f'PRAGMA key = "{key}"')
        prepare_connection(connection, path)
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
    finally:
        connection.close()
