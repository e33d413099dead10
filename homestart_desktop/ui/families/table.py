"""A family list that stays quick on 3,000 families: search field, count, table, empty state.

Why not the shared ``RecordTable``: its proxy compares rows in Python on every sort step and
folds every cell's text again, which costs over a second for a large branch. Here each row
brings its prepared search key (``FamilyRow.search_key``, already accent- and case-folded),
display texts are made once, the model sorts its own row order with Python's ``sort`` (one key
per row), and the proxy only filters (by status and by the typed words).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.families.register import FamilyRow
from homestart_desktop.data.models import FamilyStatus
from homestart_desktop.domain.search import matches, query_terms
from homestart_desktop.i18n import _, ngettext
from homestart_desktop.ui.common.widgets.search_field import SearchField

RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
_ANY = QModelIndex()


@dataclasses.dataclass(frozen=True)
class FamilyColumn:
    """A column: its title (msgid), the text shown, and the key it sorts by (never None)."""

    title: str
    text: Callable[[FamilyRow], str]
    key: Callable[[FamilyRow], Any]
    align_right: bool = False


class FamilyTableModel(QAbstractTableModel):
    """Rows of :class:`FamilyRow`, in the order of the last sort."""

    def __init__(self, columns: Sequence[FamilyColumn], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[FamilyRow] = []
        self._texts: list[tuple[str, ...]] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[FamilyRow]) -> None:
        """Replace every row (texts made here once), keeping the sort order asked last."""
        self.beginResetModel()
        self.rows = list(rows)
        self._sort_rows()
        self._texts = [tuple(c.text(r) for c in self.columns) for r in self.rows]
        self.endResetModel()

    def row_at(self, row: int) -> FamilyRow:
        return self.rows[row]

    # ---- Qt methods

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ANY) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ANY) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._texts[index.row()][index.column()]
        if role == RECORD_ROLE:
            return self.rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[index.column()].align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.columns[section].title)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self._sorted_by = (column, order)
        paired = sorted(
            zip(self.rows, self._texts, strict=True),
            key=lambda pair: self.columns[column].key(pair[0]),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.rows = [row for row, _text in paired]
        self._texts = [text for _row, text in paired]
        self.endResetModel()

    def _sort_rows(self) -> None:
        if self._sorted_by is not None:
            column, order = self._sorted_by
            self.rows.sort(
                key=self.columns[column].key, reverse=order == Qt.SortOrder.DescendingOrder
            )


class FamilyFilter(QSortFilterProxyModel):
    """Keeps the rows of one status (or all) whose search key holds every typed word."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.terms: tuple[str, ...] = ()
        self.status: FamilyStatus | None = None

    def set_search(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "terms", query_terms(text)))

    def set_status(self, status: FamilyStatus | None) -> None:
        self._refilter(lambda: setattr(self, "status", status))

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+: invalidateFilter is deprecated
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(  # noqa: N802
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        row = self.sourceModel().rows[source_row]
        if self.status is not None and row.status != self.status:
            return False
        return not self.terms or matches(row.search_key, self.terms)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The model sorts itself (one key per row); the proxy keeps the model's order.
        self.sourceModel().sort(column, order)


class FamilyTable(QWidget):
    """Search field and count above the table, or what the place is for while it is empty."""

    sig_activated = Signal(object)
    """A family was opened (double-click or Enter): its ``FamilyRow``."""

    def __init__(
        self,
        columns: Sequence[FamilyColumn],
        parent: QWidget | None = None,
        *,
        empty_text: str,
        object_name: str,
        stretch_column: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = FamilyTableModel(columns, self)
        self.proxy = FamilyFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = SearchField(
            self,
            placeholder=_("Search family, child, postcode…"),
            object_name=f"{object_name}_search",
        )
        self.search.sig_search.connect(self.set_search)
        self.count_label = QLabel(self, objectName="hint")
        self.count_label.setAccessibleName(f"{object_name}_count")
        self.view = QTableView(self, objectName=object_name)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(30)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(stretch_column is None)
        if stretch_column is not None:  # e.g. the name, so a short last column stays short
            header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(100)  # measure widths on 100 rows, not 3,000
        self.view.activated.connect(lambda index: self.sig_activated.emit(index.data(RECORD_ROLE)))
        self.empty_label = QLabel(empty_text, self, objectName="emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_label)
        top = QHBoxLayout()
        top.addWidget(self.search)
        top.addWidget(self.count_label)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self._sized = False
        self._update_count()

    # ---- Public API

    def set_rows(self, rows: Sequence[FamilyRow]) -> None:
        """Show these families (the search, filter and sort order stay)."""
        self.model.set_rows(rows)
        if rows and not self._sized:  # widths once; afterwards the coordinator's widths stay
            self.view.resizeColumnsToContents()
            self._sized = True
        self._update_count()

    def set_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def set_status(self, status: FamilyStatus | None) -> None:
        self.proxy.set_status(status)
        self._update_count()

    def clear(self) -> None:
        """Forget every family and the search (the case file locks)."""
        self.search.clear()
        self.proxy.set_search("")
        self.model.set_rows([])
        self._update_count()

    def visible_count(self) -> int:
        return self.proxy.rowCount()

    def visible_row(self, row: int) -> FamilyRow:
        return self.proxy.index(row, 0).data(RECORD_ROLE)

    # ---- Internals

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.stack.setCurrentWidget(self.view if total else self.empty_label)
        self.search.setEnabled(bool(total))
        if shown == total:
            text = ngettext("{count} family", "{count} families", total).format(count=total)
        else:
            text = _("{shown} of {total}").format(shown=shown, total=total)
        self.count_label.setText(text)
