"""Benchmark: the access export (inzagerecht) of one family and one volunteer of the large branch.

Figures (issue 15 target: one family's export ≤ 1 s):
- gathering everything about the family with the most visits (every declared table, and the
  scan of every note in the file for its code);
- the whole export of that family: gathered, the PDF laid out, the JSON, both files written;
- the same for the volunteer with the most visits.
The first PDF of a session (fonts loaded once) is left out; each figure is the median of runs.
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


def _busiest(session, column: str) -> int:  # noqa: ANN001
    """The family or volunteer id with the most visits (the largest export)."""
    from sqlalchemy import func
    from sqlmodel import select

    from homestart_desktop.data.models import Trajectory, Visit

    owner = getattr(Trajectory, column)
    statement = (
        select(owner, func.count(Visit.id))
        .join(Visit, Visit.trajectory_id == Trajectory.id)
        .group_by(owner)
        .order_by(func.count(Visit.id).desc())
        .limit(1)
    )
    return session.exec(statement).first()[0]


def run(report: Callable[..., None]) -> None:
    from homestart_desktop.data.access.gather import gather_family, reference_of
    from homestart_desktop.data.casefile import casefile
    from homestart_desktop.documents.access.export import save_access_export

    today = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="bench-access-") as folder:
        path, passphrase = _case_file_copy(folder)
        out = Path(folder) / "out"
        out.mkdir()
        case_file = casefile.unlock(path, passphrase=passphrase)
        try:
            with case_file.session() as session:
                family_id = _busiest(session, "family_id")
                volunteer_id = _busiest(session, "volunteer_id")
                code = reference_of(session=session, kind="family", subject_id=family_id)
                export = gather_family(session=session, reference=code)
                # Fonts and catalogs load once per session: not part of one export.
                save_access_export(
                    session=session, kind="family", subject_id=family_id, folder=out, today=today
                )

            def gather() -> None:
                with case_file.session() as session:
                    gather_family(session=session, reference=code)

            def export_of(kind: str, subject_id: int) -> Callable[[], None]:
                def work() -> None:
                    with case_file.session() as session:
                        save_access_export(
                            session=session,
                            kind=kind,
                            subject_id=subject_id,
                            folder=out,
                            today=today,
                        )

                return work

            visits = len(export.section("visits").rows)
            report(f"access: gather one family ({visits} visits)", _median_ms(gather), 300)
            report(
                f"access: one family's PDF + JSON ({visits} visits)",
                _median_ms(export_of("family", family_id)),
                1000,
            )
            report(
                "access: the busiest volunteer's PDF + JSON",
                _median_ms(export_of("volunteer", volunteer_id)),
                1000,
            )
        finally:
            case_file.lock()
