"""Benchmark: a large branch moves in — 3,000 families, 300 volunteers, 400 running matches.

Figures: reading the workbooks and the preview (a dry run checking every row; target ≤ 5 s),
the import itself with its backup, in one transaction (≤ 15 s), and the wizard's Cancel while
the import writes: how long until the case file is back as it was (≤ 2 s; the bench fails if a
single row stayed behind). Invented people only; the workbooks are written to a temporary
folder and removed.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

FAMILIES = 3000
VOLUNTEERS = 300
MATCHED = 400
PASSPHRASE = "zeven groene kikkers springen over de beek"


def _workbooks(folder: Path) -> tuple[Path, Path]:
    """A families list in Dutch (three date styles) and a volunteers list in French."""
    import openpyxl

    rng = random.Random(2026)
    postcodes = ["9000", "9030", "9040", "9050", "9820", "9880", "2000", "1000", "8000"]
    volunteers = openpyxl.Workbook()
    sheet = volunteers.active
    sheet.append(["Prénom", "Nom", "Date de naissance", "Téléphone", "Code postal", "Statut"])
    for n in range(VOLUNTEERS):
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(18000))
        sheet.append(
            [
                f"Vrijwilliger{n}",
                f"Bench{n}",
                born.strftime("%d/%m/%Y"),
                f"0478 {n // 100:02d} {n % 100:02d} 00",
                rng.choice(postcodes),
                "disponible",
            ]
        )
    volunteers_path = folder / "vrijwilligers.xlsx"
    volunteers.save(volunteers_path)
    families = openpyxl.Workbook()
    sheet = families.active
    sheet.append(["Gezinnen — bench"])
    sheet.merge_cells("A1:L1")
    sheet.append(
        [
            "Naam moeder",
            "GSM",
            "Straat",
            "Postcode",
            "Verwezen door",
            "Datum aanmelding",
            "Alleenstaande",
            "Geboortedatum kind 1",
            "Geboortedatum kind 2",
            "Status",
            "Vrijwilliger",
            "Start koppeling",
        ]
    )
    referrers = ["OCMW", "ocmw Gent", "K&G", "CLB", "Huis van het Kind", "zelf", "CAW"]
    for n in range(FAMILIES):
        referred = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(600))
        child = referred - dt.timedelta(days=rng.randrange(30, 1500))
        style = n % 3
        shown = (
            referred.strftime("%d/%m/%Y"),
            dt.datetime.combine(referred, dt.time()),
            f"{referred.day}-{referred.month}-{referred.year % 100:02d}",
        )[style]
        matched = n < MATCHED
        sheet.append(
            [
                f"Ouder{n} Benchgezin{n}",
                f"0470 {n // 10000:02d} {n // 100 % 100:02d} {n % 100:02d}",
                f"Laan {n}",
                rng.choice(postcodes),
                rng.choice(referrers),
                shown,
                rng.choice(["ja", "nee", "x", ""]),
                dt.datetime.combine(child, dt.time()),
                None if n % 4 else child.strftime("%d/%m/%Y"),
                "actief" if matched else "wachtlijst",
                f"Vrijwilliger{n % VOLUNTEERS} Bench{n % VOLUNTEERS}" if matched else None,
                (referred + dt.timedelta(days=60)).strftime("%d/%m/%Y") if matched else None,
            ]
        )
    families_path = folder / "gezinnen.xlsx"
    families.save(families_path)
    return families_path, volunteers_path


def run(report: Callable[..., None]) -> None:
    from homestart_desktop.data.casefile import casefile
    from homestart_desktop.data.importing.fields import Kind
    from homestart_desktop.data.importing.mapping import suggest_mapping
    from homestart_desktop.data.importing.plan import Action, ImportCancelled, build_plan
    from homestart_desktop.data.importing.run import Source, load_tables, run_import

    today = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as name:
        folder = Path(name)
        families, volunteers = _workbooks(folder)
        case_file = casefile.create_case_file(
            folder / "Nieuw.hscase", passphrase=PASSPHRASE, branch_name="Bench"
        )
        try:
            start = time.perf_counter()
            tables = load_tables(
                [Source(Kind.families, families), Source(Kind.volunteers, volunteers)]
            )
            mapping = suggest_mapping(tables)
            with case_file.session() as session:
                plan = build_plan(session=session, tables=tables, mapping=mapping, today=today)
            preview_ms = (time.perf_counter() - start) * 1000
            assert plan.count(Kind.families, Action.create) == FAMILIES, plan.problems[:3]
            report("import: read + preview of 3,000 families", preview_ms, 5000)

            counts = _counts(case_file)
            calls = []

            def cancel_while_writing() -> bool:
                calls.append(time.perf_counter())
                return len(calls) > 20  # well into the writing half of the progress bar

            try:
                run_import(
                    case_file,
                    tables=tables,
                    mapping=mapping,
                    today=today,
                    cancelled=cancel_while_writing,
                )
            except ImportCancelled:
                back_ms = (time.perf_counter() - calls[-1]) * 1000
            else:
                raise AssertionError("the import was not cancelled")
            assert _counts(case_file) == counts, "a cancelled import left rows behind"
            report("import: cancel → file as it was", back_ms, 2000)

            start = time.perf_counter()
            outcome = run_import(case_file, tables=tables, mapping=mapping, today=today)
            import_ms = (time.perf_counter() - start) * 1000
            assert outcome.plan.count(Kind.matches, Action.create) == MATCHED
            report("import: 3,000 families + backup, one transaction", import_ms, 15000)
        finally:
            case_file.lock()


def _counts(case_file) -> dict[str, int]:  # noqa: ANN001
    from homestart_desktop.data.families.register import list_families
    from homestart_desktop.data.volunteers.register import list_volunteers

    with case_file.session() as session:
        return {
            "families": len(list_families(session=session, today=dt.date.today())),
            "volunteers": len(list_volunteers(session=session)),
        }
