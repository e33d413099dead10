"""Every message box and file chooser of the app goes through here, so tests can answer them.

Use ``confirm(parent, title, text) -> bool``, ``inform``, ``warn``, ``choose_open_file``,
``choose_save_file`` and ``choose_directory``. In a test, queue the answers first (KeePassXC's
``MessageBox::setNextAnswer``)::

    prompts.set_next_answers([True, Path("/tmp/x.hscase")])

Each prompt then takes the next queued answer instead of showing a dialog (``inform``/``warn``
take one too; give ``None``). ``prompts.shown`` lists ``(title, text)`` of every prompt asked,
answered or not, so a test can check what the coordinator was told. On an offscreen screen a
prompt without a queued answer never blocks: it is answered "no" / None (and logged).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from homestart_desktop.i18n import _

log = logging.getLogger(__name__)
_NO_ANSWER = object()
_next_answers: list[Any] = []
shown: list[tuple[str, str]] = []
"""(title, text) of every prompt, newest last (kept short: the last 50)."""


# ---- Test hook


def set_next_answers(answers: Iterable[Any]) -> None:
    """Answer the next prompts with these values, in order, without showing anything."""
    _next_answers.extend(answers)


def clear_answers() -> None:
    """Forget queued answers and the list of prompts shown."""
    _next_answers.clear()
    shown.clear()


def _queued(title: str, text: str, *, headless_answer: Any = None) -> Any:
    shown.append((title, text))
    del shown[:-50]
    if _next_answers:
        return _next_answers.pop(0)
    if QGuiApplication.platformName() == "offscreen":
        # Nobody can answer a dialog on an offscreen screen (tests, self-test): it would hang.
        log.warning("prompt without a queued answer on an offscreen screen")
        return headless_answer
    return _NO_ANSWER


# ---- Public API


def confirm(parent: QWidget | None, title: str, text: str, *, yes: str | None = None) -> bool:
    """Ask a yes/no question; ``yes`` names the action (e.g. "Discard changes")."""
    answer = _queued(title, text, headless_answer=False)
    if answer is not _NO_ANSWER:
        return bool(answer)
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    ok = box.addButton(yes or _("Yes"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(ok)
    box.exec()
    return box.clickedButton() is ok


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the coordinator something went well or is worth knowing."""
    if _queued(title, text) is _NO_ANSWER:
        QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the coordinator something went wrong, in words, with what to do next."""
    if _queued(title, text) is _NO_ANSWER:
        QMessageBox.warning(parent, title, text)


def choose_open_file(
    parent: QWidget | None, title: str, *, folder: Path | None = None, filter: str = ""
) -> Path | None:
    """A file to open, or None when the coordinator cancels."""
    answer = _queued(title, "")
    if answer is not _NO_ANSWER:
        return None if answer is None else Path(answer)
    name, _filter = QFileDialog.getOpenFileName(parent, title, str(folder or ""), filter)
    return Path(name) if name else None


def choose_save_file(
    parent: QWidget | None, title: str, *, suggested: Path | None = None, filter: str = ""
) -> Path | None:
    """Where to save a new file, or None when the coordinator cancels."""
    answer = _queued(title, "")
    if answer is not _NO_ANSWER:
        return None if answer is None else Path(answer)
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested or ""), filter)
    return Path(name) if name else None


def choose_directory(
    parent: QWidget | None, title: str, *, folder: Path | None = None
) -> Path | None:
    """A folder (e.g. a USB stick for a backup), or None when the coordinator cancels."""
    answer = _queued(title, "")
    if answer is not _NO_ANSWER:
        return None if answer is None else Path(answer)
    name = QFileDialog.getExistingDirectory(parent, title, str(folder or ""))
    return Path(name) if name else None


def case_file_filter() -> str:
    """The file chooser filter for case files."""
    return _("Case files (*.hscase)") + ";;" + _("All files (*)")
