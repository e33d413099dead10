"""Parts of the session dialog: the attendee picker and the follow-up actions.

Both hold exactly what the coordinator picked or typed, also when it is wrong (the same volunteer
twice, a follow-up due before the session): the data layer says what is wrong, beside the part,
and nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.intervision.sessions import (
    EXPECTED_STATUSES,
    PRESENCE_LABELS,
    FollowUp,
    FollowUpIn,
    VolunteerChoice,
)
from homestart_desktop.data.models import Presence
from homestart_desktop.i18n import _
from homestart_desktop.ui.common.widgets.date_edit import DateEdit


def volunteer_label(choice: VolunteerChoice) -> str:
    """First name and reference: how volunteers appear in intervision."""
    return f"{choice.first_name} ({choice.reference})"


def _table(parent: QWidget, object_name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(object_name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(34)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setMinimumHeight(150)
    return table


class AttendeeList(QWidget):
    """Pick volunteers from a list and say for each: present, absent with notice, absent."""

    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices: dict[int, VolunteerChoice] = {}
        self.picker = QComboBox(self, objectName="attendeePicker")
        self.picker.setAccessibleName(_("Volunteer to add"))
        self.picker.setMinimumWidth(240)
        self.add_button = QPushButton(_("Add"), self, objectName="addAttendee")
        self.add_expected = QPushButton(
            _("Add all active volunteers"), self, objectName="addExpectedAttendees"
        )
        self.add_last = QPushButton(_("Same group as last time"), self, objectName="addLastGroup")
        self.add_last.setToolTip(_("Add the volunteers on the list of the latest session"))
        self.add_last.hide()
        self._last: list[int] = []
        self.table = _table(self, "attendees", [_("Volunteer"), _("Presence"), ""])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Cell widgets give no size hint to the header: room for the longest presence word.
        for column, width in ((1, 210), (2, 110)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        self.add_button.clicked.connect(lambda: self.add(self.picker.currentData()))
        self.add_expected.clicked.connect(self._add_expected)
        self.add_last.clicked.connect(self._add_last)
        top = QHBoxLayout()
        top.addWidget(self.picker, 1)
        top.addWidget(self.add_button)
        groups = QHBoxLayout()
        groups.addWidget(self.add_last)
        groups.addWidget(self.add_expected)
        groups.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(groups)

    def set_choices(self, choices: list[VolunteerChoice], *, last: list[int] | None = None) -> None:
        """The volunteers one can pick (and the latest session's list, offered as a group)."""
        self._choices = {c.id: c for c in choices}
        self._last = [v for v in (last or []) if v in self._choices]
        self.add_last.setVisible(bool(self._last))
        self.picker.clear()
        for choice in choices:
            self.picker.addItem(volunteer_label(choice), choice.id)

    def add(self, volunteer_id: int | None, presence: Presence = Presence.present) -> None:
        """Add a row for this volunteer (also a second one: the save says it is twice)."""
        if volunteer_id is None:
            return
        choice = self._choices.get(volunteer_id)
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QLineEdit(volunteer_label(choice) if choice else "?", self.table)
        name.setReadOnly(True)
        name.setFrame(False)
        name.setProperty("volunteer_id", volunteer_id)
        presence_box = QComboBox(self.table, objectName=f"presence{row}")
        for value, label in PRESENCE_LABELS.items():
            presence_box.addItem(_(label), value)
        presence_box.setCurrentIndex(presence_box.findData(presence))
        presence_box.currentIndexChanged.connect(lambda _i: self.sig_changed.emit())
        remove = QPushButton(_("Remove"), self.table, objectName=f"removeAttendee{row}")
        remove.clicked.connect(lambda: self._remove(name))
        self.table.setCellWidget(row, 0, name)
        self.table.setCellWidget(row, 1, presence_box)
        self.table.setCellWidget(row, 2, remove)
        self.sig_changed.emit()

    def set_presence(self, row: int, presence: Presence) -> None:
        box: QComboBox = self.table.cellWidget(row, 1)
        box.setCurrentIndex(box.findData(presence))

    def value(self) -> tuple[tuple[int, Presence], ...]:
        """(volunteer id, presence) per row, in the order shown."""
        return tuple(
            (
                self.table.cellWidget(row, 0).property("volunteer_id"),
                self.table.cellWidget(row, 1).currentData(),
            )
            for row in range(self.table.rowCount())
        )

    def _remove(self, name: QLineEdit) -> None:
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, 0) is name:
                self.table.removeRow(row)
                self.sig_changed.emit()
                return

    def _add_last(self) -> None:
        listed = {volunteer_id for volunteer_id, _presence in self.value()}
        for volunteer_id in self._last:
            if volunteer_id not in listed:
                self.add(volunteer_id)

    def _add_expected(self) -> None:
        listed = {volunteer_id for volunteer_id, _presence in self.value()}
        for choice in self._choices.values():
            if choice.status in EXPECTED_STATUSES and choice.id not in listed:
                self.add(choice.id)


class FollowUpList(QWidget):
    """Follow-up actions: what, who, by when, done on."""

    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = _table(self, "followUps", [_("What"), _("Who"), _("By when"), _("Done on")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 170), (2, 140), (3, 140)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        self.add_button = QPushButton(_("Add follow-up action"), self, objectName="addFollowUp")
        self.remove_button = QPushButton(
            _("Remove the last one"), self, objectName="removeFollowUp"
        )
        self.add_button.clicked.connect(lambda: self.add())
        self.remove_button.clicked.connect(self._remove_last)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._ids: list[int | None] = []

    def add(self, follow_up: FollowUp | None = None) -> int:
        """Add a row (empty, or showing ``follow_up``); returns its row number."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        description = QLineEdit(self.table, objectName=f"followUpWhat{row}")
        description.setAccessibleName(_("What"))
        who = QLineEdit(self.table, objectName=f"followUpWho{row}")
        who.setAccessibleName(_("Who"))
        due = DateEdit(self.table, optional=True, object_name=f"followUpDue{row}")
        done = DateEdit(self.table, optional=True, object_name=f"followUpDone{row}")
        if follow_up is not None:
            description.setText(follow_up.description)
            who.setText(follow_up.who)
            due.set_date(follow_up.due_on)
            done.set_date(follow_up.done_on)
        for column, widget in enumerate((description, who, due, done)):
            self.table.setCellWidget(row, column, widget)
        for edit in (description, who):
            edit.textChanged.connect(lambda _t: self.sig_changed.emit())
        for date in (due, done):
            date.dateChanged.connect(lambda _d: self.sig_changed.emit())
        self._ids.append(follow_up.id if follow_up else None)
        description.setFocus()
        self.sig_changed.emit()
        return row

    def widgets(self, row: int) -> tuple[QLineEdit, QLineEdit, DateEdit, DateEdit]:
        return tuple(self.table.cellWidget(row, column) for column in range(4))

    def value(self) -> tuple[FollowUpIn, ...]:
        """Every row as typed (empty rows included: the save says what is missing)."""
        result = []
        for row in range(self.table.rowCount()):
            description, who, due, done = self.widgets(row)
            result.append(
                FollowUpIn(
                    description.text(),
                    who.text(),
                    due.date_value(),
                    done.date_value(),
                    self._ids[row],
                )
            )
        return tuple(result)

    def _remove_last(self) -> None:
        if self.table.rowCount():
            self.table.removeRow(self.table.rowCount() - 1)
            self._ids.pop()
            self.sig_changed.emit()
