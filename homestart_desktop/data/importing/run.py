"""An import from start to end: read the lists, preview, back up, write all or nothing.

The preview reads only. The import makes an encrypted backup first, then builds the plan again
inside ONE transaction (the file may have changed since the preview) and writes it: a problem
the coordinator did not agree to skip, a cancel or any error rolls everything back, so the case
file is exactly as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import Session

from homestart_desktop.data.importing.apply import Imported, apply_plan
from homestart_desktop.data.importing.fields import Kind
from homestart_desktop.data.importing.mapping import Mapping
from homestart_desktop.data.importing.plan import Cancelled, Options, Plan, Progress, build_plan
from homestart_desktop.data.importing.reading import Table, load_table
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.i18n import ngettext

if TYPE_CHECKING:
    from homestart_desktop.data.casefile.casefile import CaseFile


@dataclasses.dataclass(frozen=True)
class Source:
    """One list to import: which kind of records, the file, its sheet and header row."""

    kind: Kind
    path: Path
    sheet: str | None = None
    header_row: int | None = None


@dataclasses.dataclass(frozen=True)
class Outcome:
    plan: Plan
    imported: Imported
    backup: Path | None = None

    @property
    def changes(self):  # noqa: ANN201 (ops hands the changes to every screen)
        return self.imported.changes


def load_tables(sources: list[Source]) -> dict[Kind, Table]:
    """The table of every source, by kind."""
    return {s.kind: load_table(s.path, s.sheet, s.header_row) for s in sources}


def _halves(progress: Progress | None, second: bool) -> Progress | None:
    """Planning fills the first half of the progress bar, writing the second."""
    if progress is None:
        return None

    def report(done: int, total: int) -> None:
        share = done / total if total else 1.0
        progress(int((share + second) * 500), 1000)

    return report


def import_tables(
    *,
    session: Session,
    tables: dict[Kind, Table],
    mapping: Mapping,
    options: Options | None = None,
    today: dt.date,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Outcome:
    """Plan and write in the caller's transaction; refused whole when rows have problems and
    the coordinator chose not to skip them."""
    options = options or Options()
    plan = build_plan(
        session=session,
        tables=tables,
        mapping=mapping,
        options=options,
        today=today,
        progress=_halves(progress, False),
        cancelled=cancelled,
    )
    if plan.problems and not options.skip_problem_rows:
        count = plan.problem_count()
        raise ValidationError(
            {
                "rows": ngettext(
                    "{count} row has a problem, so nothing was imported.",
                    "{count} rows have a problem, so nothing was imported.",
                    count,
                ).format(count=count)
            }
        )
    imported = apply_plan(
        session=session,
        plan=plan,
        today=today,
        progress=_halves(progress, True),
        cancelled=cancelled,
    )
    return Outcome(plan, imported)


def backup_before_import(*, case_file: CaseFile) -> Path:
    """The automatic backup an import starts with."""
    return case_file.backup(reason="import")


def run_import(
    case_file: CaseFile,
    *,
    tables: dict[Kind, Table],
    mapping: Mapping,
    options: Options | None = None,
    today: dt.date,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Outcome:
    """Back up, then import in one transaction (all or nothing)."""
    backup = backup_before_import(case_file=case_file)
    with case_file.session() as session:
        outcome = import_tables(
            session=session,
            tables=tables,
            mapping=mapping,
            options=options,
            today=today,
            progress=progress,
            cancelled=cancelled,
        )
    return dataclasses.replace(outcome, backup=backup)
