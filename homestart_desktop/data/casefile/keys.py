"""Opening a case file's lock and key without SQLAlchemy: the key derivation, the raw key, the
lock file, the first refusals and the checks every new connection makes.

``casefile.py`` builds the app's engine on these; ``quick_read.py`` uses them alone for a command
that only reads (printing a blank intake form need not load SQLAlchemy).
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from filelock import FileLock, Timeout

from homestart_desktop.data.casefile import opening
from homestart_desktop.data.casefile.errors import (
    CaseFileError,
    FileInUse,
    NotACaseFile,
    WrongPassphrase,
)
from homestart_desktop.i18n import _

SUFFIX = ".hscase"
KDF_ITERATIONS = 256_000
SALT_BYTES = 16
KEY_BYTES = 32
# SQLCipher 4's default page size: a case file is always a whole number of these pages.
PAGE_BYTES = 4096
PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
FORMAT_MARKER = "homestart-case-file"


def derive_key(passphrase: str, salt: bytes) -> bytes:
    """SQLCipher 4's default key derivation, done once per unlock (about half a second)."""
    return hashlib.pbkdf2_hmac(
        "sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES
    )


def raw_key(key: bytes, salt: bytes) -> str:
    return f"x'{key.hex()}{salt.hex()}'"


_quiet = False


def quiet_sqlcipher() -> None:
    """SQLCipher logs a wrong key to stderr by default; the app says it in words instead."""
    global _quiet
    if not _quiet:
        import sqlcipher3

        connection = sqlcipher3.connect(":memory:")
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.close()
        _quiet = True


def prepare_connection(connection, path: Path) -> None:  # a sqlcipher3 connection, keyed
    import sqlcipher3

    # Reading the schema is the first moment SQLCipher decrypts a page. unlock() has checked
    # the key on page 1 already; a file opened without that check still gets a wrong key named.
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        named = opening.storage_problem(error, path.parent)
        if named is None and (error.sqlite_errorcode or 0) & 0xFF == opening.SQLITE_CORRUPT:
            named = opening.damage_problem(error, path)
        raise named or WrongPassphrase() from error
    expected_settings = {
        "cipher_kdf_algorithm": "PBKDF2_HMAC_SHA512",
        "kdf_iter": str(KDF_ITERATIONS),
        "cipher_plaintext_header_size": "0",
    }
    for pragma, expected in expected_settings.items():
        (value,) = connection.execute(f"PRAGMA {pragma}").fetchone()
        if str(value) != expected:
            raise NotACaseFile(_("This file was encrypted with settings the app does not use."))
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA busy_timeout = 5000")
    # Transactions are only the ones SQLAlchemy begins, explicitly (see "begin" below).
    connection.isolation_level = None


def refuse_obvious_strangers(path: Path) -> None:
    if not path.exists():
        raise CaseFileError(_("There is no file at this place."))
    size = path.stat().st_size
    with path.open("rb") as fh:
        head = fh.read(SALT_BYTES)
    if head == PLAIN_SQLITE_HEADER:
        raise NotACaseFile(_("This is an unencrypted database, not a case file."))
    # Not even one page: whatever it is, it is not a case file. Other sizes are judged once the
    # key is known (opening.check_before_open): a file of ours cut short is damage.
    if size < PAGE_BYTES:
        raise NotACaseFile()


def lock_for(path: Path) -> FileLock:
    return FileLock(str(path) + ".lock", timeout=0, thread_local=False, is_singleton=False)


def release(lock: FileLock) -> None:
    if lock.is_locked:
        lock.release()
        with contextlib.suppress(OSError):
            Path(lock.lock_file).unlink()


def acquire(lock: FileLock) -> None:
    try:
        lock.acquire()
    except Timeout as error:
        raise FileInUse() from error
    except OSError as error:  # the lock file cannot be made: a read-only stick, a full disk
        raise opening.lock_problem(error, Path(lock.lock_file).parent) from error
