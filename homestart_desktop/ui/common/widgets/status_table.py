"""A list screen's core: a sortable, filterable table on a real model, a search field, a count.

Usage (rows are frozen dataclasses from ``data/``)::

    columns = [
        Column(N_("Reference"), lambda f: f.reference),
        Column(N_("Waiting since"), lambda f: f.waiting_since, format_date),
        Column(N_("Status"), lambda f: f.status, status_label, whole=True),
    ]
    table = RecordTable(columns, placeholder=_("Search family, child, postcode…"),
                        empty_text=_("No families yet. Add the first referral."),
                        object_name="families_table")
    table.set_records(rows)                  # on the UI thread, from an ops.query success
    table.sig_activated.connect(open_family) # double-click or Enter, with the row's dataclass

Sorting uses the raw value (dates sort as dates) or a column's own ``order``; search matches
every column's text and the optional ``search_text`` of a row, ignoring case and accents
("ozlem" finds "Özlem"), or only the prepared key ``search_key`` gives (a family's, with every
household member in it). ``set_condition`` narrows the rows further (one status);
``count_text`` says the count in the list's own word ("3 families"). ``measure_once`` sizes the
columns on the first rows only: a long list (3,000 families) then reloads without measuring
again, and its columns do not jump when a status filter or an edit reloads it.
``measure_rows`` sizes the columns on that many first rows, measured with the font alone,
instead of Qt's thousand rows asked through the delegate: Today's week of 600 visits is shown on
the first unlock, and Qt's measuring of five columns cost more than the rest of Today.
``searchable=False`` leaves out the search field and count (for short lists);
``sort_column=None`` keeps the rows in the order given until a header is clicked.
``table.clear()`` forgets every row (on lock). Column titles are msgids, translated when built.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
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

from homestart_desktop.i18n import _, ngettext
from homestart_desktop.ui.common.widgets.record_model import (
    RECORD_ROLE,
    SORT_ROLE,
    Column,
    RecordFilterProxy,
    RecordTableModel,
    fold,
)
from homestart_desktop.ui.common.widgets.search_field import SearchField

__all__ = [
    "RECORD_ROLE",
    "SORT_ROLE",
    "Column",
    "RecordFilterProxy",
    "RecordTable",
    "RecordTableModel",
    "fitted_widths",
    "fold",
]

# A cell's text and the delegate's margins on both sides (Qt's sizeHintForColumn gives 6-7 more).
CELL_PADDING = 7
COLUMN_FLOOR = 80  # no column cut below its title, nor below this: a reference stays readable


def fitted_widths(natural: Sequence[int], room: int, *, floors: Sequence[int]) -> list[int]:
    """Column widths that fit ``room``: columns wider than a common cap are cut to it, the
    narrow ones keep their own width, and none goes below its floor (its title)."""
    if sum(natural) <= room or room <= 0:
        return list(natural)
    cap = max(natural)
    # Lower the cap until the columns fit (water-filling, from the widest down).
    for width in sorted(set(natural), reverse=True):
        narrower = sum(w for w in natural if w < width)
        wider = sum(1 for w in natural if w >= width)
        cap = (room - narrower) // wider
        if cap >= max((w for w in natural if w < width), default=0):
            break
    return [max(min(w, cap), min(floor, w)) for w, floor in zip(natural, floors, strict=True)]


class RecordTable(QWidget):
    """Search field, count and table (or an empty state when there is nothing yet)."""

    sig_activated = Signal(object)
    """A row was opened (double-click or Enter): its dataclass."""

    sig_selected = Signal(object)
    """The selected row's dataclass, or None."""

    def __init__(
        self,
        columns: Sequence[Column],
        parent: QWidget | None = None,
        *,
        placeholder: str = "",
        empty_text: str = "",
        object_name: str = "table",
        searchable: bool = True,
        sort_column: int | None = 0,
        search_key: Callable[[Any], str] | None = None,
        count_text: Callable[[int], str] | None = None,
        measure_once: bool = False,
        measure_rows: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._measure_once = measure_once
        self._measure_rows = measure_rows
        self._measured = False
        self.model = RecordTableModel(columns, self, search_key=search_key)
        self._count_text = count_text
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = SearchField(
            self, placeholder=placeholder, object_name=f"{object_name}_search"
        )
        self.search.sig_search.connect(self._search)
        self.count_label = QLabel(self, objectName="hint")
        self.count_label.setAccessibleName(f"{object_name}_count")
        self.toolbar = QHBoxLayout()
        self.toolbar.addWidget(self.search)
        self.toolbar.addWidget(self.count_label)
        self.toolbar.addStretch(1)

        self.view = QTableView(self, objectName=object_name)
        self.view.setModel(self.proxy)
        # sort_column None keeps the order ``data/`` gave (e.g. longest waiting first).
        header = self.view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSortIndicator(
            -1 if sort_column is None else sort_column, Qt.SortOrder.AscendingOrder
        )
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(30)
        self.view.horizontalHeader().setStretchLastSection(True)
        # Column widths from the first rows only: measuring thousands of rows takes seconds.
        self.view.horizontalHeader().setResizeContentsPrecision(100)
        if measure_rows is not None:  # after the default above, or it would undo this
            header.setResizeContentsPrecision(measure_rows)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.viewport().installEventFilter(self)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.activated.connect(lambda index: self.sig_activated.emit(index.data(RECORD_ROLE)))
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.sig_selected.emit(current.data(RECORD_ROLE))
        )

        self.empty_label = QLabel(empty_text, self, objectName="emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        if searchable:
            layout.addLayout(self.toolbar)
        else:  # a short list (e.g. on Today): no search, no count
            self.search.hide()
            self.count_label.hide()
        layout.addWidget(self.stack, 1)
        self._update_count()

    # ---- Public API

    def set_records(self, records: Sequence[Any]) -> None:
        """Show these rows (keeps the search and the sort order)."""
        self.model.set_records(records)
        if not self._measure_once:
            self.measure_columns()
        elif records and not self._measured:
            self.measure_columns()
            self._measured = True
        self._update_count()

    def measure_columns(self) -> None:
        """Size the columns to their contents, then fit them to the table's width."""
        for column in range(self.model.columnCount()):
            self.view.setColumnHidden(column, False)  # measured with every column shown
        header = self.view.horizontalHeader()
        if self._measure_rows is None:
            self.view.resizeColumnsToContents()
            self._natural_widths = [header.sectionSize(c) for c in range(header.count())]
        else:
            self._natural_widths = self._sampled_widths(self._measure_rows)
            # The last column is Qt's to stretch over what is left: sized here, it could
            # push the table wider than its view (a sideways scroll bar on Today).
            last = header.count() - 1 if header.stretchLastSection() else header.count()
            for column, width in enumerate(self._natural_widths[:last]):
                header.resizeSection(column, width)
        self._fit_columns()

    def clear(self) -> None:
        """Forget every row and the search (when the case file locks)."""
        self.search.clear()
        self.proxy.set_search("")
        self.model.set_records([])
        self._update_count()

    def set_condition(self, condition: Callable[[Any], bool] | None) -> None:
        """Show only the rows whose record meets ``condition`` (None: every row)."""
        self.proxy.set_condition(condition)
        self._update_count()

    def selected_record(self) -> Any | None:
        index = self.view.currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None

    def visible_count(self) -> int:
        return self.proxy.rowCount()

    def visible_record(self, row: int) -> Any:
        """The record shown in ``row`` (after search, filter and sort)."""
        return self.proxy.index(row, 0).data(RECORD_ROLE)

    def select_where(self, predicate: Callable[[Any], bool]) -> bool:
        """Select (and scroll to) the first shown row whose record fits; False when none."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if predicate(index.data(RECORD_ROLE)):
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
                return True
        return False

    # ---- Qt methods

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    # ---- Internals

    def _sampled_widths(self, rows: int) -> list[int]:
        """Each column as wide as its title or its widest text among the first ``rows`` rows,
        measured with the font alone: Qt's own measuring asks every cell through the model
        and the delegate, which on Today's first unlock cost more than the texts themselves."""
        metrics = self.view.fontMetrics()
        header = self.view.horizontalHeader()
        sample = range(min(rows, self.proxy.rowCount()))
        widths = []
        for column in range(self.proxy.columnCount()):
            texts = (self.proxy.index(row, column).data() or "" for row in sample)
            widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
            widths.append(max(widest + CELL_PADDING, header.sectionSizeHint(column)))
        return widths

    def _fit_columns(self) -> None:
        """Every column in view, no sideways scrolling: the widest give way (their full text
        stays in the tooltip); narrow ones such as the status keep their width."""
        natural = getattr(self, "_natural_widths", [])
        header = self.view.horizontalHeader()
        if not natural or len(natural) != header.count():
            return
        room = self.view.viewport().width()
        shown = list(range(len(natural)))
        for column in reversed(range(len(natural))):
            if sum(natural[c] for c in shown) <= room:
                break
            if self.model.columns[column].optional:
                shown.remove(column)
        for column in range(len(natural)):
            self.view.setColumnHidden(column, column not in shown)
        metrics = header.fontMetrics()
        titles = [self.model.headerData(c, Qt.Orientation.Horizontal) or "" for c in shown]
        # A title keeps room for itself and the sort arrow.
        floors = [
            natural[c]
            if self.model.columns[c].whole
            else max(COLUMN_FLOOR, metrics.horizontalAdvance(t) + 20)
            for c, t in zip(shown, titles, strict=True)
        ]
        widths = fitted_widths([natural[c] for c in shown], room, floors=floors)
        # The last one is left to Qt, which stretches it over what is left.
        for column, width in zip(shown[:-1], widths[:-1], strict=True):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.stack.setCurrentWidget(self.view if total else self.empty_label)
        self.search.setEnabled(bool(total))
        if shown == total and self._count_text is not None:
            self.count_label.setText(self._count_text(total))
        elif shown == total:
            self.count_label.setText(
                ngettext("{count} row", "{count} rows", total).format(count=total)
            )
        else:
            self.count_label.setText(_("{shown} of {total}").format(shown=shown, total=total))
