"""Settings → *Verwerkingsregister afdrukken…*: the branch's register of processing, previewed,
then printed or saved (0600) like every document."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from homestart_desktop.i18n import _, current_language
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.document_preview import DocumentPreview, PrintRecord, later

processing_register_for = later(
    "homestart_desktop.documents.processing_register", "processing_register_for"
)


def print_processing_register(parent: QWidget, ops: Any) -> None:
    """Lay the register out on the worker in the screen's language, then preview it."""
    if ops.case_file is None:
        return

    def show(pdf: bytes) -> None:
        parent.register_preview = DocumentPreview(
            pdf,
            title=_("Register of processing"),
            suggested_name=_("register-of-processing") + ".pdf",
            record=PrintRecord(ops, "processing_register"),
            parent=parent,
        )
        parent.register_preview.open()

    ops.query(
        processing_register_for,
        success=show,
        failure=lambda _error: prompts.warn(
            parent, _("Register of processing"), _("The register could not be made.")
        ),
        owner=parent,
        case_path=ops.case_file.path,
        today=ops.today(),
        lang=current_language(),
    )
