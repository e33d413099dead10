"""Before SQLite opens a case file: is the key right, is the file whole, would its WAL lose work?

SQLite reports many different troubles with the same few words, and an open that goes wrong
can make a loss final (a checkpoint drops a damaged WAL tail for good). So the app looks first,
with the key it derived: page 1's HMAC says whether the passphrase is right (nothing else does),
the page count in the header says whether pages are missing, and the WAL's own checksums say
whether SQLite would drop saved frames. Whatever goes wrong after that is named by its error
code: a full disk, a place the app may not write, damage.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import hmac
import logging
import os
import shutil
import struct
from pathlib import Path

from homestart_desktop.data.casefile import wal
from homestart_desktop.data.casefile.errors import (
    CannotWrite,
    CaseFileError,
    DamagedCaseFile,
    DamagedJournal,
    DiskFull,
    FileCutShort,
    NotACaseFile,
    WrongPassphrase,
)

log = logging.getLogger(__name__)

PAGE_BYTES = 4096
SALT_BYTES = 16
# SQLCipher 4's page 1: salt, encrypted content, then the reserve: IV (16) and HMAC-SHA512 (64).
_IV_BYTES = 16
_HMAC_BYTES = 64
_HMAC_SALT_MASK = 0x3A
_HMAC_KEY_ITERATIONS = 2
# Room the opening needs at the least: the WAL index and the first frames of a write.
ROOM_TO_OPEN = 1_000_000

# SQLite's primary result codes that name a storage trouble.
SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR = 3, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26


# ---- Public API


def key_opens_page_one(path: Path, key: bytes) -> bool:
    """SQLCipher's own check, done here: page 1's HMAC verifies only with the right key."""
    with path.open("rb") as fh:
        page = fh.read(PAGE_BYTES)
    if len(page) < PAGE_BYTES:
        return False
    salt, body = page[:SALT_BYTES], page[SALT_BYTES:]
    hmac_salt = bytes(byte ^ _HMAC_SALT_MASK for byte in salt)
    hmac_key = hashlib.pbkdf2_hmac("sha512", key, hmac_salt, _HMAC_KEY_ITERATIONS, len(key))
    signed = len(body) - _HMAC_BYTES
    expected = hmac.new(hmac_key, body[:signed] + struct.pack("<I", 1), hashlib.sha512).digest()
    return hmac.compare_digest(expected, body[signed:])


def check_before_open(path: Path, key: bytes) -> None:
    """Refuse, with the true reason, a file that opening would misreport or damage further."""
    size = path.stat().st_size
    if not key_opens_page_one(path, key):
        # A file of a size SQLCipher never writes is not ours; of a right size, a wrong key and
        # a damaged first page look the same, and the message says both.
        if size % PAGE_BYTES:
            raise NotACaseFile()
        raise WrongPassphrase()
    journal = wal.wal_path(path)
    if journal.exists() and journal.stat().st_size:
        reading = wal.read_wal(journal)
        if reading.loses_saved_work:
            log.error(
                "damaged WAL (%s, %d frames would be lost)", reading.reason, reading.lost_frames
            )
            newest = _newest_backup(path)
            raise DamagedJournal(
                kept=_keep_untouched_copy(path),
                newest_backup=newest.name if newest else None,
                backup_path=newest,
            )
        # Pages added since the last checkpoint live in the WAL: the main file may be shorter.
        if size % PAGE_BYTES:
            raise FileCutShort()
        return
    if size % PAGE_BYTES or size < _pages_in_header(path, key) * PAGE_BYTES:
        raise FileCutShort()


def storage_problem(
    error: BaseException, folder: Path, *, needed: int = ROOM_TO_OPEN
) -> CaseFileError | None:
    """The named reason for a failed read or write in ``folder``; None when it is none of ours."""
    original = getattr(error, "orig", None) or error
    if isinstance(original, CaseFileError):
        return original
    code = _sqlite_code(original)
    number = getattr(original, "errno", None)
    if code == SQLITE_FULL or number in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(needed=needed, free=_free_room(folder))
    if code in (SQLITE_READONLY, SQLITE_PERM) or number in (errno.EROFS, errno.EACCES, errno.EPERM):
        return CannotWrite()
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN):
        # SQLite's "disk I/O error" hides the reason; the folder tells it.
        if not _writable(folder):
            return CannotWrite()
        if _free_room(folder) < needed:
            return DiskFull(needed=needed, free=_free_room(folder))
    return None


def damage_problem(error: BaseException, path: Path) -> CaseFileError | None:
    """A damaged or short file, once the key is known to be right."""
    original = getattr(error, "orig", None) or error
    if _sqlite_code(original) not in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return None
    if path.exists() and path.stat().st_size % PAGE_BYTES:
        return FileCutShort()
    return DamagedCaseFile(str(original).splitlines()[0])


def named_error(error: BaseException, path: Path, *, needed: int = ROOM_TO_OPEN) -> BaseException:
    """The error to report for a failure on an open file: named when it is one we know."""
    return (
        storage_problem(error, path.parent, needed=needed) or damage_problem(error, path) or error
    )


def folder_problem(folder: Path, *, needed: int = ROOM_TO_OPEN) -> CaseFileError | None:
    """Why nothing can be written in ``folder`` (read-only, full), or None when it could be."""
    if not _writable(folder):
        return CannotWrite()
    if _free_room(folder) < needed:
        return DiskFull(needed=needed, free=_free_room(folder))
    return None


def lock_problem(error: OSError, folder: Path) -> CaseFileError:
    """The lock file beside the case file could not be made: say why in words."""
    return storage_problem(error, folder) or CannotWrite()


# ---- Internals

# sqlcipher_export() reports every failure as a generic error with SQLite's fixed words.
_CODE_OF_MESSAGE = {
    "database or disk is full": SQLITE_FULL,
    "disk I/O error": SQLITE_IOERR,
    "attempt to write a readonly database": SQLITE_READONLY,
    "unable to open database file": SQLITE_CANTOPEN,
    "database disk image is malformed": SQLITE_CORRUPT,
    "file is not a database": SQLITE_NOTADB,
}


def _sqlite_code(error: BaseException) -> int | None:
    """SQLite's primary result code of a database error, None for other errors."""
    code = getattr(error, "sqlite_errorcode", None)
    words = str(error).splitlines()[0] if str(error) else ""
    if code is None:
        # The online backup's errors come without a code (Python reads it from the copy's
        # connection, not from the backup step); SQLite's own message still names it.
        import sqlcipher3

        return _CODE_OF_MESSAGE.get(words) if isinstance(error, sqlcipher3.Error) else None
    return _CODE_OF_MESSAGE.get(words, code & 0xFF)


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


def _free_room(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return 0


def _pages_in_header(path: Path, key: bytes) -> int:
    """The page count page 1 promises (0 when SQLite would not trust it either)."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    with path.open("rb") as fh:
        page = fh.read(PAGE_BYTES)
    body = page[SALT_BYTES:]
    content = len(body) - _HMAC_BYTES - _IV_BYTES
    iv = body[content : content + _IV_BYTES]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    plain = decryptor.update(body[:content]) + decryptor.finalize()
    # The header's offsets (24, 28, 92) less the 16 bytes of salt that stand in its place.
    change_counter, pages = struct.unpack(">2I", plain[8:16])
    (valid_for,) = struct.unpack(">I", plain[76:80])
    return pages if change_counter == valid_for else 0


def _newest_backup(path: Path) -> Path | None:
    from homestart_desktop.data.casefile.backups import list_backups

    with contextlib.suppress(OSError):
        found = list_backups(path)
        if found:
            return found[0].path
    return None


def _keep_untouched_copy(path: Path) -> str | None:
    """Copy the file and its WAL, under their own names, into the backups folder (once)."""
    from homestart_desktop.data.casefile.backups import backup_dir

    journal = wal.wal_path(path)
    digest = hashlib.sha256(journal.read_bytes()).hexdigest()[:12]
    folder = backup_dir(path) / f"kept-{dt.date.today():%Y%m%d}-{digest}"
    shown = f"{backup_dir(path).name}/{folder.name}"
    if (folder / journal.name).exists():
        return shown
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for source in (path, journal):
            target = folder / source.name
            fd = os.open(target, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "wb") as out, source.open("rb") as given:
                shutil.copyfileobj(given, out, 1 << 20)
                out.flush()
                os.fsync(out.fileno())
    except OSError:
        log.error("could not keep a copy of the damaged WAL")
        shutil.rmtree(folder, ignore_errors=True)
        return None
    return shown
