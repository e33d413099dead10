"""What the file dialogs share (a family's and a volunteer's): Ctrl+S saves, Esc cancels
(asking first when something was typed), the save runs through ``ops``, and a refusal stands
beside its field with nothing lost."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from homestart_desktop.data.validation import ValidationError
from homestart_desktop.data.workflow import IllegalStep
from homestart_desktop.i18n import _
from homestart_desktop.ui.common import feedback, prompts
from homestart_desktop.ui.common.dialog import Dialog, grow_to_show
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.form_error import FormErrorLabel, FormErrors
from homestart_desktop.ui.common.widgets.language_picker import LanguagePicker


class SavingDialog(Dialog):
    """A form dialog that saves through ``ops.write`` and keeps every typed value on refusal."""

    sig_saved = Signal(object)
    """The write went through: its result (``Saved`` or ``Changes``)."""

    sig_refused = Signal(object)
    """The write was refused: the error (problems are on screen by then)."""

    def __init__(self, ops: Ops, parent: QWidget | None = None, *, object_name: str) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.ops = ops
        self.dirty = False
        self.saving = False
        self.general_error = FormErrorLabel(self, object_name="general_error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save")
        self.save_button.setText(_("Save"))
        self.save_button.setToolTip(_("Save (Ctrl+S)"))
        self.save_button.setProperty("primary", True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

    # ---- For subclasses

    def parts_save_at_once(self) -> None:
        """For a dialog with parts that write at once (an expense line, a status step): Cancel
        could not undo them, so the button is Close; what waits for Save still asks first."""
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.removeButton(cancel)
        cancel.deleteLater()
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(_("Close"))
        close.setObjectName("close")

    def watch(self, *widgets: QWidget) -> None:
        """Count a change in any of these fields as unsaved work."""
        for widget in widgets:
            if isinstance(widget, LanguagePicker):
                widget.sig_changed.connect(self._touched)
            elif isinstance(widget, QLineEdit):
                widget.textEdited.connect(self._touched)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self._touched)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._touched)
            elif isinstance(widget, QAbstractSpinBox):
                widget.editingFinished.connect(self._touched)
                if hasattr(widget, "dateChanged"):
                    widget.dateChanged.connect(self._touched)
                if hasattr(widget, "valueChanged"):
                    widget.valueChanged.connect(self._touched)
            elif isinstance(widget, QAbstractButton):
                widget.toggled.connect(self._touched)

    def submit(self, fn: Callable[..., Any], **kwargs: Any) -> None:
        """Save with ``fn(session=..., **kwargs)`` on the worker; the answer comes back here."""
        if self.saving:
            return
        self.saving = True
        self.save_button.setEnabled(False)
        self.general_error.set_message("")
        self.ops.write(fn, success=self._saved, failure=self._refused, owner=self, **kwargs)

    def show_problems(self, problems: dict[str, str]) -> None:
        """Put each problem beside its field (subclasses know their fields)."""
        self.general_error.set_message("\n".join(problems.values()))

    def show_in_forms(self, problems: dict[str, str], *forms: FormErrors) -> None:
        """Each problem beside its field, in the form that has it; the rest above the buttons,
        scrolled into sight."""
        for errors in forms:
            errors.show({field: text for field, text in problems.items() if errors.knows(field)})
        rest = [text for field, text in problems.items() if not any(f.knows(field) for f in forms)]
        self.general_error.set_message("\n".join(rest))
        if rest:  # below a long form: scrolled into sight
            grow_to_show(self.general_error)

    def save(self) -> None:
        """Read the form and :meth:`submit` it (subclasses)."""
        raise NotImplementedError

    # ---- Qt methods

    def reject(self) -> None:
        if self.dirty and not prompts.confirm(
            self,
            _("Unsaved changes"),
            _("You have typed things that are not saved yet. Close without saving?"),
            yes=_("Close without saving"),
        ):
            return
        super().reject()

    # ---- Internals

    def _touched(self, *_args: object) -> None:
        self.dirty = True

    def _saved(self, result: Any) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.dirty = False
        self.sig_saved.emit(result)
        feedback.say_saved(self)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.show_problems(error.problems)
        elif isinstance(error, IllegalStep):
            self.general_error.set_message(str(error))
        else:
            # Only the kind: a database error's text can quote personal data.
            self.general_error.set_message(
                _("This could not be saved ({kind}). Nothing was changed; try again.").format(
                    kind=type(error).__name__
                )
            )
        self.sig_refused.emit(error)
