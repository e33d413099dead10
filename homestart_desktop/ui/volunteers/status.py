"""The volunteer's status at the top of the onboarding tab: where they stand, the next steps the
work allows (pause, stop with a reason, back to available, ...), and printing the agreement."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from homestart_desktop.data.validation import ValidationError
from homestart_desktop.data.volunteers.onboarding import change_status, missing_for_available
from homestart_desktop.data.volunteers.register import VolunteerFile
from homestart_desktop.data.workflow import VOLUNTEER_STEPS, status_label
from homestart_desktop.i18n import LANGUAGES, _
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.document_preview import DocumentPreview, PrintRecord, later
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.form_error import FormErrorLabel

agreement_for = later("homestart_desktop.documents.agreement", "agreement_for")


class StatusBox(QGroupBox):
    """Current status, a status change with date and reason, and the agreement to print."""

    sig_changed = Signal()
    """The status was changed and saved."""

    sig_preview = Signal(object)
    """The agreement preview opened (the DocumentPreview dialog)."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(_("Status"), parent)
        self.ops = ops
        self.file: VolunteerFile | None = None
        self.missing: tuple[str, ...] = ()
        self.current = QLabel(self, objectName="volunteer_status")
        self.current.setStyleSheet("font-weight: bold;")
        self.next_status = QComboBox(self, objectName="next_status")
        self.next_status.setAccessibleName(_("New status"))
        self.on = DateEdit(self, object_name="status_on")
        self.on.set_date(ops.today())
        self.on.setAccessibleName(_("From"))
        self.reason = QLineEdit(self, objectName="status_reason")
        self.reason.setAccessibleName(_("Reason"))
        self.reason.setPlaceholderText(_("Reason (required when stopping)"))
        self.change = QPushButton(_("Change status"), self, objectName="change_status")
        self.error = FormErrorLabel(self, object_name="status_error")
        self.doc_lang = QComboBox(self, objectName="agreement_lang")
        self.doc_lang.setAccessibleName(_("Language of the agreement"))
        for code, name in LANGUAGES.items():
            self.doc_lang.addItem(name, code)
        self.print_button = QPushButton(_("Agreement and information note…"), self)
        self.print_button.setObjectName("print_agreement")
        self.settings_hint = QLabel(self, objectName="hint")
        self.settings_hint.setWordWrap(True)
        self.settings_hint.hide()
        grid = QGridLayout(self)
        grid.addWidget(QLabel(_("Now:"), self), 0, 0)
        grid.addWidget(self.current, 0, 1, 1, 3)
        grid.addWidget(self.next_status, 1, 0)
        grid.addWidget(self.on, 1, 1)
        grid.addWidget(self.reason, 1, 2)
        grid.addWidget(self.change, 1, 3)
        grid.addWidget(self.error, 2, 0, 1, 4)
        grid.addWidget(self.doc_lang, 3, 0)
        grid.addWidget(self.print_button, 3, 1, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.settings_hint, 4, 0, 1, 4)
        grid.setColumnStretch(2, 1)
        self.change.clicked.connect(self.change_status)
        self.print_button.clicked.connect(self.print_agreement)

    # ---- Public API

    def show_file(self, file: VolunteerFile | None) -> None:
        """Show the saved file's status (None: a volunteer not saved yet)."""
        self.file = file
        self.error.set_message("")
        self.next_status.clear()
        for widget in (self.next_status, self.on, self.reason, self.change, self.print_button):
            widget.setEnabled(file is not None)
        if file is None:
            self.current.setText(_("New: saved as candidate"))
            self.missing = ()
            return
        self.current.setText(status_label(file.status))
        self.missing = tuple(
            missing_for_available(file.onboarding, has_availability=bool(file.availability))
        )
        for status in sorted(VOLUNTEER_STEPS[file.status], key=list(VOLUNTEER_STEPS).index):
            self.next_status.addItem(status_label(status), status)
        self.doc_lang.setCurrentIndex(self.doc_lang.findData(file.details.language))
        self.reason.clear()

    def change_status(self) -> None:
        """Ask ``data/`` for the step; a refusal says why beside the button."""
        if self.file is None or self.next_status.currentData() is None:
            return
        self.error.set_message("")

        def refused(error: BaseException) -> None:
            if isinstance(error, ValidationError):
                self.error.set_message("\n".join(dict.fromkeys(error.problems.values())))

        self.ops.write(
            change_status,
            success=lambda _c: self.sig_changed.emit(),
            failure=refused,
            owner=self,
            volunteer_id=self.file.id,
            new_status=self.next_status.currentData(),
            today=self.ops.today(),
            on=self.on.date_value(),
            reason=self.reason.text(),
        )

    def print_agreement(self) -> None:
        """Lay out the agreement on the worker, then preview it (print or save from there)."""
        if self.file is None:
            return
        self.ops.query(
            agreement_for,
            success=self._preview,
            owner=self,
            volunteer_id=self.file.id,
            lang=self.doc_lang.currentData(),
            today=self.ops.today(),
        )

    # ---- Internals

    def _preview(self, result: Any) -> None:  # documents.agreement.AgreementPrint
        # Loaded by now (the worker imported the module).
        from homestart_desktop.documents.agreement import REQUIRED_SETTINGS, VOLUNTEER_DETAILS

        lines = []
        names = ", ".join(_(REQUIRED_SETTINGS[n]) for n in result.missing_settings)
        if names:
            lines.append(
                _("Still empty in Settings, printed as a line to fill in: {names}.").format(
                    names=names
                )
            )
        details = ", ".join(_(VOLUNTEER_DETAILS[n]) for n in result.missing_details)
        if details:
            lines.append(
                _(
                    "Not in this volunteer's file, printed as a line to fill in by hand: "
                    "{names}. Fill them in on the tab Identity and contact."
                ).format(names=details)
            )
        self.settings_hint.setText("\n".join(lines))
        self.settings_hint.setVisible(bool(lines))
        if result.amounts_warning and not prompts.confirm(
            self,
            _("Legal amounts not known"),
            result.amounts_warning + "\n\n" + _("Print the agreement anyway?"),
            yes=_("Print anyway"),
        ):
            return
        kind = _("agreement")  # outside the f-string, where the translators' extraction sees it
        name = f"{kind}-{result.reference}.pdf"
        dialog = DocumentPreview(
            result.pdf,
            title=_("Volunteer agreement"),
            suggested_name=name,
            record=PrintRecord(self.ops, "agreement", volunteer_code=result.reference),
            notice=self.settings_hint.text(),
            parent=self,
        )
        dialog.open()
        self.sig_preview.emit(dialog)
