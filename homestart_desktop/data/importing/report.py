"""The rows an import skipped, as a workbook to correct and import again.

Each list with problems gets a sheet with its own headers, the rows as they were, and a
*Probleem* column with every reason in words. The coordinator chooses where it is saved; it
holds personal data, so it is never written anywhere by itself.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from homestart_desktop.data.importing.fields import KIND_LABELS, Kind
from homestart_desktop.data.importing.plan import Plan
from homestart_desktop.i18n import _

_ILLEGAL = {chr(c) for c in range(32)} - {"\t", "\n", "\r"}


def _cell(value: object) -> object:
    if isinstance(value, str):
        # A formula stays a formula; characters Excel refuses are left out.
        return "".join(ch for ch in value if ch not in _ILLEGAL)
    if isinstance(value, int | float | dt.date | dt.datetime | bool) or value is None:
        return value
    return str(value)


def write_problem_workbook(plan: Plan, path: Path) -> Path:
    """Save the skipped rows with a *Probleem* column at ``path`` (.xlsx)."""
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    book.remove(book.active)
    for kind in Kind:
        problems = [p for p in plan.problems if p.kind == kind]
        if not problems:
            continue
        sheet = book.create_sheet(_(KIND_LABELS[kind])[:31])
        sheet.append([_("Row"), _("Problem"), *plan.headers.get(kind, ())])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for problem in problems:
            cells = [_cell(value) for value in problem.cells]
            sheet.append([problem.row, "; ".join(problem.reasons), *cells])
            for cell in sheet[sheet.max_row][2:]:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "DD/MM/YYYY"
        sheet.column_dimensions["B"].width = 60
        sheet.freeze_panes = "C2"
    if not book.worksheets:
        book.create_sheet(_("Problem"))
    path = Path(path)
    book.save(path)
    return path
