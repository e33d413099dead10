"""The Volunteers section: the register with search as you type, a status filter and sorting;
a double-click (or Enter) opens the volunteer's file, "New volunteer" starts a candidate."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.models import VolunteerStatus
from homestart_desktop.data.planning.reminders import ReminderKind
from homestart_desktop.data.volunteers.register import VolunteerRow, list_volunteers
from homestart_desktop.data.workflow import status_label
from homestart_desktop.domain import days
from homestart_desktop.domain.languages import languages_text
from homestart_desktop.i18n import N_, _
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.status_table import Column, RecordTable
from homestart_desktop.ui.volunteers.file import VolunteerFileDialog

# The tab of the volunteer's file where a Today reminder is acted on.
TAB_FOR = {
    ReminderKind.extract_expired: VolunteerFileDialog.ONBOARDING,
    ReminderKind.coaching_due: VolunteerFileDialog.COACHING,
}


class FreeSlots(int):
    """How many half-days are free (sorts as a number), carrying which ones (for the text)."""

    slots: tuple = ()

    @classmethod
    def of(cls, row: VolunteerRow) -> FreeSlots:
        value = cls(len(row.free_slots))
        value.slots = row.free_slots
        return value


COLUMNS = [
    Column(N_("Reference"), lambda v: v.reference),
    Column(N_("Name"), lambda v: v.name),
    Column(N_("Municipality"), lambda v: v.municipality),
    Column(N_("Status"), lambda v: v.status, status_label, whole=True),
    Column(N_("Current family"), lambda v: ", ".join(v.current_families)),
    Column(N_("Languages"), lambda v: languages_text(v.languages)),
    # Sorts by how many there are; reads as 'Tue am, Thu pm'.
    Column(N_("Free half-days"), FreeSlots.of, lambda free: days.slots_text(free.slots)),
]
ALL = "all"
STILL_ACTIVE = "active"  # everyone but the stopped


class VolunteersScreen(QWidget):
    """The register of volunteers."""

    sig_loaded = Signal()
    """The register is on screen (after each load)."""

    sig_file_opened = Signal(object)
    """A volunteer's file dialog opened (the dialog)."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volunteers_screen")
        self.ops = ops
        self.rows: list[VolunteerRow] = []
        # Rows come sorted by reference; sort_column=None spares a re-sort of them on each load.
        self.table = RecordTable(
            COLUMNS,
            self,
            placeholder=_("Search volunteer, municipality, language…"),
            empty_text=_(
                "Here you follow volunteers from the first interview to the signed agreement. "
                "Add the first candidate with “New volunteer”."
            ),
            object_name="volunteers_table",
            sort_column=None,
            # Measured on the first rows only: switching the status filter then neither
            # re-measures 800 rows nor makes the columns jump.
            measure_once=True,
        )
        self.status_filter = QComboBox(self, objectName="status_filter")
        self.status_filter.setAccessibleName(_("Show"))
        self.status_filter.addItem(_("everyone but stopped"), STILL_ACTIVE)
        self.status_filter.addItem(_("all statuses"), ALL)
        for status in VolunteerStatus:
            self.status_filter.addItem(status_label(status), status)
        self.new_button = QPushButton(_("New volunteer"), self, objectName="new_volunteer")
        self.new_button.setProperty("primary", True)
        self.new_button.setToolTip(_("New volunteer (Ctrl+N)"))
        self.table.toolbar.insertWidget(2, QLabel(_("Show"), self))
        self.table.toolbar.insertWidget(3, self.status_filter)
        top = QHBoxLayout()
        title = QLabel(_("Volunteers"), self, objectName="pageTitle")
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.status_filter.currentIndexChanged.connect(lambda _i: self._show_filtered())
        self.new_button.clicked.connect(lambda: self.open_file(None))
        self.table.sig_activated.connect(lambda row: row and self.open_file(row.id))
        QShortcut(QKeySequence.StandardKey.New, self, activated=lambda: self.open_file(None))
        ops.sig_changes.connect(self._changed)

    # ---- Public API

    def reload(self) -> None:
        """Load the register in the background."""
        self.ops.query(list_volunteers, success=self._loaded, owner=self)

    def clear(self) -> None:
        """Forget every row and close open files and previews (the case file locks)."""
        for dialog in self.findChildren(QDialog):
            if isinstance(dialog, VolunteerFileDialog):
                dialog.dirty = False  # locking does not wait for a question
            dialog.done(QDialog.DialogCode.Rejected)
            dialog.deleteLater()
        self.rows = []
        self.table.clear()

    def open_record(self, target: object) -> None:
        """Open the file of the volunteer a reminder is about, at the tab where it is acted on."""
        volunteer_id = getattr(target, "volunteer_id", None)
        if volunteer_id is not None:
            self.open_file(volunteer_id, tab=TAB_FOR.get(getattr(target, "kind", None)))

    def open_file(self, volunteer_id: int | None, *, tab: str | None = None) -> VolunteerFileDialog:
        """Open a volunteer's file (None: a new candidate), at ``tab`` (a VolunteerFileDialog tab)."""
        dialog = VolunteerFileDialog(self.ops, volunteer_id, self)
        if tab is not None:
            dialog.show_tab(tab)
        dialog.open()
        self.sig_file_opened.emit(dialog)
        return dialog

    # ---- Internals

    def _loaded(self, rows: list[VolunteerRow]) -> None:
        self.rows = rows
        self._show_filtered()
        self.sig_loaded.emit()

    def _show_filtered(self) -> None:
        wanted = self.status_filter.currentData()
        if wanted == ALL:
            rows = self.rows
        elif wanted == STILL_ACTIVE:
            rows = [r for r in self.rows if r.status != VolunteerStatus.stopped]
        else:
            rows = [r for r in self.rows if r.status == wanted]
        self.table.set_records(rows)

    def _changed(self, changes: Changes) -> None:
        if changes.volunteers or changes.trajectories or changes.families:
            self.reload()
