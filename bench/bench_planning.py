"""Benchmark: the planning's views on the large demo branch (3,000 families, ~150,000 visits).

Measured as the coordinator meets them: the week and month views from asking to on screen (the
query on the worker plus filling the grids, offscreen), and the morning list behind Today.
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

RUNS = 5


def _median_ms(work: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run(report: Callable[[str, float, float], None]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from homestart_desktop.data.casefile import casefile
    from homestart_desktop.data.demo.branch import DEMO_PASSPHRASE
    from homestart_desktop.data.planning import visits
    from homestart_desktop.data.planning.overview import planning_overview
    from homestart_desktop.data.planning.reminders import morning_list
    from homestart_desktop.domain import planning
    from homestart_desktop.ui.common.ops import Ops
    from homestart_desktop.ui.planning.screen import PlanningScreen

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="bench-planning-") as folder:
        path = Path(folder) / "Groot.hscase"
        shutil.copyfile(os.environ["HOMESTART_BENCH_CASE_FILE"], path)
        case_file = casefile.unlock(path, passphrase=DEMO_PASSPHRASE)
        today = dt.date.today()
        with case_file.session() as session:
            visits.plan_visits(session=session, until=today + dt.timedelta(weeks=8), today=today)
        monday, sunday = planning.week_of(today)
        first_month = planning.week_of(planning.month_of(today)[0])[0]

        def query(view: str, first: dt.date, last: dt.date) -> object:
            with case_file.session() as session:
                return planning_overview(session=session, view=view, first=first, last=last)

        report("planning: week query", _median_ms(lambda: query("week", monday, sunday)), 100.0)
        report(
            "planning: month query (6 weeks)",
            _median_ms(lambda: query("month", first_month, first_month + dt.timedelta(days=41))),
            150.0,
        )

        def reminders() -> object:
            with case_file.session() as session:
                return morning_list(session=session, today=today)

        report("today: morning list", _median_ms(reminders), 150.0)

        ops = Ops()
        ops.case_file = case_file
        screen = PlanningScreen(ops)
        screen.resize(1200, 800)
        screen.show()
        loaded: list[bool] = []
        screen.sig_loaded.connect(lambda: loaded.append(True))

        def shown(tab: int) -> Callable[[], None]:
            def work() -> None:
                loaded.clear()
                screen.tabs.blockSignals(True)
                screen.tabs.setCurrentIndex(tab)
                screen.tabs.blockSignals(False)
                screen._load()
                deadline = time.perf_counter() + 30
                while not loaded:
                    app.processEvents()
                    if time.perf_counter() > deadline:
                        raise TimeoutError("the planning view did not load within 30 s")

            return work

        report("planning: week view on screen", _median_ms(shown(0)), 100.0)
        report("planning: month view on screen", _median_ms(shown(1)), 150.0)
        screen.close()
        screen.deleteLater()
        app.processEvents()
        ops.shutdown()
        case_file.lock()
