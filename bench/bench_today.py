"""The coordinator's morning on the demo branch: passphrase → Today, lock → unlock, Today, memory.

Targets (issue 2): passphrase entered → Today ready ≤ 1.2 s (key derivation ~0.5 s of it), lock
and unlock again ≤ 1.0 s, memory ≤ 250 MB; Today ≤ 150 ms (issue 6). Uses a copy of the demo file
that ``bench/run.py`` caches (``HOMESTART_BENCH_CASE_FILE``), so the cache stays untouched.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _memory_mb(field: str = "VmRSS") -> float:
    """Resident memory of this process (``VmHWM``: its peak), from /proc; 0 where there is none."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _demo_copy(folder: str) -> tuple[Path, str, str]:
    from homestart_desktop.data.demo.branch import DEMO_PASSPHRASE, write_demo_file

    size = os.environ.get("HOMESTART_BENCH_SIZE", "large")
    target = Path(folder) / "Gent-demo.hscase"
    source = os.environ.get("HOMESTART_BENCH_CASE_FILE")
    if source:
        shutil.copyfile(source, target)
        os.chmod(target, 0o600)
    else:  # run on its own: build the file here
        write_demo_file(target, size=size, today=dt.date.today())
    return target, os.environ.get("HOMESTART_BENCH_PASSPHRASE", DEMO_PASSPHRASE), size


def run(report: Callable[..., None]) -> None:
    """Key derivation, unlock → Today (first of the day and again), Today alone, memory."""
    from homestart_desktop.data.casefile import casefile
    from homestart_desktop.data.planning.today import today_overview

    today = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="homestart-bench-") as folder:
        path, passphrase, size = _demo_copy(folder)
        with path.open("rb") as fh:
            salt = fh.read(casefile.SALT_BYTES)

        started = time.perf_counter()
        casefile.derive_key(passphrase, salt)
        report("today: key derivation (PBKDF2-HMAC-SHA512, 256,000 rounds)", _ms(started), 600)

        started = time.perf_counter()
        case_file = casefile.unlock(path, passphrase=passphrase)
        case_file.read(today_overview, today=today)
        report(
            f"today: first unlock of the day → Today ready ({size}, with backup)",
            _ms(started),
            1200,
        )
        case_file.lock()

        started = time.perf_counter()
        case_file = casefile.unlock(path, passphrase=passphrase)
        overview = case_file.read(today_overview, today=today)
        report(f"today: passphrase → Today ready ({size})", _ms(started), 1200)

        started = time.perf_counter()
        case_file.lock()
        case_file = casefile.unlock(path, passphrase=passphrase)
        case_file.read(today_overview, today=today)
        report("today: lock and unlock again → Today ready", _ms(started), 1000)

        timings = []
        for _ in range(15):
            started = time.perf_counter()
            case_file.read(today_overview, today=today)
            timings.append(_ms(started))
        counts = (
            f"{overview.families_waiting} waiting, {overview.visits_this_week} visits this week"
        )
        report(f"today: Today query, median of 15 ({counts})", statistics.median(timings), 150)
        report("today: Today query, slowest of 15", max(timings), 150)
        report("today: memory after unlock and Today (RSS)", _memory_mb(), 250, unit="MB")
        report("today: memory peak of the process", _memory_mb("VmHWM"), 250, unit="MB")
        case_file.lock()
