"""Coaching talks with a volunteer, in time order: the panel and the talk dialog.

The volunteer's file embeds :class:`CoachingTalksPanel`::

    panel = CoachingTalksPanel(ops, parent)
    panel.set_volunteer(volunteer_id)      # loads that volunteer's talks; None empties it
    panel.clear()                          # on lock

The Intervision section uses the same panel with a volunteer picker on top
(``CoachingTalksPanel(ops, parent, with_picker=True)``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.intervision import coaching
from homestart_desktop.data.intervision.name_detector import NameIndex, load_name_index
from homestart_desktop.data.intervision.sessions import list_volunteer_choices
from homestart_desktop.data.models import TalkKind
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.i18n import N_, _, format_date
from homestart_desktop.ui.common import feedback, prompts
from homestart_desktop.ui.common.dialog import Dialog
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.form_error import FormErrors
from homestart_desktop.ui.common.widgets.status_table import Column, RecordTable
from homestart_desktop.ui.intervision.family_reference_picker import NoteEdit
from homestart_desktop.ui.intervision.name_warning import NameWarningBar


def _first_line(text: str) -> str:
    return next((line for line in text.splitlines() if line.strip()), "")


def load_talk_form(*, session: Session, talk_id: int | None) -> tuple:
    """The talk (when it exists) and the families' names, for the talk dialog."""
    talk = coaching.get_talk(session=session, talk_id=talk_id) if talk_id else None
    return talk, load_name_index(session=session)


class TalkDialog(Dialog):
    """One coaching talk: date, kind, notes, agreements, next talk planned."""

    sig_saved = Signal(int)
    """The talk was saved: its id."""

    sig_loaded = Signal()

    def __init__(
        self,
        ops: Ops,
        volunteer_id: int,
        parent: QWidget | None = None,
        *,
        talk_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("coachingTalkDialog")
        self.setWindowTitle(_("Coaching talk"))
        self.resize(640, 600)
        self._ops, self._volunteer_id, self._talk_id = ops, volunteer_id, talk_id
        self._names = NameIndex({})
        self._loaded: coaching.TalkIn | None = None
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.on = DateEdit(self, optional=True, object_name="talkDate")
        self.on.set_date(ops.today())
        self.kind = QComboBox(self, objectName="talkKind")
        for kind in TalkKind:
            self.kind.addItem(coaching.talk_kind_label(kind), kind)
        self.notes = NoteEdit(ops, self, object_name="talkNotes", height=150)
        self.agreements = NoteEdit(ops, self, object_name="talkAgreements", height=70)
        self.next_on = DateEdit(self, optional=True, object_name="talkNextOn")
        for label, widget, name in (
            (_("Date"), self.on, "on"),
            (_("Kind of talk"), self.kind, "kind"),
            (_("Notes"), self.notes, "notes"),
            (_("Agreements"), self.agreements, "agreements"),
            (_("Next talk planned"), self.next_on, "next_on"),
        ):
            self.errors.add_row(label, widget, name)
        self.name_warning = NameWarningBar(self)
        self.name_warning.sig_replace.connect(self._replace_and_save)
        self.name_warning.sig_keep.connect(lambda: self.save(check_names=False))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        if talk_id is not None:
            delete = self.buttons.addButton(
                _("Delete talk…"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            delete.setObjectName("deleteTalk")
            delete.clicked.connect(self.delete)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.name_warning)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        ops.query(load_talk_form, talk_id=talk_id, success=self._fill, owner=self)

    def entered(self) -> coaching.TalkIn:
        """The talk as typed."""
        return coaching.TalkIn(
            self._volunteer_id,
            self.on.date_value(),
            self.kind.currentData(),
            self.notes.text(),
            self.agreements.text(),
            self.next_on.date_value(),
        )

    def save(self, *, check_names: bool = True) -> None:
        """Check, warn about family names, then save through ``ops``."""
        data = self.entered()
        problems = coaching.talk_problems(data)
        if problems:
            self.errors.show(dict(problems))
            return
        self.errors.clear()
        notes = {_("Notes"): self.notes, _("Agreements"): self.agreements}
        if check_names and self.name_warning.check(self._names, notes):
            return
        self.name_warning.dismiss()
        self._ops.write(
            coaching.save_talk,
            data=data,
            talk_id=self._talk_id,
            success=self._saved,
            failure=self._failed,
            owner=self,
        )

    def delete(self) -> None:
        """Remove this talk, after asking."""
        if self._talk_id is None or not prompts.confirm(
            self, _("Delete talk"), _("Delete this talk and its notes?"), yes=_("Delete talk")
        ):
            return
        self._ops.write(
            coaching.delete_talk,
            talk_id=self._talk_id,
            success=lambda _c: super(TalkDialog, self).reject(),
            failure=self._failed,
            owner=self,
        )

    def reject(self) -> None:
        """Esc or Cancel: ask before throwing away what was typed."""
        changed = self._loaded is not None and self.entered() != self._loaded
        if changed and not prompts.confirm(
            self,
            _("Unsaved changes"),
            _("This talk has changes that are not saved. Discard them?"),
            yes=_("Discard changes"),
        ):
            return
        super().reject()

    def _fill(self, loaded: tuple) -> None:
        talk, self._names = loaded
        if talk is not None:
            self.on.set_date(talk.on)
            self.kind.setCurrentIndex(self.kind.findData(talk.kind))
            self.notes.set_text(talk.notes)
            self.agreements.set_text(talk.agreements)
            self.next_on.set_date(talk.next_on)
        self._loaded = self.entered()
        self.sig_loaded.emit()

    def _replace_and_save(self) -> None:
        self.name_warning.replace()
        self.save(check_names=False)

    def _saved(self, saved: coaching.SavedTalk) -> None:
        self._loaded = self.entered()
        self.sig_saved.emit(saved.id)
        feedback.say_saved(self)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self.errors.show(error.problems)
        else:
            self.errors.general.set_message(_("The talk could not be saved. Try again."))


class CoachingTalksPanel(QWidget):
    """A volunteer's talks in time order, with "New talk" and opening a talk."""

    sig_loaded = Signal()
    """The talks are on screen (for tests)."""

    def __init__(self, ops: Ops, parent: QWidget | None = None, *, with_picker: bool = False):
        super().__init__(parent)
        self.setObjectName("coachingTalksPanel")
        self._ops = ops
        self._volunteer_id: int | None = None
        self.picker = QComboBox(self, objectName="coachingVolunteer")
        self.picker.setAccessibleName(_("Volunteer"))
        self.picker.setMinimumWidth(240)
        self.picker.setVisible(with_picker)
        self.picker.currentIndexChanged.connect(
            lambda _i: self.set_volunteer(self.picker.currentData())
        )
        self.new_button = QPushButton(_("New talk…"), self, objectName="newTalk")
        self.new_button.clicked.connect(lambda: self.open_talk(None))
        self.table = RecordTable(
            [
                Column(N_("Date"), lambda t: t.on, format_date),
                Column(N_("Kind of talk"), lambda t: t.kind, coaching.talk_kind_label),
                Column(N_("Agreements"), lambda t: _first_line(t.agreements)),
                Column(N_("Next talk planned"), lambda t: t.next_on, format_date),
            ],
            self,
            placeholder=_("Search talks…"),
            empty_text=_(
                "No talks recorded yet. Coaching talks, interim evaluations of the volunteer and "
                "the exit talk are kept here, in time order."
            ),
            object_name="coaching_talks",
        )
        self.table.sig_activated.connect(lambda talk: self.open_talk(talk.id))
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addStretch(1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.new_button.setEnabled(False)
        ops.sig_changes.connect(self._changed)

    # ---- Public API

    def reload(self) -> None:
        """Load the volunteer picker (when shown) and the current volunteer's talks."""
        if self.picker.isVisibleTo(self):
            self._ops.query(
                list_volunteer_choices, include_stopped=True, success=self._fill_picker, owner=self
            )
        else:
            self.set_volunteer(self._volunteer_id)

    def set_volunteer(self, volunteer_id: int | None) -> None:
        """Show this volunteer's talks (None: none)."""
        self._volunteer_id = volunteer_id
        self.new_button.setEnabled(volunteer_id is not None)
        if volunteer_id is None:
            self.table.clear()
            return
        self._ops.query(
            coaching.list_talks, volunteer_id=volunteer_id, success=self._show, owner=self
        )

    def select_volunteer(self, volunteer_id: int) -> None:
        """Pick ``volunteer_id`` in the picker (search results open a talk this way)."""
        index = self.picker.findData(volunteer_id)
        if index >= 0:
            self.picker.setCurrentIndex(index)
        else:
            self.set_volunteer(volunteer_id)

    def open_talk(self, talk_id: int | None) -> TalkDialog | None:
        """Open a talk of the current volunteer (None: a new one)."""
        if self._volunteer_id is None:
            return None
        dialog = TalkDialog(self._ops, self._volunteer_id, self, talk_id=talk_id)
        dialog.open()
        return dialog

    def clear(self) -> None:
        """Forget every talk on screen (on lock)."""
        self.table.clear()
        self.picker.blockSignals(True)
        self.picker.clear()
        self.picker.blockSignals(False)
        self._volunteer_id = None

    # ---- Internals

    def _fill_picker(self, choices) -> None:
        current = self._volunteer_id
        self.picker.blockSignals(True)
        self.picker.clear()
        for choice in choices:
            self.picker.addItem(
                f"{choice.first_name} {choice.last_name} ({choice.reference})", choice.id
            )
        # findData(None) upsets PySide6's reference counting: ask only for a real id.
        index = self.picker.findData(current) if current is not None else -1
        self.picker.setCurrentIndex(index if index >= 0 else 0)
        self.picker.blockSignals(False)
        self.set_volunteer(self.picker.currentData())

    def _show(self, talks: list[coaching.Talk]) -> None:
        self.table.set_records(talks)
        self.sig_loaded.emit()

    def _changed(self, changes: Changes) -> None:
        if changes.intervision and self._volunteer_id is not None:
            self.set_volunteer(self._volunteer_id)
