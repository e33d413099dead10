"""Make removed personal data unreadable in the file itself, not only unlinked.

SQLite leaves an old row's bytes in free space, in the write-ahead log and in the full-text
index's segments until they happen to be overwritten. After anonymising or erasing:
``secure_delete`` zeroes what the work freed, the note index is merged so its segments no
longer hold the removed words, VACUUM writes the database anew (its temporary copy kept in
memory, never in a temporary file), and a TRUNCATE checkpoint empties the -wal file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from homestart_desktop.data.casefile.backups import list_backups

log = logging.getLogger(__name__)


def zero_what_is_freed(*, session: Session) -> None:
    """From now on in this transaction, freed bytes are overwritten with zeros."""
    session.execute(text("PRAGMA secure_delete = ON"))


def merge_note_index(*, session: Session) -> None:
    """Merge the note index into one segment, dropping the words of deleted notes."""
    session.execute(text("INSERT INTO note_search(note_search) VALUES ('optimize')"))


def rewrite_file(*, engine: Engine) -> None:
    """VACUUM, then empty the -wal file: no old page survives in either."""
    engine.dispose()  # idle connections would hold the WAL open
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA secure_delete = ON")
        raw.execute("PRAGMA temp_store = MEMORY")  # VACUUM's copy never reaches a temp file
        raw.execute("VACUUM")
        busy, _, _ = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            log.warning("the -wal file could not be emptied after vacuum: a reader was busy")
        with contextlib.suppress(Exception):
            raw.execute("PRAGMA temp_store = DEFAULT")
    engine.dispose()


def last_backup_before(case_path: Path) -> dt.datetime | None:
    """When the newest backup was made: it still holds what was just removed."""
    found = list_backups(case_path)
    return found[0].made_at if found else None
