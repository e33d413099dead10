"""See a printed document before it leaves the app: preview, print through Qt, or save as PDF.

Any screen can use it (intake form, volunteer agreement, ...)::

    DocumentPreview(pdf_bytes, title=_("Intake form"), suggested_name="intakeformulier-GZ-2026-014.pdf",
                    record=PrintRecord(ops, "intake_form", family_code="GZ-2026-014"),
                    parent=self).exec()

``record`` is required: every print and every save leaves an entry in the Logboek (pass None
only for a document that is not the branch's, which no screen has today).

The PDF stays in memory: pages are drawn with PDFium (``pypdfium2``) straight into images, for
the screen and for the printer, so no temporary file with personal data is ever written. Name
suggested files with reference codes, never with names.
"""

from __future__ import annotations

import dataclasses
import importlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.i18n import _, ngettext
from homestart_desktop.private_files import write_private
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.dialog import Dialog

if TYPE_CHECKING:
    import pypdfium2
from homestart_desktop.ui.common import feedback

log = logging.getLogger(__name__)

PREVIEW_DPI = 96


@dataclasses.dataclass(frozen=True)
class PrintRecord:
    """What the Logboek notes when a document is printed or saved: which document (a
    ``data.audit.kinds.DOCUMENT_LABELS`` key) about whom (codes; or a trajectory's id)."""

    ops: Any
    document: str
    family_code: str | None = None
    volunteer_code: str | None = None
    trajectory_id: int | None = None

    def note(self, *, saved: bool) -> None:
        """Leave the entry (on the worker, like every write)."""
        from homestart_desktop.data.audit.events import record_document
        from homestart_desktop.data.audit.kinds import AuditKind

        self.ops.write(
            record_document,
            kind=AuditKind.saved if saved else AuditKind.printed,
            document=self.document,
            family_code=self.family_code,
            volunteer_code=self.volunteer_code,
            trajectory_id=self.trajectory_id,
            failure=lambda error: log.warning("print not logged: %s", type(error).__name__),
        )


def later(module: str, name: str) -> Callable[..., Any]:
    """A ``documents`` function, imported on its first call: reportlab and the document
    layouts (some 20 MB) load when a coordinator first prints, not with every screen."""

    def call(**kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(**kwargs)

    call.__name__ = name
    return call


def _page_image(page: pypdfium2.PdfPage, dpi: float) -> QImage:
    bitmap = page.render(scale=dpi / 72)
    image = bitmap.to_pil().convert("RGB")
    data = image.tobytes("raw", "RGB")
    return QImage(
        data, image.width, image.height, image.width * 3, QImage.Format.Format_RGB888
    ).copy()  # own the pixels: ``data`` goes away


def page_images(pdf: bytes, *, dpi: float = PREVIEW_DPI) -> list[QImage]:
    """Every page of ``pdf`` as an image at ``dpi``."""
    import pypdfium2  # with the first document, not with the screens (PDFium: ~10 MB)

    document = pypdfium2.PdfDocument(pdf)
    try:
        return [_page_image(document[index], dpi) for index in range(len(document))]
    finally:
        document.close()


def print_pdf(pdf: bytes, printer: QPrinter) -> None:
    """Send every page to ``printer``, each scaled to fit the printable area."""
    import pypdfium2  # with the first document, not with the screens (PDFium: ~10 MB)

    document = pypdfium2.PdfDocument(pdf)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise OSError("the printer could not start")
        dpi = min(printer.resolution(), 300)
        for index in range(len(document)):
            if index:
                printer.newPage()
            image = _page_image(document[index], dpi)
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(area.x(), area.y(), size.width(), size.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
    finally:
        if painter.isActive():
            painter.end()
        document.close()


class DocumentPreview(Dialog):
    """The pages one under the other, with Print… and Save as PDF…."""

    def __init__(
        self,
        pdf: bytes,
        *,
        title: str,
        suggested_name: str,
        record: PrintRecord | None,
        notice: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``notice``: what the document lacks and where to fill it in, shown above the pages;
        ``record``: what the Logboek notes when it is printed or saved."""
        super().__init__(parent)
        self.setObjectName("documentPreview")
        self.setWindowTitle(title)
        self.pdf = pdf
        self.record = record
        self.suggested_name = suggested_name
        self.saved_to: Path | None = None

        pages = page_images(pdf)
        column = QWidget(self)
        column_layout = QVBoxLayout(column)
        column_layout.setSpacing(16)
        column_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        for number, image in enumerate(pages, start=1):
            label = QLabel(column, objectName=f"page{number}")
            label.setPixmap(QPixmap.fromImage(image))
            label.setAccessibleName(_("Page {number}").format(number=number))
            label.setStyleSheet("background: white; border: 1px solid #d9dde3;")
            column_layout.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea(self)
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        count = QLabel(
            ngettext("{count} page", "{count} pages", len(pages)).format(count=len(pages)),
            self,
            objectName="hint",
        )
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(_("Print…"), self, objectName="printDocument")
        self.print_button.setProperty("primary", True)
        self.save_button = QPushButton(_("Save as PDF…"), self, objectName="saveDocument")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_document)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_document)

        layout = QVBoxLayout(self)
        self.notice = QLabel(notice, self, objectName="previewNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #fff4d6; padding: 6px; border-radius: 3px;")
        self.notice.setVisible(bool(notice))
        layout.addWidget(self.notice)
        layout.addWidget(scroll, 1)
        layout.addWidget(count)
        layout.addWidget(buttons)
        width = (pages[0].width() if pages else 800) + 80
        self.resize(width, 900)

    # ---- Public API

    def print_document(self) -> None:
        """Qt's print dialog, then the pages to the chosen printer."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            print_pdf(self.pdf, printer)
        except OSError:
            prompts.warn(
                self,
                _("Print"),
                _("The printer did not start. Check that it is on and try again."),
            )
            return
        if self.record is not None:
            self.record.note(saved=False)

    def save_document(self) -> Path | None:
        """Ask where, then write the PDF there."""
        target = prompts.choose_save_file(
            self,
            _("Save as PDF"),
            suggested=Path.home() / self.suggested_name,
            filter=_("PDF documents (*.pdf)"),
        )
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            write_private(target, self.pdf)
        except OSError:
            prompts.warn(
                self,
                _("Save as PDF"),
                _("The PDF could not be saved there. Choose another folder."),
            )
            return None
        self.saved_to = target
        if self.record is not None:
            self.record.note(saved=True)
        feedback.say_saved_in(self, target)
        return target
