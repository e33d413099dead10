"""Step 5: import — a backup first, then all valid rows in one transaction, or nothing.

The progress bar can be cancelled: the transaction is then rolled back and the case file is as
it was. Afterwards the skipped rows can be saved as a workbook with a *Probleem* column.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from homestart_desktop.data.importing.plan import ImportCancelled
from homestart_desktop.data.importing.report import write_problem_workbook
from homestart_desktop.data.importing.run import Outcome, backup_before_import, import_tables
from homestart_desktop.data.importing.words import summary_lines
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.i18n import _
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.importing.choose_page import list_filter
from homestart_desktop.ui.importing.state import ImportState, ProgressRelay


class ImportPage(QWizardPage):
    """The import button, its progress (cancellable), and what was done."""

    def __init__(self, ops: Any, state: ImportState) -> None:
        super().__init__()
        self.ops, self.state = ops, state
        self.outcome: Outcome | None = None
        self.running = False
        self._stop = threading.Event()
        self.setTitle(_("Import"))
        self.setSubTitle(
            _(
                "A backup of the case file is made first. Then every valid row is imported at "
                "once: if anything goes wrong, or you cancel, nothing is imported."
            )
        )
        self.report = QLabel(objectName="import_report")
        self.report.setTextFormat(Qt.TextFormat.PlainText)
        self.report.setWordWrap(True)
        self.start = QPushButton(_("Import now"), objectName="import_start")
        self.start.setDefault(True)
        self.start.clicked.connect(self._start)
        self.progress = QProgressBar(objectName="import_progress")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)  # the theme's thin bar has no room for it
        self.relay = ProgressRelay(self)
        self.relay.sig_progress.connect(self._progressed)
        self.cancel = QPushButton(_("Cancel the import"), objectName="import_cancel")
        self.cancel.clicked.connect(self._stop.set)
        self.save_skipped = QPushButton(
            _("Save the skipped rows…"), objectName="import_save_skipped"
        )
        self.save_skipped.clicked.connect(self._save_skipped)
        layout = QVBoxLayout(self)
        layout.addWidget(self.report)
        layout.addWidget(self.start, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.save_skipped, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    # ---- Qt's wizard

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        self.outcome = None
        plan = self.state.plan
        lines = [_("Ready to import:"), *summary_lines(plan)] if plan else []
        self.report.setText("\n".join(lines))
        self.start.setEnabled(True)
        self.start.show()
        for widget in (self.progress, self.cancel, self.save_skipped):
            widget.hide()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.outcome is not None

    def isFinalPage(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    # ---- Importing

    def _busy(self, running: bool) -> None:
        self.running = running
        wizard = self.wizard()
        for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            wizard.button(button).setEnabled(not running)
        self.start.setEnabled(not running)
        self.progress.setVisible(running)
        self.cancel.setVisible(running)
        self.cancel.setEnabled(running)

    def _start(self) -> None:
        self._stop.clear()
        self.progress.setValue(0)
        self._busy(True)
        self.report.setText(_("Making a backup of the case file…"))
        self.ops.run(
            backup_before_import,
            case_file=self.ops.case_file,
            success=self._backed_up,
            failure=self._failed,
            owner=self,
        )

    def _backed_up(self, backup: Path) -> None:
        if self._stop.is_set():
            self._failed(ImportCancelled())
            return
        self._backup = backup
        self.report.setText(_("Importing…"))
        self.ops.write(
            import_tables,
            tables=self.state.tables,
            mapping=self.state.mapping,
            options=self.state.options,
            today=self.ops.today(),
            progress=self.relay,
            cancelled=self._stop.is_set,
            success=self._done,
            failure=self._failed,
            owner=self,
        )

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, outcome: Outcome) -> None:
        self._busy(False)
        self.outcome = outcome
        self.start.hide()
        lines = [_("Imported. The backup made before: {file}").format(file=self._backup.name)]
        lines += summary_lines(outcome.plan)
        self.report.setText("\n".join(lines))
        self.save_skipped.setVisible(bool(outcome.plan.problems))
        # Done: going back would only invite a second import of the same lists.
        self.wizard().setOption(QWizard.WizardOption.DisabledBackButtonOnLastPage, True)
        self.wizard().button(QWizard.WizardButton.CancelButton).setEnabled(False)
        self.completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, ImportCancelled):
            self.report.setText(_("Cancelled. Nothing was imported; the case file is as it was."))
        elif isinstance(error, ValidationError):
            self.report.setText(" ".join(error.problems.values()))
        else:
            self.report.setText(
                _("The import failed ({kind}); nothing was imported.").format(
                    kind=type(error).__name__
                )
            )

    def _save_skipped(self) -> None:
        if self.outcome is None:
            return
        target = prompts.choose_save_file(
            self,
            _("Save the skipped rows"),
            suggested=Path.home() / (_("rows to correct") + ".xlsx"),
            filter=list_filter(),
        )
        if target is None:
            return
        plan = self.outcome.plan
        self.ops.run(
            write_problem_workbook,
            plan=plan,
            path=target,
            success=lambda saved: prompts.inform(
                self,
                _("Skipped rows saved"),
                _("Correct them in the column “Problem” and import the file again: {file}").format(
                    file=saved
                ),
            ),
            failure=lambda _e: prompts.warn(
                self, _("Not saved"), _("The skipped rows could not be saved there.")
            ),
            owner=self,
        )
