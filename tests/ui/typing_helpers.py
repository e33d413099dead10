"""Act on a screen as a coordinator does: find a field by its object name, type, Tab, click.

A test that calls ``setValue`` checks the code; these helpers go through the keyboard and the
mouse, so validators, focus and signals run as they do for a person::

    type_into(qtbot, dialog, "periodFrom", "22/12/2026")
    choose(qtbot, dialog, "closeReason", "De familie verhuisde")
    click(qtbot, dialog, "addPeriod")

Modal dialogs (``exec()``) block the caller; open them inside :func:`when_dialog_opens`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

W = TypeVar("W", bound=QObject)


def find(parent: QObject, name: str, kind: type[W] = QWidget) -> W:  # type: ignore[assignment]
    """The child of ``parent`` called ``name``; fails with the names that do exist."""
    found = parent.findChild(kind, name)
    if found is None:
        known = sorted({c.objectName() for c in parent.findChildren(QWidget) if c.objectName()})
        raise AssertionError(f"no {kind.__name__} named {name!r} in {parent!r}; there are {known}")
    return found


def _widget(parent: QObject, field: str | QWidget, kind: type[W] = QWidget) -> W:  # type: ignore[assignment]
    return field if isinstance(field, QWidget) else find(parent, field, kind)


def focus(qtbot, widget: QWidget) -> None:
    """Give ``widget`` the keyboard focus, as a click or Tab would."""
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=2_000)


def date_text(day: dt.date) -> str:
    """``day`` as a coordinator types it in a date field (dd/MM/yyyy)."""
    return day.strftime("%d/%m/%Y")


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Key presses for ``text``; a letter beyond ASCII (ö, Ł, 😀) comes as a keyboard layout
    sends it, with its text and no key code (QTest aborts on those)."""
    run = ""
    for char in text + "\0":
        if char.isascii() and char != "\0":
            run += char
            continue
        if run:
            qtbot.keyClicks(widget, run)
            run = ""
        if char != "\0":
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(widget, event)


def type_into(
    qtbot, parent: QObject, field: str | QWidget, text: str | dt.date, *, tab: bool = True
) -> QWidget:
    """Select everything in a line edit, text box, date field or spin box, type, then Tab."""
    widget = _widget(parent, field)
    if isinstance(text, dt.date):
        text = date_text(text)
    focus(qtbot, widget)
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, widget, text)
        return widget  # Tab would type a tab in a text box
    if isinstance(widget, QDateTimeEdit):
        # Tabbing in selects the day, as for a person; Ctrl+A would select the whole date,
        # which Qt's date field then reads as one part.
        widget.clearFocus()
        focus(qtbot, widget)
        if not text:  # an empty optional field: select all, Delete
            qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    else:
        # Ctrl+A selects the whole value (of a spin box: without its suffix).
        qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(qtbot, widget, text)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if tab:
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return widget


def choose(qtbot, parent: QObject, field: str | QComboBox, text: str) -> QComboBox:
    """Pick the item shown as ``text`` in a drop-down with Home and the arrow keys."""
    combo = _widget(parent, field, QComboBox)
    items = [combo.itemText(i) for i in range(combo.count())]
    if text not in items:
        raise AssertionError(f"{text!r} is not among {items} in {combo.objectName()!r}")
    focus(qtbot, combo)
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _step in range(combo.count()):
        if combo.currentText() == text:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text, f"could not reach {text!r} with the arrow keys"
    return combo


def tick(qtbot, parent: QObject, field: str | QCheckBox, checked: bool = True) -> QCheckBox:
    """Click a check box until it shows ``checked`` (a click on a ticked box unticks it)."""
    box = _widget(parent, field, QCheckBox)
    if box.isChecked() != checked:
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked() == checked, f"{box.objectName()!r} did not change on a click"
    return box


def click(qtbot, parent: QObject, name_or_text: str) -> QAbstractButton:
    """Click the enabled button called ``name_or_text``, or showing that text (``&`` ignored)."""
    buttons = [b for b in parent.findChildren(QAbstractButton) if b.isVisible()]
    matches = [b for b in buttons if b.objectName() == name_or_text] or [
        b for b in buttons if b.text().replace("&", "") == name_or_text
    ]
    if not matches:
        shown = sorted(f"{b.objectName()}:{b.text()}" for b in buttons)
        raise AssertionError(f"no visible button {name_or_text!r}; there are {shown}")
    button = matches[0]
    assert button.isEnabled(), f"the button {name_or_text!r} is greyed out"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return button


def click_standard(
    qtbot, dialog: QWidget, which: QDialogButtonBox.StandardButton
) -> QAbstractButton:
    """Click a dialog's own Save/Cancel/Close button (their text is Qt's, not ours)."""
    for box in dialog.findChildren(QDialogButtonBox):
        button = box.button(which)
        if button is not None:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            return button
    raise AssertionError(f"{dialog!r} has no {which} button")


def press_escape(qtbot, dialog: QDialog) -> None:
    """Esc, as a coordinator leaves a dialog without saving."""
    focus(qtbot, dialog.focusWidget() or dialog)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)


def open_tab(qtbot, tabs: QTabWidget, label: str) -> None:
    """Click the tab labelled ``label``."""
    bar = tabs.tabBar()
    labels = [bar.tabText(i) for i in range(bar.count())]
    if label not in labels:
        raise AssertionError(f"no tab {label!r}; there are {labels}")
    rect = bar.tabRect(labels.index(label))
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=rect.center())
    assert tabs.currentIndex() == labels.index(label)


def _row_rect(view: QAbstractItemView, text: str, column: int) -> Any:
    model = view.model()
    for row in range(model.rowCount()):
        if model.index(row, column).data() == text:
            index = model.index(row, column)
            view.scrollTo(index)
            return view.visualRect(index)
    shown = [model.index(r, column).data() for r in range(model.rowCount())]
    raise AssertionError(f"no row {text!r} in {view.objectName()!r}; it shows {shown}")


def click_row(qtbot, view: QAbstractItemView, text: str, *, column: int = 0) -> None:
    """Click the row whose ``column`` shows ``text``."""
    rect = _row_rect(view, text, column)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def double_click_row(qtbot, view: QAbstractItemView, text: str, *, column: int = 0) -> None:
    """Double-click the row whose ``column`` shows ``text`` (opens it, where the screen allows)."""
    rect = _row_rect(view, text, column)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@contextmanager
def when_dialog_opens(
    qtbot, act: Callable[[QDialog], None], *, timeout: int = 10_000
) -> Iterator[None]:
    """Run ``act(dialog)`` on the modal dialog opened inside the block (``exec()`` blocks).

    ``act`` types and clicks as usual; when it fails, the dialog is closed so the test does not
    hang, and the failure is raised at the end of the block.
    """
    state: dict[str, Any] = {"done": False, "error": None}
    timer = QTimer()
    timer.setInterval(20)

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or not dialog.isVisible() or state["done"]:
            return
        timer.stop()
        state["done"] = True
        try:
            act(dialog)
        except BaseException as error:  # noqa: BLE001 (re-raised in the test below)
            state["error"] = error
            dialog.reject()

    timer.timeout.connect(poll)
    timer.start()
    try:
        yield
        qtbot.waitUntil(lambda: state["done"], timeout=timeout)
    finally:
        timer.stop()
        timer.timeout.disconnect(poll)
        # Deleted here, on the UI thread: left to Python's cycle collector (timer -> poll ->
        # timer), it could be freed on the worker thread, and a QTimer freed there crashes.
        shiboken6.delete(timer)
    if state["error"] is not None:
        raise state["error"]


def form_errors(dialog: QWidget) -> list[str]:
    """The refusals a form shows beside its fields (the red words), e.g. to explain a failure."""
    return [label.text() for label in dialog.findChildren(QLabel, "formError") if label.text()]


def save_and_wait_closed(qtbot, dialog: QDialog, *, timeout: int = 10_000) -> None:
    """Click Save; the dialog closes once the worker has written, or the test names the refusal."""
    click_standard(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    try:
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=timeout)
    except qtbot.TimeoutError as error:
        raise AssertionError(f"still open, it shows {form_errors(dialog)}") from error


def error_beside(parent: QWidget, field_name: str) -> str:
    """The refusal shown under field ``field_name`` ("" when none): what the coordinator reads."""
    labels = [
        label
        for label in parent.findChildren(QLabel, "formError")
        if label.accessibleName() == f"{field_name}_error"
    ]
    if not labels:
        raise AssertionError(f"no error label for {field_name!r} in {parent!r}")
    return " ".join(label.text() for label in labels if label.text())


def click_row_at(qtbot, view: QAbstractItemView, row: int) -> None:
    """Click the ``row``-th row as shown (after sorting and filtering)."""
    index = view.model().index(row, 0)
    assert index.isValid(), f"{view.objectName()!r} shows no row {row}"
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
