"""Cancel means cancel. The volunteer's file holds parts that are saved at once (expense lines, a
status step, coaching talks): it has no *Annuleren* that could not undo them, but *Sluiten*, and
its expenses say that each line is saved at once. What waits for *Opslaan* (the identity, the
onboarding ticks) still asks before it is thrown away, and a status step never wipes it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton
from sqlmodel import select

from homestart_desktop.data.models import Expense, ExpenseRegime, Volunteer, VolunteerStatus
from homestart_desktop.data.volunteers.expenses import set_regime
from homestart_desktop.data.volunteers.register import VolunteerIn, add_volunteer
from homestart_desktop.i18n import _
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.number_edit import NumberEdit
from homestart_desktop.ui.volunteers.screen import VolunteersScreen
from tests.clock import TEST_TODAY


@pytest.fixture
def dialog(qtbot, empty_case_file):
    with empty_case_file.session() as session:
        saved = add_volunteer(
            session=session, volunteer_in=VolunteerIn(first_name="Jef"), today=TEST_TODAY
        )
        set_regime(
            session=session,
            volunteer_id=saved.id,
            year=TEST_TODAY.year,
            regime=ExpenseRegime.actual_costs,
        )
    ops = Ops()
    ops.case_file = empty_case_file
    screen = VolunteersScreen(ops)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        screen.reload()
    file_dialog = screen.open_file(saved.id)
    qtbot.waitUntil(lambda: file_dialog.first_name.text() == "Jef", timeout=10_000)
    qtbot.waitUntil(lambda: file_dialog.expenses.summary is not None, timeout=10_000)
    file_dialog.volunteer_id_for_test = saved.id
    yield file_dialog
    for _round in range(3):
        ops.wait_idle()
        QApplication.processEvents()
    ops.shutdown()
    prompts.clear_answers()


def _button_texts(dialog) -> list[str]:
    return [b.text() for b in dialog.findChild(QDialogButtonBox).buttons()]


def test_the_file_says_close_not_cancel_and_its_expenses_say_they_are_saved_at_once(
    qtbot, dialog, empty_case_file
):
    buttons = _button_texts(dialog)
    assert len(buttons) == 2 and "Sluiten" in buttons and "Annuleren" not in buttons
    assert dialog.expenses.saved_at_once.text() == (
        "Elke regel wordt opgeslagen zodra je ze toevoegt of verwijdert."
    )

    panel = dialog.expenses
    qtbot.keyClicks(panel.findChild(NumberEdit, "km"), "6,5")
    qtbot.keyClicks(panel.purpose, "vorming")
    with qtbot.waitSignal(panel.sig_loaded, timeout=10_000):
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog.onboarding.ticks["first_interview_on"].setChecked(True)  # waits for Opslaan

    close = dialog.findChild(QPushButton, "close")
    prompts.set_next_answers([False])
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # "not yet": nothing typed is lost
    assert prompts.shown[-1][1] == _(
        "You have typed things that are not saved yet. Close without saving?"
    )
    prompts.set_next_answers([True])
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    with empty_case_file.session() as session:
        (line,) = session.exec(select(Expense)).all()
        volunteer = session.get(Volunteer, dialog.volunteer_id_for_test)
    assert line.km == 6.5  # saved at once, as the file said
    assert volunteer.first_interview_on is None  # the tick waited for Opslaan, and was dropped


def test_a_status_step_keeps_what_is_typed_but_not_saved(qtbot, dialog, empty_case_file):
    dialog.street.setFocus()
    qtbot.keyClicks(dialog.street, "Kerkstraat 1")
    status = dialog.status
    status.next_status.setCurrentIndex(status.next_status.findData(VolunteerStatus.in_training))
    with qtbot.waitSignal(status.sig_changed, timeout=10_000):
        qtbot.mouseClick(status.change, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: status.current.text() == "in vorming", timeout=10_000)
    assert dialog.street.text() == "Kerkstraat 1" and dialog.dirty
