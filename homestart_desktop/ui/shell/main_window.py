"""The main window: a header with the branch and a lock button, the sidebar, the screens.

The sections come from ``ui/shell/sections.py``; a section whose module does not exist (yet) is left
out, so no placeholder ever shows. A screen is built when first shown (unlocking stays fast
however many sections there are) and kept until the language changes. Locking and unlocking are the app controller's work
(``ui/shell/app.py``): this window asks with ``sig_lock``, empties itself with ``clear_all()`` and
refills with ``reload_all()``.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QHideEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop import __version__
from homestart_desktop.i18n import _, ngettext
from homestart_desktop.ui.common import icons, theme
from homestart_desktop.ui.common.memory import forget_source_lines
from homestart_desktop.ui.common.window_place import remember_main_window
from homestart_desktop.ui.shell.sections import SECTIONS, Section

log = logging.getLogger(__name__)

SIDEBAR_WIDE, SIDEBAR_NARROW = 210, 170


class MainWindow(QMainWindow):
    """Header, sidebar of sections, the current screen and a status bar."""

    sig_lock = Signal()
    """The coordinator asked to lock (button or Ctrl+L)."""

    sig_section_changed = Signal(str)
    """The key of the section now shown."""

    sig_restore = Signal(object, str)
    """Restore this backup (Path) that opens with this passphrase: lock first (Settings asks)."""

    def __init__(self, ops: Any, sections: list[Section] | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.ops = ops
        self._sections = list(SECTIONS if sections is None else sections)
        self._screens: dict[str, QWidget] = {}
        self._branch_name = ""
        self._minutes_left: int | None = None
        self._current = ""
        self._unlocked = False
        self._available: dict[str, Section] = {}
        self._import_wizard: QWidget | None = None
        self._build()
        self.rebuild()
        self.resize(1180, 760)
        self.setMinimumSize(900, 600)

    # ---- Public API

    def rebuild(self) -> None:
        """(Re)build the sidebar in the current language; screens are rebuilt when shown."""
        current = self._current
        for screen in self._screens.values():
            self.stack.removeWidget(screen)
            screen.deleteLater()
        self._screens.clear()
        self._available = {s.key: s for s in self._sections if s.available()}
        self.sidebar.blockSignals(True)
        self.sidebar.clear()
        for section in self._available.values():
            item = QListWidgetItem(icons.icon(section.icon, color=theme.MUTED), _(section.label))
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            item.setSizeHint(QSize(0, 40))
            self.sidebar.addItem(item)
        self.sidebar.blockSignals(False)
        self._retranslate()
        if current in self._available:
            self._current = ""
            self.show_section(current, ask=False)
            self.sidebar.setFocus()  # the widget that had focus is gone: keep the keyboard here

    def section_keys(self) -> list[str]:
        """The sections shown in the sidebar, in order."""
        return list(self._available)

    def screen(self, key: str) -> QWidget | None:
        """The screen of section ``key``, built (and loaded, when unlocked) on first use."""
        if key not in self._screens and key in self._available:
            screen = self._available[key].make(self.ops, self)
            forget_source_lines()  # the screen's modules were just imported
            screen.setObjectName(screen.objectName() or f"screen_{key}")
            self._screens[key] = screen
            self.stack.addWidget(screen)
            # A screen may send the coordinator elsewhere (Today's reminders): section + record.
            if hasattr(screen, "sig_open_elsewhere"):
                screen.sig_open_elsewhere.connect(self.open_at)
            if self._unlocked and hasattr(screen, "reload"):
                screen.reload()
        return self._screens.get(key)

    def open_at(self, key: str, target: object = None) -> None:
        """Show section ``key`` and, when its screen can, the record ``target`` in it."""
        if self.show_section(key) and target is not None:
            open_record = getattr(self.screen(key), "open_record", None)
            if open_record is not None:
                open_record(target)

    def current_key(self) -> str:
        """The key of the section shown ('' before the first)."""
        return self._current

    def show_section(self, key: str, *, ask: bool = True) -> bool:
        """Show section ``key``; a screen with unsaved changes may refuse (returns False)."""
        if key not in self._available:
            return False
        leaving = self._screens.get(self._current)
        if ask and leaving is not None and key != self._current:
            can_leave = getattr(leaving, "can_leave", None)
            if can_leave is not None and not can_leave():
                self._select_row(self._current)
                return False
        self._current = key
        self._select_row(key)
        forget_source_lines()  # what the last screen's loading imported on the worker
        self.stack.setCurrentWidget(self.screen(key))
        self.sig_section_changed.emit(key)
        return True

    def set_branch_name(self, name: str) -> None:
        self._branch_name = name
        self.branch_label.setText(name or _("Your branch"))
        # The version in the title tells the helpdesk at a glance which app a screenshot shows.
        self.setWindowTitle(
            _("{branch} — Home-Start Desktop {version}").format(
                branch=name or _("Your branch"), version=__version__
            )
        )

    def set_minutes_left(self, minutes: int) -> None:
        """Show when the file locks itself, in the status bar."""
        self._minutes_left = minutes
        self.lock_countdown.setText(
            ngettext(
                "Locks itself in {count} minute without activity",
                "Locks itself in {count} minutes without activity",
                minutes,
            ).format(count=minutes)
        )

    def show_backup_problem(self, message: str) -> None:
        """Today's backup failed: say it on Today and in the status bar until the lock."""
        self.statusBar().showMessage(message)
        today = self.screen("today") if "today" in self._available else None
        if today is not None and hasattr(today, "show_backup_problem"):
            today.show_backup_problem(message)

    def add_status_widget(self, widget: QWidget) -> None:
        """For a feature with something real to say in the status bar (e.g. the outbox)."""
        self.statusBar().addPermanentWidget(widget)

    def reload_all(self) -> None:
        """Ask every screen built so far to load its data (after an unlock)."""
        self._unlocked = True
        self.import_action.setEnabled(True)
        for screen in self._screens.values():
            reload = getattr(screen, "reload", None)
            if reload is not None:
                reload()
        self._reload_outbox()  # after the screens: the worker answers in the order asked

    def clear_all(self) -> None:
        """Empty every screen of personal data (on lock)."""
        self._unlocked = False
        self.import_action.setEnabled(False)
        if self._import_wizard is not None:  # it shows rows of the branch's lists
            self._import_wizard.done(0)
            self._import_wizard.deleteLater()
            self._import_wizard = None
        self.outbox_status.hide()
        for screen in self._screens.values():
            screen.clear()
        self.set_branch_name("")

    # ---- Qt methods

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """Closing the window quits the app: unsaved changes ask first."""
        screen = self._screens.get(self._current)
        can_leave = getattr(screen, "can_leave", None)
        if self.isVisible() and can_leave is not None and not can_leave():
            event.ignore()
            return
        super().closeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        # On a small laptop the screens need the room more than the sidebar does.
        self.sidebar.setFixedWidth(SIDEBAR_NARROW if self.width() < 1200 else SIDEBAR_WIDE)
        super().resizeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        """Locking or quitting: keep size and place for this screen (not when minimised)."""
        if not self.isMinimized() and not event.spontaneous():
            remember_main_window(self)
        super().hideEvent(event)

    # ---- Building

    def _build(self) -> None:
        header = QWidget(objectName="header")
        header_row = QHBoxLayout(header)
        header_row.setContentsMargins(20, 10, 14, 10)
        self.app_label = QLabel(objectName="hint")
        self.branch_label = QLabel(objectName="branchName")
        self.branch_label.setAccessibleName("branch_name")
        self.lock_button = QPushButton(objectName="lock")
        self.lock_button.setIcon(icons.icon("mdi6.lock-outline", color=theme.TEXT))
        self.lock_button.clicked.connect(self.sig_lock)
        header_row.addWidget(self.branch_label)
        header_row.addSpacing(10)
        header_row.addWidget(self.app_label)
        header_row.addStretch(1)
        header_row.addWidget(self.lock_button)

        self.sidebar = QListWidget(objectName="sidebar")
        self.sidebar.setAccessibleName("sections")
        self.sidebar.setFixedWidth(SIDEBAR_WIDE)
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.currentRowChanged.connect(self._sidebar_moved)
        self.stack = QStackedWidget(objectName="screens")

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.sidebar)
        body.addWidget(self.stack, 1)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(header)
        column.addLayout(body, 1)
        self.setCentralWidget(central)

        # Shown only while packages wait to leave: the status bar says nothing it has not to.
        self.outbox_status = QLabel(objectName="outbox_status")
        self.outbox_status.hide()
        self.statusBar().addPermanentWidget(self.outbox_status)
        self.lock_countdown = QLabel(objectName="lock_countdown")
        self.statusBar().addPermanentWidget(self.lock_countdown)
        self.ops.sig_changes.connect(
            lambda changes: self._reload_outbox() if changes.outbox else None
        )
        self.statusBar().setSizeGripEnabled(False)

        # Bestand: bring a branch's Excel lists in, or start from the template.
        self.file_menu = self.menuBar().addMenu("")
        self.import_action = self.file_menu.addAction("", self._import_from_excel)
        self.import_action.setObjectName("action_import")
        self.import_action.setEnabled(False)
        self.template_action = self.file_menu.addAction("", self._save_template)
        self.template_action.setObjectName("action_template")
        # Help: which version this is, and where its log and settings are (for the helpdesk).
        self.help_menu = self.menuBar().addMenu("")
        self.about_action = self.help_menu.addAction("", self._show_about)
        self.about_action.setObjectName("action_about")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)  # macOS: the app menu

        lock = QShortcut(QKeySequence("Ctrl+L"), self, self.sig_lock.emit)
        lock.setContext(Qt.ShortcutContext.ApplicationShortcut)  # from any dialog too
        for number in range(1, 10):
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda n=number: self._show_nth(n - 1))

    def _retranslate(self) -> None:
        self.file_menu.setTitle(_("&File"))
        self.import_action.setText(_("&Import from Excel…"))
        self.template_action.setText(_("Download import &template…"))
        self.help_menu.setTitle(_("&Help"))
        self.about_action.setText(_("&About Home-Start Desktop…"))
        self.app_label.setText(_("Home-Start Desktop"))
        self.lock_button.setText(_("Lock"))
        self.lock_button.setToolTip(_("Lock the case file (Ctrl+L)"))
        self.lock_button.setAccessibleName(_("Lock"))
        self.set_branch_name(self._branch_name)
        if self._minutes_left is not None:
            self.set_minutes_left(self._minutes_left)

    # ---- Internals

    def _import_from_excel(self) -> None:
        from homestart_desktop.ui.importing.wizard import show_import_wizard

        if self._import_wizard is not None:
            self._import_wizard.raise_()
            self._import_wizard.activateWindow()
            return
        self._import_wizard = show_import_wizard(self, self.ops)
        self._import_wizard.finished.connect(self._import_closed)

    def _import_closed(self) -> None:
        if self._import_wizard is not None:
            self._import_wizard.deleteLater()
            self._import_wizard = None

    def _save_template(self) -> None:
        from homestart_desktop.ui.importing.choose_page import save_template

        save_template(self, self.ops)

    def _show_about(self) -> None:
        from homestart_desktop.ui.shell.about import show_about

        case_file = getattr(self.ops, "case_file", None)
        self.about_dialog = show_about(self, case_file.path if case_file is not None else None)

    def _show_nth(self, index: int) -> None:
        keys = self.section_keys()
        if 0 <= index < len(keys):
            self.show_section(keys[index])

    def _reload_outbox(self) -> None:
        from homestart_desktop.data.figures.exports import pending_exports

        self.ops.query(pending_exports, success=self._show_outbox, owner=self)

    def _show_outbox(self, pending: list[Any]) -> None:
        count = len(pending)
        self.outbox_status.setText(
            ngettext(
                "{count} figures package waits in the outbox",
                "{count} figures packages wait in the outbox",
                count,
            ).format(count=count)
        )
        self.outbox_status.setVisible(bool(count) and self._unlocked)

    def _select_row(self, key: str) -> None:
        for row in range(self.sidebar.count()):
            if self.sidebar.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.sidebar.blockSignals(True)
                self.sidebar.setCurrentRow(row)
                self.sidebar.blockSignals(False)

    def _sidebar_moved(self, row: int) -> None:
        item = self.sidebar.item(row)
        if item is not None:
            self.show_section(item.data(Qt.ItemDataRole.UserRole))
