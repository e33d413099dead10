"""The morning list on Today: every reminder in words, each line opening the place to act."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from homestart_desktop.data.planning.reminders import Reminder, ReminderKind
from homestart_desktop.i18n import N_, _, format_days, format_short_date, ngettext
from homestart_desktop.ui.common.people import Names, who, who_tip

TEXTS = {
    ReminderKind.review_overdue: N_("{reference}: interim review overdue since {date}"),
    ReminderKind.review_due: N_("{reference}: interim review due on {date}"),
    ReminderKind.no_recent_visit: N_("{reference}: no visit logged since {date}"),
    ReminderKind.one_year: N_("{reference}: the trajectory reaches one year on {date}"),
    ReminderKind.coaching_due: N_("{reference}: no coaching talk since {date}"),
    ReminderKind.extract_expired: N_("{reference}: criminal-record extract to renew since {date}"),
    ReminderKind.introduction_to_plan: N_(
        "{reference}: plan the introduction visit (proposed on {date})"
    ),
    # The date of the wait (domain.waiting), called as in the waiting list's "Waiting since".
    ReminderKind.long_waiting: N_("{reference}: waiting since {date}"),
}
# Where each reminder is acted on: a section key of ui/shell/sections.py.
SECTION_FOR = {
    ReminderKind.review_overdue: "planning",
    ReminderKind.review_due: "planning",
    ReminderKind.no_recent_visit: "planning",
    ReminderKind.one_year: "planning",
    ReminderKind.coaching_due: "volunteers",
    ReminderKind.extract_expired: "volunteers",
    ReminderKind.introduction_to_plan: "matching",
    ReminderKind.long_waiting: "matching",
    ReminderKind.retention_due: "settings",  # Settings › Retention lists them
}
URGENT = {ReminderKind.review_overdue, ReminderKind.no_recent_visit, ReminderKind.extract_expired}


def reminder_text(reminder: Reminder, names: Names | None = None) -> str:
    """One line in the coordinator's words, with how many days where it matters."""
    if reminder.kind == ReminderKind.retention_due:
        return ngettext(
            "{count} family is due for anonymisation",
            "{count} families are due for anonymisation",
            reminder.days,
        ).format(count=reminder.days)
    text = _(TEXTS[reminder.kind]).format(
        reference=who(reminder.reference, names or {}), date=format_short_date(reminder.since)
    )
    if reminder.days > 0 and reminder.kind != ReminderKind.review_due:
        text += f" ({format_days(reminder.days)})"
    return text


class ReminderModel(QAbstractListModel):
    """The reminders as lines, put in words only when Qt shows or asks for one: a large branch
    has 1,200 reminders and the first unlock of the day should not wait for all of them."""

    def __init__(self, names: Names, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = names
        self._reminders: list[Reminder] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_reminders(self, reminders: list[Reminder]) -> None:
        self.beginResetModel()
        self._reminders = list(reminders)
        self.endResetModel()

    def reminder(self, row: int) -> Reminder:
        return self._reminders[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self._reminders)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        reminder = self._reminders[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return reminder_text(reminder, self._names)
        if role == Qt.ItemDataRole.ToolTipRole:
            full_name = who_tip(reminder.reference, self._names)
            return f"{full_name}\n{_('Double-click to open')}".strip()
        if role == Qt.ItemDataRole.FontRole and reminder.kind in URGENT:
            return self._bold
        if role == Qt.ItemDataRole.UserRole:
            return reminder
        return None


class MorningList(QWidget):
    """What needs the coordinator today; Enter or double-click opens the place to act."""

    sig_open = Signal(str, object)
    """Open a section (key) at a reminder's record (the Reminder)."""

    def __init__(self, parent: QWidget | None = None, *, names: Names | None = None) -> None:
        super().__init__(parent)
        self._names: Names = names if names is not None else {}
        self.title = QLabel(self, objectName="sectionTitle")
        self.model = ReminderModel(self._names, self)
        self.list = QListView(self, objectName="morningList")
        self.list.setModel(self.model)
        self.list.setAccessibleName(_("Reminders for today"))
        # One line each: Qt need not measure 1,200 reminders one by one to lay the list out.
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.empty = QLabel(self, objectName="emptyState")
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.list.activated.connect(self._open)
        self._reminders: list[Reminder] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(_("To do today"))
        self.empty.setText(
            _(
                "Nothing needs you today: no review due, no quiet trajectory, "
                "no family waiting too long."
            )
        )
        self.set_reminders(self._reminders)

    def set_reminders(self, reminders: list[Reminder]) -> None:
        self._reminders = list(reminders)
        self.model.set_reminders(self._reminders)
        self.list.setVisible(bool(reminders))
        self.empty.setVisible(not reminders)

    def clear(self) -> None:
        self.set_reminders([])

    def _open(self, index: QModelIndex) -> None:
        reminder = self.model.reminder(index.row())
        self.sig_open.emit(SECTION_FOR[reminder.kind], reminder)
