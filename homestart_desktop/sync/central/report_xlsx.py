"""The central office's quarterly report as a spreadsheet: every figure, per branch and in total."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from homestart_desktop.i18n import _
from homestart_desktop.private_files import write_private
from homestart_desktop.sync.central.combine import HEADLINE_LABELS, HEADLINES, Combined
from homestart_desktop.sync.labels import lines, row_label, table_label, value_of

BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDE6EE")


def _cell_value(value: object, row: str) -> object:
    """Numbers stay numbers (so the office can calculate); "<5", "x" stay text."""
    if value is None:
        return "—"
    if row == "expenses_paid_cents" and isinstance(value, int | float):
        return round(value / 100, 2)
    return value


def report_xlsx(combined: Combined, out: Path) -> Path:
    """Write the workbook: Figures (per branch + Flanders), Trends, Not reported."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Figures")[:31]
    branches = sorted(combined.reported)
    header = [_("Table"), _("Figure"), *branches, _("Flanders"), _("Withheld cells")]
    sheet.append(header)
    for table, row in lines():
        total = combined.totals[(table, row)]
        sheet.append(
            [
                table_label(table),
                row_label(row, table),
                *[_cell_value(value_of(combined.reported[b], table, row), row) for b in branches],
                _cell_value(total.value, row),
                total.withheld,
            ]
        )
    trends = book.create_sheet(_("Trends")[:31])
    quarters = [q for q, _t in combined.trends[HEADLINES[0]]]
    trends.append([_("Figure"), *quarters])
    for line in HEADLINES:
        trends.append(
            [_(HEADLINE_LABELS[line])]
            + [_cell_value(t.value, line[1]) for _q, t in combined.trends[line]]
        )
    missing = book.create_sheet(_("Not reported")[:31])
    missing.append([_("Branch")])
    for branch in combined.missing:
        missing.append([branch])
    for ws in (sheet, trends, missing):
        for cell in ws[1]:
            cell.font, cell.fill = BOLD, HEAD_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "C2" if ws is sheet else "B2"
        for index in range(1, ws.max_column + 1):
            ws.column_dimensions[get_column_letter(index)].width = 40 if index <= 2 else 12
    buffer = io.BytesIO()
    book.save(buffer)
    write_private(out, buffer.getvalue())
    return Path(out)
