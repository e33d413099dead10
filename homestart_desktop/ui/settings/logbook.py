"""The Logboek: who did what, to which family or volunteer, when; filtered and printable.

Settings → *Logboek…* opens it. The filters (period, a family's or volunteer's code, kind) ask
``data/audit/entries.find_entries`` again on every change; *Afdrukken…* makes the same list as
a PDF in the branch's language (and printing it is itself an entry).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.audit.entries import MOST, AuditEntry, AuditFilter, find_entries
from homestart_desktop.data.audit.kinds import KIND_LABELS, what_happened
from homestart_desktop.documents.access.labels import field_words
from homestart_desktop.i18n import N_, _, format_datetime, ngettext
from homestart_desktop.ui.common.dialog import Dialog
from homestart_desktop.ui.common.document_preview import DocumentPreview, PrintRecord, later
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.record_model import Column
from homestart_desktop.ui.common.widgets.search_field import SearchField
from homestart_desktop.ui.common.widgets.status_table import RecordTable

LOCAL = dt.datetime.now().astimezone().tzinfo  # stored in UTC, shown in the laptop's time


def _what(entry: AuditEntry) -> str:
    return what_happened(
        kind=entry.kind, action=entry.action, record=entry.record, detail=entry.detail
    )


def _count_text(count: int) -> str:
    return ngettext("{count} entry", "{count} entries", count).format(count=count)


class LogbookDialog(Dialog):
    """The trail's entries with filters; newest first."""

    sig_loaded = Signal()
    """The entries asked for are on screen."""

    def __init__(self, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logbook")
        self.setWindowTitle(_("Log"))
        self.ops = ops
        self.since = DateEdit(self, optional=True, object_name="logbook_since")
        self.until = DateEdit(self, optional=True, object_name="logbook_until")
        self.code = SearchField(self, placeholder=_("GZ-… or VW-…"), object_name="logbook_code")
        self.code.setMinimumWidth(140)
        self.kind = QComboBox(self, objectName="logbook_kind")
        self.kind.addItem(_("Every kind"), "")
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(_(label), kind.value)
        filters = QHBoxLayout()
        for label, widget in (
            (_("From"), self.since),
            (_("To"), self.until),
            (_("Code"), self.code),
            (_("Kind"), self.kind),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addStretch(1)
        self.table = RecordTable(
            [
                Column(
                    N_("When"),
                    lambda e: e.at,
                    lambda at: format_datetime(at.astimezone(LOCAL)),
                    whole=True,
                ),
                Column(N_("Who"), lambda e: e.who),
                # The codes before the sentences: What and Fields share the room that is left.
                Column(N_("Family"), lambda e: e.family_code, whole=True),
                Column(N_("Volunteer"), lambda e: e.volunteer_code, whole=True),
                Column(N_("What"), _what),
                Column(N_("Fields"), lambda e: field_words(e.record, e.fields, _)),
            ],
            self,
            object_name="logbook_entries",
            searchable=False,
            sort_column=None,
            empty_text=_("No entries match."),
            count_text=_count_text,
        )
        self.table.search.hide()
        self.note = QLabel(self, objectName="hint")
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(_("Print…"), self, objectName="logbook_print")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(_("Close"))  # Qt's own word stays English without its catalogue
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_log)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.reload)
        for signal in (self.since.dateChanged, self.until.dateChanged):
            signal.connect(self._timer.start)
        self.code.sig_search.connect(self._timer.start)
        self.kind.currentIndexChanged.connect(self._timer.start)
        self.resize(1100, 640)
        self.reload()

    # ---- Public API

    def wanted(self) -> AuditFilter:
        """The filter as typed."""
        return AuditFilter(
            since=self.since.date_value(),
            until=self.until.date_value(),
            code=self.code.text().strip(),
            kind=self.kind.currentData() or "",
        )

    def reload(self) -> None:
        """Ask the entries for the filter as it stands."""
        self.ops.query(find_entries, wanted=self.wanted(), success=self._show, owner=self)

    def print_log(self) -> None:
        """The list as it is filtered, on paper (a PDF in the branch's language)."""
        self.ops.query(
            later("homestart_desktop.documents.audit_log", "audit_log_for"),
            wanted=self.wanted(),
            lang=None,
            today=self.ops.today(),
            success=self._preview,
            owner=self,
        )

    # ---- Internals

    def _show(self, entries: list[AuditEntry]) -> None:
        self.table.set_records(entries)
        self.note.setText(
            _("Only the newest {most} are shown: narrow the period or give a code.").format(
                most=MOST
            )
            if len(entries) >= MOST
            else ""
        )
        self.sig_loaded.emit()

    def _preview(self, pdf: bytes) -> None:
        word = _("log")  # outside the f-string, where the extraction sees it
        self.preview = DocumentPreview(
            pdf,
            title=_("Log"),
            suggested_name=f"{word}-{self.ops.today().isoformat()}.pdf",
            record=PrintRecord(self.ops, "audit_log"),
            parent=self,
        )
        self.preview.open()


def show_logbook(parent: QWidget, ops: Any) -> LogbookDialog:
    """Open the Logboek beside Settings."""
    dialog = LogbookDialog(ops, parent)
    dialog.open()
    return dialog
