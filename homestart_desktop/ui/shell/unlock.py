"""The first window: pick a case file and type its passphrase.

Kept light (Qt and i18n only) so it shows before the data layer has loaded. It does no work
itself: it asks (``sig_unlock``, ``sig_new``) and the app controller answers with
``set_busy``/``show_error``. The passphrase field (objectName ``passphrase``) keeps what was
typed after a refusal so the coordinator can correct one letter.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.i18n import LANGUAGES, _, current_language
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.theme import MUTED
from homestart_desktop.ui.common.window_place import app_settings
from homestart_desktop.ui.shell.demo_folder import is_in_a_demo_folder
from homestart_desktop.ui.shell.place_warning import PlaceWarning

MAX_RECENT = 8
MISSING_ROLE = Qt.ItemDataRole.UserRole + 1  # True for a remembered file that is not found


# ---- Recent files (paths only: no personal data in the system's settings store)


def remembered_files() -> list[Path]:
    """Case files opened before, newest first, found or not (a USB stick may be out)."""
    stored = app_settings().value("recent_files", []) or []
    if isinstance(stored, str):
        stored = [stored]
    # A demo file's folder goes when the app quits: listed, it would only say "not found".
    return [Path(p) for p in stored if not is_in_a_demo_folder(Path(p))][:MAX_RECENT]


def recent_files() -> list[Path]:
    """Case files opened before, newest first, that still exist (one of them opens first)."""
    return [path for path in remembered_files() if path.is_file()]


def remember_file(path: Path) -> None:
    """Put ``path`` first in the recent files (not a demo file: it is gone after the session)."""
    if is_in_a_demo_folder(path):
        return
    paths = [str(path)] + [str(p) for p in remembered_files() if p != path]
    app_settings().setValue("recent_files", paths[:MAX_RECENT])


def forget_file(path: Path) -> None:
    """Take ``path`` off the recent files (the file itself stays where it is)."""
    paths = [str(p) for p in remembered_files() if p != path]
    app_settings().setValue("recent_files", paths)


def _caps_lock_guess(event: QKeyEvent) -> bool | None:
    """Qt cannot ask the keyboard; a letter's case against Shift tells (None: can't tell)."""
    text = event.text()
    if len(text) != 1 or not text.isalpha() or text.lower() == text.upper():
        return None
    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    return text.isupper() != shift


class UnlockWindow(QWidget):
    """Recent files, browse, new; passphrase with show/hide and a Caps Lock hint."""

    sig_unlock = Signal(object, str)
    """Unlock this case file (Path) with this passphrase."""

    sig_new = Signal()
    """The coordinator wants to make a new case file."""

    sig_language = Signal(str)
    """The coordinator picked another language (nl, fr, en)."""

    sig_restore_offered = Signal(object, str)
    """Put the offered backup (Path) in place of the file; the passphrase typed goes along."""

    sig_recent_changed = Signal()
    """A file was taken off the recent list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlock_window")
        self._path: Path | None = None
        self._busy = False
        self._offered_backup: Path | None = None
        self._build()
        self.retranslate()
        self.set_recent(remembered_files())
        self.resize(820, 500)

    # ---- Public API

    def set_path(self, path: Path | None) -> None:
        """Make ``path`` the file to unlock (and select it in the recent list)."""
        self._path = Path(path) if path else None
        for row in range(self.recent.count()):
            item = self.recent.item(row)
            if Path(item.data(Qt.ItemDataRole.UserRole)) == self._path:
                self.recent.setCurrentItem(item)
        self._show_path()
        self.passphrase.setFocus()

    def path(self) -> Path | None:
        return self._path

    def set_recent(self, paths: list[Path]) -> None:
        """List these files; one that is not found stays in the list, greyed and said so."""
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self._describe(item)
            self.recent.addItem(item)
        self.no_recent.setVisible(not paths)
        self.recent.setVisible(bool(paths))
        self.forget.setVisible(bool(paths))
        self.forget.setEnabled(self.recent.currentItem() is not None and not self._busy)

    def set_demo_passphrase(self, passphrase: str | None) -> None:
        """Show the demo passphrase (only ever for a synthetic demo file)."""
        self._demo_passphrase = passphrase
        self.demo_hint.setVisible(bool(passphrase))
        self.retranslate()

    def set_busy(self, text: str) -> None:
        """Show progress (``text``) and wait; '' ends it."""
        self._busy = bool(text)
        self.progress.setVisible(self._busy)
        self.progress_text.setText(text)
        self.progress_text.setVisible(self._busy)
        for widget in (self.passphrase, self.recent, self.browse, self.new, self.language):
            widget.setEnabled(not self._busy)
        self.forget.setEnabled(self.recent.currentItem() is not None and not self._busy)
        if self._busy:
            self.error.hide()
        self._update_button()

    def show_error(self, message: str, *, offer_backup: Path | None = None) -> None:
        """Say why the file did not open, beside the field; keep what was typed.

        ``offer_backup``: a backup to put in its place, offered with a button.
        """
        self.set_busy("")
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self._offered_backup = offer_backup
        self.restore_offered.setVisible(offer_backup is not None)
        self.passphrase.setFocus()
        self.passphrase.selectAll()

    def show_note(self, message: str) -> None:
        """A calm line above the field (e.g. "Locked after 10 minutes without activity")."""
        self.note.setText(message)
        self.note.setVisible(bool(message))

    def forget_passphrase(self) -> None:
        self.passphrase.clear()
        self.error.hide()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(_("Home-Start Desktop — unlock"))
        self.title.setText(_("Home-Start Desktop"))
        self.subtitle.setText(_("The case file of your branch, encrypted on this computer."))
        self.recent_title.setText(_("Recent case files"))
        self.no_recent.setText(
            _("No case file opened yet on this computer. Open one or make a new one.")
        )
        self.forget.setText(_("&Remove from list"))
        self.forget.setToolTip(_("Takes the file off this list. The file itself is not deleted."))
        for row in range(self.recent.count()):
            self._describe(self.recent.item(row))
        self.browse.setText(_("&Open another file…"))
        self.new.setText(_("&New case file…"))
        self.passphrase_label.setText(_("&Passphrase"))
        self.passphrase.setPlaceholderText(_("Type the passphrase of this case file"))
        self.passphrase.setAccessibleName(_("Passphrase"))
        self.caps_hint.setText(_("Caps Lock is on."))
        self.unlock_button.setText(_("&Unlock"))
        self.restore_offered.setText(_("&Restore the newest backup…"))
        self._update_toggle_text()
        self.demo_hint.setText(
            _(
                "This is a demo case file with invented families, for practice. "
                "Its passphrase is: {passphrase}"
            ).format(passphrase=getattr(self, "_demo_passphrase", "") or "")
        )
        self.language_label.setText(_("Language"))
        self.place_warning.retranslate()
        self._show_path()

    # ---- Building

    def _build(self) -> None:
        self.title = QLabel(objectName="pageTitle")
        self.subtitle = QLabel(objectName="hint")

        left = QFrame(objectName="card")
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(16, 16, 16, 16)
        left_column.setSpacing(10)
        self.recent_title = QLabel(objectName="sectionTitle")
        self.recent = QListWidget(objectName="recent_files")
        self.recent.setAccessibleName("recent_files")
        self.recent.setSpacing(2)
        self.recent.currentItemChanged.connect(self._recent_chosen)
        self.recent.itemActivated.connect(lambda _item: self.passphrase.setFocus())
        self.no_recent = QLabel(objectName="emptyState")
        self.no_recent.setWordWrap(True)
        self.forget = QPushButton(objectName="forget_recent")
        self.forget.clicked.connect(self._forget_chosen)
        self.browse = QPushButton(objectName="browse")
        self.browse.clicked.connect(self._browse)
        self.new = QPushButton(objectName="new_case_file")
        self.new.clicked.connect(self.sig_new)
        left_column.addWidget(self.recent_title)
        left_column.addWidget(self.recent, 1)
        left_column.addWidget(self.no_recent, 1)
        left_column.addWidget(self.forget)
        left_column.addWidget(self.browse)
        left_column.addWidget(self.new)

        right = QFrame(objectName="card")
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(20, 20, 20, 20)
        right_column.setSpacing(8)
        self.file_name = QLabel(objectName="sectionTitle")
        self.file_name.setWordWrap(True)
        self.file_folder = QLabel(objectName="hint")
        self.file_folder.setWordWrap(True)
        self.note = QLabel(objectName="hint")
        self.note.setWordWrap(True)
        self.note.hide()
        self.demo_hint = QLabel(objectName="demoHint")
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_hint.hide()
        self.place_warning = PlaceWarning(self)
        self.passphrase_label = QLabel()
        self.passphrase = QLineEdit(objectName="passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.textChanged.connect(self._update_button)
        self.passphrase.returnPressed.connect(self._unlock)
        self.passphrase.installEventFilter(self)
        self.passphrase_label.setBuddy(self.passphrase)
        self.toggle = QToolButton(objectName="show_passphrase", checkable=True)
        self.toggle.toggled.connect(self._toggle_echo)
        field_row = QHBoxLayout()
        field_row.addWidget(self.passphrase, 1)
        field_row.addWidget(self.toggle)
        self.caps_hint = QLabel(objectName="hint")
        self.caps_hint.setAccessibleName("caps_lock_hint")
        self.caps_hint.hide()
        self.error = QLabel(objectName="formError")
        self.error.setAccessibleName("unlock_error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.progress = QProgressBar(objectName="unlock_progress")
        self.progress.setRange(0, 0)  # indeterminate: key derivation has no steps to count
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.progress_text = QLabel(objectName="hint")
        self.progress_text.hide()
        self.unlock_button = QPushButton(objectName="unlock")
        self.unlock_button.setProperty("primary", True)
        self.unlock_button.clicked.connect(self._unlock)
        self.restore_offered = QPushButton(objectName="restore_newest_backup")
        self.restore_offered.clicked.connect(self._restore_offered)
        self.restore_offered.hide()
        button_row = QHBoxLayout()
        button_row.addWidget(self.restore_offered)
        button_row.addStretch(1)
        button_row.addWidget(self.unlock_button)
        for widget in (self.file_name, self.file_folder, self.note, self.demo_hint):
            right_column.addWidget(widget)
        right_column.addSpacing(6)
        right_column.addWidget(self.passphrase_label)
        right_column.addLayout(field_row)
        for widget in (self.caps_hint, self.error, self.progress, self.progress_text):
            right_column.addWidget(widget)
        right_column.addStretch(1)
        right_column.addLayout(button_row)

        self.language_label = QLabel(objectName="hint")
        self.language = QComboBox(objectName="language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(current_language()))
        self.language.currentIndexChanged.connect(
            lambda _i: self.sig_language.emit(self.language.currentData())
        )
        self.language_label.setBuddy(self.language)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.language_label)
        footer.addWidget(self.language)

        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(left, 2)
        columns.addWidget(right, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 18)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(6)
        layout.addWidget(self.place_warning)  # the whole width: read before the passphrase
        layout.addLayout(columns, 1)
        layout.addLayout(footer)
        self.recent.installEventFilter(self)  # Delete takes the chosen file off the list
        QShortcut(QKeySequence("Ctrl+O"), self, self._browse)
        QShortcut(QKeySequence("Ctrl+N"), self, self.sig_new.emit)

    # ---- Qt methods

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.passphrase and event.type() == QEvent.Type.KeyPress:
            caps = _caps_lock_guess(event)
            if caps is not None:
                self.caps_hint.setVisible(caps)
        if (
            watched is self.recent
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            self._forget_chosen()
            return True
        return False

    # ---- Internals

    def _describe(self, item: QListWidgetItem) -> None:
        path = Path(item.data(Qt.ItemDataRole.UserRole))
        found = path.is_file()
        text = f"{path.stem}\n{path.parent}"
        missing = _("not found")
        item.setText(text if found else f"{text}\n{missing}")
        item.setToolTip(
            str(path)
            if found
            else _("{path} was not found: moved, renamed, or on a USB stick that is out.").format(
                path=path
            )
        )
        item.setData(Qt.ItemDataRole.ForegroundRole, None if found else QColor(MUTED))  # greyed
        item.setData(MISSING_ROLE, not found)

    def _found(self) -> bool:
        return self._path is not None and self._path.is_file()

    def _show_path(self) -> None:
        if self._path is None:
            self.file_name.setText(_("Choose a case file"))
            self.file_folder.setText(_("Pick one on the left, or open another file."))
        elif not self._found():
            self.file_name.setText(self._path.stem)
            self.file_folder.setText(
                _("Not found in {folder}: moved, renamed, or on a USB stick that is out.").format(
                    folder=self._path.parent
                )
            )
        else:
            self.file_name.setText(self._path.stem)
            self.file_folder.setText(str(self._path.parent))
        if self.place_warning.path() != self._path:
            self.place_warning.set_path(self._path)
        self.passphrase.setEnabled(self._found() and not self._busy)
        self._update_button()

    def _forget_chosen(self) -> None:
        item = self.recent.currentItem()
        if item is None or self._busy:
            return
        path = Path(item.data(Qt.ItemDataRole.UserRole))
        row = self.recent.row(item)
        forget_file(path)
        self.set_recent(remembered_files())
        if self._path == path:
            self.set_path(None)
        if self.recent.count():  # the next one is chosen, so Delete can go on
            self.recent.setCurrentRow(min(row, self.recent.count() - 1))
            self.recent.setFocus()
        self.sig_recent_changed.emit()

    def _recent_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        self.forget.setEnabled(item is not None and not self._busy)
        if item is not None:
            self._path = Path(item.data(Qt.ItemDataRole.UserRole))
            self.error.hide()
            self.restore_offered.hide()
            self._show_path()

    def _browse(self) -> None:
        chosen = prompts.choose_open_file(
            self, _("Open a case file"), filter=prompts.case_file_filter()
        )
        if chosen is not None:
            self.error.hide()
            self.set_path(chosen)

    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self._update_toggle_text()

    def _update_toggle_text(self) -> None:
        shown = self.toggle.isChecked()
        self.toggle.setText(_("Hide") if shown else _("Show"))
        self.toggle.setToolTip(_("Hide the passphrase") if shown else _("Show the passphrase"))
        self.toggle.setAccessibleName(self.toggle.toolTip())

    def _update_button(self, *_args: object) -> None:
        ready = self._found() and bool(self.passphrase.text()) and not self._busy
        self.unlock_button.setEnabled(ready)

    def _restore_offered(self) -> None:
        if self._offered_backup is not None and self._path is not None and not self._busy:
            self.sig_restore_offered.emit(self._offered_backup, self.passphrase.text())

    def _unlock(self) -> None:
        if self._found() and self.passphrase.text() and not self._busy:
            self.sig_unlock.emit(self._path, self.passphrase.text())
