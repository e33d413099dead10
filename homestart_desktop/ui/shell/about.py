"""*Help → About Home-Start Desktop*: what is installed, and where its files are.

A coordinator who calls the helpdesk reads the version from here; the helpdesk asks for the log,
and this says where it is. Nothing personal shows: the case file's place is the coordinator's own
choice, the other places are the user's folders.
"""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop import RESOURCES_DIR, __version__
from homestart_desktop.i18n import _
from homestart_desktop.logs import log_dir
from homestart_desktop.ui.common.dialog import Dialog
from homestart_desktop.ui.common.window_place import app_settings

LICENCE = "EUPL-1.2"
ICON_SIZE = 96


class AboutDialog(Dialog):
    """The app's icon, name, version and licence, and the places of its files."""

    def __init__(self, parent: QWidget | None, case_file: Path | None) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(_("About Home-Start Desktop"))

        icon = QLabel(objectName="about_icon")
        icon.setPixmap(
            QIcon(str(RESOURCES_DIR / "icons" / "homestart-256.png")).pixmap(ICON_SIZE, ICON_SIZE)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        name = QLabel(_("Home-Start Desktop"), objectName="about_name")
        name.setStyleSheet("font-size: 18pt; font-weight: 600;")
        version = QLabel(_("Version {version}").format(version=__version__))
        version.setObjectName("about_version")
        purpose = QLabel(_("The case file of a Home-Start Vlaanderen branch."))
        licence = QLabel(_("Free software under the licence {licence}.").format(licence=LICENCE))
        licence.setObjectName("about_licence")
        titles = QVBoxLayout()
        for label in (name, version, purpose, licence):
            titles.addWidget(label)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addSpacing(16)
        top.addLayout(titles, 1)

        places = QFormLayout()
        places.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        rows = [
            ("about_case_file", _("Case file"), str(case_file) if case_file else _("none open")),
            ("about_logs", _("Log files"), str(log_dir())),
            ("about_settings", _("Settings of this computer"), app_settings().fileName()),
            (
                "about_qt",
                _("Made with"),
                f"Qt {qVersion()} · PySide6 {PySide6.__version__} · "
                f"Python {platform.python_version()}",
            ),
        ]
        for object_name, title, value in rows:
            shown = QLabel(value, objectName=object_name)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)  # a deep folder breaks over lines instead of widening
            places.addRow(title, shown)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addSpacing(12)
        column.addLayout(places)
        column.addStretch(1)
        column.addWidget(buttons)
        self.setMinimumWidth(520)


# ---- Public API


def show_about(parent: QWidget, case_file: Path | None) -> AboutDialog:
    """Open the About window over ``parent`` (window-modal, so the caller goes on at once)."""
    dialog = AboutDialog(parent, case_file)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
