"""Every dialog's base: it fits the screen it opens on, its body scrolls, its buttons stay in sight.

A dialog builds its layout as usual, with its button row (a ``QDialogButtonBox``, or a row of
buttons) last. When it is first shown, :class:`Dialog` moves everything above that row into a
scroll area and keeps the row below it, then makes the dialog no larger than the screen's
available area. On a large screen nothing changes; on a 1366×768 laptop the agreement preview
or a long intake scrolls, and *Opslaan* stays where the hand expects it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

# Room left for the window's title bar and frame, which Qt does not count in a dialog's size.
FRAME_ALLOWANCE = QSize(16, 40)


class DialogBody(QScrollArea):
    """The scrolling part of a dialog: as large as its content asks, no larger than there is room."""

    def __init__(self, content: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("dialogBody")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)

    def _bar(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        # QScrollArea caps its hint at a few dozen lines; a dialog wants its content's own size.
        hint = self.widget().sizeHint()
        return QSize(hint.width() + self._bar(), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        # As narrow as the content allows (never a sideways scroll), as low as a few lines.
        content = self.widget().minimumSizeHint()
        return QSize(content.width() + self._bar(), min(content.height(), 120))


class Dialog(QDialog):
    """A QDialog that fits the available screen: use it instead of QDialog for every dialog."""

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt's name)
        if visible and not getattr(self, "_fitted", False):
            self._fitted = True
            show_every_tab(self, available_room(self))
            fit_to_screen(self, natural_size(self))
        super().setVisible(visible)


# ---- Helpers (also for a dialog Qt makes itself)


def scroll_body(dialog: QWidget) -> DialogBody | None:
    """Put everything above the dialog's button row into a :class:`DialogBody`."""
    layout = dialog.layout()
    if layout is None or dialog.findChild(DialogBody, "dialogBody") is not None:
        return None
    tail = _button_row(layout)
    if not tail:
        return None
    margins = layout.contentsMargins()
    taken = [layout.takeAt(layout.count() - 1) for _ in range(len(tail))][::-1]
    content = QWidget()
    content.setObjectName("dialogContent")
    content.setLayout(layout)  # takes the layout, and the widgets in it, from the dialog
    layout.setContentsMargins(0, 0, 0, 0)
    body = DialogBody(content, dialog)
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(margins)
    outer.addWidget(body, 1)
    for item in taken:
        if item.widget() is not None:
            outer.addWidget(item.widget())
        elif item.layout() is not None:
            row = item.layout()
            row.setParent(None)
            outer.addLayout(row)
    return body


def show_every_tab(dialog: QWidget, room: QSize) -> None:
    """Tabs whose names fit the screen side by side all show in full: none cut to *Co…*."""
    for tabs in dialog.findChildren(QTabWidget):
        bar = tabs.tabBar()
        bar.setElideMode(Qt.TextElideMode.ElideNone)
        needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
        if needed + 60 <= room.width():  # else the arrows stay: better than a dialog too wide
            tabs.setUsesScrollButtons(False)


def natural_size(dialog: QWidget) -> QSize:
    """The size the dialog would open at without a screen's limits (before its body scrolls)."""
    wanted = dialog.size() if dialog.testAttribute(Qt.WidgetAttribute.WA_Resized) else None
    return (wanted or dialog.sizeHint()).expandedTo(dialog.minimumSizeHint())


def fit_to_screen(dialog: QWidget, natural: QSize | None = None) -> None:
    """Scroll the body and make the dialog no larger than the available screen, less its frame."""
    natural = natural or natural_size(dialog)
    scroll_body(dialog)
    room = available_room(dialog)
    dialog.resize(min(natural.width(), room.width()), min(natural.height(), room.height()))


def grow_to_show(widget: QWidget) -> None:
    """``widget`` just appeared in a dialog's body (a warning above the buttons): the dialog
    grows to hold it, within the screen, and its body scrolls it into sight."""
    dialog = widget.window()
    content = dialog.findChild(QWidget, "dialogContent")
    if content is not None and content.layout() is not None:
        content.layout().activate()
    room = available_room(dialog)
    wanted = dialog.sizeHint().expandedTo(dialog.size())
    dialog.resize(min(wanted.width(), room.width()), min(wanted.height(), room.height()))
    body = dialog.findChild(DialogBody, "dialogBody")
    if body is not None:  # once the new size is laid out
        QTimer.singleShot(0, body, lambda: body.ensureWidgetVisible(widget))


def available_room(dialog: QWidget) -> QSize:
    """The room a dialog has on its parent's screen: the available area less a window frame."""
    anchor = dialog.parentWidget().window() if dialog.parentWidget() is not None else dialog
    screen = QWidget.screen(anchor) or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() - FRAME_ALLOWANCE


def _button_row(layout: QLayout) -> list[QLayoutItem]:
    """The trailing items of ``layout`` that hold only buttons (the dialog's button row)."""
    if not isinstance(layout, QBoxLayout):
        return []
    tail = []
    for index in range(layout.count() - 1, 0, -1):
        item = layout.itemAt(index)
        if not _only_buttons(item):
            break
        tail.append(item)
    return tail


def _only_buttons(item: QLayoutItem) -> bool:
    widget = item.widget()
    if widget is not None:
        return isinstance(widget, (QDialogButtonBox, QAbstractButton)) and not widget.isHidden()
    inner = item.layout()
    if inner is None:
        return False
    kinds = [inner.itemAt(i) for i in range(inner.count())]
    widgets = [k.widget() for k in kinds if k.widget() is not None]
    return (
        bool(widgets)
        and all(isinstance(w, (QDialogButtonBox, QAbstractButton)) for w in widgets)
        and all(k.widget() is not None or k.spacerItem() is not None for k in kinds)
    )
