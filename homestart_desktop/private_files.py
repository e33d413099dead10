"""Files that hold the branch's data, readable by the coordinator's account only (0600).

Every document, calendar, export or key the app writes goes through :func:`write_private`.
The file is born 0600 (``os.open`` with that mode, never a ``chmod`` after writing, so no
other account can open it even for an instant) as a temporary file in the target's own
folder, and then replaces the target in one step: a crash or a full disk leaves the old file
or none, never half a PDF. The process umask can only remove permissions, so 0600 stays 0600.

It sits at the package's top level, like ``i18n`` and ``logs``, because every layer writes
files: ``documents`` (PDFs), ``sync`` (packages, keys), the CLI and the screens.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

PRIVATE_MODE = 0o600


def _temporary_beside(target: Path) -> tuple[int, Path]:
    """A new 0600 file in ``target``'s folder, opened for writing (the name says nothing)."""
    for _attempt in range(100):
        temp = target.parent / f".homestart-{secrets.token_hex(6)}.part"
        try:
            flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0)
            return os.open(temp, flags, PRIVATE_MODE), temp
        except FileExistsError:
            continue
    raise FileExistsError(target.parent)


def write_private(path: Path | str, data: bytes | str, *, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` as a file only its owner can read; returns the path.

    An existing file at ``path`` is replaced whole (its old permissions go with it).
    """
    target = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    if target.exists() and not target.is_file():
        # A pipe or a terminal (``--out /dev/stdout``): nothing is created there to protect.
        with target.open("wb") as stream:
            stream.write(payload)
        return target
    fd, temp = _temporary_beside(target)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return target


def create_private(path: Path | str) -> None:
    """Create ``path`` empty and 0600 if it does not exist yet (for files others append to)."""
    target = Path(path)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_MODE))
