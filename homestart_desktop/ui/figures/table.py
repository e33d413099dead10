"""The figures as a table: this quarter's true numbers and what is sent, the quarter before and
the same quarter a year before (as sent).

The true numbers stay in the case file; the column is set apart in colour. Cells without a
value ("—") are tinted and explain themselves in a tooltip. Table headings are rows of their own; searching keeps only the figures
whose words match.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from homestart_desktop.i18n import _
from homestart_desktop.sync.figures_view import FiguresView
from homestart_desktop.sync.labels import (
    lines,
    row_label,
    share_of,
    shown_with_share,
    table_label,
    value_of,
)
from homestart_desktop.ui.common.widgets.status_table import fold

WITHHELD_TINT = QColor("#fdf1dc")
TRUE_TINT = QColor("#eef3f7")  # the true numbers: for the branch's eyes only


@dataclasses.dataclass(frozen=True)
class Line:
    heading: bool
    label: str
    cells: tuple[Any, ...] = ()  # one published value per quarter shown
    shares: tuple[float | None, ...] = ()
    row: str = ""


def explain(value: Any) -> str:
    """The tooltip of a cell without a value (a median or sum on too few people)."""
    if value is None:
        return _("Not shown: it rests on fewer than 5 families or volunteers.")
    return ""


def build_lines(view: FiguresView) -> list[Line]:
    """Headings and figures in display order."""
    quarters = (view.true_figures, view.figures, view.figures_previous, view.figures_year_before)
    result: list[Line] = []
    current = None
    for table, row in lines():
        if table != current:
            result.append(Line(heading=True, label=table_label(table)))
            current = table
        result.append(
            Line(
                heading=False,
                label=row_label(row, table),
                cells=tuple(value_of(f, table, row) for f in quarters),
                shares=tuple(share_of(f, table, row) for f in quarters),
                row=row,
            )
        )
    return result


class FiguresModel(QAbstractTableModel):
    """One row per heading or figure; columns: figure, the true numbers, then three quarters."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: list[Line] = []
        self._quarters: tuple[str, ...] = ()

    def set_view(self, view: FiguresView | None) -> None:
        self.beginResetModel()
        self._lines = build_lines(view) if view else []
        self._quarters = (
            (view.quarter, view.quarter, view.previous, view.year_before) if view else ()
        )
        self.endResetModel()

    def line(self, row: int) -> Line:
        return self._lines[row]

    def cell_text(self, line: Line, column: int) -> str:
        if column == 0:
            return line.label
        if line.heading:
            return ""
        return shown_with_share(line.cells[column - 1], line.shares[column - 1], line.row)

    # ---- Qt methods

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 1 + len(self._quarters)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, column = self._lines[index.row()], index.column()
        withheld = (
            column > 0 and not line.heading and not isinstance(line.cells[column - 1], int | float)
        )
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(line, column)
        if role == Qt.ItemDataRole.FontRole and line.heading:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and withheld:
            return QBrush(WITHHELD_TINT)
        if role == Qt.ItemDataRole.BackgroundRole and column == 1:
            return QBrush(TRUE_TINT)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return _("The true number: it stays in this case file and is never sent.")
        if role == Qt.ItemDataRole.ToolTipRole and withheld:
            return explain(line.cells[column - 1])
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole and withheld:
            return f"{self.cell_text(line, column)}: {explain(line.cells[column - 1])}"
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return _("Figure")
        titles = (
            _("{quarter}\n(true, stays here)"),
            _("{quarter}\n(to send)"),
            _("{quarter}\n(quarter before)"),
            _("{quarter}\n(a year before)"),
        )
        return titles[section - 1].format(quarter=self._quarters[section - 1])


class FiguresFilter(QSortFilterProxyModel):
    """Keeps the figures whose words match the search (headings only when not searching)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_search(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter() is deprecated
            self.beginFilterChange()
            self._needle = fold(text.strip())
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = fold(text.strip())
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        line = self.sourceModel().line(source_row)
        if not self._needle:
            return True
        return not line.heading and self._needle in fold(line.label)
