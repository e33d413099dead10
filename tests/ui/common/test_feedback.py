"""After Save and after Save as PDF, the status bar says it went through, in a few words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.document_preview import DocumentPreview
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.families.screen import FamiliesScreen
from tests.ui.families.test_families import _register


@pytest.fixture
def window(qtbot, empty_case_file):
    prompts.clear_answers()
    ops = Ops()
    ops.case_file = empty_case_file
    main = QMainWindow()
    qtbot.addWidget(main)
    screen = FamiliesScreen(ops)
    main.setCentralWidget(screen)
    main.resize(1200, 720)
    main.show()
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        screen.reload()
    yield main
    ops.wait_idle()
    ops.shutdown()
    prompts.clear_answers()


def test_saving_a_referral_says_saved_and_saving_a_pdf_says_where(qtbot, window, tmp_path):
    assert window.statusBar().currentMessage() == ""
    file_dialog = _register(qtbot, window.centralWidget())
    assert window.statusBar().currentMessage() == "Opgeslagen."

    action = next(a for a in file_dialog.print_menu.actions() if a.objectName() == "print_nl")
    action.trigger()
    qtbot.waitUntil(lambda: isinstance(file_dialog.child_dialog, DocumentPreview), timeout=10_000)
    target = tmp_path / "formulier.pdf"
    prompts.set_next_answers([target])
    qtbot.mouseClick(file_dialog.child_dialog.save_button, Qt.MouseButton.LeftButton)
    assert target.exists()
    assert window.statusBar().currentMessage() == f"Bewaard in {target}"
