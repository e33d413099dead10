"""Record or change one intervision session: date, theme, attendees, agreements, follow-ups, notes.

Ctrl+S saves, Esc cancels (asking first when something was typed). Before saving, the notes are
checked for names of family members (see ``ui/intervision/name_warning.py``); a refused save shows each
problem beside its field and keeps everything typed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from homestart_desktop.data.intervision import sessions as iv
from homestart_desktop.data.intervision.name_detector import NameIndex, load_name_index
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.i18n import _
from homestart_desktop.ui.common import feedback, prompts
from homestart_desktop.ui.common.dialog import Dialog
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.form_error import FormErrors
from homestart_desktop.ui.intervision.family_reference_picker import NoteEdit
from homestart_desktop.ui.intervision.name_warning import LineText, NameWarningBar
from homestart_desktop.ui.intervision.session_parts import AttendeeList, FollowUpList


@dataclasses.dataclass(frozen=True)
class SessionForm:
    """What the dialog needs, read in one go on the worker."""

    choices: list[iv.VolunteerChoice]
    detail: iv.SessionDetail | None
    names: NameIndex
    last_attendees: list[int]


def load_session_form(*, session: Session, session_id: int | None, today: dt.date) -> SessionForm:
    """The volunteers to pick, the session (when it exists) and the families' names."""
    detail = (
        iv.get_session(session=session, session_id=session_id, today=today) if session_id else None
    )
    return SessionForm(
        iv.list_volunteer_choices(session=session, include_stopped=detail is not None),
        detail,
        load_name_index(session=session),
        iv.last_attendees(session=session) if detail is None else [],
    )


class SessionDialog(Dialog):
    """A new session (``session_id`` None) or an existing one."""

    sig_loaded = Signal()
    """The form is filled and ready (for tests)."""

    sig_saved = Signal(int)
    """The session was saved: its id."""

    def __init__(self, ops: Ops, parent: QWidget | None = None, *, session_id: int | None = None):
        super().__init__(parent)
        self.setObjectName("intervisionSessionDialog")
        self.setWindowTitle(
            _("Intervision session") if session_id else _("New intervision session")
        )
        self.resize(860, 780)
        self._ops, self._session_id = ops, session_id
        self._names = NameIndex({})
        self._saved_state: iv.SessionIn | None = None

        form = QFormLayout()
        self.errors = FormErrors(form)
        self.on = DateEdit(self, optional=True, object_name="sessionDate")
        self.on.set_date(ops.today())
        self.theme = QLineEdit(self, objectName="sessionTheme")
        self.theme.setPlaceholderText(_("e.g. Setting boundaries with a family"))
        self.facilitator = QLineEdit(self, objectName="sessionFacilitator")
        self.attendees = AttendeeList(self)
        self.agreements = NoteEdit(ops, self, object_name="sessionAgreements", height=80)
        self.follow_ups = FollowUpList(self)
        self.notes = NoteEdit(ops, self, object_name="sessionNotes", height=140)
        self.notes.edit.setPlaceholderText(
            _("Notes for the coordinator. Name families only by their reference code.")
        )
        for label, widget, name in (
            (_("Date"), self.on, "on"),
            (_("Theme"), self.theme, "theme"),
            (_("Facilitator"), self.facilitator, "facilitator"),
            (_("Attendees"), self.attendees, "attendance"),
            (_("Agreements"), self.agreements, "agreements"),
            (_("Follow-up actions"), self.follow_ups, "follow_ups"),
            (_("Notes"), self.notes, "notes"),
        ):
            self.errors.add_row(label, widget, name)
        body = QWidget(self)
        body.setLayout(form)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        self.name_warning = NameWarningBar(self)
        self.name_warning.sig_replace.connect(self._replace_names_and_save)
        self.name_warning.sig_keep.connect(lambda: self.save(check_names=False))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("sessionButtons")
        if session_id is not None:
            self.delete_button = self.buttons.addButton(
                _("Delete session…"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.delete_button.setObjectName("deleteSession")
            self.delete_button.clicked.connect(self.delete)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.name_warning)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.setEnabled(False)
        ops.query(
            load_session_form,
            session_id=session_id,
            today=ops.today(),
            success=self._fill,
            owner=self,
        )

    # ---- Public API

    def entered(self) -> iv.SessionIn:
        """Everything typed and picked, as plain values, exactly as typed."""
        return iv.SessionIn(
            on=self.on.date_value(),
            theme=self.theme.text(),
            facilitator=self.facilitator.text(),
            notes=self.notes.text(),
            agreements=self.agreements.text(),
            attendance=self.attendees.value(),
            follow_ups=self.follow_ups.value(),
        )

    def save(self, *, check_names: bool = True) -> None:
        """Check, warn about family names, then save through ``ops``."""
        data = self.entered()
        problems = iv.session_problems(data)
        if problems:
            self.errors.show(dict(problems))
            return
        self.errors.clear()
        notes = {_("Theme"): LineText(self.theme)}
        notes[_("Agreements")] = self.agreements
        for row in range(self.follow_ups.table.rowCount()):
            what, who, _due, _done = self.follow_ups.widgets(row)
            label = _("Follow-up action {number}").format(number=row + 1)
            notes[label] = LineText(what)
            notes[f"{label} ({_('Who').lower()})"] = LineText(who)
        notes[_("Notes")] = self.notes
        if check_names and self.name_warning.check(self._names, notes):
            return
        self.name_warning.dismiss()
        self.buttons.setEnabled(False)
        self._ops.write(
            iv.save_session,
            data=data,
            session_id=self._session_id,
            success=self._saved,
            failure=self._failed,
            owner=self,
        )

    def delete(self) -> None:
        """Remove this session with its attendance and follow-ups, after asking."""
        if self._session_id is None or not prompts.confirm(
            self,
            _("Delete session"),
            _("Delete this session with its attendance list, agreements and follow-up actions?"),
            yes=_("Delete session"),
        ):
            return
        self._ops.write(
            iv.delete_session,
            session_id=self._session_id,
            success=lambda _c: super(SessionDialog, self).reject(),
            failure=self._failed,
            owner=self,
        )

    def reject(self) -> None:
        """Esc or Cancel: ask before throwing away what was typed."""
        changed = self._saved_state is not None and self.entered() != self._saved_state
        if changed and not prompts.confirm(
            self,
            _("Unsaved changes"),
            _("This session has changes that are not saved. Discard them?"),
            yes=_("Discard changes"),
        ):
            return
        super().reject()

    # ---- Internals

    def _fill(self, form: SessionForm) -> None:
        self._names = form.names
        self.attendees.set_choices(form.choices, last=form.last_attendees)
        detail = form.detail
        if detail is not None:
            self.on.set_date(detail.on)
            self.theme.setText(detail.theme)
            self.facilitator.setText(detail.facilitator)
            for attendee in detail.attendees:
                self.attendees.add(attendee.volunteer_id, attendee.presence)
            self.agreements.set_text(detail.agreements)
            for follow_up in detail.follow_ups:
                self.follow_ups.add(follow_up)
            self.notes.set_text(detail.notes)
        self._saved_state = self.entered()
        self.setEnabled(True)
        self.theme.setFocus()
        self.sig_loaded.emit()

    def _replace_names_and_save(self) -> None:
        self.name_warning.replace()
        self.save(check_names=False)

    def _saved(self, saved: iv.Saved) -> None:
        self._session_id = saved.id
        self._saved_state = self.entered()
        self.buttons.setEnabled(True)
        self.sig_saved.emit(saved.id)
        feedback.say_saved(self)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationError):
            self.errors.show(error.problems)
        else:
            self.errors.general.set_message(
                _("The session could not be saved. Nothing was changed; try again.")
            )
