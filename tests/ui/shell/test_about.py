"""*Help → Over Home-Start Desktop* and the title: the version a coordinator reads to the helpdesk."""

from __future__ import annotations

import platform

import pytest
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMenu

from homestart_desktop import __version__
from homestart_desktop.i18n import set_language
from homestart_desktop.logs import log_dir
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.window_place import app_settings
from homestart_desktop.ui.shell.about import AboutDialog
from homestart_desktop.ui.shell.main_window import MainWindow
from tests.ui.typing_helpers import click_standard


@pytest.fixture
def window(qtbot, demo_case_file):
    ops = Ops()
    ops.case_file = demo_case_file
    main = MainWindow(ops)
    qtbot.addWidget(main)
    main.show()
    yield main
    ops.shutdown()


def _menu(main: MainWindow, title: str) -> QMenu:
    titles = [action.text() for action in main.menuBar().actions()]
    for action in main.menuBar().actions():
        if action.text() == title:
            return action.menu()
    raise AssertionError(f"no menu {title!r} in {titles}")


def _open_about(qtbot, main: MainWindow, menu_title: str, item: str) -> AboutDialog:
    menu = _menu(main, menu_title)
    (action,) = [a for a in menu.actions() if a.text() == item]
    action.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AboutDialog))
    return QApplication.activeModalWidget()


def _shown(dialog: AboutDialog, name: str) -> str:
    return dialog.findChild(QLabel, name).text()


def test_the_title_names_the_branch_the_app_and_its_version(window) -> None:
    window.set_branch_name("Gent")
    assert window.windowTitle() == f"Gent — Home-Start Desktop {__version__}"


def test_over_shows_the_version_licence_and_where_the_files_are(
    qtbot, window, demo_case_file
) -> None:
    about = _open_about(qtbot, window, "&Help", "&Over Home-Start Desktop…")
    assert about.windowTitle() == "Over Home-Start Desktop"
    assert _shown(about, "about_version") == f"Versie {__version__}"
    assert __version__ not in ("", "0+unknown")
    assert "EUPL-1.2" in _shown(about, "about_licence")
    assert _shown(about, "about_case_file") == str(demo_case_file.path)
    assert _shown(about, "about_logs") == str(log_dir())
    assert _shown(about, "about_settings") == app_settings().fileName()
    made_with = _shown(about, "about_qt")
    assert f"Qt {qVersion()}" in made_with
    assert f"Python {platform.python_version()}" in made_with
    assert not about.findChild(QLabel, "about_icon").pixmap().isNull()

    click_standard(qtbot, about, QDialogButtonBox.StandardButton.Close)
    qtbot.waitUntil(lambda: not about.isVisible())


def test_a_propos_in_french(qtbot, window) -> None:
    set_language("fr")
    window.rebuild()  # what a language change in Settings does
    about = _open_about(qtbot, window, "&Aide", "À &propos de Home-Start Desktop…")
    assert about.windowTitle() == "À propos de Home-Start Desktop"
    assert _shown(about, "about_version") == f"Version {__version__}"
    about.reject()
