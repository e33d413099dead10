"""Encrypted backups of the case file: made by SQLCipher itself, rotated, restorable.

A backup is written by SQLite's online backup API into a new file keyed with the same raw key
(key and salt) as the case file: SQLCipher decrypts each page as it reads it and encrypts it again
as it writes it, so the copy is a whole, consistent database (commits still in the WAL included)
that opens with the passphrase the file had when the backup was made. It is about twice as fast
as ``sqlcipher_export``, which rebuilds every table and index row by row. A plain file copy could
miss the WAL's commits; a decrypted copy is never made.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import glob
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from homestart_desktop.data.casefile.errors import CaseFileError, DamagedCaseFile, FileCutShort
from homestart_desktop.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from homestart_desktop.data.casefile.casefile import CaseFile

log = logging.getLogger(__name__)

DEFAULT_KEEP = 10


@dataclasses.dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: dt.datetime
    reason: str
    size: int


def backup_dir(case_path: Path) -> Path:
    """Backups live in a folder beside the case file: ``Gent.hscase-backups/``."""
    return case_path.with_name(case_path.name + "-backups")


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every system can sync a folder (Windows)
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def make_backup(
    engine: Engine,
    case_path: Path,
    raw_key: str,
    *,
    to_dir: Path | None = None,
    reason: str = "manual",
    now: dt.datetime | None = None,
) -> Path:
    """Write an encrypted copy of the open case file and return where it is."""
    folder = Path(to_dir) if to_dir else backup_dir(case_path)
    try:
        return _write_backup(engine, case_path, raw_key, folder, reason=reason, now=now)
    except Exception as error:
        from homestart_desktop.data.casefile.opening import storage_problem

        # A backup needs about as much room as the file itself.
        named = storage_problem(
            error, folder if folder.is_dir() else folder.parent, needed=_size(case_path)
        )
        if named is None:
            raise
        raise named from error


def _size(path: Path) -> int:
    return sum(
        candidate.stat().st_size
        for candidate in (path, path.with_name(path.name + "-wal"))
        if candidate.exists()
    )


def remove_unfinished(folder: Path, case_path: Path) -> list[Path]:
    """Backups that were never finished (the app was killed while writing them) go."""
    removed = []
    for pattern in ("*.hscase.partial", "*.hscase.partial-*"):
        for path in folder.glob(f"{glob.escape(case_path.stem)}-{pattern}"):
            path.unlink(missing_ok=True)
            removed.append(path)
    if removed:
        log.info("%d unfinished backup files removed", len(removed))
    return removed


def _write_backup(
    engine: Engine,
    case_path: Path,
    raw_key: str,
    folder: Path,
    *,
    reason: str,
    now: dt.datetime | None,
) -> Path:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    remove_unfinished(folder, case_path)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{case_path.stem}-{stamp}-{reason}.hscase"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{case_path.stem}-{stamp}-{reason}-{counter}.hscase"
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        _copy_pages(engine, partial, raw_key)
        with partial.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
        _fsync_dir(folder)
    except BaseException:
        partial.unlink(missing_ok=True)
        for leftover in ("-journal", "-wal", "-shm"):
            partial.with_name(partial.name + leftover).unlink(missing_ok=True)
        raise
    log.info("backup made (%s)", reason)
    return target


def _copy_pages(engine: Engine, partial: Path, raw_key: str) -> None:
    """Copy the open case file, page by page, into ``partial`` keyed with the same raw key."""
    import sqlcipher3

    # The file name as the system's bytes: a name that is not UTF-8 (café in Latin-1 on Linux)
    # cannot be passed as text.
    copy = sqlcipher3.connect(os.fsencode(partial), isolation_level=None)
    try:
        copy.execute(f'PRAGMA key = "{raw_key.strip(chr(34))}"')
        with engine.connect() as connection:
            source = connection.connection.dbapi_connection
            source.backup(copy)  # one step: the copy is one snapshot, WAL commits included
        # The copy carries the case file's WAL mode in its header; a backup is one file.
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()


def list_backups(case_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of a case file, newest first."""
    folder = folder or backup_dir(case_path)
    found: list[BackupInfo] = []
    for path in folder.glob(f"{glob.escape(case_path.stem)}-*.hscase"):
        parts = path.stem[len(case_path.stem) + 1 :].split("-")
        try:
            made_at = dt.datetime.strptime("-".join(parts[:2]), "%Y%m%d-%H%M%S")
        except ValueError:
            continue
        # "before-update", "before-restore": reasons may hold a dash; a trailing number does not
        # belong to them (a second backup in the same second).
        reason = "-".join(part for part in parts[2:] if not part.isdigit())
        found.append(BackupInfo(path, made_at, reason, path.stat().st_size))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def rotate(case_path: Path, *, keep: int) -> list[Path]:
    """Remove all but the newest ``keep`` backups; return what was removed."""
    removed = []
    for info in list_backups(case_path)[max(keep, 1) :]:
        info.path.unlink(missing_ok=True)
        removed.append(info.path)
    return removed


def daily_backup_due(case_path: Path) -> bool:
    """True until today's first unlock has made its backup."""
    newest = list_backups(case_path)
    return not (newest and newest[0].made_at.date() == dt.date.today())


def daily_backup_if_due(case_file: CaseFile, *, keep: int | None = None) -> Path | None:
    """On the first unlock of a day, make a backup and keep only the newest ones."""
    from homestart_desktop.data.settings import load_settings

    if not daily_backup_due(case_file.path):
        return None
    made = case_file.backup(reason="daily")
    if keep is None:
        with case_file.session() as session:
            keep = load_settings(session=session).backups_to_keep
    rotate(case_file.path, keep=keep or DEFAULT_KEEP)
    return made


def daily_backup_or_warn(case_file: CaseFile, *, keep: int | None) -> None:
    """Today's backup; one that cannot be made (a full disk) must not stop the day's work."""
    from homestart_desktop.data.casefile.opening import named_error

    try:
        daily_backup_if_due(case_file, keep=keep)
    except Exception as error:
        named = named_error(error, case_file.path, needed=case_file.path.stat().st_size)
        if isinstance(named, (DamagedCaseFile, FileCutShort)):
            raise named from error  # the backup read a damaged page: that must be seen now
        log.warning("daily backup not made: %s", type(named).__name__)
        case_file.backup_problem = backup_problem_message(named)


def backup_problem_message(error: BaseException) -> str:
    """What the screens and the command line say when today's backup could not be made."""
    reason = error.message if isinstance(error, CaseFileError) else ""
    return " ".join(
        part
        for part in (
            _("Today's backup could not be made; you can work on, but make one soon."),
            reason,
        )
        if part
    )


def restore_backup(backup: Path, target: Path, *, passphrase: str, who: str = "") -> Path | None:
    """Put a backup in the place of ``target`` after checking that it opens and is whole.

    The file it replaces is kept beside it (``…-before-restore-….hscase``), never deleted.
    Returns where that earlier file was kept, if there was one. The restored file's Logboek
    notes the restore (by ``who``; empty: the login name).
    """
    from homestart_desktop.data.casefile.casefile import (
        _acquire,
        _lock_for,
        _release,
        check_case_file,
    )

    backup, target = Path(backup), Path(target)
    problems = check_case_file(backup, passphrase=passphrase)
    if problems:
        raise DamagedCaseFile("; ".join(problems[:3]))
    if backup.resolve() == target.resolve():
        raise CaseFileError()
    lock = _lock_for(target)
    _acquire(lock)
    try:
        partial = target.with_name(target.name + ".restoring")
        partial.unlink(missing_ok=True)
        fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "wb") as out, backup.open("rb") as source:
            while chunk := source.read(1 << 20):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        kept = None
        if target.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            folder = backup_dir(target)
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            kept = folder / f"{target.stem}-{stamp}-before-restore.hscase"
            os.replace(target, kept)
            # The WAL belongs with the file it was written for: it moves along, never onto
            # the restored file, which it would corrupt.
            wal = target.with_name(target.name + "-wal")
            if wal.exists():
                os.replace(wal, kept.with_name(kept.name + "-wal"))
            target.with_name(target.name + "-shm").unlink(missing_ok=True)
        os.replace(partial, target)
        _fsync_dir(target.parent)
        log.info("backup restored")
    finally:
        _release(lock)
    _note_restore(target, passphrase=passphrase, who=who, backup_made=_made_on(backup))
    return kept


def _made_on(backup: Path) -> str:
    """The day the backup was made, from its modification time (its name may hold anything)."""
    return dt.datetime.fromtimestamp(backup.stat().st_mtime).date().isoformat()


def _note_restore(target: Path, *, passphrase: str, who: str, backup_made: str) -> None:
    """The restored file's own Logboek says that it was put back, and from which day."""
    from homestart_desktop.data.audit.events import record_event
    from homestart_desktop.data.audit.kinds import AuditKind
    from homestart_desktop.data.casefile.casefile import unlock

    try:
        case_file = unlock(target, passphrase=passphrase, daily_backup=False)
    except CaseFileError:  # e.g. a backup from a newer version: it opens in that version
        log.warning("restore not noted in the log: the restored file does not open here")
        return
    try:
        case_file.coordinator = who
        with case_file.session() as session:
            record_event(session=session, kind=AuditKind.restored, detail=backup_made)
    finally:
        case_file.lock()
