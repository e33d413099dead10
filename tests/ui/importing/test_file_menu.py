"""Bestand → Importeren uit Excel… opens the wizard once the file is unlocked; locking closes it."""

# ruff: noqa: F811 (pytest fixtures imported from shell_helpers)

from __future__ import annotations

from pathlib import Path

import openpyxl

from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.importing.wizard import ImportWizard
from tests.conftest import TEST_PASSPHRASE
from tests.ui.shell_helpers import controller, lock_with_keyboard, unlock_by_typing  # noqa: F401


def test_the_file_menu_opens_the_wizard_and_the_lock_closes_it(
    qtbot,
    controller,
    empty_case_path: Path,
):
    unlock_by_typing(qtbot, controller, empty_case_path, TEST_PASSPHRASE)
    window = controller.main_window
    assert window.file_menu.title() == "&Bestand"
    assert window.import_action.text() == "&Importeren uit Excel…"
    window.import_action.trigger()
    wizard = window.findChild(ImportWizard, "import_wizard")
    assert wizard is not None and wizard.isVisible()
    window.import_action.trigger()  # asked again: the same wizard, not a second one
    assert len(window.findChildren(ImportWizard)) == 1
    lock_with_keyboard(qtbot, controller)
    qtbot.waitUntil(lambda: not window.findChildren(ImportWizard), timeout=5_000)
    assert not window.import_action.isEnabled()


def test_the_template_is_saved_from_the_file_menu(
    qtbot,
    controller,
    empty_case_path: Path,
    tmp_path: Path,
):
    unlock_by_typing(qtbot, controller, empty_case_path, TEST_PASSPHRASE)
    target = tmp_path / "sjabloon.xlsx"
    prompts.set_next_answers([target, None])
    controller.main_window.template_action.trigger()
    qtbot.waitUntil(
        lambda: any(t == "Sjabloon opgeslagen" for t, _x in prompts.shown), timeout=10_000
    )
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[:3] == ["Gezinnen", "Vrijwilligers", "Lopende koppelingen"]
    assert book["Gezinnen"]["A1"].value == "Code gezin"
