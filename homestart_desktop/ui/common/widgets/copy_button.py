"""*Kopiëren* beside a phone number, an e-mail address or an address: copied the guarded way.

The coordinator copies a family's number to call it from a softphone, or an address for a
route planner; :mod:`ui.common.clipboard` marks the copy secret and takes it away after 30 s.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QToolButton, QWidget

from homestart_desktop.i18n import _
from homestart_desktop.ui.common import icons, theme
from homestart_desktop.ui.common.clipboard import copy_private


def copy_action(parent: QWidget, text: Callable[[], str], *, object_name: str) -> QAction:
    """An action *Kopiëren* that copies ``text()`` (empty: nothing is copied)."""
    action = QAction(icons.icon("mdi6.content-copy", color=theme.MUTED), _("Copy"), parent)
    action.setObjectName(object_name)
    action.setToolTip(_("Copy (cleared from the clipboard after 30 seconds)"))
    action.triggered.connect(lambda: copy_private(text().strip()))
    return action


def add_copy_to_field(field: QLineEdit) -> QAction:
    """A copy button inside ``field``, at its end (objectName ``<field>_copy``)."""
    action = copy_action(field, field.text, object_name=f"{field.objectName()}_copy")
    field.addAction(action, QLineEdit.ActionPosition.TrailingPosition)
    return action


def copyable_text(label: QLabel, *, object_name: str) -> QWidget:
    """``label`` with a *Kopiëren* button beside it and in its context menu."""
    box = QWidget(label.parentWidget())
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    action = copy_action(box, label.text, object_name=f"{object_name}_copy")
    button = QToolButton(box, objectName=f"{object_name}_copy")
    button.setDefaultAction(action)
    button.setAutoRaise(True)
    label.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    label.addAction(action)
    label.setWordWrap(False)  # a phone number or an address is one line: the button follows it
    label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
    row.addWidget(label)
    row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)  # right behind the text it copies
    row.addStretch(1)
    return box
