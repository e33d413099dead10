"""The interim review's *Volgende evaluatie* shows the planned next review: left as shown, the
plan stays; emptied on purpose, the dialog asks before the planned review goes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlmodel import select

from homestart_desktop.data.models import Review
from homestart_desktop.data.planning.overview import running_trajectories
from homestart_desktop.domain.planning import add_months
from homestart_desktop.i18n import format_short_date
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.planning.trajectory_dialogs import ReviewDialog
from tests.builders import matched_pair
from tests.clock import TEST_TODAY

TODAY = TEST_TODAY
DUE = TODAY - dt.timedelta(days=10)  # the review being held, a little late
NEXT = TODAY + dt.timedelta(days=80)  # the one planned after it


def _trajectory(case_file, planned: tuple[dt.date, ...]):
    with case_file.session() as session:
        trajectory = matched_pair(
            session,
            family="GZ-2026-031",
            volunteer="VW-2020-003",
            start_on=TODAY - dt.timedelta(days=100),
        )
        for on in planned:
            session.add(Review(trajectory_id=trajectory.id, planned_on=on))
    (row,) = case_file.read(running_trajectories)
    return row


@pytest.fixture
def ops(empty_case_file):
    ops = Ops()
    ops.case_file = empty_case_file
    yield ops
    ops.wait_idle()
    QApplication.processEvents()
    ops.shutdown()
    prompts.clear_answers()


def _open(qtbot, ops, row) -> ReviewDialog:
    dialog = ReviewDialog(ops, row)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_plan_shown, timeout=10_000):
        dialog.show()
    qtbot.keyClicks(dialog.participants, "moeder, vrijwilliger")
    return dialog


def _click_save(qtbot, dialog) -> None:
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)


def _plan(case_file) -> list[tuple[dt.date, dt.date | None]]:
    with case_file.session() as session:
        rows = session.exec(select(Review).order_by(Review.planned_on)).all()
        return [(r.planned_on, r.held_on) for r in rows]


def test_the_next_review_shows_the_planned_date_and_saving_keeps_it(qtbot, ops, empty_case_file):
    dialog = _open(qtbot, ops, _trajectory(empty_case_file, (DUE, NEXT)))
    next_review = dialog.findChild(DateEdit, "nextReview")
    assert next_review.text() == format_short_date(NEXT)

    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        _click_save(qtbot, dialog)
    assert _plan(empty_case_file) == [(DUE, TODAY), (NEXT, None)]
    assert prompts.shown == []  # nothing to ask: the plan stays as it was


def test_emptying_the_next_review_asks_and_no_keeps_the_plan(qtbot, ops, empty_case_file):
    dialog = _open(qtbot, ops, _trajectory(empty_case_file, (DUE, NEXT)))
    next_review = dialog.findChild(DateEdit, "nextReview")
    qtbot.keyClick(next_review, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(next_review, Qt.Key.Key_Delete)
    assert next_review.date_value() is None

    prompts.set_next_answers([False])
    _click_save(qtbot, dialog)
    title, text = prompts.shown[-1]
    assert title == "Geen volgende evaluatie"
    assert f"gepland op {format_short_date(NEXT)}, verdwijnt uit de planning" in text
    assert dialog.isVisible()
    assert _plan(empty_case_file) == [(DUE, None), (NEXT, None)]  # nothing saved

    prompts.set_next_answers([True])
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        _click_save(qtbot, dialog)
    assert _plan(empty_case_file) == [(DUE, TODAY)]  # on purpose: the plan is emptied


def test_a_new_next_date_moves_the_planned_review_and_never_plans_two(qtbot, ops, empty_case_file):
    dialog = _open(qtbot, ops, _trajectory(empty_case_file, (DUE, NEXT)))
    later = NEXT + dt.timedelta(days=14)
    next_review = dialog.findChild(DateEdit, "nextReview")
    next_review.set_date(later)  # as picked in its calendar (QtTest cannot type in a QDateEdit)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        _click_save(qtbot, dialog)
    assert _plan(empty_case_file) == [(DUE, TODAY), (later, None)]


def test_with_nothing_planned_after_it_the_branch_rhythm_is_proposed(qtbot, ops, empty_case_file):
    dialog = _open(qtbot, ops, _trajectory(empty_case_file, (DUE,)))
    expected = add_months(TODAY, 6)  # the branch default: a review every six months
    assert dialog.findChild(DateEdit, "nextReview").date_value() == expected
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        _click_save(qtbot, dialog)
    assert _plan(empty_case_file) == [(DUE, TODAY), (expected, None)]


def test_a_date_typed_before_the_plan_comes_back_is_kept(qtbot, ops, empty_case_file):
    """A busy worker answers late: the date the coordinator typed meanwhile stays."""
    import threading

    row = _trajectory(empty_case_file, (DUE, NEXT))
    busy = threading.Event()
    ops.run(busy.wait, timeout=10)  # the worker is still busy with something else
    dialog = ReviewDialog(ops, row)
    qtbot.addWidget(dialog)
    dialog.show()
    typed = NEXT + dt.timedelta(days=21)
    dialog.findChild(DateEdit, "nextReview").set_date(typed)
    with qtbot.waitSignal(dialog.sig_plan_shown, timeout=10_000):
        busy.set()
    assert dialog.findChild(DateEdit, "nextReview").date_value() == typed
