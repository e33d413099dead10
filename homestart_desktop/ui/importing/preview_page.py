"""Step 4: the preview — a dry run that says what would happen, and every problem in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from homestart_desktop.data.importing.fields import KIND_LABELS
from homestart_desktop.data.importing.plan import Options, Plan, build_plan
from homestart_desktop.data.importing.words import summary_lines
from homestart_desktop.i18n import _, ngettext
from homestart_desktop.ui.importing.state import ImportState, ProgressRelay


class PreviewPage(QWizardPage):
    """Counts per list, the rows with a problem, and how to treat rows already in the file."""

    def __init__(self, ops: Any, state: ImportState) -> None:
        super().__init__()
        self.ops, self.state = ops, state
        self._asked = 0
        self.setTitle(_("Preview"))
        self.setSubTitle(_("What the import would do. Nothing is written yet."))
        self.summary = QLabel(objectName="import_summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(objectName="import_preview_progress")
        self.progress.setTextVisible(False)  # the theme's thin bar has no room for it
        self.progress.setRange(0, 0)
        self.relay = ProgressRelay(self)
        self.relay.sig_progress.connect(self._progressed)
        self.problems = QTableWidget(0, 3, objectName="import_problems")
        self.problems.setHorizontalHeaderLabels([_("List"), _("Row"), _("Problem")])
        self.problems.verticalHeader().hide()
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.problems.setWordWrap(True)
        self.update_existing = QRadioButton(_("update them"), objectName="import_update")
        self.skip_existing = QRadioButton(_("skip them"), objectName="import_skip_existing")
        self.update_existing.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.update_existing)
        group.addButton(self.skip_existing)
        self.skip_problems = QCheckBox(
            _("Skip the rows with a problem (otherwise nothing is imported while one remains)"),
            objectName="import_skip_problems",
        )
        self.skip_problems.setChecked(True)
        for control in (self.update_existing, self.skip_existing, self.skip_problems):
            control.toggled.connect(self._options_changed)
        existing = QHBoxLayout()
        existing.addWidget(QLabel(_("Rows already in the case file:")))
        existing.addWidget(self.update_existing)
        existing.addWidget(self.skip_existing)
        existing.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addLayout(existing)
        layout.addWidget(self.skip_problems)
        layout.addWidget(self.problems, 1)

    # ---- Qt's wizard

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        self._run()

    def cleanupPage(self) -> None:  # noqa: N802 (Qt's name)
        self._asked += 1  # a preview still running no longer counts

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        plan = self.state.plan
        if plan is None or self.progress.isVisible():
            return False
        return plan.writes and (not plan.problems or self.skip_problems.isChecked())

    # ---- The dry run

    def _options_changed(self) -> None:
        existing = "skip" if self.skip_existing.isChecked() else "update"
        options = Options(existing=existing, skip_problem_rows=self.skip_problems.isChecked())
        if options != self.state.options:
            self.state.options = options
            if options.existing != getattr(self, "_previewed_existing", None):
                self._run()
            else:
                self.completeChanged.emit()

    def _run(self) -> None:
        self._asked += 1
        asked = self._asked
        self._previewed_existing = self.state.options.existing
        self.state.plan = None
        self.summary.setText(_("Checking every row…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.problems.setRowCount(0)
        self.completeChanged.emit()
        self.ops.query(
            build_plan,
            tables=self.state.tables,
            mapping=self.state.mapping,
            options=self.state.options,
            today=self.ops.today(),
            progress=self.relay,
            success=lambda plan: self._show(plan, asked),
            failure=lambda error: self._failed(error, asked),
            owner=self,
        )

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _show(self, plan: Plan, asked: int) -> None:
        if asked != self._asked:
            return
        self.state.plan = plan
        self.progress.hide()
        lines = summary_lines(plan)
        if not plan.writes:
            lines.append(_("Nothing to import: the case file already holds every row."))
        elif plan.problems:
            lines.append(
                ngettext(
                    "{count} row has a problem: correct it in your list, or skip it.",
                    "{count} rows have a problem: correct them in your list, or skip them.",
                    plan.problem_count(),
                ).format(count=plan.problem_count())
            )
        self.summary.setText("\n".join(lines))
        self.problems.setRowCount(len(plan.problems))
        for row, problem in enumerate(plan.problems):
            for column, text in enumerate(
                (_(KIND_LABELS[problem.kind]), str(problem.row), "; ".join(problem.reasons))
            ):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.problems.setItem(row, column, item)
        self.problems.resizeRowsToContents()
        self.problems.setVisible(bool(plan.problems))
        self.completeChanged.emit()

    def _failed(self, error: BaseException, asked: int) -> None:
        if asked != self._asked:
            return
        self.progress.hide()
        self.summary.setText(
            _("The preview could not be made ({kind}). Check the lists and try again.").format(
                kind=type(error).__name__
            )
        )
