"""The intake's matching wishes say what experience the family's situation asks of a volunteer;
the family file shows it, and Matching reads it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from homestart_desktop.data.families.file import load_family
from homestart_desktop.data.families.referrals import ReferralIn, register_referral
from homestart_desktop.data.matching import candidates
from homestart_desktop.data.models import FamilyStatus, ReferrerCategory
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.families.intake_dialog import IntakeDialog
from homestart_desktop.ui.families.screen import FamiliesScreen
from tests.clock import TEST_TODAY
from tests.ui.typing_helpers import choose, open_tab, tick, type_into

TODAY = TEST_TODAY


@pytest.fixture
def screen(qtbot, empty_case_file):
    prompts.clear_answers()
    ops = Ops()
    ops.case_file = empty_case_file
    widget = FamiliesScreen(ops)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    yield widget
    ops.wait_idle()
    ops.shutdown()
    prompts.clear_answers()


def test_intake_asks_for_experience_with_teenagers_and_single_fathers(
    qtbot, screen, empty_case_file
):
    with empty_case_file.session() as session:
        saved = register_referral(
            session=session,
            referral=ReferralIn(TODAY, ReferrerCategory.ocmw, "Tom", "Claes", postcode="9000"),
            today=TODAY,
        )
    screen.open_family(saved.family_id)
    file_dialog = screen.dialog
    qtbot.waitUntil(lambda: file_dialog.file is not None, timeout=10_000)
    qtbot.mouseClick(file_dialog.buttons["intake"], Qt.MouseButton.LeftButton)
    intake = file_dialog.child_dialog
    assert isinstance(intake, IntakeDialog)
    choose(qtbot, intake, "outcome", "Aanvaard: op de wachtlijst")
    type_into(qtbot, intake, "coordinator", "An Peeters")
    open_tab(qtbot, intake.tabs, "Praktisch")
    assert intake.experience.boxes["teenagers"].text() == "Tieners"
    tick(qtbot, intake, "wishedExperience_teenagers")
    tick(qtbot, intake, "wishedExperience_single_fathers")
    with (
        qtbot.waitSignal(intake.sig_saved, timeout=10_000),
        qtbot.waitSignal(file_dialog.sig_loaded, timeout=10_000),
    ):
        qtbot.mouseClick(intake.save_button, Qt.MouseButton.LeftButton)

    with empty_case_file.session() as session:
        family = load_family(session=session, family_id=saved.family_id, today=TODAY).family
        facts = candidates.load_matching_input(session=session, today=TODAY).families
    assert family.status == FamilyStatus.waiting
    assert set(family.wished_experience) == {"teenagers", "single_fathers"}
    assert {"teenagers", "single_fathers"} <= facts[0].needs
    practical = file_dialog.findChild(QWidget, "practicalPage")
    assert practical is not None
    shown = " ".join(label.text() for label in practical.findChildren(QLabel))
    assert "Tieners, Alleenstaande vaders" in shown
