"""Benchmark: the Volunteers section on the large demo branch (800 volunteers).

Figures: the register from the case file into the table (query + model fill, what the screen
waits for; target ≤ 100 ms), one search keystroke filtering every row (≤ 30 ms, worst of several
queries), and one agreement with its information note as PDF, read and laid out (≤ 300 ms).
Each is the median of several runs; the first PDF (font loading) is left out, as the app pays it
once per session.
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

RUNS = 7
SEARCHES = ("a", "an", "ver", "gent", "ozlem", "vw-2024", "nl fr", "zzz")


def _median_ms(work: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run(report: Callable[..., None]) -> None:
    from PySide6.QtWidgets import QApplication

    from homestart_desktop.data.casefile import casefile
    from homestart_desktop.data.demo.branch import DEMO_PASSPHRASE
    from homestart_desktop.data.volunteers.register import list_volunteers
    from homestart_desktop.documents.agreement import agreement_for
    from homestart_desktop.ui.common.ops import Ops
    from homestart_desktop.ui.volunteers.screen import VolunteersScreen

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="bench-volunteers-") as folder:
        path = Path(folder) / "Groot.hscase"
        shutil.copyfile(os.environ["HOMESTART_BENCH_CASE_FILE"], path)
        passphrase = os.environ.get("HOMESTART_BENCH_PASSPHRASE", DEMO_PASSPHRASE)
        case_file = casefile.unlock(path, passphrase=passphrase)
        ops = Ops()
        ops.case_file = case_file
        screen = VolunteersScreen(ops)
        try:
            with case_file.session() as session:
                rows = list_volunteers(session=session)

            def register() -> None:
                with case_file.session() as session:
                    screen._loaded(list_volunteers(session=session))

            first = _median_ms(register, runs=1)  # measures the column widths once
            report(f"volunteers: register of {len(rows)} into the table", _median_ms(register), 100)
            report("volunteers: first register (column widths measured)", first, 300)

            proxy = screen.table.proxy
            worst = max(_median_ms(lambda q=q: proxy.set_search(q)) for q in SEARCHES)
            proxy.set_search("")
            report("volunteers: search keystroke (worst query)", worst, 30)

            busiest = max(rows, key=lambda r: len(r.name)).id
            with case_file.session() as session:
                agreement_for(
                    session=session, volunteer_id=busiest, today=dt.date.today()
                )  # fonts load once

            def agreement() -> None:
                with case_file.session() as session:
                    agreement_for(session=session, volunteer_id=busiest, today=dt.date.today())

            report("volunteers: agreement PDF", _median_ms(agreement), 300)
        finally:
            screen.deleteLater()
            app.processEvents()
            ops.shutdown()
            case_file.lock()
