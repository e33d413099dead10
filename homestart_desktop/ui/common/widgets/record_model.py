"""The model and filter under :class:`~.status_table.RecordTable`, kept quick on 3,000 rows.

Each row's display texts are made once, when Qt first shows the row, and the search texts once,
at the first search (a row may bring its own prepared search key, as a family does with every
household member's name): Today fills 600 visits on the first unlock and shows twenty. Sorting happens
in the model, with Python's ``sort`` and one key per row (computed once per column): a proxy
that compares rows through Qt calls Python twice per comparison, which took over a second on
a large branch. The proxy only filters: by the typed words, and by a condition the screen sets
(e.g. one status).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QWidget

from homestart_desktop.domain.search import normalise, query_terms
from homestart_desktop.i18n import _, format_number

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
_ANY = QModelIndex()


def fold(text: str) -> str:
    """Lower case without accents, for searching: 'Özlem Yılmaz' → 'ozlem yilmaz'."""
    if text.isascii():  # most names and every reference: no letters to take apart
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")


@dataclasses.dataclass(frozen=True)
class Column:
    """One column: a title (msgid), how to get the value, how to show it."""

    title: str
    value: Callable[[Any], Any]
    display: Callable[[Any], str] | None = None
    align_right: bool = False
    # Left out, last first, when the table has no room for it (a narrow pane on a laptop).
    optional: bool = False
    # Never narrowed to make room: a status cut to "kennismaking ge…" says nothing.
    whole: bool = False
    # The row's place when sorted by this column, when the value's own order is not the
    # coordinator's (a status sorts in the order of the steps, not alphabetically).
    order: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None  # of the record; default: the cell's text

    def text(self, record: Any) -> str:
        value = self.value(record)
        if self.display is not None:
            return self.display(value)
        if isinstance(value, float):  # 6,5 in Dutch: never Python's 6.5
            return format_number(value)
        return "" if value is None else str(value)

    def sort_key(self, record: Any) -> Any:
        """Where ``record`` goes when sorted by this column (never None, always comparable)."""
        if self.order is not None:
            return (1, self.order(record))
        return _sort_key(self.value(record))


def _sort_key(value: Any) -> Any:
    # None sorts first; dates and numbers keep their order; the rest sorts as folded text.
    if value is None:
        return (0, "")
    if isinstance(value, (int, float, dt.date)) and not isinstance(value, bool):
        return (1, value.toordinal() if isinstance(value, dt.date) else value)
    return (2, fold(str(value)))


class RecordTableModel(QAbstractTableModel):
    """Rows of frozen dataclasses shown through :class:`Column` definitions, in sorted order."""

    def __init__(
        self,
        columns: Sequence[Column],
        parent: QWidget | None = None,
        *,
        search_key: Callable[[Any], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._search_key = search_key
        self._given: list[Any] = []  # the order data/ gave: sorting starts from it each time
        self._order: list[int] = []  # shown row -> row given
        self._texts: list[list[str] | None] = []  # per row given, made when first asked
        self._search: list[str] | None = None  # per row given, made at the first search
        self._keys: dict[int, list[Any]] = {}  # per column, in the order given
        self._sorted_by: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    # ---- Public API

    @property
    def columns(self) -> list[Column]:
        return self._columns

    def set_records(self, records: Sequence[Any]) -> None:
        """Replace every row (texts are computed once here, not on every paint)."""
        self.beginResetModel()
        self._given = list(records)
        self._keys = {}
        self._texts = [None] * len(self._given)
        self._search = None
        self._order = self._ordering(*self._sorted_by)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._given[self._order[row]]

    def search_text(self, row: int) -> str:
        if self._search is None:
            if self._search_key is not None:  # prepared by data/, already normalised
                self._search = [self._search_key(r) for r in self._given]
            else:
                self._search = [
                    normalise(
                        " ".join(self._row_texts(i))
                        + " "
                        + str(getattr(r, "search_text", "") or "")
                    )
                    for i, r in enumerate(self._given)
                ]
        return self._search[self._order[row]]

    def sort_key(self, row: int, column: int) -> Any:
        """The sort key of a shown row's cell."""
        return self._columns[column].sort_key(self.record(row))

    # ---- Qt methods

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ANY) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ANY) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.row() >= len(self._order):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(self.record(index.row())) or None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._row_texts(self._order[index.row()])[index.column()]
        if role == RECORD_ROLE:
            return self.record(index.row())
        if role == SORT_ROLE:
            return self.sort_key(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[index.column()].align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(self._columns[section].title)
        if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[section].align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Put the rows in the order of ``column`` (-1: the order given), keeping the selection."""
        self._sorted_by = (column, order)
        if not self._given:
            return
        self.layoutAboutToBeChanged.emit()
        was = self._order
        self._order = self._ordering(column, order)
        now = {given: row for row, given in enumerate(self._order)}
        kept = self.persistentIndexList()  # the selection and current row: a handful
        moved = [self.index(now[was[i.row()]], i.column()) for i in kept]
        self.changePersistentIndexList(kept, moved)
        self.layoutChanged.emit()

    # ---- Internals

    def _row_texts(self, given: int) -> list[str]:
        texts = self._texts[given]
        if texts is None:
            record = self._given[given]
            texts = self._texts[given] = [c.text(record) for c in self._columns]
        return texts

    def _ordering(self, column: int, order: Qt.SortOrder) -> list[int]:
        if not 0 <= column < len(self._columns):
            return list(range(len(self._given)))
        keys = self._keys.get(column)
        if keys is None:
            keys = self._keys[column] = [self._columns[column].sort_key(r) for r in self._given]
        return sorted(
            range(len(self._given)),
            key=keys.__getitem__,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )


class RecordFilterProxy(QSortFilterProxyModel):
    """Keeps the rows that hold every typed word and meet the screen's condition, if any."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._condition: Callable[[Any], bool] | None = None

    def set_search(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_words", list(query_terms(text))))

    def set_condition(self, condition: Callable[[Any], bool] | None) -> None:
        self._refilter(lambda: setattr(self, "_condition", condition))

    def filterAcceptsRow(  # noqa: N802
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if self._condition is not None and not self._condition(model.record(source_row)):
            return False
        if not self._words:
            return True
        haystack = model.search_text(source_row)
        return all(word in haystack for word in self._words)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The model sorts itself (one key per row); the proxy keeps the model's order.
        self.sourceModel().sort(column, order)

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter() is deprecated
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()
