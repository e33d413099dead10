"""The unlock and new-file windows warn when the case file lives in a cloud-synced folder (or on
a network share), say why in words, and stop warning for that file once told to."""

# ruff: noqa: F811 (pytest fixtures imported from shell_helpers)

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.shell.new_case_file import NewCaseFileDialog
from homestart_desktop.ui.shell.unlock import UnlockWindow
from tests.conftest import TEST_PASSPHRASE
from tests.ui.shell_helpers import controller, unlock_by_typing  # noqa: F401


def _shot(widget, name: str) -> None:
    """Save what the screen shows when HOMESTART_SHOTS names a folder (to look at by eye)."""
    if os.environ.get("HOMESTART_SHOTS"):
        QApplication.processEvents()  # let the layout settle first
        widget.grab().save(os.path.join(os.environ["HOMESTART_SHOTS"], name))


def test_the_unlock_window_warns_about_a_synced_folder_until_told_not_to(
    qtbot, controller, empty_case_path: Path, tmp_path: Path
) -> None:
    synced = tmp_path / "OneDrive - Home-Start Vlaanderen" / "Documenten" / "Gent.hscase"
    synced.parent.mkdir(parents=True)
    shutil.copyfile(empty_case_path, synced)
    window = controller.unlock_window
    warning = window.place_warning
    window.set_path(empty_case_path)
    assert not warning.isVisible()  # a folder on the laptop's own disk

    prompts.set_next_answers([synced])
    qtbot.mouseClick(window.browse, Qt.MouseButton.LeftButton)
    assert warning.isVisible()
    assert warning.title.text() == "Geen veilige plek voor het dossierbestand"
    assert "OneDrive synchroniseert deze map" in warning.text.text()
    assert "eigen schijf van deze laptop" in warning.text.text()
    _shot(window, "unlock-place-warning.png")
    window.sig_language.emit("fr")
    qtbot.waitUntil(lambda: "OneDrive synchronise" in warning.text.text(), timeout=5_000)
    _shot(window, "unlock-place-warning-fr.png")
    window.sig_language.emit("nl")
    qtbot.waitUntil(lambda: "synchroniseert" in warning.text.text(), timeout=5_000)

    # Read, and the coordinator keeps it there for now: the file still opens.
    warning.dont_warn.click()
    assert warning.dont_warn.isChecked() and warning.isVisible()
    unlock_by_typing(qtbot, controller, synced, TEST_PASSPHRASE)

    again = UnlockWindow()
    qtbot.addWidget(again)
    again.set_path(synced)
    again.show()
    assert not again.place_warning.isVisible()
    other = synced.with_name("Brugge.hscase")
    again.set_path(other)
    assert again.place_warning.isVisible()  # the choice holds for that one file only


def test_the_new_file_window_warns_when_the_chosen_folder_is_synced(
    qtbot, controller, tmp_path: Path
) -> None:
    dialog = NewCaseFileDialog(controller.ops, controller.unlock_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.branch_name, "Home-Start Brugge")
    (tmp_path / "Dropbox").mkdir()
    prompts.set_next_answers([tmp_path / "Dropbox" / "Brugge.hscase"])
    qtbot.mouseClick(
        dialog.findChild(type(dialog.create_button), "choose_location"), Qt.MouseButton.LeftButton
    )
    assert dialog.place_warning.isVisible()
    assert "Dropbox synchroniseert deze map" in dialog.place_warning.text.text()
    _shot(dialog, "new-file-place-warning.png")
    prompts.set_next_answers([tmp_path / "Brugge.hscase"])
    qtbot.mouseClick(
        dialog.findChild(type(dialog.create_button), "choose_location"), Qt.MouseButton.LeftButton
    )
    assert not dialog.place_warning.isVisible()
