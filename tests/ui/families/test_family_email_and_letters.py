"""The family's e-mail typed at the intake, and the letters to the referrer from the family file:
the end letter of a trajectory closed long ago, in the language the coordinator chooses."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from homestart_desktop.data.families.file import load_family
from homestart_desktop.data.models import Family, Referral, ReferrerCategory, TrajectoryStatus
from homestart_desktop.data.planning.referrer_letters import LetterKind, referrer_informed_on
from homestart_desktop.data.privacy.consent import follow_referral
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.document_preview import DocumentPreview
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.families.file import FamilyFileDialog
from tests.builders import matched_pair
from tests.clock import TEST_TODAY
from tests.ui.families.test_families import WAITING_LIST, _register, _type, screen  # noqa: F401
from tests.ui.typing_helpers import choose, error_beside


def test_the_familys_email_is_checked_kept_and_shown(qtbot, screen, empty_case_file):  # noqa: F811
    file_dialog = _register(qtbot, screen)
    qtbot.mouseClick(file_dialog.buttons["intake"], Qt.MouseButton.LeftButton)
    intake = file_dialog.child_dialog
    choose(qtbot, intake, "outcome", WAITING_LIST)
    _type(qtbot, intake, "email", "ozlem.yilmaz-at-example.be")
    with qtbot.waitSignal(intake.sig_refused, timeout=10_000):
        qtbot.mouseClick(intake.save_button, Qt.MouseButton.LeftButton)
    assert error_beside(intake, "email").startswith("Dit is geen e-mailadres")
    intake.email.clear()
    _type(qtbot, intake, "email", "ozlem.yilmaz@example.be")
    with (
        qtbot.waitSignal(intake.sig_saved, timeout=10_000),
        qtbot.waitSignal(file_dialog.sig_loaded, timeout=10_000),
    ):
        qtbot.mouseClick(intake.save_button, Qt.MouseButton.LeftButton)
    household = file_dialog.tabs.widget(0).widget()  # the Household tab as it shows now
    assert household.objectName() == "householdPage"
    shown = [label.text() for label in household.findChildren(QLabel)]
    assert "ozlem.yilmaz@example.be" in shown
    assert "Nederlands" in shown  # the language for letters and forms
    with empty_case_file.session() as session:
        file = load_family(session=session, family_id=file_dialog.family_id, today=TEST_TODAY)
    assert file.family.email == "ozlem.yilmaz@example.be"


def _closed_trajectory(case_file) -> tuple[int, int]:
    """A family whose support ended a month ago and who agreed the referrer is told."""
    with case_file.session() as session:
        family = Family(reference="GZ-2026-031", postcode="9000")
        trajectory = matched_pair(
            session,
            family=family,
            volunteer="VW-2026-004",
            start_on=dt.date(2026, 1, 6),
            status=TrajectoryStatus.closed,
        )
        trajectory.ended_on = TEST_TODAY - dt.timedelta(days=30)
        session.add(
            Referral(
                family_id=family.id,
                referred_on=dt.date(2025, 11, 20),
                category=ReferrerCategory.ocmw,
                organisation="OCMW Gent",
                contact="Hanna Claes",
                inform_referrer=True,
            )
        )
        # Consent is a record since migration 0009: the referral's tick alone is not enough.
        follow_referral(
            session=session,
            family_id=family.id,
            agrees=True,
            on=dt.date(2025, 11, 20),
            today=dt.date(2025, 11, 20),
        )
        return family.id, trajectory.id


def _preview() -> DocumentPreview | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentPreview)), None)


def test_the_end_letter_of_a_closed_trajectory_from_the_family_file_in_french(
    qtbot, empty_case_file
):
    family_id, trajectory_id = _closed_trajectory(empty_case_file)
    prompts.clear_answers()
    ops = Ops()
    ops.case_file = empty_case_file
    dialog = FamilyFileDialog(ops, family_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.letter.isVisible() and dialog.letter.isEnabled(), timeout=10_000)
    menu = dialog.letter_menu
    assert dialog.letter.text() == "Brief aan de verwijzer"
    assert menu.ended.isEnabled() and menu.ended.text() == "Ondersteuning afgelopen…"
    # The branch writes in Dutch: ticked first, named as the branch's; the referrer reads French.
    assert menu.language_actions["nl"].isChecked()
    assert menu.language_actions["nl"].text() == "Nederlands (de taal van de werking)"
    menu.language_actions["fr"].trigger()
    menu.ended.trigger()
    qtbot.waitUntil(lambda: _preview() is not None and _preview().isVisible(), timeout=10_000)
    preview = _preview()
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(preview.pdf)).pages)
    assert "a pris fin le" in " ".join(text.split()) and "OCMW Gent" in text
    prompts.set_next_answers([True])  # "Did the letter go out?" yes
    preview.reject()

    def informed() -> dict:
        with empty_case_file.session() as session:
            return referrer_informed_on(session=session, trajectory_id=trajectory_id)

    qtbot.waitUntil(lambda: informed() == {LetterKind.end: TEST_TODAY}, timeout=10_000)
    qtbot.waitUntil(lambda: "verstuurd op 17/06/2026" in menu.ended.text(), timeout=10_000)
    ops.wait_idle()
    ops.shutdown()


def test_a_language_ticked_stays_ticked_when_the_menu_opens_again(qtbot, empty_case_file):
    family_id, _trajectory_id = _closed_trajectory(empty_case_file)
    ops = Ops()
    ops.case_file = empty_case_file
    dialog = FamilyFileDialog(ops, family_id)
    qtbot.addWidget(dialog)
    dialog.show()
    menu = dialog.letter_menu
    qtbot.waitUntil(lambda: menu.facts is not None, timeout=10_000)
    menu.language_actions["en"].trigger()
    first = menu.facts
    dialog.reload()  # the facts are read again (after a change, or the menu opening)
    qtbot.waitUntil(lambda: menu.facts is not first, timeout=10_000)
    assert menu.language() == "en"
    ops.wait_idle()
    ops.shutdown()
