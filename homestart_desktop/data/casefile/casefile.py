"""The branch's case file: one SQLCipher 4 database, opened with the coordinator's passphrase.

The key is derived once per unlock with SQLCipher's own scheme (PBKDF2-HMAC-SHA512, 256,000
iterations, salt = the file's first 16 bytes) and every connection is opened with the raw key
``x'<key><salt>'``, so the passphrase itself never reaches SQL and standard SQLCipher tools can
still open the file with it. Each refusal has its own exception with a message for the
coordinator and an exit code for the command line; none of them writes to the file. Before
SQLite sees a file, ``opening.check_before_open`` checks the key on page 1, the file's length and
its WAL, so that a wrong passphrase, a file cut short and a damaged WAL are told apart.
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

from filelock import FileLock
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, create_engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool
from sqlmodel import Session

from homestart_desktop.data import write_guard
from homestart_desktop.data.audit import keeping, trail
from homestart_desktop.data.casefile import backups, migrations, opening
from homestart_desktop.data.casefile.errors import (
    CannotWrite,
    CaseFileError,
    DamagedCaseFile,
    DamagedJournal,
    DiskFull,
    FileCutShort,
    FileInUse,
    NewerVersion,
    NotACaseFile,
    WeakPassphrase,
    WrongPassphrase,
)
from homestart_desktop.data.casefile.keys import (  # the names others reach through casefile
    FORMAT_MARKER,
    KDF_ITERATIONS,  # noqa: F401
    KEY_BYTES,  # noqa: F401
    PAGE_BYTES,  # noqa: F401
    PLAIN_SQLITE_HEADER,  # noqa: F401
    SALT_BYTES,
    SUFFIX,  # noqa: F401
    derive_key,
)
from homestart_desktop.data.casefile.keys import acquire as _acquire
from homestart_desktop.data.casefile.keys import lock_for as _lock_for
from homestart_desktop.data.casefile.keys import prepare_connection as _prepare_connection
from homestart_desktop.data.casefile.keys import quiet_sqlcipher as _quiet_sqlcipher
from homestart_desktop.data.casefile.keys import raw_key as _raw_key
from homestart_desktop.data.casefile.keys import (
    refuse_obvious_strangers as _refuse_obvious_strangers,
)
from homestart_desktop.data.casefile.keys import release as _release
from homestart_desktop.data.casefile.passphrase import passphrase_problems
from homestart_desktop.i18n import _

log = logging.getLogger(__name__)


__all__ = [
    "CannotWrite",
    "CaseFile",
    "CaseFileError",
    "DamagedCaseFile",
    "DamagedJournal",
    "DiskFull",
    "FileCutShort",
    "FileInUse",
    "NewerVersion",
    "NotACaseFile",
    "WeakPassphrase",
    "WrongPassphrase",
    "change_passphrase",
    "check_case_file",
    "create_case_file",
    "derive_key",
    "unlock",
]


def _make_engine(path: Path, raw_key: str) -> Engine:
    """An engine whose every connection is keyed with the raw key (no key derivation)."""
    _quiet_sqlcipher()
    url = URL.create("sqlite+pysqlcipher", password=raw_key, database=str(path))
    engine = create_engine(
        url,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=2,
        connect_args={"check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        _prepare_connection(dbapi_connection, path)
        keeping.register(dbapi_connection)  # the audit trail's triggers ask it before any change

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def _short(error: BaseException) -> str:
    """The database's own words about a damaged file, without SQLAlchemy's SQL and links."""
    return str(getattr(error, "orig", None) or error).splitlines()[0]


def remove_unfinished_file(path: Path) -> None:
    """A file that was never finished goes, with its WAL, WAL index and journal."""
    for leftover in (path, *(Path(f"{path}{end}") for end in ("-wal", "-shm", "-journal"))):
        leftover.unlink(missing_ok=True)


def _check_identity(engine: Engine) -> str | None:
    """The schema revision of an app case file; refuse other SQLCipher databases."""
    with engine.connect() as connection:
        tables = {
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='table'"
            )
        }
        if not tables:
            return None
        if "alembic_version" not in tables or "setting" not in tables:
            raise NotACaseFile()
        marker = connection.exec_driver_sql(
            "SELECT value FROM setting WHERE key = 'format'"
        ).scalar()
        if marker != f'"{FORMAT_MARKER}"':
            raise NotACaseFile()
        revision = migrations.current_revision(connection)
    if revision not in migrations.known_revisions():
        raise NewerVersion()
    return revision


class CaseFile:
    """An unlocked case file. Lock it to close the database and forget the key."""

    def __init__(self, path: Path, key: bytes, salt: bytes, lock: FileLock) -> None:
        self.path = path
        self._raw_key: str | None = _raw_key(key, salt)
        self._salt = salt
        self._lock = lock
        self._engine: Engine | None = _make_engine(path, self._raw_key)
        self.backup_problem: str | None = None
        """Why today's backup could not be made (the work goes on; the screens say it)."""
        self.coordinator = ""
        """Who the audit trail names for this laptop's writes (empty: the OS login name)."""

    # ---- Public API

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise CaseFileError(_("The case file is locked."))
        return self._engine

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back when it raises."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            write_guard.guard(session)  # every row checked before it is written
            yield trail.watch(session, who=self.coordinator)  # and every write leaves an entry

    def read(self, work: Callable[..., object], /, **kwargs: object) -> object:
        """Run a ``data/`` function ``work(session=..., **kwargs)`` in one transaction."""
        with self.session() as session:
            return work(session=session, **kwargs)

    def backup(self, to_dir: Path | None = None, *, reason: str = "manual") -> Path:
        """An encrypted, consistent copy that opens with the current passphrase."""
        assert self._raw_key is not None
        return backups.make_backup(
            self.engine, self.path, self._raw_key, to_dir=to_dir, reason=reason
        )

    def integrity_problems(self) -> list[str]:
        """Every damaged page or broken structure; empty when the file is whole."""
        problems: list[str] = []
        with self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(FULL)")
            # Every page's HMAC first: it names the damaged pages even when the structure check
            # below cannot read past them.
            problems += [
                str(row[0]) for row in connection.exec_driver_sql("PRAGMA cipher_integrity_check")
            ]
            try:
                result = [
                    str(row[0]) for row in connection.exec_driver_sql("PRAGMA integrity_check")
                ]
            except DBAPIError as error:
                result = [_short(error)]
            if result != ["ok"]:
                problems += result
        return problems

    def passphrase_matches(self, passphrase: str) -> bool:
        """True when ``passphrase`` opens this file now (asked again before changing it)."""
        assert self._raw_key is not None
        candidate = _raw_key(derive_key(passphrase, self._salt), self._salt)
        return hmac.compare_digest(candidate, self._raw_key)

    def change_passphrase(self, *, new_passphrase: str, repeated: str | None = None) -> None:
        """Re-encrypt the file: afterwards only the new passphrase opens it."""
        from homestart_desktop.data.settings import load_settings

        with self.session() as session:
            settings = load_settings(session=session)
        problems = passphrase_problems(
            new_passphrase,
            repeated=repeated,
            context=(settings.branch_name, settings.municipality),
        )
        if problems:
            raise WeakPassphrase(" ".join(problems))
        new_raw = _raw_key(derive_key(new_passphrase, self._salt), self._salt)
        with self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.connection.dbapi_connection.execute(f'PRAGMA rekey = "{new_raw}"')
        self.engine.dispose()
        self._raw_key = new_raw
        self._engine = _make_engine(self.path, new_raw)
        log.info("passphrase changed")

    def lock(self) -> None:
        """Close every connection, forget the key and free the file for others."""
        if self._engine is not None:
            with contextlib.suppress(Exception), self._engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            self._engine.dispose()
        self._engine = None
        self._raw_key = None
        _release(self._lock)

    close = lock

    def __enter__(self) -> CaseFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()


def create_case_file(
    path: Path, *, passphrase: str, branch_name: str, repeated: str | None = None
) -> CaseFile:
    """Make a new, empty case file for a branch (readable by its owner only) and unlock it."""
    path = Path(path)
    problems = passphrase_problems(passphrase, repeated=repeated, context=(branch_name,))
    if problems:
        raise WeakPassphrase(" ".join(problems))
    if path.exists():
        raise CaseFileError(_("A file with this name exists already."))
    lock = _lock_for(path)
    _acquire(lock)
    case_file: CaseFile | None = None
    created = False
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        created = True
        salt = secrets.token_bytes(SALT_BYTES)
        key = derive_key(passphrase, salt)
        case_file = CaseFile(path, key, salt, lock)
        with case_file.engine.begin() as connection:
            migrations.upgrade(connection)
        from homestart_desktop.data.casefile.new_file import initialise_branch

        with case_file.session() as session:
            initialise_branch(session=session, branch_name=branch_name, marker=FORMAT_MARKER)
        log.info("case file created")
        return case_file
    except BaseException as error:
        # A half-made file would block the name and is not a case file: it goes.
        if case_file is not None and case_file.is_open:
            case_file.engine.dispose()
        if created:
            remove_unfinished_file(path)
        _release(lock)
        if isinstance(error, Exception) and (named := opening.storage_problem(error, path.parent)):
            raise named from error
        raise


def unlock(
    path: Path,
    *,
    passphrase: str,
    backups_to_keep: int | None = None,
    daily_backup: bool = True,
) -> CaseFile:
    """Open a case file: derive the key, refuse what is not ours, back up, migrate.

    Slow by design (key derivation): never call it on the UI thread.
    """
    path = Path(path)
    _refuse_obvious_strangers(path)
    lock = _lock_for(path)
    _acquire(lock)
    try:
        with path.open("rb") as fh:
            salt = fh.read(SALT_BYTES)
        key = derive_key(passphrase, salt)
        opening.check_before_open(path, key)
        case_file = CaseFile(path, key, salt, lock)
        try:
            revision = _check_identity(case_file.engine)
            if revision is None:
                raise NotACaseFile()
            if revision != migrations.head_revision():
                case_file.backup(reason="before-update")
                with case_file.engine.begin() as connection:
                    migrations.upgrade(connection)
            if daily_backup:  # the app makes it itself, right after Today shows
                backups.daily_backup_or_warn(case_file, keep=backups_to_keep)
        except BaseException as error:
            case_file.engine.dispose()
            named = opening.named_error(error, path) if isinstance(error, Exception) else error
            if named is not error:
                raise named from error
            raise
        log.info("case file unlocked")
        return case_file
    except BaseException:
        _release(lock)
        raise


def check_case_file(path: Path, *, passphrase: str) -> list[str]:
    """Open the file and list its damage; raises for the refusals of :func:`unlock`."""
    path = Path(path)
    _refuse_obvious_strangers(path)
    lock = _lock_for(path)
    _acquire(lock)
    try:
        with path.open("rb") as fh:
            salt = fh.read(SALT_BYTES)
        key = derive_key(passphrase, salt)
        opening.check_before_open(path, key)
        case_file = CaseFile(path, key, salt, lock)
        try:
            if _check_identity(case_file.engine) is None:  # an empty SQLCipher database
                raise NotACaseFile()
            return case_file.integrity_problems()
        except CaseFileError:
            raise
        except DBAPIError as error:  # a damaged page surfaces as a database error on reading
            named = opening.named_error(error, path)
            raise (named if named is not error else DamagedCaseFile(_short(error))) from error
        finally:
            case_file.lock()
    finally:
        _release(lock)


def change_passphrase(path: Path, *, passphrase: str, new_passphrase: str) -> None:
    """Unlock with the old passphrase, re-encrypt with the new one, lock again."""
    with unlock(path, passphrase=passphrase) as case_file:
        case_file.change_passphrase(new_passphrase=new_passphrase)
