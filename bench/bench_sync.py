"""Benchmarks of the quarterly figures (targets from issues 8 and 17).

- figures for a quarter (count + cell key perturbation) on the large demo branch: ≤ 157 ms
  (1.5 × the 105 ms before the cell key method);
- a package, sign + encrypt: ≤ 100 ms;
- the central office: import and report (PDF with its charts + xlsx) for 40 branches ×
  8 quarters: ≤ 3 s.

The 320 packages are made before the clock starts: the demo's own payload with its numbers
varied per branch and quarter, each signed with a branch key of its own and encrypted to the
demo office key.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BRANCHES = 40
QUARTERS = 8


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


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


def _varied(payload: dict, rng: random.Random) -> dict:
    """The same shape with other numbers (integers stay integers, markers stay markers)."""
    varied = copy.deepcopy(payload)

    def walk(node):
        for key, value in list(node.items()):
            if isinstance(value, dict):
                walk(value)
            elif isinstance(value, int) and not isinstance(value, bool) and value >= 5:
                node[key] = max(5, value + rng.randint(-4, 4))

    walk(varied["figures"])
    return varied


def _office_packages(folder: Path, payload: dict, office_key: str) -> dict[str, str]:
    """40 × 8 sealed packages in ``folder``; returns branch code -> public key."""
    from homestart_desktop.data.casefile.new_file import make_branch_signing_key
    from homestart_desktop.sync.package import public_key_hex, seal
    from homestart_desktop.sync.quarter import Quarter

    rng = random.Random(8)
    keys = {}
    quarters = Quarter.parse(payload["quarter"]).last(QUARTERS)
    for index in range(BRANCHES):
        code = f"BRANCH-{index:02d}"
        signing = make_branch_signing_key()
        keys[code] = public_key_hex(signing)
        for sequence, quarter in enumerate(quarters, start=1):
            one = _varied(payload, rng)
            one.update(branch=code, quarter=str(quarter), version=1, sequence=sequence)
            data = seal(one, signing_key_hex=signing, office_key=office_key)
            (folder / f"{code}-{quarter}.age").write_bytes(data)
    return keys


def run(report: Callable[..., None]) -> None:
    """Figures, package, and the central office's import + report."""
    from homestart_desktop.data.casefile import casefile
    from homestart_desktop.data.settings import get_secret, load_settings, save_settings
    from homestart_desktop.sync.central.combine import combine
    from homestart_desktop.sync.central.importer import import_paths
    from homestart_desktop.sync.central.keys import DEMO_IDENTITY, DEMO_PUBLIC, load_identity
    from homestart_desktop.sync.central.report_pdf import report_pdf
    from homestart_desktop.sync.central.report_xlsx import report_xlsx
    from homestart_desktop.sync.central.store import CentralStore
    from homestart_desktop.sync.disclosure import protect
    from homestart_desktop.sync.figures import raw_quarter_figures
    from homestart_desktop.sync.outbox import next_payload
    from homestart_desktop.sync.package import seal
    from homestart_desktop.sync.quarter import Quarter

    quarter = Quarter.of(dt.date.today()).previous()
    office_key = DEMO_PUBLIC.read_text().strip()
    with tempfile.TemporaryDirectory(prefix="homestart-bench-sync-") as folder:
        path, passphrase, size = _demo_copy(folder)
        case_file = casefile.unlock(path, passphrase=passphrase)
        with case_file.session() as session:
            settings = load_settings(session=session)
            save_settings(
                session=session, settings=settings.replace(central_office_public_key=office_key)
            )
        timings = []
        for _ in range(5):
            with case_file.session() as session:
                started = time.perf_counter()
                protect(raw_quarter_figures(session=session, quarter=quarter))
                timings.append(_ms(started))
        report(f"sync: figures of {quarter} ({size}), median of 5", statistics.median(timings), 157)
        with case_file.session() as session:
            payload = next_payload(session=session, quarter=quarter)
            signing = get_secret(session=session, key="branch_signing_key")
        case_file.lock()
        timings = []
        for _ in range(20):
            started = time.perf_counter()
            seal(payload, signing_key_hex=signing, office_key=office_key)
            timings.append(_ms(started))
        report("sync: package, sign + encrypt (median of 20)", statistics.median(timings), 100)

        inbox = Path(folder) / "inbox"
        inbox.mkdir()
        keys = _office_packages(inbox, payload, office_key)
        store = CentralStore(Path(folder) / "store")
        for code, key in keys.items():
            store.register(code, key)
        identity = load_identity(DEMO_IDENTITY)
        started = time.perf_counter()
        results = import_paths(store, [inbox], identity)
        assert all(r.accepted for r in results) and len(results) == BRANCHES * QUARTERS
        combined = combine(store, quarter)
        report_pdf(
            combined,
            combine(store, quarter.previous(), trend_quarters=1),
            combine(store, quarter.year_before(), trend_quarters=1),
            out=Path(folder) / "report.pdf",
        )
        report_xlsx(combined, Path(folder) / "report.xlsx")
        report(
            f"sync: central office import + report, {BRANCHES} branches × {QUARTERS} quarters",
            _ms(started),
            3_000,
        )
