"""A coordinator puts a family marked *not started* back on the waiting list from its file."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from homestart_desktop.data.families.intake import ChildIn, record_intake
from homestart_desktop.data.families.referrals import register_referral
from homestart_desktop.data.models import FamilyStatus, IntakeOutcome
from homestart_desktop.i18n import format_days, format_short_date
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.families.file import FamilyFileDialog
from homestart_desktop.ui.families.status_dialogs import BackOnListDialog
from tests.clock import TEST_TODAY
from tests.data.families.test_referrals import intake, referral
from tests.ui.typing_helpers import click, error_beside, save_and_wait_closed, tick, type_into

TODAY = TEST_TODAY
REFERRED, INTAKE_DONE = dt.date(2026, 2, 2), dt.date(2026, 2, 20)
BACK = TODAY - dt.timedelta(days=10)
SHOTS = os.environ.get("HOMESTART_SHOTS")  # a folder: save the dialog as the coordinator sees it


@pytest.fixture
def file_dialog(qtbot, empty_case_file):
    with empty_case_file.session() as session:
        family_id = register_referral(session=session, referral=referral(), today=TODAY).family_id
        record_intake(
            session=session,
            family_id=family_id,
            intake=intake(
                outcome=IntakeOutcome.family_declines,
                outcome_reason="nog niet",
                children=(ChildIn("Elif", dt.date(2022, 5, 1)),),
            ),
            today=TODAY,
        )
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


def _open(qtbot, file_dialog: FamilyFileDialog) -> BackOnListDialog:
    assert file_dialog.file.family.status == FamilyStatus.not_started
    click(qtbot, file_dialog, "Terug op de wachtlijst…")
    back = file_dialog.child_dialog
    assert isinstance(back, BackOnListDialog) and back.isVisible()
    return back


def test_back_on_the_list_keeps_the_family_s_place(qtbot, file_dialog) -> None:
    back = _open(qtbot, file_dialog)
    if SHOTS:
        back.resize(1366 // 2, back.sizeHint().height())
        file_dialog.resize(1366, 768)
        file_dialog.grab().save(os.path.join(SHOTS, "family-file-not-started.png"))
        back.grab().save(os.path.join(SHOTS, "back-on-list-dialog.png"))
    with qtbot.waitSignal(back.sig_refused, timeout=10_000):  # no reason typed
        click(qtbot, back, "save")
    assert error_beside(back, "reason") == "Vul dit in."
    if SHOTS:
        back.grab().save(os.path.join(SHOTS, "back-on-list-dialog-refused.png"))
    type_into(qtbot, back, "on", BACK)
    type_into(qtbot, back, "reason", "Mama belde terug")
    with qtbot.waitSignal(file_dialog.sig_loaded, timeout=10_000):
        save_and_wait_closed(qtbot, back)
    file = file_dialog.file
    assert file.family.status == FamilyStatus.waiting
    assert (file.waiting_since, file.waiting_days) == (REFERRED, (TODAY - REFERRED).days)
    summary = file_dialog.summary.text()
    assert "wachtlijst" in summary and format_days((TODAY - REFERRED).days) in summary
    timeline = file_dialog.timeline.model
    newest = max((timeline.record(r) for r in range(timeline.rowCount())), key=lambda step: step.on)
    assert (newest.on, newest.to_status, newest.reason) == (
        BACK,
        FamilyStatus.waiting,
        "Mama belde terug",
    )
    assert not file_dialog.buttons["back"].isVisibleTo(file_dialog)


def test_a_wait_that_starts_over_counts_from_the_day_typed(qtbot, file_dialog) -> None:
    back = _open(qtbot, file_dialog)
    type_into(qtbot, back, "on", BACK)
    type_into(qtbot, back, "reason", "Nieuwe hulpvraag")
    tick(qtbot, back, "starts_over")
    assert back.starts_over.text() == "De wachttijd begint opnieuw vanaf deze datum"
    if SHOTS:
        back.grab().save(os.path.join(SHOTS, "back-on-list-dialog-starts-over.png"))
    with qtbot.waitSignal(file_dialog.sig_loaded, timeout=10_000):
        save_and_wait_closed(qtbot, back)
    file = file_dialog.file
    assert (file.waiting_since, file.waiting_days) == (BACK, 10)
    assert format_short_date(BACK) in file_dialog.summary.text()


def test_a_date_before_the_family_was_marked_not_started_is_refused(qtbot, file_dialog) -> None:
    back = _open(qtbot, file_dialog)
    type_into(qtbot, back, "on", INTAKE_DONE - dt.timedelta(days=3))
    type_into(qtbot, back, "reason", "terug")
    with qtbot.waitSignal(back.sig_refused, timeout=10_000):
        click(qtbot, back, "save")
    assert error_beside(back, "on") == "Dat is vóór het gezin op ‘niet gestart’ werd gezet."
    assert file_dialog.file.family.status == FamilyStatus.not_started
