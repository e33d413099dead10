"""Settings: the branch's details, expenses, reminders, language and the case file's care.

Every ``BranchSettings`` field has its editor (``ui/settings/fields.py``); ``data/`` checks the
values and each problem shows beside its field. Ctrl+S saves, Esc puts back what is stored,
leaving with unsaved changes asks first. A new language applies at once (the app controller
rebuilds the windows when the saved settings say so).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.audit.trail import login_name
from homestart_desktop.data.planning.reminders import ReminderKind
from homestart_desktop.data.settings import BranchSettings, load_settings
from homestart_desktop.data.settings_checks import save_checked_settings
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.domain.setting_fields import GROUPS
from homestart_desktop.i18n import _
from homestart_desktop.ui.common import feedback, laptop, prompts
from homestart_desktop.ui.common.widgets.form_error import FormErrors
from homestart_desktop.ui.settings import casefile_dialogs, logbook
from homestart_desktop.ui.settings.fields import (
    BadValue,
    make_editor,
    read_value,
    show_value,
    stored_values,
    value_of,
)
from homestart_desktop.ui.settings.processing_register import print_processing_register
from homestart_desktop.ui.settings.retention import RetentionBox


class SettingsScreen(QWidget):
    """The branch's settings as a form, and the case file's maintenance."""

    sig_loaded = Signal()
    """The stored settings are on screen."""

    sig_saved = Signal()
    """The settings on screen were stored."""

    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_screen")
        self.ops = ops
        self._stored: BranchSettings | None = None
        self._editors: dict[str, tuple[Any, Any]] = {}
        self._errors: list[FormErrors] = []
        self._build()
        ops.sig_changes.connect(self._changed_elsewhere)

    # ---- Public API

    def reload(self) -> None:
        """Load the stored settings into the form."""
        self.ops.query(load_settings, success=self._show, owner=self)
        self.retention.reload()

    def clear(self) -> None:
        """Empty the form (the branch's details are not for a locked screen)."""
        self._stored = None
        for field, editor in self._editors.values():
            shown = value_of(BranchSettings(), field)
            if isinstance(shown, dict):
                shown = {lang: "" for lang in shown}
            show_value(field, editor, _empty_like(shown))
        self._clear_errors()
        self.status.setText("")
        self.retention.clear()
        self._update_buttons()

    def is_dirty(self) -> bool:
        """True when the form differs from what is stored."""
        if self._stored is None:
            return False
        if self._name_changed():
            return True
        try:
            return self._collect() != self._stored
        except BadValue:
            return True

    def can_leave(self) -> bool:
        """Ask before unsaved changes are lost; True when the screen may be left."""
        if not self.is_dirty():
            return True
        if prompts.confirm(
            self,
            _("Unsaved changes"),
            _("You changed settings without saving them. Leave them unsaved?"),
            yes=_("Leave unsaved"),
        ):
            self.revert()
            return True
        return False

    def save(self) -> None:
        """Check and store the form (Ctrl+S)."""
        if self._stored is None:
            return
        self._clear_errors()
        try:
            settings = self._collect()
        except _Unreadable as error:
            self._show_problems(error.problems)
            return
        self.save_button.setEnabled(False)
        if self._name_changed():
            laptop.set_coordinator_name(self.coordinator_name.text())
            self.ops.coordinator = laptop.coordinator_name()
            self.coordinator_name.setText(self.ops.coordinator)
        if settings == self._stored:
            self._saved(settings)
            return
        self.ops.write(
            save_checked_settings,
            settings=settings,
            today=self.ops.today(),  # a new retention period is recorded as chosen today
            success=lambda _changes: self._saved(settings),
            failure=self._save_failed,
            owner=self,
        )

    def open_record(self, target: Any) -> None:
        """Today's reminder of families due for anonymisation opens their list."""
        if getattr(target, "kind", None) == ReminderKind.retention_due:
            self.retention.open_list()

    def revert(self) -> None:
        """Put back what is stored (Esc)."""
        if self._stored is not None:
            self.coordinator_name.setText(laptop.coordinator_name())
            self._show(self._stored)

    # ---- Building

    def _build(self) -> None:
        title = QLabel(_("Settings"), objectName="pageTitle")
        self.status = QLabel(objectName="hint")
        self.status.setAccessibleName("settings_status")
        self.revert_button = QPushButton(_("Undo changes"), objectName="revert")
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(_("&Save"), objectName="save")
        self.save_button.setProperty("primary", True)
        self.save_button.setToolTip(_("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.status, 1)
        top.addWidget(self.revert_button)
        top.addWidget(self.save_button)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 12, 12)
        column.setSpacing(14)
        for group_title, fields in GROUPS:
            box = QGroupBox(_(group_title))
            # As tall as its rows (and their messages): the scroll area must not squeeze it.
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            form = QFormLayout(box)
            form.setHorizontalSpacing(18)
            form.setVerticalSpacing(8)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            errors = FormErrors(form)
            for field in fields:
                editor = make_editor(field, self._update_buttons)
                errors.add_row(_(field.label), editor, field.name)
                self._editors[field.name] = (field, editor)
            form.addRow(errors.general)
            self._errors.append(errors)
            column.addWidget(box)
        # One label width for every group, so the fields line up down the page.
        labels = [label for errors in self._errors for label in errors.labels() if label]
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)
        self.retention = RetentionBox(self.ops, content)
        column.addWidget(self.retention)
        column.addWidget(self._laptop_box())
        column.addWidget(self._case_file_box())
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        content.setMaximumWidth(820)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 12, 8)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        # Only while Settings is the screen shown: other screens have their own Ctrl+S and Esc.
        for keys, action in (
            (QKeySequence.StandardKey.Save, self.save),
            (QKeySequence(Qt.Key.Key_Escape), self._escape),
        ):
            shortcut = QShortcut(QKeySequence(keys), self, action)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update_buttons()

    def _laptop_box(self) -> QGroupBox:
        box = QGroupBox(_("This laptop"))
        form = QFormLayout(box)
        form.setHorizontalSpacing(18)
        self.coordinator_name = QLineEdit(laptop.coordinator_name(), objectName="coordinator_name")
        self.coordinator_name.setMaxLength(laptop.NAME_LENGTH)
        self.coordinator_name.setPlaceholderText(login_name())
        self.coordinator_name.textChanged.connect(self._update_buttons)
        form.addRow(_("Your name"), self.coordinator_name)
        hint = QLabel(
            _(
                "The log names you for everything done on this laptop. Left empty, it names "
                "the laptop's login name ({login}). Kept on this laptop, not in the case file."
            ).format(login=login_name()),
            objectName="hint",
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        return box

    def _name_changed(self) -> bool:
        return " ".join(self.coordinator_name.text().split()) != laptop.coordinator_name()

    def _case_file_box(self) -> QGroupBox:
        box = QGroupBox(_("The case file"))
        column = QVBoxLayout(box)
        hint = QLabel(
            _(
                "A backup is an encrypted copy that opens with the passphrase the file had "
                "when the copy was made. Keep one on a USB stick in a safe place too."
            ),
            objectName="hint",
        )
        hint.setWordWrap(True)
        column.addWidget(hint)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        actions = (
            ("change_passphrase", _("Change passphrase…"), casefile_dialogs.change_passphrase),
            ("backup_now", _("Back up now"), casefile_dialogs.backup_now),
            ("backup_to_folder", _("Back up to a folder…"), casefile_dialogs.backup_to_folder),
            ("restore_backup", _("Restore a backup…"), casefile_dialogs.restore_backup),
            ("check_integrity", _("Check the file"), casefile_dialogs.check_integrity),
            ("print_register", _("Print the register of processing…"), print_processing_register),
            ("open_logbook", _("Log…"), logbook.show_logbook),
        )
        for index, (name, label, action) in enumerate(actions):
            button = QPushButton(label, objectName=name)
            button.clicked.connect(lambda _checked=False, act=action: act(self, self.ops))
            grid.addWidget(button, index // 3, index % 3)
        column.addLayout(grid)
        return box

    # ---- Internals

    def _show(self, settings: BranchSettings) -> None:
        self._stored = settings
        for field, editor in self._editors.values():
            show_value(field, editor, value_of(settings, field))
        self._clear_errors()
        self._update_buttons()
        self.sig_loaded.emit()

    def _collect(self) -> BranchSettings:
        assert self._stored is not None
        values, problems = {}, {}
        for name, (field, editor) in self._editors.items():
            try:
                values.update(stored_values(field, read_value(field, editor)))
            except BadValue as error:
                problems[name] = str(error)
        if problems:
            raise _Unreadable(problems)
        return dataclasses.replace(self._stored, **values)

    def _saved(self, settings: BranchSettings) -> None:
        self._stored = settings
        self.status.setText(_("Saved."))
        feedback.say_saved(self)
        self._update_buttons()
        self.retention.reload()
        self.sig_saved.emit()

    def _save_failed(self, error: BaseException) -> None:
        self._update_buttons()
        if isinstance(error, ValidationError):
            self._show_problems(error.problems)
        else:
            prompts.warn(self, _("Not saved"), _("The settings could not be saved."))

    def _show_problems(self, problems: dict[str, str]) -> None:
        self.status.setText(_("Not saved: see the fields marked in red."))
        for errors in self._errors:
            errors.show({name: text for name, text in problems.items() if errors.knows(name)})
        others = [text for name, text in problems.items() if name not in self._editors]
        if others:
            prompts.warn(self, _("Not saved"), "\n".join(others))

    def _clear_errors(self) -> None:
        for errors in self._errors:
            errors.clear()

    def _update_buttons(self) -> None:
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self.status.setText(_("Unsaved changes"))
        elif self.status.text() == _("Unsaved changes"):
            self.status.setText("")

    def _escape(self) -> None:
        if self.is_dirty():
            self.can_leave()

    def _changed_elsewhere(self, changes: Any) -> None:
        if getattr(changes, "settings", False) and not self.is_dirty():
            self.reload()


class _Unreadable(BadValue):
    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(problems.values()))
        self.problems = problems


def _empty_like(value: Any) -> Any:
    if isinstance(value, str) and not hasattr(value, "value"):
        return ""
    if isinstance(value, tuple):
        return ()
    return value
