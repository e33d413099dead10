"""The family's consent: which privacy statement it signed, whether the referrer may be told,
and a withdrawal with its date. Every change is a new step; the history below keeps them all."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout

from homestart_desktop.data.families.file import FamilyFile
from homestart_desktop.data.models import ConsentItem
from homestart_desktop.data.privacy.consent import (
    ConsentIn,
    ConsentStep,
    FamilyConsent,
    PrivacyStatement,
    save_consent,
)
from homestart_desktop.i18n import N_, _, format_short_date
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.saving_dialog import SavingDialog
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.form_error import FormErrors
from homestart_desktop.ui.common.widgets.status_table import Column, RecordTable

ITEM_LABELS = {
    ConsentItem.privacy_statement: N_("Privacy statement"),
    ConsentItem.inform_referrer: N_("Informing the referrer"),
}
INFORM_REFERRER = N_("The referrer may be told when support starts and ends")


def statement_text(step: ConsentStep | None) -> str:
    """'version 2026-1 of 15/01/2026, signed on 20/02/2026' (or what the record lacks)."""
    if step is None:
        return _("not signed yet")
    if not step.statement_version:
        return _("signed on {date} (version not recorded)").format(date=format_short_date(step.on))
    return _("version {version} of {dated}, signed on {date}").format(
        version=step.statement_version,
        dated=format_short_date(step.statement_dated),
        date=format_short_date(step.on),
    )


def referrer_text(consent: FamilyConsent) -> str:
    """Agreed since, withdrawn on, or never agreed."""
    latest = consent.latest(ConsentItem.inform_referrer)
    if latest is None:
        return _("not agreed")
    if latest.given:
        return _("agreed on {date}").format(date=format_short_date(latest.on))
    return _("withdrawn on {date}: the referrer is told nothing more").format(
        date=format_short_date(latest.on)
    )


def step_text(step: ConsentStep) -> str:
    if step.item == ConsentItem.privacy_statement:
        return statement_text(step)
    return _("agreed") if step.given else _("withdrawn")


def history_table(parent: Any) -> RecordTable:
    """The record's steps, newest first: the day, what, the step, the day it was noted."""
    table = RecordTable(
        [
            Column(N_("Date"), lambda s: s.on, format_short_date),
            Column(N_("Consent for"), lambda s: _(ITEM_LABELS[s.item])),
            Column(N_("Step"), step_text),
            Column(N_("Recorded on"), lambda s: s.noted_on, format_short_date),
        ],
        parent,
        object_name="consentHistory",
        empty_text=_("Nothing signed or agreed yet."),
        searchable=False,
    )
    table.search.hide()
    return table


def statement_choice(parent: Any, statements: tuple[PrivacyStatement, ...]) -> QComboBox:
    """The versions of Settings, newest first (what a family signs today)."""
    box = QComboBox(parent)
    for statement in reversed(statements):
        label = _("version {version} of {dated}").format(
            version=statement.version, dated=format_short_date(statement.dated)
        )
        box.addItem(label, statement.version)
    return box


class ConsentDialog(SavingDialog):
    """Record a signature, an agreement or a withdrawal (each with its date)."""

    def __init__(self, ops: Ops, file: FamilyFile, parent: Any = None, *, today: dt.date) -> None:
        super().__init__(ops, parent, object_name="consentDialog")
        self.file, self.today = file, today
        consent = file.consent
        self.setWindowTitle(_("Consent {reference}").format(reference=file.family.reference))
        layout = QVBoxLayout(self)

        statement_box = QGroupBox(_("Privacy statement"), self)
        form = QFormLayout(statement_box)
        self.statement_errors = FormErrors(form)
        self.statement_now = QLabel(statement_text(consent.statement), statement_box)
        self.statement_now.setObjectName("statementNow")
        self.statement_now.setWordWrap(True)
        form.addRow(_("In the record"), self.statement_now)
        self.statement_version = statement_choice(statement_box, file.statements)
        self.statement_version.setObjectName("statement_version")
        self.statement_version.setAccessibleName(_("Version signed"))
        self.statement_errors.add_row(
            _("Version signed"), self.statement_version, "statement_version"
        )
        self.statement_signed_on = DateEdit(statement_box, optional=True)
        self.statement_signed_on.setObjectName("statement_signed_on")
        self.statement_signed_on.setAccessibleName(_("Received and signed on"))
        self.statement_errors.add_row(
            _("Received and signed on"), self.statement_signed_on, "statement_signed_on"
        )
        hint = QLabel(
            _("Fill in a date only for a new signature; the record keeps the earlier ones."),
            statement_box,
            objectName="hint",
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        layout.addWidget(statement_box)

        referrer_box = QGroupBox(_("Informing the referrer"), self)
        form = QFormLayout(referrer_box)
        self.referrer_errors = FormErrors(form)
        self.referrer_now = QLabel(referrer_text(consent), referrer_box, objectName="referrerNow")
        self.referrer_now.setWordWrap(True)
        form.addRow(_("In the record"), self.referrer_now)
        self.inform_referrer = QCheckBox(_(INFORM_REFERRER), referrer_box)
        self.inform_referrer.setObjectName("inform_referrer")
        self.inform_referrer.setChecked(consent.agrees(ConsentItem.inform_referrer))
        self.referrer_errors.add_row("", self.inform_referrer, "inform_referrer")
        self.inform_referrer_on = DateEdit(referrer_box)
        self.inform_referrer_on.setObjectName("inform_referrer_on")
        self.inform_referrer_on.setAccessibleName(_("Agreed or withdrawn on"))
        self.inform_referrer_on.set_date(today)
        self.referrer_errors.add_row(
            _("Agreed or withdrawn on"), self.inform_referrer_on, "inform_referrer_on"
        )
        self.inform_referrer.toggled.connect(self._referrer_toggled)
        self._referrer_toggled()
        layout.addWidget(referrer_box)

        layout.addWidget(QLabel(_("History"), self, objectName="sectionTitle"))
        self.history = history_table(self)
        self.history.set_records(list(reversed(consent.history)))
        self.history.setMinimumHeight(150)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.watch(self.statement_version, self.statement_signed_on, self.inform_referrer)
        self.statement_signed_on.dateChanged.connect(self._touched)
        self.resize(640, 560)

    # ---- Public API

    def consent(self) -> ConsentIn:
        """What the form says: a new signature only when a date was given."""
        signed_on = self.statement_signed_on.date_value()
        return ConsentIn(
            statement_version=self.statement_version.currentData() if signed_on else None,
            statement_signed_on=signed_on,
            inform_referrer=self.inform_referrer.isChecked(),
            inform_referrer_on=self.inform_referrer_on.date_value(),
        )

    def save(self) -> None:
        self.submit(
            save_consent, family_id=self.file.family.id, consent=self.consent(), today=self.today
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        self.show_in_forms(problems, self.statement_errors, self.referrer_errors)

    # ---- Internals

    def _referrer_toggled(self, *_args: object) -> None:
        # The date belongs to a change: agreeing again or withdrawing.
        recorded = self.file.consent.agrees(ConsentItem.inform_referrer)
        self.inform_referrer_on.setEnabled(self.inform_referrer.isChecked() != recorded)
