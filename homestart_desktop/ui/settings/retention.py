"""Retention in Settings: the period chosen, who is due, anonymising them, holding one back.

The list (code, support ended on, years since) anonymises after one confirmation; a coordinator
can hold one back with a reason until a chosen day. The screen says which backup still holds
the data, so nobody believes it is gone from every copy.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.retention.due import (
    DueRecord,
    RetentionPeriod,
    due_for_anonymisation,
    hold_back,
    retention_period,
)
from homestart_desktop.data.retention.erase import anonymise_due
from homestart_desktop.data.retention.purge import last_backup_before
from homestart_desktop.i18n import N_, _, format_short_date, ngettext
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.dialog import Dialog
from homestart_desktop.ui.common.erasure import backups_caveat
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.status_table import Column, RecordTable

# ---- Work on the worker (module-level, no widgets)


def _overview(
    *, session: Session, today: dt.date, path: Path
) -> tuple[RetentionPeriod, list[DueRecord], Any]:
    return (
        retention_period(session=session),
        due_for_anonymisation(session=session, today=today),
        last_backup_before(path),
    )


def _anonymise(*, ops: Any, today: dt.date, references: list[str]) -> Any:
    return anonymise_due(ops.case_file, today=today, references=set(references))


def period_text(period: RetentionPeriod) -> str:
    """ "5 years after support ended, chosen on 02/03/2026" (or: the default)."""
    years = ngettext(
        "Personal data is kept {count} year after support ended",
        "Personal data is kept {count} years after support ended",
        period.years,
    ).format(count=period.years)
    if period.chosen_on is None:
        return _("{period} (the default, not chosen yet).").format(period=years)
    return _("{period}, chosen on {date}.").format(
        period=years, date=format_short_date(period.chosen_on)
    )


class RetentionBox(QGroupBox):
    """In Settings: what the period means, and the door to the list of who is due."""

    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(_("Retention of personal data"), parent)
        self.ops = ops
        hint = QLabel(
            _(
                "Some years after support ended (the last trajectory closed, or a referral "
                "never started; for volunteers: after stopping) names, contact details, "
                "addresses and every note are removed. Codes, statuses, dates and scores stay, "
                "so no quarter's figures change. Nothing happens without you confirming it."
            ),
            objectName="hint",
        )
        hint.setWordWrap(True)
        self.period = QLabel(objectName="retention_period")
        self.period.setWordWrap(True)
        self.open_button = QPushButton(_("Due for anonymisation…"), objectName="retention_due")
        self.open_button.clicked.connect(self.open_list)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(hint)
        column.addWidget(self.period)
        column.addLayout(row)
        self.dialog: RetentionDialog | None = None

    def reload(self) -> None:
        """Show the period chosen and the day it was chosen."""
        self.ops.query(
            retention_period, success=lambda p: self.period.setText(period_text(p)), owner=self
        )

    def clear(self) -> None:
        self.period.setText("")

    def open_list(self) -> RetentionDialog:
        """Open the list of who is due."""
        self.dialog = RetentionDialog(self.ops, self.window())
        self.dialog.open()
        return self.dialog


class RetentionDialog(Dialog):
    """Who is due for anonymisation; anonymise them after one question, or hold one back."""

    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retention_dialog")
        self.setWindowTitle(_("Due for anonymisation"))
        self.ops = ops
        self.today = ops.today()
        self.records: list[DueRecord] = []
        self.period = QLabel(objectName="retention_period")
        self.period.setWordWrap(True)
        self.table = RecordTable(
            [
                Column(N_("Code"), lambda r: r.reference),
                Column(N_("Support ended on"), lambda r: r.ended_on, format_short_date),
                Column(N_("Years since"), lambda r: self._years(r), align_right=True),
                Column(
                    N_("Held back until"),
                    lambda r: r.held_until,
                    lambda d: format_short_date(d) if d else "",
                    optional=True,
                ),
            ],
            self,
            object_name="retention_table",
            empty_text=_("Nobody is due for anonymisation."),
            searchable=False,
        )
        self.caveat = QLabel(objectName="backups_caveat")
        self.caveat.setWordWrap(True)
        self.hold_button = QPushButton(_("Hold back…"), objectName="hold_back")
        self.hold_button.clicked.connect(self.hold_selected)
        self.anonymise_button = QPushButton(objectName="anonymise")
        self.anonymise_button.setProperty("primary", True)
        self.anonymise_button.clicked.connect(self.anonymise)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.hold_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.anonymise_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.period)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.caveat)
        layout.addWidget(buttons)
        self.resize(720, 480)
        self.reload()

    # ---- Public API

    def reload(self) -> None:
        self.ops.query(
            _overview,
            today=self.today,
            path=self.ops.case_file.path,
            success=self._show,
            owner=self,
        )

    def ready(self) -> list[DueRecord]:
        """The records that anonymising now would treat (not held back)."""
        return [r for r in self.records if r.held_until is None]

    def anonymise(self) -> None:
        """One question, then anonymise everyone due and not held back."""
        ready = self.ready()
        if not ready:
            return
        question = "\n\n".join(
            part
            for part in (
                ngettext(
                    "Anonymise {count} record now? Names, contact details, addresses and notes "
                    "are removed for good; codes, statuses and dates stay.",
                    "Anonymise {count} records now? Names, contact details, addresses and notes "
                    "are removed for good; codes, statuses and dates stay.",
                    len(ready),
                ).format(count=len(ready)),
                self.caveat.text(),
            )
            if part
        )
        if not prompts.confirm(self, _("Anonymise"), question, yes=_("Anonymise")):
            return
        self.anonymise_button.setEnabled(False)
        self.ops.run(
            _anonymise,
            ops=self.ops,
            today=self.today,
            references=[r.reference for r in ready],
            success=self._anonymised,
            failure=self._failed,
            owner=self,
        )

    def hold_selected(self) -> None:
        """Ask a reason and a day, then keep the selected record until that day."""
        record = self.table.selected_record()
        if record is None:
            prompts.inform(
                self, _("Hold back"), _("Select a family or volunteer in the list first.")
            )
            return
        self.hold_dialog = HoldBackDialog(self.ops, record, self)
        self.hold_dialog.accepted.connect(self.reload)
        self.hold_dialog.open()

    # ---- Internals

    def _years(self, record: DueRecord) -> int:
        years = self.today.year - record.ended_on.year
        if (self.today.month, self.today.day) < (record.ended_on.month, record.ended_on.day):
            years -= 1
        return years

    def _show(self, result: tuple[RetentionPeriod, list[DueRecord], Any]) -> None:
        period, self.records, last_backup = result
        self.period.setText(period_text(period))
        self.table.set_records(self.records)
        count = len(self.ready())
        self.anonymise_button.setText(
            ngettext("Anonymise {count}", "Anonymise {count}", count).format(count=count)
        )
        self.anonymise_button.setEnabled(bool(count))
        self.hold_button.setEnabled(bool(self.records))
        self.caveat.setText(backups_caveat(last_backup))
        self.caveat.setVisible(bool(last_backup))

    def _anonymised(self, removed: Any) -> None:
        self.ops.sig_changes.emit(
            Changes(families=True, volunteers=True, trajectories=True, visits=True)
        )
        done = _("Anonymised families: {families}; volunteers: {volunteers}.").format(
            families=len(removed.families), volunteers=len(removed.volunteers)
        )
        prompts.inform(
            self, _("Anonymised"), f"{done}\n\n{backups_caveat(removed.last_backup)}".strip()
        )
        self.reload()

    def _failed(self, _error: BaseException) -> None:
        self.anonymise_button.setEnabled(True)
        prompts.warn(self, _("Not done"), _("Something went wrong."))


class HoldBackDialog(Dialog):
    """A reason and a day until which one family or volunteer is not anonymised."""

    def __init__(self, ops: Any, record: DueRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hold_back_dialog")
        self.setWindowTitle(_("Hold back {code}").format(code=record.reference))
        self.ops, self.record = ops, record
        self.reason = QLineEdit(objectName="hold_reason")
        self.reason.setPlaceholderText(_("e.g. a court case is pending"))
        self.until = DateEdit(self, object_name="hold_until")
        self.until.set_date(ops.today().replace(year=ops.today().year + 1))
        self.problem = QLabel(objectName="formError")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout()
        form.addRow(_("Reason"), self.reason)
        form.addRow(_("Until"), self.until)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Hold back"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("hold_ok")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def save(self) -> None:
        today, until = self.ops.today(), self.until.date_value()
        if not self.reason.text().strip():
            self._problem(_("Say why, for the file."))
            return
        if until is None or until <= today:
            self._problem(_("Choose a day after today."))
            return
        owner = "family_id" if self.record.kind == "family" else "volunteer_id"
        self.ops.write(
            hold_back,
            today=today,
            until=until,
            reason=self.reason.text(),
            **{owner: self.record.id},
            success=lambda _changes: self.accept(),
            owner=self,
        )

    def _problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
