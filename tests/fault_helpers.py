"""Faults a coordinator's computer really has: a crashed WAL, a full or read-only disk.

A full or read-only disk is a real small tmpfs, mounted for the test (the tests run as root
here). Where mounting is not allowed (CI without root) the tests that need one are skipped with
that reason; ``chmod`` is no substitute, because it does not stop root.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from homestart_desktop.data.casefile import casefile
from homestart_desktop.data.models import Family, FamilyStatus
from tests.cli_helpers import open_with_key


def crashed_with_families_in_wal(
    template: Path, key: bytes, folder: Path, *, count: int = 30
) -> Path:
    """A case file as a crash leaves it: ``count`` families committed, all still in the WAL."""
    work = folder / "while-open"
    work.mkdir(parents=True)
    live = work / template.name
    shutil.copyfile(template, live)
    case_file = open_with_key(live, key)
    for number in range(1, count + 1):
        with case_file.session() as session:  # one commit each, as the app saves a family
            session.add(
                Family(
                    reference=f"GZ-2026-{number:03d}",
                    status=FamilyStatus.waiting,
                    waiting_since=dt.date(2026, 3, 2),
                )
            )
    # The moment of the crash: what is on disk now, before any checkpoint.
    crashed = folder / template.name
    shutil.copyfile(live, crashed)
    shutil.copyfile(f"{live}-wal", f"{crashed}-wal")
    case_file.engine.dispose()
    casefile._release(case_file._lock)
    return crashed


def flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def families_in(path: Path, key: bytes) -> int:
    with open_with_key(path, key) as case_file, case_file.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT count(*) FROM family").scalar()


def fill_up(folder: Path, *, leave: int = 0) -> None:
    """Write a filler file until the disk of ``folder`` has only ``leave`` bytes free."""
    fd = os.open(folder / "filler", os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
    try:
        while (free := shutil.disk_usage(folder).free) > leave:
            os.write(fd, b"\0" * min(65536, max(free - leave, 1)))
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def small_disk(base: Path, size_kb: int) -> Iterator[Path]:
    """A real tmpfs of ``size_kb`` KiB; skips the test when this system may not mount one."""
    folder = base / f"disk-{uuid.uuid4().hex[:6]}"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("needs a real small disk: mounting a tmpfs is not allowed here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def make_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
