"""The data-quality list on the Figures screen: what makes the quarter's figures wrong.

Each line names the family's code and the problem; a double-click (or Enter) opens the
trajectory in Planning to fix it. The list hides itself when there is nothing to fix.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from homestart_desktop.data.figures.quality import DataProblem, ProblemKind
from homestart_desktop.i18n import _, format_date, ngettext


def describe(problem: DataProblem) -> str:
    """One line of the list, in the coordinator's words."""
    if problem.kind == ProblemKind.closed_without_end:
        text = _("{code}: trajectory closed without an end date (counts as running for ever)")
    elif problem.kind == ProblemKind.started_without_date:
        text = _("{code}: trajectory under way without a start date (counts nowhere)")
    else:
        text = ngettext(
            "{code}: {count} past visit still planned, from {day} (counts in no visit figure)",
            "{code}: {count} past visits still planned, from {day} (count in no visit figure)",
            problem.visits,
        )
    return text.format(code=problem.reference, count=problem.visits, day=format_date(problem.since))


class _ProblemList(QListWidget):
    """The list; Enter opens the current problem as a double-click does."""

    sig_enter = Signal(object)
    """Enter was pressed on an item (the QListWidgetItem)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figuresQualityList")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.sig_enter.emit(self.currentItem())
            return
        super().keyPressEvent(event)


class DataQualityList(QWidget):
    """A heading and the problems; hidden when there are none."""

    sig_open = Signal(object)
    """A problem was double-clicked: open its trajectory (the DataProblem)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figuresQuality")
        self.heading = QLabel("", self, objectName="figuresQualityHeading")
        self.heading.setWordWrap(True)
        self.list = _ProblemList(self)
        self.list.setAccessibleName(_("What makes these figures wrong"))
        self.list.itemDoubleClicked.connect(self._open)
        self.list.sig_enter.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.problems: tuple[DataProblem, ...] = ()
        self.hide()

    # ---- Public API

    def set_problems(self, problems: Sequence[DataProblem]) -> None:
        self.problems = tuple(problems)
        self.list.clear()
        for problem in self.problems:
            item = QListWidgetItem(describe(problem))
            item.setData(Qt.ItemDataRole.UserRole, problem)
            self.list.addItem(item)
        self.heading.setText(
            ngettext(
                "{count} thing makes these figures wrong. Double-click to fix it:",
                "{count} things make these figures wrong. Double-click one to fix it:",
                len(self.problems),
            ).format(count=len(self.problems))
        )
        rows = min(len(self.problems), 5)  # as tall as its lines, up to five, then it scrolls
        line = self.list.sizeHintForRow(0) if self.problems else 0
        self.list.setFixedHeight(rows * line + 2 * self.list.frameWidth() + 4)
        self.setVisible(bool(self.problems))

    # ---- Internals

    def _open(self, item: QListWidgetItem) -> None:
        self.sig_open.emit(item.data(Qt.ItemDataRole.UserRole))
