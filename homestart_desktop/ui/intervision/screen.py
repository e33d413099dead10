"""The Intervision section: sessions, attendance, follow-ups, coaching talks and note search."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.intervision import sessions as iv
from homestart_desktop.i18n import _, current_language, format_short_date
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.dialog import Dialog
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.intervision.coaching import CoachingTalksPanel
from homestart_desktop.ui.intervision.notes_search import NotesSearchPanel
from homestart_desktop.ui.intervision.panels import (
    AttendancePanel,
    FollowUpsPanel,
    load_attendance,
    sessions_table,
)
from homestart_desktop.ui.intervision.session_dialog import SessionDialog


class ReportOptions(Dialog):
    """What goes on the printed session report."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Print session report"))
        self.include_notes = QCheckBox(_("Print the notes too"), self, objectName="reportNotes")
        self.by_reference = QCheckBox(
            _("Volunteers only by reference code (no first names)"), self, objectName="reportByRef"
        )
        hint = QLabel(
            _("Families appear only by their reference code; names found are replaced."),
            self,
            objectName="hint",
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.include_notes, self.by_reference, hint, buttons):
            layout.addWidget(widget)


def make_report(
    *, session, session_id: int, lang: str, include_notes: bool, by_reference: bool, today: dt.date
):
    """The session report's PDF bytes (runs on the worker)."""
    # Here, not at the top: reportlab loads when a report is first printed.
    from homestart_desktop.documents.intervision_report import (
        build_session_report,
        load_report_input,
    )

    data = load_report_input(session=session, session_id=session_id, today=today)
    pdf = build_session_report(
        data, lang=lang, include_notes=include_notes, volunteers_by_reference=by_reference
    )
    return data.detail.on, pdf


class IntervisionScreen(QWidget):
    """Sessions | Attendance | Follow-up actions | Coaching talks | Search notes."""

    sig_loaded = Signal()
    """Sessions and attendance are on screen (for tests)."""

    sig_open_elsewhere = Signal(str, object)
    """Show another section at a record: ("planning", a visit note or review found)."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intervisionScreen")
        self.ops = ops
        self.session_dialog: SessionDialog | None = None
        self._waiting = 0
        self.title = QLabel(_("Intervision"), self, objectName="pageTitle")
        self.new_button = QPushButton(_("New session…"), self, objectName="newSession")
        self.new_button.setProperty("primary", True)
        self.new_button.setToolTip(_("Record a new session (Ctrl+N)"))
        self.print_button = QPushButton(_("Print report…"), self, objectName="printSession")
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.print_button)
        top.addWidget(self.new_button)

        self.tabs = QTabWidget(self, objectName="intervisionTabs")
        self.sessions = sessions_table(self)
        self.attendance = AttendancePanel(self, today=ops.today())
        self.follow_ups = FollowUpsPanel(self)
        self.coaching = CoachingTalksPanel(ops, self, with_picker=True)
        self.search = NotesSearchPanel(ops, self)
        for widget, label in (
            (self.sessions, _("Sessions")),
            (self.attendance, _("Attendance")),
            (self.follow_ups, _("Follow-up actions")),
            (self.coaching, _("Coaching talks")),
            (self.search, _("Search notes")),
        ):
            self.tabs.addTab(widget, label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.new_button.clicked.connect(lambda: self.open_session(None))
        self.print_button.clicked.connect(self.print_selected)
        self.sessions.sig_activated.connect(lambda row: self.open_session(row.id))
        self.attendance.year.valueChanged.connect(lambda _y: self._load_attendance())
        self.follow_ups.done_button.clicked.connect(self._mark_follow_up_done)
        self.follow_ups.open_button.clicked.connect(self._open_follow_up_session)
        self.follow_ups.table.sig_activated.connect(lambda f: self.open_session(f.session_id))
        self.search.sig_open_session.connect(self.open_session)
        self.search.sig_open_talk.connect(self.open_talk)
        self.search.sig_open_trajectory.connect(
            lambda hit: self.sig_open_elsewhere.emit("planning", hit)
        )
        QShortcut(QKeySequence.StandardKey.New, self, activated=lambda: self.open_session(None))
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_search)
        ops.sig_changes.connect(self._changed)

    # ---- Public API (the shell's contract)

    def reload(self) -> None:
        """Load sessions, attendance, follow-ups and the coaching picker."""
        self._waiting = 2
        self.ops.query(iv.list_sessions, success=self._show_sessions, owner=self)
        self._load_attendance()
        self.ops.query(
            iv.list_follow_ups,
            today=self.ops.today(),
            success=self.follow_ups.table.set_records,
            owner=self,
        )
        self.coaching.reload()
        self.search.refresh()

    def clear(self) -> None:
        """Forget everything on screen (the case file locks)."""
        for dialog in self.findChildren(QDialog):
            dialog.done(QDialog.DialogCode.Rejected)
        self.sessions.clear()
        self.attendance.clear()
        self.follow_ups.table.clear()
        self.coaching.clear()
        self.search.clear()

    # ---- Actions

    def open_session(self, session_id: int | None) -> SessionDialog:
        """Open the session dialog (None: a new session)."""
        dialog = SessionDialog(self.ops, self, session_id=session_id)
        self.session_dialog = dialog
        dialog.open()
        return dialog

    def open_talk(self, volunteer_id: int, talk_id: int):
        """Show the volunteer's talks and open one."""
        self.tabs.setCurrentWidget(self.coaching)
        self.coaching.select_volunteer(volunteer_id)
        return self.coaching.open_talk(talk_id)

    def print_selected(self) -> None:
        """Ask what to print, then show the selected session's report."""
        row = self.sessions.selected_record()
        if row is None:
            self.tabs.setCurrentWidget(self.sessions)
            prompts.inform(
                self,
                _("Print session report"),
                _("Choose the session to print in the list first."),
            )
            return
        options = ReportOptions(self)
        if options.exec() != QDialog.DialogCode.Accepted:
            return
        self.ops.query(
            make_report,
            session_id=row.id,
            lang=current_language(),
            include_notes=options.include_notes.isChecked(),
            by_reference=options.by_reference.isChecked(),
            today=self.ops.today(),
            success=self._preview,
            owner=self,
        )

    # ---- Internals

    def _preview(self, result) -> None:
        from homestart_desktop.ui.common.document_preview import DocumentPreview, PrintRecord

        on, pdf = result
        name = f"intervisie-{on.isoformat()}.pdf"
        title = _("Intervision report {date}").format(date=format_short_date(on))
        record = PrintRecord(self.ops, "intervision_report")
        DocumentPreview(pdf, title=title, suggested_name=name, record=record, parent=self).exec()

    def _load_attendance(self) -> None:
        self.ops.query(
            load_attendance,
            year=self.attendance.year.value(),
            today=self.ops.today(),
            success=self._show_attendance,
            owner=self,
        )

    def _show_sessions(self, rows) -> None:
        self.sessions.set_records(rows)
        self._one_loaded()

    def _show_attendance(self, data) -> None:
        if data.year == self.attendance.year.value():
            self.attendance.show_data(data)
        self._one_loaded()

    def _one_loaded(self) -> None:
        self._waiting -= 1
        if self._waiting <= 0:
            self.sig_loaded.emit()

    def _mark_follow_up_done(self) -> None:

        follow_up = self.follow_ups.table.selected_record()
        if follow_up is not None:
            self.ops.write(
                iv.set_follow_up_done, follow_up_id=follow_up.id, done_on=self.ops.today()
            )

    def _open_follow_up_session(self) -> None:
        follow_up = self.follow_ups.table.selected_record()
        if follow_up is not None:
            self.open_session(follow_up.session_id)

    def _focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.search)
        self.search.field.setFocus()

    def _changed(self, changes: Changes) -> None:
        if changes.intervision or changes.volunteers:
            self.reload()
