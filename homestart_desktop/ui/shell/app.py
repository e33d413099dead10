"""Start the app: the unlock window first (fast), then the main window on an unlocked file.

Only Qt and light modules are imported before the unlock window is on screen; the data layer
(SQLAlchemy, SQLModel: over a second) loads on a thread while the coordinator types. The
:class:`AppController` owns the unlock → main window → lock cycle; key derivation, locking and
the demo file all run on the worker, never on the UI thread.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from homestart_desktop import RESOURCES_DIR, __version__
from homestart_desktop.i18n import LANGUAGES, _, current_language, ngettext, set_language
from homestart_desktop.ui.common import clipboard, theme
from homestart_desktop.ui.common.collector import collect_on_ui_thread, keep_what_is_loaded
from homestart_desktop.ui.common.memory import forget_source_lines
from homestart_desktop.ui.common.window_place import place_main_window
from homestart_desktop.ui.shell import on_worker
from homestart_desktop.ui.shell.demo_folder import DemoFolder, remove_leftover_demo_folders
from homestart_desktop.ui.shell.os_lock import SLEEP, OsLockListener, listen_for_os_lock
from homestart_desktop.ui.shell.qt_words import QtWords
from homestart_desktop.ui.shell.restore import offer_backup, put_backup_in_place
from homestart_desktop.ui.shell.unlock import (
    UnlockWindow,
    app_settings,
    recent_files,
    remember_file,
    remembered_files,
)

log = logging.getLogger(__name__)

QUIT_WHEN_SHOWN = "HOMESTART_QUIT_WHEN_SHOWN"  # bench: print "shown" once visible, then quit


class AppController(QObject):
    """Unlock window, main window, the worker and the idle lock of one running app."""

    sig_unlocked = Signal()
    """The case file is open and the main window shows."""

    sig_locked = Signal()
    """The case file is closed, the key forgotten, every view emptied."""

    sig_data_layer_ready = Signal()
    """The data layer is imported: unlocking can start."""

    def __init__(self, app: QApplication, *, os_lock: OsLockListener | None = None) -> None:
        """``os_lock``: a listener for the computer's screen lock (default: this platform's)."""
        super().__init__(app)
        self.app = app
        self.ops: Any = None
        self.main_window: Any = None
        self.idle: Any = None
        self.settings: Any = None
        self.os_lock = os_lock
        if os_lock is not None:
            os_lock.sig_os_locked.connect(self._os_locked)
        self._last_section = "today"
        self._qt_words = QtWords(app)
        self._after_load: list[Callable[[], None]] = []
        self._data_layer_ready = False
        self._demo_dir: DemoFolder | None = None
        self._window_placed = False
        self._backup_due = False  # today's backup waits for the first screen (see _unlocked)
        self.sig_data_layer_ready.connect(self._data_layer_loaded)
        self._install_qt_translations(current_language())
        self.unlock_window = UnlockWindow()
        self.unlock_window.sig_unlock.connect(self.unlock)
        self.unlock_window.sig_new.connect(self._new_case_file)
        self.unlock_window.sig_language.connect(self.apply_language)
        self.unlock_window.sig_restore_offered.connect(self._restore_offered)
        clipboard.guard()  # marks and expires every copy from the app's own widgets

    # ---- Public API

    def start(self, path: Path | None = None, *, demo: bool = False) -> None:
        """Show the unlock window now; load the data layer behind it."""
        recent = recent_files()
        self.unlock_window.set_path(path or (recent[0] if recent else None))
        self.unlock_window.show()
        threading.Thread(target=self._load_in_background, daemon=True).start()
        # A crash leaves its demo folder behind; the next start takes it away (before making
        # a new one, so this app never races itself for its own folder).
        remove_leftover_demo_folders()
        if demo:
            self.make_demo_file()

    def unlock(self, path: Path, passphrase: str) -> None:
        """Derive the key and open ``path`` on the worker; the window shows progress."""
        self.unlock_window.set_busy(_("Unlocking… (checking the passphrase takes a moment)"))
        self.unlock_window.show_note("")
        self._when_loaded(
            lambda: self.ops.run(
                on_worker.unlock_and_read,
                path=Path(path),
                passphrase=passphrase,
                success=self._unlocked,
                failure=self._unlock_failed,
            )
        )

    def qt_translations_loaded(self) -> bool:
        """Whether Qt's own words (file dialogs, buttons) are in the app's language."""
        return self._qt_words.loaded()

    def lock(self, *, note: str = "") -> None:
        """Close the database, forget the key, empty every view, show the unlock window."""
        if self.ops is None or self.ops.case_file is None or self.main_window is None:
            return
        self._last_section = self.main_window.current_key() or self._last_section
        self.idle.stop()
        clipboard.guard().clear()
        self.ops.forget_pending()
        self._start_daily_backup()  # locked before Today was filled: the backup comes first
        self._close_other_windows()
        self.main_window.clear_all()
        self.main_window.hide()
        path = self.ops.case_file.path
        self.ops.run(
            on_worker.close_case_file, ops=self.ops, success=lambda _r: self.sig_locked.emit()
        )
        self.unlock_window.forget_passphrase()
        self.unlock_window.set_recent(remembered_files())
        self.unlock_window.set_path(path)
        self.unlock_window.show_note(note)
        self.unlock_window.show()
        self.unlock_window.activateWindow()

    def _close_other_windows(self) -> None:
        """Dialogs open over the main window may show personal data: they go too (rejected,
        so nothing in them is saved)."""
        for window in QApplication.topLevelWidgets():
            if window in (self.unlock_window, self.main_window) or not window.isVisible():
                continue
            if isinstance(window, QDialog):
                window.reject()
            window.close()

    def apply_language(self, lang: str) -> None:
        """Switch every window to ``lang`` at once, Qt's own buttons included."""
        if lang not in LANGUAGES or lang == current_language():
            return
        set_language(lang)
        app_settings().setValue("language", lang)
        self._install_qt_translations(lang)
        self.unlock_window.retranslate()
        index = self.unlock_window.language.findData(lang)
        self.unlock_window.language.blockSignals(True)
        self.unlock_window.language.setCurrentIndex(index)
        self.unlock_window.language.blockSignals(False)
        if self.main_window is not None and self.ops.case_file is not None:
            self.main_window.rebuild()  # the screen shown is rebuilt and reloaded at once

    def make_demo_file(self) -> None:
        """Write a fresh demo case file (on the worker) and offer it with its passphrase."""
        self._remove_demo_folder()
        self._demo_dir = DemoFolder()
        self.unlock_window.set_busy(_("Making a demo case file with invented families…"))

        def made(path: Path) -> None:
            from homestart_desktop.data.demo.branch import DEMO_PASSPHRASE

            self.unlock_window.set_busy("")
            self.unlock_window.set_demo_passphrase(DEMO_PASSPHRASE)
            self.unlock_window.set_path(path)

        def failed(error: BaseException) -> None:
            log.error("demo file failed: %s", type(error).__name__)
            self.unlock_window.show_error(_("The demo case file could not be made."))

        self._when_loaded(
            lambda: self.ops.run(
                on_worker.make_demo_file,
                folder=self._demo_dir.path,
                today=self.ops.today(),
                success=made,
                failure=failed,
            )
        )

    def shutdown(self) -> None:
        """Lock, stop the worker and close the windows (the app is quitting)."""
        if self.ops is not None:
            if self.ops.case_file is not None:
                self.ops.forget_pending()
                self.ops.run(on_worker.close_case_file, ops=self.ops)
            self.ops.shutdown()
        if self.idle is not None:
            self.idle.stop()
            self.app.removeEventFilter(self.idle)
        if self.os_lock is not None:
            self.os_lock.stop()
        clipboard.guard().clear()
        for window in (self.main_window, self.unlock_window):
            if window is not None:
                window.hide()  # not close(): quitting has decided already, nothing to ask
                window.deleteLater()
        self._qt_words.set_language("en")  # Qt's catalogs go with the app
        self._remove_demo_folder()

    def _remove_demo_folder(self) -> None:
        if self._demo_dir is not None:
            self._demo_dir.remove()
            self._demo_dir = None

    # ---- Unlocking

    def _unlocked(self, result: tuple[Any, Any]) -> None:
        case_file, settings = result
        self.ops.case_file = case_file
        self.settings = settings
        if settings.language in LANGUAGES and settings.language != current_language():
            self.apply_language(settings.language)
        self._ensure_main_window()
        self.main_window.set_branch_name(settings.branch_name)
        self.idle.set_timeout(max(1, settings.autolock_minutes) * 60)
        self.main_window.reload_all()
        remember_file(case_file.path)  # after the screens' queries went to the worker
        if not self.main_window.show_section(self._last_section, ask=False):
            self.main_window.show_section(self.main_window.section_keys()[0], ask=False)
        if self.main_window.isHidden() and not self._window_placed:
            place_main_window(self.main_window)  # maximised on a laptop, or as last left here
            self._window_placed = True
        else:
            self.main_window.show()
        self.unlock_window.forget_passphrase()
        self.unlock_window.set_busy("")
        self.unlock_window.hide()
        self.idle.start()
        self._back_up_after_first_screen()
        self.sig_unlocked.emit()

    def _back_up_after_first_screen(self) -> None:
        """The daily backup goes to the worker once Today's figures and list are filled: Today's
        queries and its filling then have the processor to themselves (the copy itself, in
        SQLite, leaves Python free for the painting that follows)."""
        self._backup_due = True
        today = self.main_window.screen("today")
        if self.main_window.current_key() != "today" or today.is_loaded():
            self._start_daily_backup()
            return

        def after_today() -> None:
            today.sig_loaded.disconnect(after_today)
            self._start_daily_backup()

        today.sig_loaded.connect(after_today)

    def _start_daily_backup(self) -> None:
        if self._backup_due and self.ops.case_file is not None:
            self._backup_due = False
            self.ops.run(on_worker.daily_backup, ops=self.ops, failure=self._backup_failed)

    def _backup_failed(self, error: BaseException) -> None:
        from homestart_desktop.data.casefile.backups import backup_problem_message

        log.error("daily backup failed: %s", type(error).__name__)
        if self.main_window is not None:
            # The work goes on; the reason (a full disk, a read-only stick) is said in words.
            self.main_window.show_backup_problem(backup_problem_message(error))

    def _unlock_failed(self, error: BaseException) -> None:
        from homestart_desktop.data.casefile.errors import CaseFileError

        if isinstance(error, CaseFileError):
            # A damaged WAL names the newest backup: the window offers to put it in place.
            backup = getattr(error, "backup_path", None)
            self.unlock_window.show_error(error.message, offer_backup=backup)
        else:
            # Only the kind: a database error's text could quote what the file holds.
            log.error("unlock failed: %s", type(error).__name__)
            self.unlock_window.show_error(_("The case file could not be opened."))

    def _ensure_main_window(self) -> None:
        if self.main_window is not None:
            return
        from homestart_desktop.ui.shell.idle import IdleWatcher
        from homestart_desktop.ui.shell.main_window import MainWindow

        self.main_window = MainWindow(self.ops)
        self.main_window.sig_lock.connect(lambda: self.lock())
        self.main_window.sig_restore.connect(self._restore)
        self.idle = IdleWatcher(self)
        self.idle.sig_minutes_left.connect(self.main_window.set_minutes_left)
        self.idle.sig_idle.connect(self._idle_lock)
        self.ops.sig_changes.connect(self._changes)
        if self.os_lock is None:  # Windows sends its messages to the main window
            self.os_lock = listen_for_os_lock(self, self.main_window)
            if self.os_lock is not None:
                self.os_lock.sig_os_locked.connect(self._os_locked)

    def _os_locked(self, reason: str) -> None:
        unlocked = self.ops is not None and self.ops.case_file is not None
        if not unlocked or self.settings is None or not self.settings.lock_with_screen:
            self.os_lock.sleep_may_go_on()
            return
        if reason == SLEEP:  # the computer waits until the worker has closed the file
            self.sig_locked.connect(
                self.os_lock.sleep_may_go_on, Qt.ConnectionType.SingleShotConnection
            )
        self.lock(
            note=_("Locked because the computer went to sleep.")
            if reason == SLEEP
            else _("Locked because the computer's screen locked.")
        )

    def _idle_lock(self) -> None:
        minutes = max(1, self.settings.autolock_minutes)
        self.lock(
            note=ngettext(
                "Locked after {count} minute without activity.",
                "Locked after {count} minutes without activity.",
                minutes,
            ).format(count=minutes)
        )

    def _changes(self, changes: Any) -> None:
        if getattr(changes, "settings", False):
            from homestart_desktop.data.settings import load_settings

            self.ops.query(load_settings, success=self._settings_changed, owner=self)

    def _settings_changed(self, settings: Any) -> None:
        self.settings = settings
        self.main_window.set_branch_name(settings.branch_name)
        self.idle.set_timeout(max(1, settings.autolock_minutes) * 60)
        if settings.language != current_language():
            self.apply_language(settings.language)

    def _restore_offered(self, backup: Path, passphrase: str) -> None:
        offer_backup(self.unlock_window, ops=self.ops, backup=backup, passphrase=passphrase)

    def _restore(self, backup: Path, passphrase: str) -> None:
        target = self.ops.case_file.path
        self.lock()
        put_backup_in_place(
            self.unlock_window, ops=self.ops, backup=backup, target=target, passphrase=passphrase
        )

    def _new_case_file(self) -> None:
        def open_dialog() -> None:
            from homestart_desktop.ui.shell.new_case_file import NewCaseFileDialog

            dialog = NewCaseFileDialog(self.ops, self.unlock_window)
            if dialog.exec() and dialog.case_file is not None:
                from homestart_desktop.data.settings import load_settings

                self.unlock_window.set_busy(_("Opening the new case file…"))
                case_file = dialog.case_file
                self.ops.run(
                    lambda: (case_file, case_file.read(load_settings)), success=self._unlocked
                )

        self._when_loaded(open_dialog)

    # ---- The data layer, loaded behind the unlock window

    def _load_in_background(self) -> None:
        # Only the data layer: importing every screen too would make opening them quicker but
        # costs 120 MB (scipy, reportlab) that a coordinator who stays on Today never needs.
        try:
            on_worker.load_data_layer()
            forget_source_lines()
        finally:
            self.sig_data_layer_ready.emit()

    def _data_layer_loaded(self) -> None:
        from homestart_desktop.ui.common.laptop import coordinator_name
        from homestart_desktop.ui.common.ops import Ops

        self.ops = Ops(self)
        self.ops.coordinator = coordinator_name()
        self._data_layer_ready = True
        waiting, self._after_load = self._after_load, []
        for call in waiting:
            call()
        # Build the main window and its first screen while the coordinator types, so that
        # unlocking only has to fill them.
        QTimer.singleShot(0, self._prepare_main_window)

    def _prepare_main_window(self) -> None:
        self._ensure_main_window()
        self.main_window.screen(self._last_section)
        keep_what_is_loaded()  # the app as built lives as long as it does

    def _when_loaded(self, call: Callable[[], None]) -> None:
        if self._data_layer_ready:
            call()
        else:
            self._after_load.append(call)

    def _install_qt_translations(self, lang: str) -> None:
        if not self._qt_words.set_language(lang):
            log.warning("Qt's own translations for %s are missing", lang)


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with its look and the coordinator's last language."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Home-Start Desktop")
    app.setOrganizationName("Home-Start Vlaanderen")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("be.homestartvlaanderen.Desktop")  # Wayland: the launcher's icon
    icon = QIcon()
    for size in (32, 256):
        icon.addFile(str(RESOURCES_DIR / "icons" / f"homestart-{size}.png"))
    app.setWindowIcon(icon)
    theme.apply_theme(app)
    collect_on_ui_thread(app)  # a widget freed on the worker thread would crash the app
    lang = str(app_settings().value("language", "") or "")
    if lang in LANGUAGES:
        set_language(lang)
    return app


def run_gui(path: Path | None = None, demo: bool = False) -> int:
    """Open the app (on ``path``, or on a fresh demo file with ``demo``); the exit status."""
    app = make_application()
    controller = AppController(app)
    controller.start(path, demo=demo)
    if os.environ.get(QUIT_WHEN_SHOWN):
        QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
    app.aboutToQuit.connect(controller.shutdown)
    return app.exec()


def run_self_test() -> int:
    """Headless: make a demo file, unlock it, show every section, lock; 0 when all went well."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from homestart_desktop.ui.shell.self_test import self_test

    return self_test()
