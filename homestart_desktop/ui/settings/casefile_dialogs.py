"""Care of the case file from Settings: change passphrase, back up, restore, check.

Each runs on the worker with visible progress. Restoring replaces the open file, so it asks the
app controller (through the main window's ``sig_restore``) to lock first; the coordinator then
unlocks the restored file with the passphrase it had when the backup was made.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.casefile.backups import backup_dir, list_backups
from homestart_desktop.data.casefile.errors import CaseFileError
from homestart_desktop.data.casefile.passphrase import passphrase_problems
from homestart_desktop.i18n import _, format_datetime
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.dialog import Dialog
from homestart_desktop.ui.common.widgets.form_error import FormErrors

# ---- Work on the worker (module-level, no widgets)


def _backup(*, ops: Any, to_dir: Path | None) -> Path:
    return ops.case_file.backup(to_dir, reason="manual")


def _integrity(*, ops: Any) -> list[str]:
    return ops.case_file.integrity_problems()


def _change(*, ops: Any, current: str, new: str, repeated: str) -> bool:
    if not ops.case_file.passphrase_matches(current):
        return False
    ops.case_file.change_passphrase(new_passphrase=new, repeated=repeated)
    return True


# ---- Progress


def _with_progress(
    parent: QWidget,
    text: str,
    ops: Any,
    fn: Callable[..., Any],
    done: Callable[[Any], None],
    **kwargs: Any,
) -> None:
    """Run ``fn`` on the worker behind a modal progress dialog; ``done`` gets the result."""
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setObjectName("progress_dialog")
    dialog.setWindowTitle(_("Please wait"))
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)

    def finished(result: Any) -> None:
        dialog.close()
        done(result)

    def failed(error: BaseException) -> None:
        dialog.close()
        message = error.message if isinstance(error, CaseFileError) else _("Something went wrong.")
        prompts.warn(parent, _("Not done"), message)

    ops.run(fn, ops=ops, success=finished, failure=failed, **kwargs)


# ---- Public API


def backup_now(parent: QWidget, ops: Any) -> None:
    """An encrypted copy in the backups folder beside the case file."""
    _with_progress(
        parent,
        _("Making an encrypted backup…"),
        ops,
        _backup,
        lambda path: prompts.inform(
            parent,
            _("Backup made"),
            _("An encrypted copy is in {folder}.").format(folder=path.parent),
        ),
        to_dir=None,
    )


def backup_to_folder(parent: QWidget, ops: Any) -> None:
    """An encrypted copy in a folder the coordinator picks (a USB stick)."""
    folder = prompts.choose_directory(parent, _("Where to put the backup"))
    if folder is None:
        return
    _with_progress(
        parent,
        _("Making an encrypted backup…"),
        ops,
        _backup,
        lambda path: prompts.inform(
            parent,
            _("Backup made"),
            _("An encrypted copy is in {folder}.").format(folder=path.parent),
        ),
        to_dir=folder,
    )


def check_integrity(parent: QWidget, ops: Any) -> None:
    """SQLCipher's and SQLite's own checks of every page."""

    def report(problems: list[str]) -> None:
        if not problems:
            prompts.inform(parent, _("Check done"), _("The case file is whole: no damage found."))
        else:
            prompts.warn(
                parent,
                _("The case file is damaged"),
                _("{count} problems found, e.g. {example}. Restore the most recent backup.").format(
                    count=len(problems), example=problems[0]
                ),
            )

    _with_progress(parent, _("Checking every page of the case file…"), ops, _integrity, report)


def change_passphrase(parent: QWidget, ops: Any) -> None:
    """Ask the current passphrase and a new one twice, then re-encrypt the file."""
    ChangePassphraseDialog(ops, parent).exec()


def restore_backup(parent: QWidget, ops: Any) -> None:
    """Pick a backup and its passphrase; the app locks, restores and asks to unlock."""
    dialog = RestoreDialog(ops.case_file.path, parent)
    if not dialog.exec() or dialog.chosen is None:
        return
    if not prompts.confirm(
        parent,
        _("Restore a backup"),
        _(
            "The case file will be locked and replaced by the backup of {date}. Everything "
            "entered since then is not in it. The current file is kept in the backups folder."
        ).format(date=dialog.chosen_label),
        yes=_("Restore"),
    ):
        return
    window = parent.window()
    window.sig_restore.emit(dialog.chosen, dialog.passphrase.text())


class ChangePassphraseDialog(Dialog):
    """Current passphrase, new passphrase twice with the rules shown live."""

    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("change_passphrase_dialog")
        self.setWindowTitle(_("Change passphrase"))
        self.ops = ops
        # The branch's names are an attacker's first guesses: they do not count as strength.
        self._context: tuple[str, ...] = ()
        from homestart_desktop.data.settings import load_settings

        ops.query(load_settings, success=self._settings_loaded, owner=self)
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.current = self._field("current_passphrase")
        self.new = self._field("new_passphrase")
        self.repeated = self._field("repeat_passphrase")
        self.errors.add_row(_("Current passphrase"), self.current, "current")
        self.errors.add_row(_("New passphrase"), self.new, "new")
        self.errors.add_row(_("New passphrase again"), self.repeated, "repeated")
        self.rules = QLabel(objectName="hint")
        self.rules.setWordWrap(True)
        timer = QTimer(self, singleShot=True, interval=200)
        timer.timeout.connect(self._check_rules)
        self.new.textChanged.connect(timer.start)
        self.repeated.textChanged.connect(timer.start)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Change passphrase"))
        self.buttons.accepted.connect(self._change)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(self.rules)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)
        self.resize(520, 0)
        self._check_rules()

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit(objectName=name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def _settings_loaded(self, settings: Any) -> None:
        self._context = (settings.branch_name, settings.municipality)
        self._check_rules()

    def _check_rules(self) -> None:
        problems = passphrase_problems(
            self.new.text(), repeated=self.repeated.text() or None, context=self._context
        )
        if not self.new.text():
            self.rules.setText(
                _("Use a short sentence of ordinary words that only you would think of.")
            )
        else:
            self.rules.setText(" ".join(problems) or _("This passphrase meets the rules."))

    def _change(self) -> None:
        problems = passphrase_problems(self.new.text(), context=self._context)
        found = {}
        if not self.current.text():
            found["current"] = _("Type the passphrase that opens the file now.")
        if problems:
            found["new"] = " ".join(problems)
        elif self.repeated.text() != self.new.text():
            found["repeated"] = _("The two passphrases are not the same.")
        if found:
            self.errors.show(found)
            return
        self.errors.clear()
        self.buttons.setEnabled(False)
        _with_progress(
            self,
            _("Re-encrypting the case file…"),
            self.ops,
            _change,
            self._changed,
            current=self.current.text(),
            new=self.new.text(),
            repeated=self.repeated.text(),
        )

    def _changed(self, matched: bool) -> None:
        self.buttons.setEnabled(True)
        if not matched:
            self.errors.show({"current": _("This is not the passphrase that opens the file now.")})
            return
        for field in (self.current, self.new, self.repeated):
            field.clear()
        prompts.inform(
            self,
            _("Passphrase changed"),
            _(
                "From now on only the new passphrase opens the case file. Older backups keep the passphrase they were made with."
            ),
        )
        self.accept()


class RestoreDialog(Dialog):
    """The backups beside the case file (newest first) or another file, and its passphrase."""

    def __init__(self, case_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle(_("Restore a backup"))
        self.chosen: Path | None = None
        self.chosen_label = ""
        self._case_path = case_path
        self.backups = QListWidget(objectName="backups")
        reasons = {
            "manual": _("made by hand"),
            "daily": _("daily"),
            "before-update": _("before an update"),
        }
        for info in list_backups(case_path):
            label = f"{format_datetime(info.made_at)} — {reasons.get(info.reason, info.reason)}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.backups.addItem(item)
        if not self.backups.count():
            self.backups.addItem(_("No backups beside this case file yet."))
            self.backups.setEnabled(False)
        other = QPushButton(_("Other file…"), objectName="other_backup")
        other.clicked.connect(self._other)
        self.passphrase = QLineEdit(objectName="backup_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        hint = QLabel(_("The passphrase the file had when the backup was made."), objectName="hint")
        hint.setWordWrap(True)
        self.error = QLabel(objectName="formError")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Restore"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(QLabel(_("Backups of this case file"), objectName="sectionTitle"))
        layout.addWidget(self.backups, 1)
        layout.addWidget(other, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QLabel(_("Passphrase of the backup")))
        layout.addWidget(self.passphrase)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 460)

    def _other(self) -> None:
        chosen = prompts.choose_open_file(
            self,
            _("Open a backup"),
            folder=backup_dir(self._case_path),
            filter=prompts.case_file_filter(),
        )
        if chosen is not None:
            item = QListWidgetItem(chosen.name)
            item.setData(Qt.ItemDataRole.UserRole, str(chosen))
            self.backups.setEnabled(True)
            self.backups.insertItem(0, item)
            self.backups.setCurrentItem(item)

    def _accept(self) -> None:
        item = self.backups.currentItem()
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            self.error.setText(_("Choose a backup."))
            return
        if not self.passphrase.text():
            self.error.setText(_("Type the passphrase of the backup."))
            return
        self.chosen = Path(item.data(Qt.ItemDataRole.UserRole))
        self.chosen_label = item.text()
        self.accept()
