"""*Bestand → Importeren uit Excel…*: the wizard that brings a branch's lists into the case file.

Five steps: choose the lists, match the columns, match the values, preview (a dry run), import.
The pages share one :class:`ImportState`, so going back a step loses nothing. All reading,
checking and writing runs on the worker (``ops``); the wizard never touches the database.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget, QWizard

from homestart_desktop.i18n import _
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.importing.choose_page import ChoosePage
from homestart_desktop.ui.importing.columns_page import ColumnsPage
from homestart_desktop.ui.importing.import_page import ImportPage
from homestart_desktop.ui.importing.preview_page import PreviewPage
from homestart_desktop.ui.importing.state import ImportState
from homestart_desktop.ui.importing.values_page import ValuesPage


class ImportWizard(QWizard):
    """The five steps of an import."""

    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_wizard")
        self.setWindowTitle(_("Import from Excel"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.state = ImportState()
        self.choose = ChoosePage(ops, self.state)
        self.columns = ColumnsPage(ops, self.state)
        self.values = ValuesPage(ops, self.state)
        self.preview = PreviewPage(ops, self.state)
        self.importing = ImportPage(ops, self.state)
        for page in (self.choose, self.columns, self.values, self.preview, self.importing):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, _("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, _("< Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Close"))
        self.resize(1000, 640)

    def reject(self) -> None:
        """Closing while the import runs would leave it half-seen: cancel it first."""
        if self.importing.running:
            return
        if self.state.chosen and self.importing.outcome is None:
            asked = prompts.confirm(
                self,
                _("Stop the import?"),
                _("Nothing has been imported yet. Stop anyway?"),
                yes=_("Stop"),
            )
            if not asked:
                return
        super().reject()


def show_import_wizard(parent: QWidget | None, ops: Any) -> ImportWizard:
    """Open the wizard (non-modal: the main window stays readable behind it)."""
    wizard = ImportWizard(ops, parent)
    wizard.show()
    return wizard
