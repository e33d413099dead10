"""The temporary folder a demo case file lives in: gone when the app quits, or at the next start.

A running app holds an OS lock on ``in-use.lock`` inside its demo folder (released by the OS
even when the app crashes), so a second app starting meanwhile leaves that folder alone and
removes only the folders no running app holds.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from filelock import FileLock, Timeout

log = logging.getLogger(__name__)

PREFIX = "homestart-demo-"
_IN_USE = "in-use.lock"


def is_in_a_demo_folder(path: Path) -> bool:
    """``path`` lies in a demo folder of the temp folder: gone at quit, so never a recent file."""
    parent = path.parent
    if not parent.name.startswith(PREFIX):
        return False
    return parent.parent.resolve() == Path(tempfile.gettempdir()).resolve()


def _lock_in(folder: Path) -> FileLock:
    return FileLock(str(folder / _IN_USE), timeout=0, thread_local=False, is_singleton=False)


class DemoFolder:
    """A fresh ``homestart-demo-*`` folder in the temp folder, held until :meth:`remove`."""

    def __init__(self, temp_root: Path | None = None) -> None:
        self.path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=temp_root))
        self._lock = _lock_in(self.path)
        self._lock.acquire()

    def remove(self) -> None:
        """Release the folder and delete it with everything in it."""
        if self._lock.is_locked:
            self._lock.release()
        shutil.rmtree(self.path, ignore_errors=True)


def remove_leftover_demo_folders(temp_root: Path | None = None) -> int:
    """Delete the demo folders no running app holds (left by a crash); how many went."""
    root = Path(temp_root or tempfile.gettempdir())
    removed = 0
    for folder in root.glob(PREFIX + "*"):
        if not folder.is_dir() or folder.is_symlink():
            continue
        lock = _lock_in(folder)
        try:
            lock.acquire()
        except Timeout:
            continue  # another app is showing this demo right now
        except OSError:
            pass  # a folder we cannot lock in is not in use by this app either
        try:
            shutil.rmtree(folder, ignore_errors=True)
        finally:
            if lock.is_locked:
                lock.release()
        removed += not folder.exists()
    if removed:
        log.info("removed %d demo folders left from an earlier run", removed)
    return removed
