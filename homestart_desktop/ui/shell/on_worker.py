"""What the app's controller runs off the UI thread: the heavy imports behind the unlock window,
unlocking and reading the settings, the daily backup, the demo file, and closing the case file.

Each runs on the worker (``Ops.run``) or a plain thread, never on the UI thread: key derivation
alone takes a second.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def load_data_layer() -> None:
    """The heavy imports, done on a thread while the unlock window is already on screen."""
    import homestart_desktop.data.casefile.casefile  # noqa: F401
    import homestart_desktop.data.settings  # noqa: F401
    import homestart_desktop.ui.common.ops  # noqa: F401


def unlock_and_read(*, path: Path, passphrase: str) -> tuple[Any, Any]:
    """On the worker: unlock (key derivation, backup, migration) and read the settings."""
    from homestart_desktop.data.casefile.casefile import unlock
    from homestart_desktop.data.settings import load_settings

    # The daily backup waits until Today shows (daily_backup): on a large file it takes seconds.
    case_file = unlock(path, passphrase=passphrase, daily_backup=False)
    try:
        with case_file.session() as session:
            return case_file, load_settings(session=session)
    except BaseException:
        case_file.lock()
        raise


def daily_backup(*, ops: Any) -> None:
    """On the worker, after the first screen's queries: the first unlock of a day backs up."""
    from homestart_desktop.data.casefile.backups import daily_backup_if_due

    if ops.case_file is not None:
        daily_backup_if_due(ops.case_file)


def make_demo_file(*, folder: Path, today: Any) -> Path:
    """On the worker: a fresh synthetic demo branch in ``folder``, its history up to ``today``."""
    from homestart_desktop.data.demo import branch

    path = folder / "Demo.hscase"
    branch.write_demo_file(path, today=today)
    return path


def close_case_file(*, ops: Any) -> None:
    """On the worker, after work already queued: close the database and forget the key."""
    case_file, ops.case_file = ops.case_file, None
    if case_file is not None:
        case_file.lock()
