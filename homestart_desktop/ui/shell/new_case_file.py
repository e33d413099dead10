"""Make a new case file for a branch: its name, where it lives, a passphrase typed twice.

The passphrase rules of ``data/casefile/passphrase.py`` show live under the fields; the file is created on
the worker (key derivation) while the dialog shows progress. On success ``case_file`` holds the
unlocked file and the dialog is accepted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.i18n import _
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.dialog import Dialog
from homestart_desktop.ui.common.widgets.form_error import FormErrors
from homestart_desktop.ui.shell.place_warning import PlaceWarning


def _create(*, path: Path, branch_name: str, passphrase: str, repeated: str) -> Any:
    from homestart_desktop.data.casefile.casefile import create_case_file

    return create_case_file(path, passphrase=passphrase, branch_name=branch_name, repeated=repeated)


class NewCaseFileDialog(Dialog):
    """Branch name, file, passphrase twice; creates the file on the worker."""

    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_case_file_dialog")
        self.setWindowTitle(_("New case file"))
        self.ops = ops
        self.case_file: Any = None
        self._path_chosen: Path | None = None

        intro = QLabel(
            _(
                "A case file holds everything of one branch, encrypted with a passphrase. "
                "Nobody can open it without the passphrase, not even the central office: "
                "keep it somewhere safe."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.setSpacing(8)
        self.errors = FormErrors(form)
        self.branch_name = QLineEdit(objectName="branch_name")
        self.branch_name.setPlaceholderText(_("e.g. Home-Start Gent"))
        self.branch_name.textChanged.connect(self._suggest_path)
        self.errors.add_row(_("Branch"), self.branch_name, "branch_name")
        self.location = QLineEdit(objectName="location", readOnly=True)
        choose = QPushButton(_("Choose…"), objectName="choose_location")
        choose.clicked.connect(self._choose_path)
        location_row = QWidget()
        row = QHBoxLayout(location_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.location, 1)
        row.addWidget(choose)
        self.errors.add_row(_("File"), location_row, "path")
        self.place_warning = PlaceWarning(self)
        self.location.textChanged.connect(self.place_warning.set_path)
        self.passphrase = QLineEdit(objectName="new_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors.add_row(_("Passphrase"), self.passphrase, "passphrase")
        self.repeated = QLineEdit(objectName="repeat_passphrase")
        self.repeated.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors.add_row(_("Passphrase again"), self.repeated, "repeated")
        self.rules = QLabel(objectName="hint")
        self.rules.setWordWrap(True)
        self._check_timer = QTimer(self, singleShot=True, interval=200)
        self._check_timer.timeout.connect(self._check_rules)
        self.passphrase.textChanged.connect(self._check_timer.start)
        self.repeated.textChanged.connect(self._check_timer.start)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(_("Create"))
        self.create_button.setObjectName("create")
        self.create_button.setProperty("primary", True)
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.place_warning)
        layout.addWidget(self.rules)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(580, self.sizeHint().height())
        self._check_rules()

    # ---- Internals

    def _default_folder(self) -> Path:
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents or Path.home())

    def _suggest_path(self, name: str) -> None:
        if self._path_chosen is None:
            stem = "".join(c for c in name.strip() if c.isalnum() or c in " -_").strip()
            self.location.setText(str(self._default_folder() / f"{stem}.hscase") if stem else "")

    def _choose_path(self) -> None:
        chosen = prompts.choose_save_file(
            self,
            _("Where to keep the new case file"),
            suggested=Path(self.location.text()) if self.location.text() else None,
            filter=prompts.case_file_filter(),
        )
        if chosen is not None:
            if chosen.suffix != ".hscase":
                chosen = chosen.with_name(chosen.name + ".hscase")
            self._path_chosen = chosen
            self.location.setText(str(chosen))

    def _check_rules(self) -> None:
        from homestart_desktop.data.casefile.passphrase import MIN_LENGTH, passphrase_problems

        typed = self.passphrase.text()
        if not typed:
            self.rules.setText(
                _(
                    "At least {count} characters. A short sentence of ordinary words is easy "
                    "to remember and hard to guess."
                ).format(count=MIN_LENGTH)
            )
            return
        repeated = self.repeated.text() if self.repeated.text() else None
        problems = passphrase_problems(typed, repeated=repeated, context=(self.branch_name.text(),))
        self.rules.setText(
            " ".join(problems) if problems else _("This passphrase meets the rules.")
        )

    def _create(self) -> None:
        problems: dict[str, str] = {}
        if not self.branch_name.text().strip():
            problems["branch_name"] = _("Give the branch's name.")
        if not self.location.text():
            problems["path"] = _("Choose where to keep the file.")
        elif Path(self.location.text()).exists():
            problems["path"] = _("A file with this name exists already.")
        from homestart_desktop.data.casefile.passphrase import passphrase_problems

        rules = passphrase_problems(self.passphrase.text(), context=(self.branch_name.text(),))
        if rules:
            problems["passphrase"] = " ".join(rules)
        elif self.repeated.text() != self.passphrase.text():
            problems["repeated"] = _("The two passphrases are not the same.")
        if problems:
            self.errors.show(problems)
            return
        self.errors.clear()
        self._set_busy(True)
        self.ops.run(
            _create,
            path=Path(self.location.text()),
            branch_name=self.branch_name.text().strip(),
            passphrase=self.passphrase.text(),
            repeated=self.repeated.text(),
            success=self._created,
            failure=self._failed,
            owner=self,
        )

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.buttons.setEnabled(not busy)
        for field in (self.branch_name, self.passphrase, self.repeated):
            field.setEnabled(not busy)

    def _created(self, case_file: Any) -> None:
        self.case_file = case_file
        self.passphrase.clear()
        self.repeated.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        message = getattr(error, "message", None) or _("The case file could not be made.")
        self.errors.show({"general": message})
