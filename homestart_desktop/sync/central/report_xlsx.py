"""The central office's quarterly report as a spreadsheet: every figure, per branch and in total.

Every sheet names its quarter and the branches in its first row. A cell holds a number only
where there is one: a withheld value ("<5", "x" from packages of schema version 1) stays text,
a figure nobody published stays empty text ("—"), never 0.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from homestart_desktop.i18n import _
from homestart_desktop.private_files import write_private
from homestart_desktop.sync.central.combine import HEADLINE_LABELS, HEADLINES, Combined, Total
from homestart_desktop.sync.labels import lines, row_label, table_label, value_of

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=12)
HEAD_FILL = PatternFill("solid", fgColor="DDE6EE")
NOTHING = "—"


def _cell_value(value: object, row: str) -> object:
    """Numbers stay numbers (so the office can calculate); "<5", "x" stay text."""
    if value is None:
        return NOTHING
    if row == "expenses_paid_cents" and isinstance(value, int | float):
        return round(value / 100, 2)
    return value


def _total_value(total: Total, row: str) -> object:
    """A Flanders total, or "—" when no branch published a value for it (never a made-up 0)."""
    if total.missing:
        return "x" if total.partial else NOTHING
    return _cell_value(total.value, row)


def _title(combined: Combined, what: str) -> str:
    branches = ", ".join(sorted(combined.reported)) or NOTHING
    return _("{what}, {quarter}. Branches: {branches}").format(
        what=what, quarter=combined.quarter, branches=branches
    )


def report_xlsx(combined: Combined, out: Path) -> Path:
    """Write the workbook: Figures (per branch + Flanders), Trends, Not reported."""
    book = Workbook()
    book.properties.creator = _("Home-Start Vlaanderen: central office")
    book.properties.title = _("Quarterly figures {quarter}").format(quarter=combined.quarter)
    sheet = book.active
    sheet.title = _("Figures")[:31]
    sheet.append([_title(combined, _("Quarterly figures"))])
    branches = sorted(combined.reported)
    sheet.append(
        [
            _("Table"),
            _("Figure"),
            *branches,
            _("Flanders"),
            _("± (95%)"),
            _("Withheld cells"),
        ]
    )
    for table, row in lines():
        total = combined.totals[(table, row)]
        sheet.append(
            [
                table_label(table),
                row_label(row, table),
                *[_cell_value(value_of(combined.reported[b], table, row), row) for b in branches],
                _total_value(total, row),
                total.margin or None,
                total.withheld,
            ]
        )
    trends = book.create_sheet(_("Trends")[:31])
    trends.append([_title(combined, _("Flanders over the last quarters"))])
    quarters = [q for q, _t in combined.trends[HEADLINES[0]]]
    trends.append([_("Figure"), *quarters])
    trends.append(
        [_("Branches that reported")] + [combined.trend_reported.get(q, 0) for q in quarters]
    )
    for line in HEADLINES:
        trends.append(
            [_(HEADLINE_LABELS[line])]
            + [_total_value(t, line[1]) for _q, t in combined.trends[line]]
        )
    missing = book.create_sheet(_("Not reported")[:31])
    missing.append([_title(combined, _("Branches that have not reported"))])
    missing.append([_("Branch")])
    for branch in combined.missing:
        missing.append([branch])
    for ws in (sheet, trends, missing):
        ws["A1"].font = TITLE
        for cell in ws[2]:
            cell.font, cell.fill = BOLD, HEAD_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "C3" if ws is sheet else "B3"
        for index in range(1, ws.max_column + 1):
            ws.column_dimensions[get_column_letter(index)].width = 40 if index <= 2 else 12
    buffer = io.BytesIO()
    book.save(buffer)
    write_private(out, buffer.getvalue())
    return Path(out)
