"""Benchmark: anonymising 1,000 families of the large demo branch (issue 15: ≤ 10 s).

The whole work a coordinator waits for after confirming: the families' data removed by the
declaration, the note index merged, the transaction committed, the file vacuumed and its WAL
emptied. The 1,000 are the families whose support ended longest ago (any retention period: the
bench asks with 0 years so that enough are due).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

FAMILIES = 1000


def _demo_copy(folder: str) -> tuple[Path, str]:
    from homestart_desktop.data.demo.branch import DEMO_PASSPHRASE, write_demo_file

    target = Path(folder) / "Groot.hscase"
    source = os.environ.get("HOMESTART_BENCH_CASE_FILE")
    if source:
        shutil.copyfile(source, target)
        os.chmod(target, 0o600)
    else:  # run on its own: build the large branch here
        write_demo_file(target, size="large", today=dt.date.today())
    return target, os.environ.get("HOMESTART_BENCH_PASSPHRASE", DEMO_PASSPHRASE)


def run(report: Callable[..., None]) -> None:
    from homestart_desktop.data.casefile import casefile
    from homestart_desktop.data.retention.due import due_for_anonymisation
    from homestart_desktop.data.retention.erase import anonymise_due

    today = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="homestart-bench-") as folder:
        path, passphrase = _demo_copy(folder)
        with casefile.unlock(path, passphrase=passphrase, daily_backup=False) as case_file:
            with case_file.session() as session:
                due = [
                    r
                    for r in due_for_anonymisation(session=session, today=today, years=0)
                    if r.kind == "family"
                ]
            chosen = {r.reference for r in due[:FAMILIES]}
            started = time.perf_counter()
            removed = anonymise_due(case_file, today=today, years=0, references=chosen)
            seconds = time.perf_counter() - started
        report(
            f"retention: anonymise {len(removed.families):,} families, vacuum included",
            seconds * 1000,
            10_000,
        )
