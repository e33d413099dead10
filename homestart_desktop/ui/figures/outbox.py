"""The outbox: every figures package, its state, and the ways out (folder, upload share).

Sending runs on a thread of its own, never on the case file's worker: an upload over a slow
line must not hold up the other screens. Packages that have not left are tried again every
minute while the case file is open (the back-off of ``sync/outbox.py`` decides when each is
due), and at once after an unlock, so a restart loses nothing.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.figures import exports
from homestart_desktop.data.figures.exports import ExportInfo
from homestart_desktop.data.models import ExportState
from homestart_desktop.i18n import N_, _, format_datetime
from homestart_desktop.sync.outbox import Outbox, webdav_transport
from homestart_desktop.sync.transports import FolderTransport, TransportError
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.status_table import Column, RecordTable

log = logging.getLogger(__name__)
RETRY_EVERY_MS = 60_000
STATES = {
    ExportState.waiting: N_("Waiting to leave"),
    ExportState.sending: N_("Sending"),
    ExportState.sent: N_("Sent"),  # only once the central office's share confirmed the upload
    ExportState.failed: N_("Not sent yet, will try again"),
}


def _local(value):
    return format_datetime(value.astimezone() if value is not None else None)


def state_words(package: ExportInfo) -> str:
    """*Verstuurd* for a confirmed upload; a package saved in a folder says where it is."""
    if package.state == ExportState.sent and package.via == "folder":
        if not package.delivered_to:
            return _("Saved in a folder")
        return _("Saved in folder {folder}").format(folder=package.delivered_to)
    return _(STATES[package.state])


COLUMNS = [
    Column(N_("Quarter"), lambda e: e.quarter),
    Column(N_("Version"), lambda e: e.version, align_right=True),
    Column(N_("Made on"), lambda e: e.created_at, _local),
    Column(N_("Saved or sent on"), lambda e: e.sent_at, _local),
    Column(N_("State"), state_words),
    Column(N_("Last problem"), lambda e: e.last_error if e.state != ExportState.sent else ""),
]


def _send_pending(outbox: Outbox, sessions) -> list:
    """On the sending thread: upload what is due, if a share is set in Settings."""
    with sessions() as session:
        transport = webdav_transport(session=session)
    return [] if transport is None else outbox.send_due(transport)


class OutboxPanel(QWidget):
    """The list of packages with Save to folder and Send now."""

    sig_sent = Signal(object)
    """A round of sending ended: the list of attempts (for tests and the status line)."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self._outbox: Outbox | None = None
        self._sender = ThreadPoolExecutor(max_workers=1, thread_name_prefix="outbox")
        self.table = RecordTable(
            COLUMNS,
            self,
            placeholder=_("Search quarter, state…"),
            empty_text=_(
                "The outbox is empty. A package appears here when you send a quarter's figures; "
                "it stays until it has left."
            ),
            object_name="outboxTable",
            sort_column=None,
        )
        self.save_button = QPushButton(_("Save to a folder…"), self, objectName="outboxSave")
        self.save_button.setToolTip(_("For a USB stick or a shared drive"))
        self.send_button = QPushButton(_("Send now"), self, objectName="outboxSend")
        self.send_button.setToolTip(_("Upload to the central office's share (Settings)"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save_to_folder)
        self.send_button.clicked.connect(self.send_pending)
        self._sig_done.connect(self._done)
        self.timer = QTimer(self, interval=RETRY_EVERY_MS)
        self.timer.timeout.connect(self.send_pending)
        ops.sig_changes.connect(lambda c: self.reload() if c.outbox or c.settings else None)

    _sig_done = Signal(object)

    # ---- Public API

    def reload(self) -> None:
        """Load the list, then try what waits (after an unlock: a restart loses nothing)."""
        self.ops.query(exports.list_exports, success=self._show, owner=self)

    def clear(self) -> None:
        self.timer.stop()
        self._outbox = None
        self.table.clear()

    def send_pending(self) -> None:
        """Upload every package that is due, on the sending thread."""
        outbox = self._outbox_for_file()
        if outbox is None or self.ops.case_file is None:
            return
        sessions = self.ops.case_file.session
        future = self._sender.submit(_send_pending, outbox, sessions)
        future.add_done_callback(lambda f: self._sig_done.emit(f))

    def save_to_folder(self) -> None:
        """Save the selected package (or the oldest still waiting) into a folder."""
        package = self.table.selected_record() or self._oldest_pending()
        outbox = self._outbox_for_file()
        if package is None or outbox is None:
            prompts.inform(
                self, _("Outbox"), _("There is no package to save. Send a quarter first.")
            )
            return
        folder = prompts.choose_directory(self, _("Save the package in which folder?"))
        if folder is None:
            return
        again = package.state == ExportState.sent and package.via == "folder"
        if again and not prompts.confirm(
            self, _("Outbox"), _("This package was saved before. Save another copy?")
        ):
            return
        future = self._sender.submit(self._save_copy, outbox, package, Path(folder))
        future.add_done_callback(lambda f: self._sig_done.emit(f))

    # ---- Internals

    def _save_copy(self, outbox: Outbox, package: ExportInfo, folder: Path) -> list:
        if package.state != ExportState.sent:
            return [outbox.send_one(package.id, FolderTransport(folder))]
        from homestart_desktop.sync.outbox import package_name

        with self.ops.case_file.session() as session:  # type: ignore[union-attr]
            name, data = package_name(session=session, export_id=package.id)
        FolderTransport(folder).deliver(name, data)  # a copy; the record stays as it was
        return []

    def _outbox_for_file(self) -> Outbox | None:
        if self.ops.case_file is None or not self.ops.case_file.is_open:
            return None
        if self._outbox is None:
            self._outbox = Outbox(self.ops.case_file.session)
        return self._outbox

    def _oldest_pending(self) -> ExportInfo | None:
        model = self.table.model
        records = [model.record(row) for row in range(model.rowCount())]
        pending = [r for r in records if r.state != ExportState.sent]
        return pending[-1] if pending else None

    def _show(self, rows: list[ExportInfo]) -> None:
        self.table.set_records(rows)
        if any(r.state != ExportState.sent for r in rows):
            if not self.timer.isActive():
                self.timer.start()
                self.send_pending()
        else:
            self.timer.stop()

    def _done(self, future) -> None:
        error = future.exception()
        attempts = [] if error else future.result()
        if isinstance(error, TransportError):
            prompts.warn(self, _("Outbox"), str(error))
        elif error is not None:
            log.error("sending failed: %s", type(error).__name__)
        if attempts or error is None:
            self.ops.sig_changes.emit(Changes(outbox=True))
        self.sig_sent.emit(attempts)
