"""The family's consent, typed like a coordinator: at the intake, and a withdrawal in its file."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from PySide6.QtWidgets import QCheckBox, QLabel, QTableView

from homestart_desktop.data.families.referrals import register_referral
from homestart_desktop.data.models import ConsentItem, Family
from homestart_desktop.data.planning.referrer_letters import LetterKind, referrer_letter
from homestart_desktop.data.privacy.consent import family_consent
from homestart_desktop.data.settings import load_settings, save_settings
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.families.consent_dialog import ConsentDialog
from homestart_desktop.ui.families.file import FamilyFileDialog
from homestart_desktop.ui.families.intake_dialog import IntakeDialog
from tests.builders import matched_pair
from tests.clock import TEST_TODAY
from tests.data.families.test_referrals import referral
from tests.ui.typing_helpers import (
    choose,
    click,
    error_beside,
    find,
    open_tab,
    save_and_wait_closed,
    tick,
    type_into,
)

TODAY = TEST_TODAY
REFERRED = dt.date(2026, 2, 2)
SHOTS = os.environ.get("HOMESTART_SHOTS")


@pytest.fixture
def file_dialog(qtbot, empty_case_file):
    with empty_case_file.session() as session:
        settings = load_settings(session=session)
        save_settings(
            session=session,
            settings=settings.replace(
                privacy_statements=(
                    {"version": "1", "dated": "2018-05-25"},
                    {"version": "2026-1", "dated": "2026-01-15"},
                )
            ),
        )
        family_id = register_referral(
            session=session, referral=referral(), today=REFERRED
        ).family_id
    ops = Ops()
    ops.case_file = empty_case_file
    dialog = FamilyFileDialog(ops, family_id, today=TODAY)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_loaded, timeout=10_000):
        dialog.show()
    qtbot.waitUntil(lambda: dialog.file is not None, timeout=10_000)
    yield dialog
    ops.wait_idle()
    ops.shutdown()


def _record(case_file, family_id: int):
    with case_file.session() as session:
        return family_consent(session=session, family_id=family_id)


def test_the_intake_records_the_signed_version_and_a_no_to_the_referrer(
    qtbot, file_dialog, empty_case_file
) -> None:
    click(qtbot, file_dialog, "intakeButton")
    intake = file_dialog.child_dialog
    assert isinstance(intake, IntakeDialog)
    assert find(intake, "inform_referrer", QCheckBox).isChecked()  # as the referral said
    assert intake.statement_version.currentText() == "versie 2026-1 van 15/01/2026"  # newest
    type_into(qtbot, intake, "done_on", dt.date(2026, 2, 20))
    choose(qtbot, intake, "outcome", "Aanvaard: op de wachtlijst")
    choose(qtbot, intake, "statement_version", "versie 1 van 25/05/2018")
    type_into(qtbot, intake, "statement_signed_on", dt.date(2026, 1, 20))  # before the referral
    tick(qtbot, intake, "inform_referrer", False)
    with qtbot.waitSignal(intake.sig_refused, timeout=10_000):
        click(qtbot, intake, "save")
    assert "vóór de aanmelding" in error_beside(intake, "statement_signed_on")
    type_into(qtbot, intake, "statement_signed_on", dt.date(2026, 2, 20))
    with qtbot.waitSignal(file_dialog.sig_loaded, timeout=10_000):
        save_and_wait_closed(qtbot, intake)
    record = _record(empty_case_file, file_dialog.family_id)
    assert [(s.item, s.given, s.on) for s in record.history] == [
        (ConsentItem.inform_referrer, True, REFERRED),  # the referral allowed it
        (ConsentItem.privacy_statement, True, dt.date(2026, 2, 20)),
        (ConsentItem.inform_referrer, False, dt.date(2026, 2, 20)),  # the intake said no
    ]
    assert (record.statement.statement_version, record.statement.statement_dated) == (
        "1",
        dt.date(2018, 5, 25),
    )
    open_tab(qtbot, file_dialog.tabs, "Toestemming")
    texts = " ".join(
        label.text() for label in file_dialog.tabs.currentWidget().findChildren(QLabel)
    )
    assert "versie 1 van 25/05/2018, getekend op 20/02/2026" in texts
    assert "ingetrokken op 20/02/2026" in texts


def test_a_withdrawal_in_the_file_stops_the_letter_and_keeps_the_history(
    qtbot, file_dialog, empty_case_file
) -> None:
    family_id = file_dialog.family_id
    with empty_case_file.session() as session:
        family = session.get(Family, family_id)
        trajectory_id = matched_pair(
            session, family=family, volunteer="VW-2026-001", start_on=dt.date(2026, 3, 2)
        ).id
    open_tab(qtbot, file_dialog.tabs, "Toestemming")
    click(qtbot, file_dialog, "Toestemming wijzigen…")
    dialog = file_dialog.child_dialog
    assert isinstance(dialog, ConsentDialog)
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "consent-dialog.png"))
    assert not dialog.inform_referrer_on.isEnabled()  # no change yet, no date to give
    tick(qtbot, dialog, "inform_referrer", False)
    assert dialog.inform_referrer_on.isEnabled()
    type_into(qtbot, dialog, "inform_referrer_on", dt.date(2026, 6, 1))
    with qtbot.waitSignal(file_dialog.sig_loaded, timeout=10_000):
        save_and_wait_closed(qtbot, dialog)
    record = _record(empty_case_file, family_id)
    assert [(s.given, s.on) for s in record.history] == [
        (True, REFERRED),
        (False, dt.date(2026, 6, 1)),
    ]
    page = file_dialog.tabs.currentWidget()  # the file, reloaded, still on its consent tab
    if SHOTS:
        file_dialog.resize(1366, 768)
        file_dialog.grab().save(os.path.join(SHOTS, "family-file-consent.png"))
    assert page.objectName() == "consentPage"
    assert find(page, "consentHistory", QTableView).model().rowCount() == 2
    shown = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "ingetrokken op 01/06/2026: de verwijzer hoort niets meer" in shown
    with pytest.raises(ValidationError) as refused, empty_case_file.session() as session:
        referrer_letter(
            session=session, trajectory_id=trajectory_id, kind=LetterKind.start, today=TODAY
        )
    assert "01/06/2026" in refused.value.problems["inform_referrer"]


def test_a_withdrawal_before_the_agreement_is_refused_beside_its_date(
    qtbot, file_dialog, empty_case_file
) -> None:
    open_tab(qtbot, file_dialog.tabs, "Toestemming")
    click(qtbot, file_dialog, "consentButton")
    dialog = file_dialog.child_dialog
    tick(qtbot, dialog, "inform_referrer", False)
    type_into(qtbot, dialog, "inform_referrer_on", dt.date(2026, 1, 10))
    with qtbot.waitSignal(dialog.sig_refused, timeout=10_000):
        click(qtbot, dialog, "save")
    assert "02/02/2026" in error_beside(dialog, "inform_referrer_on")
    assert _record(empty_case_file, file_dialog.family_id).agrees(ConsentItem.inform_referrer)
