"""The volunteer's visit plan taken outside: a printed schedule and a calendar file for the phone.

Privacy-minimal by default: the family's code and municipality. The street and the first name
are ticked on purpose, for this one file (a phone syncs its calendar to a cloud).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QPushButton, QWidget

from homestart_desktop.data.volunteers.register import VolunteerFile
from homestart_desktop.i18n import _
from homestart_desktop.private_files import write_private
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.document_preview import DocumentPreview, PrintRecord, later
from homestart_desktop.ui.common.ops import Ops

plan_document_for = later("homestart_desktop.documents.visit_plan", "plan_document_for")
WEEKS = 8


class VisitPlanBox(QGroupBox):
    """Two buttons and two choices: the next eight weeks on paper or in the phone's calendar."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(_("Visit schedule"), parent)
        self.ops = ops
        self.file: VolunteerFile | None = None
        self.preview: DocumentPreview | None = None
        self.with_address = QCheckBox(_("With the families' street"), self)
        self.with_address.setObjectName("planWithAddress")
        self.with_first_name = QCheckBox(_("With the families' first names"), self)
        self.with_first_name.setObjectName("planWithFirstName")
        self.schedule = QPushButton(_("Print schedule…"), self, objectName="printSchedule")
        self.calendar = QPushButton(_("Calendar file…"), self, objectName="saveCalendar")
        self.calendar.setToolTip(
            _("An .ics file of the next eight weeks, for the phone's calendar")
        )
        grid = QGridLayout(self)
        grid.addWidget(self.with_address, 0, 0)
        grid.addWidget(self.with_first_name, 0, 1)
        grid.addWidget(self.schedule, 1, 0)
        grid.addWidget(self.calendar, 1, 1)
        grid.setColumnStretch(2, 1)
        self.schedule.clicked.connect(lambda: self._make(calendar=False))
        self.calendar.clicked.connect(lambda: self._make(calendar=True))
        self.show_file(None)

    def show_file(self, file: VolunteerFile | None) -> None:
        """A saved volunteer's file (None: not saved yet, nothing to plan)."""
        self.file = file
        for widget in (self.schedule, self.calendar, self.with_address, self.with_first_name):
            widget.setEnabled(file is not None)
        # Every file starts privacy-minimal again: a choice is for one file, not a habit.
        self.with_address.setChecked(False)
        self.with_first_name.setChecked(False)

    def _make(self, *, calendar: bool) -> None:
        if self.file is None:
            return
        self.ops.write(
            plan_document_for,
            success=self._save_calendar if calendar else self._preview,
            owner=self,
            volunteer_reference=self.file.reference,
            today=self.ops.today(),
            calendar=calendar,
            weeks=WEEKS,
            include_address=self.with_address.isChecked(),
            with_first_name=self.with_first_name.isChecked(),
        )

    def _preview(self, result: object) -> None:  # documents.visit_plan.PlanDocument
        word = _("schedule")  # outside the f-string, where the extraction sees it
        self.preview = DocumentPreview(
            result.data,
            title=_("Visit schedule"),
            suggested_name=f"{word}-{result.volunteer_reference}.pdf",
            record=PrintRecord(self.ops, "visit_plan", volunteer_code=result.volunteer_reference),
            parent=self,
        )
        self.preview.open()

    def _save_calendar(self, result: object) -> None:  # documents.visit_plan.PlanDocument
        if result.visit_count == 0 and not prompts.confirm(
            self,
            _("Calendar file"),
            _(
                "{reference} has no planned visits in the next eight weeks. Save an empty calendar?"
            ).format(reference=result.volunteer_reference),
            yes=_("Save empty calendar"),
        ):
            return
        word = _("visits")
        target = prompts.choose_save_file(
            self,
            _("Calendar file"),
            suggested=Path.home() / f"{word}-{result.volunteer_reference}.ics",
            filter=_("Calendar files (*.ics)"),
        )
        if target is None:
            return
        if target.suffix.lower() != ".ics":
            target = target.with_suffix(".ics")
        try:
            write_private(target, result.data)
        except OSError:
            prompts.warn(
                self,
                _("Calendar file"),
                _("The file could not be saved there. Choose another folder."),
            )
            return
        PrintRecord(self.ops, "calendar", volunteer_code=result.volunteer_reference).note(
            saved=True
        )
