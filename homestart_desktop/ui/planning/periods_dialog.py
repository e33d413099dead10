"""Periods without visits: the branch's school holidays, or one family's holiday."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.planning import blocked_periods
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.i18n import N_, _, format_short_date
from homestart_desktop.ui.common.dialog import Dialog
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.form_error import FormErrors
from homestart_desktop.ui.common.widgets.status_table import Column, RecordTable


class PeriodsDialog(Dialog):
    """Lists the coming periods; adds one (form keeps its values when refused) or removes one."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("periodsDialog")
        self.setWindowTitle(_("Periods without visits"))
        self.resize(640, 520)
        self.ops = ops
        layout = QVBoxLayout(self)
        explanation = QLabel(
            _(
                "No visits are planned in these periods. Leave the family empty for the whole "
                "branch (e.g. school holidays), or give a family's reference for its holiday."
            ),
            self,
            objectName="hint",
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        columns = [
            Column(N_("From"), lambda p: p.starts_on, format_short_date),
            Column(N_("To"), lambda p: p.ends_on, format_short_date),
            Column(N_("Name"), lambda p: p.label),
            Column(N_("Family"), lambda p: p.family_reference or _("whole branch")),
        ]
        self.table = RecordTable(
            columns,
            self,
            placeholder=_("Search…"),
            object_name="periodList",
            empty_text=_("No periods yet. Add the school holidays, for example."),
        )
        layout.addWidget(self.table, 1)
        self.remove = QPushButton(_("Remove selected period"), self, objectName="removePeriod")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove)
        layout.addLayout(row)
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.starts_on = DateEdit(self, object_name="periodFrom")
        self.starts_on.set_date(self.ops.today())
        self.ends_on = DateEdit(self, object_name="periodTo")
        self.ends_on.set_date(self.ops.today() + dt.timedelta(days=7))
        self.label = QLineEdit(self, objectName="periodLabel")
        self.label.setPlaceholderText(_("e.g. Christmas holidays"))
        self.family = QLineEdit(self, objectName="periodFamily")
        self.family.setPlaceholderText("GZ-…")
        self.errors.add_row(_("From"), self.starts_on, "starts_on")
        self.errors.add_row(_("To"), self.ends_on, "ends_on")
        self.errors.add_row(_("Name"), self.label, "label")
        self.errors.add_row(_("Family (optional)"), self.family, "family")
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.add = buttons.addButton(_("Add period"), QDialogButtonBox.ButtonRole.ActionRole)
        self.add.setObjectName("addPeriod")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)
        self._load()

    def _load(self) -> None:
        self.ops.query(
            blocked_periods.blocked_periods,
            from_date=self.ops.today(),
            success=self.table.set_records,
            owner=self,
        )

    def _add(self) -> None:
        self.errors.clear()
        self.ops.write(
            blocked_periods.add_blocked_period,
            starts_on=self.starts_on.date_value() or self.ops.today(),
            ends_on=self.ends_on.date_value() or self.ops.today(),
            label=self.label.text(),
            family_reference=self.family.text(),
            today=self.ops.today(),
            success=lambda _c: (self.label.clear(), self.family.clear(), self._load()),
            failure=self._refused,
            owner=self,
        )

    def _remove(self) -> None:
        period = self.table.selected_record()
        if period is not None:
            self.ops.write(
                blocked_periods.delete_blocked_period,
                period_id=period.id,
                success=lambda _c: self._load(),
                owner=self,
            )

    def _refused(self, error: BaseException) -> None:
        problems = error.problems if isinstance(error, ValidationError) else {"": _("Not saved.")}
        self.errors.show(problems)
