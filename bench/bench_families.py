"""Benchmark: the Families section on the large demo branch (3,000 families).

Figures (issue 3 targets):
- the family list from the case file into the table (query + model fill: what the screen waits
  for after the section opens; ≤ 100 ms);
- one search keystroke filtering every row (worst of several queries; ≤ 30 ms);
- opening a family file: query + every tab built (≤ 100 ms);
- a pre-filled intake form PDF, read and laid out (≤ 300 ms; the first PDF, which loads the
  fonts once per session, is left out).
Each figure is the median of several runs.
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
SEARCHES = ("a", "el", "ver", "gent", "ozlem", "gz-2024", "9000", "kovalenko", "zzz")


def _median_ms(work: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _case_file_copy(folder: str) -> tuple[Path, str]:
    from homestart_desktop.data.demo.branch import DEMO_PASSPHRASE, write_demo_file

    path = Path(folder) / "Groot.hscase"
    source = os.environ.get("HOMESTART_BENCH_CASE_FILE")
    if source:
        shutil.copyfile(source, path)
        os.chmod(path, 0o600)
    else:  # run on its own: build the large branch here
        write_demo_file(path, size="large", today=dt.date.today())
    return path, os.environ.get("HOMESTART_BENCH_PASSPHRASE", DEMO_PASSPHRASE)


def run(report: Callable[..., None]) -> None:
    from PySide6.QtWidgets import QApplication

    from homestart_desktop.data.casefile import casefile
    from homestart_desktop.data.families.file import load_family
    from homestart_desktop.data.families.register import list_families
    from homestart_desktop.documents.intake_form import intake_form_for
    from homestart_desktop.ui.common.ops import Ops
    from homestart_desktop.ui.families.file import FamilyFileDialog
    from homestart_desktop.ui.families.screen import FamiliesScreen

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="bench-families-") as folder:
        path, passphrase = _case_file_copy(folder)
        case_file = casefile.unlock(path, passphrase=passphrase)
        ops = Ops()
        ops.case_file = case_file
        screen = FamiliesScreen(ops)
        try:

            def family_list() -> None:
                with case_file.session() as session:
                    screen._show(list_families(session=session, today=dt.date.today()))

            family_list()  # postcode tables and caches fill once per session
            report(
                f"families: list of {len(screen.rows)} into the table", _median_ms(family_list), 100
            )
            rows = list(screen.rows)
            report(
                f"families: {len(rows)} families into the table (counts, sort, widths)",
                _median_ms(lambda: screen._show(rows)),
                64,
            )

            proxy = screen.table.proxy
            worst = max(_median_ms(lambda q=q: proxy.set_search(q)) for q in SEARCHES)
            proxy.set_search("")
            report("families: search keystroke (worst query)", worst, 30)

            # The biggest household: the most work for the file and the form.
            busiest = max(screen.rows, key=lambda r: (r.children, len(r.search_key))).family_id
            dialog = FamilyFileDialog(ops, busiest)
            ops.wait_idle()
            app.processEvents()

            def open_file() -> None:
                with case_file.session() as session:
                    dialog.show_file(
                        load_family(session=session, family_id=busiest, today=dt.date.today())
                    )

            report("families: open a family file", _median_ms(open_file), 100)

            with case_file.session() as session:
                intake_form_for(
                    session=session, family_id=busiest, today=dt.date.today()
                )  # fonts load once

            def intake_form() -> None:
                with case_file.session() as session:
                    intake_form_for(session=session, family_id=busiest, today=dt.date.today())

            report("families: pre-filled intake form PDF", _median_ms(intake_form), 300)
            dialog.deleteLater()
        finally:
            screen.deleteLater()
            app.processEvents()
            ops.shutdown()
            case_file.lock()


if __name__ == "__main__":
    run(lambda name, measured, target, **_: print(f"{name}: {measured:.1f} ms (≤ {target} ms)"))
