"""A new referral's letters go out in the branch's language, not in the language the app shows."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from homestart_desktop.data.settings import load_settings, save_settings
from homestart_desktop.i18n import set_language
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.families.referral_dialog import ReferralDialog
from homestart_desktop.ui.families.screen import FamiliesScreen


def _new_referral(qtbot, case_file) -> ReferralDialog:
    ops = Ops()
    ops.case_file = case_file
    screen = FamiliesScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        screen.reload()
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    assert isinstance(dialog, ReferralDialog)
    ops.wait_idle()
    qtbot.wait(50)  # the settings arrive from the worker
    return dialog


def test_app_in_french_still_writes_letters_in_the_branch_language(qtbot, empty_case_file):
    set_language("fr")
    dialog = _new_referral(qtbot, empty_case_file)
    assert dialog.language.currentData() == "nl"
    assert dialog.language.currentText() == "Nederlands"
    dialog.reject()


def test_a_french_speaking_branch_gets_french_letters_in_a_dutch_app(qtbot, empty_case_file):
    with empty_case_file.session() as session:
        settings = load_settings(session=session)
        save_settings(session=session, settings=dataclasses.replace(settings, language="fr"))
        session.commit()
    dialog = _new_referral(qtbot, empty_case_file)
    qtbot.waitUntil(lambda: dialog.language.currentData() == "fr", timeout=5_000)
    assert not dialog.isWindowModified()
    dialog.reject()
