"""Small steps in a family's file: plan the intake visit, take one status step with a reason, or
put a family marked *not started* back on the waiting list.

Only the steps the work allows from the current status are offered (``data/workflow.py``);
``data/`` checks again and refuses with a message beside the field.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.families import back_on_list, intake, referrals
from homestart_desktop.data.families.file import FamilyFile
from homestart_desktop.data.models import FamilyStatus
from homestart_desktop.data.workflow import FAMILY_STEPS, status_label
from homestart_desktop.i18n import _
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.saving_dialog import SavingDialog
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.form_error import FormErrors

# Steps taken elsewhere (the intake dialog, the matching screen, referring again, and
# BackOnListDialog for a not-started family).
NOT_HERE = frozenset(
    {
        FamilyStatus.intake_planned,
        FamilyStatus.intake_done,
        FamilyStatus.waiting,
        FamilyStatus.referred,
    }
)


class PlanIntakeDialog(SavingDialog):
    """When and by whom the intake visit takes place."""

    def __init__(
        self,
        ops: Ops,
        file: FamilyFile,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(ops, parent, object_name="planIntakeDialog")
        self.file, self.today = file, today or ops.today()
        self.setWindowTitle(_("Plan the intake"))  # no code: task bars show titles
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.planned_on = DateEdit(self, object_name="planned_on")
        self.planned_on.set_date(
            (file.intake.planned_on if file.intake else None) or self.today + dt.timedelta(days=7)
        )
        self.coordinator = QLineEdit(self, objectName="coordinator")
        if file.intake:
            self.coordinator.setText(file.intake.coordinator)
        self.errors.add_row(_("Date of the home visit"), self.planned_on, "planned_on")
        self.errors.add_row(_("Coordinator"), self.coordinator, "coordinator")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.watch(self.planned_on, self.coordinator)

    def save(self) -> None:
        self.errors.clear()
        self.submit(
            intake.plan_intake,
            family_id=self.file.family.id,
            planned_on=self.planned_on.date_value(),
            coordinator=self.coordinator.text(),
            today=self.today,
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        self.show_in_forms(problems, self.errors)


class StatusDialog(SavingDialog):
    """One step to a status the work allows from here, on a date, with a reason."""

    def __init__(
        self,
        ops: Ops,
        file: FamilyFile,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(ops, parent, object_name="statusDialog")
        self.file, self.today = file, today or ops.today()
        self.setWindowTitle(_("Change the status"))
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.status = QComboBox(self, objectName="to_status")
        for status in FamilyStatus:
            if status in FAMILY_STEPS[file.family.status] and status not in NOT_HERE:
                self.status.addItem(status_label(status), status)
        self.on = DateEdit(self, object_name="on")
        self.on.set_date(self.today)
        self.reason = QLineEdit(self, objectName="reason")
        self.errors.add_row(_("New status"), self.status, "to_status")
        self.errors.add_row(_("Date"), self.on, "on")
        self.errors.add_row(_("Reason"), self.reason, "reason")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.watch(self.status, self.on, self.reason)

    def save(self) -> None:
        self.errors.clear()
        if self.status.currentData() is None:
            self.errors.show({"to_status": _("There is no other status to choose from here.")})
            return
        self.submit(
            referrals.change_status,
            family_id=self.file.family.id,
            to_status=FamilyStatus(self.status.currentData()),
            on=self.on.date_value(),
            reason=self.reason.text(),
            today=self.today,
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        self.show_in_forms(problems, self.errors)


class BackOnListDialog(SavingDialog):
    """Put a family marked *not started* back on the waiting list: a date, a reason, and
    whether its wait starts over (by default it keeps its place, ``domain.waiting``)."""

    def __init__(
        self,
        ops: Ops,
        file: FamilyFile,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(ops, parent, object_name="backOnListDialog")
        self.file, self.today = file, today or ops.today()
        self.setWindowTitle(_("Back on the waiting list"))
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.on = DateEdit(self, object_name="on")
        self.on.set_date(self.today)
        self.reason = QLineEdit(self, objectName="reason")
        self.starts_over = QCheckBox(
            _("The wait starts over from this date"), self, objectName="starts_over"
        )
        self.errors.add_row(_("Back on the list on"), self.on, "on")
        self.errors.add_row(_("Reason"), self.reason, "reason")
        self.errors.add_row("", self.starts_over, "starts_over")
        explained = QLabel(
            _(
                "Without a tick the family keeps its place: its wait still counts from its "
                "first waiting date, as on every screen and in the figures."
            ),
            self,
            objectName="placeKept",
        )
        explained.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explained)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.watch(self.on, self.reason, self.starts_over)

    def save(self) -> None:
        self.errors.clear()
        self.submit(
            back_on_list.put_back_on_list,
            family_id=self.file.family.id,
            on=self.on.date_value(),
            reason=self.reason.text(),
            starts_over=self.starts_over.isChecked(),
            today=self.today,
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        self.show_in_forms(problems, self.errors)
