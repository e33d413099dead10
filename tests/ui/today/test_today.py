"""Today shows the open file's real figures: checked against the data functions."""

# ruff: noqa: F811 (pytest fixtures imported from shell_helpers)

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.demo.branch import DEMO_PASSPHRASE
from homestart_desktop.data.people import names_by_reference
from homestart_desktop.data.planning.today import today_overview
from homestart_desktop.i18n import format_number
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.today.screen import TodayScreen
from tests.clock import TEST_TODAY
from tests.ui.shell_helpers import controller, unlock_by_typing  # noqa: F401


def test_today_after_unlocking_the_demo_file_shows_its_figures(
    qtbot, controller, demo_case_path: Path
) -> None:
    unlock_by_typing(qtbot, controller, demo_case_path, DEMO_PASSPHRASE)
    window = controller.main_window
    assert window.current_key() == "today"
    today = window.screen("today")
    qtbot.waitUntil(lambda: today.overview is not None, timeout=20_000)
    controller.ops.wait_idle(60)  # the daily backup: then the file is ours to read too
    expected = controller.ops.case_file.read(today_overview, today=TEST_TODAY)

    assert today.waiting.value.text() == format_number(expected.families_waiting)
    assert today.active.value.text() == format_number(expected.active_trajectories)
    assert today.visits.value.text() == format_number(expected.visits_this_week)
    assert today.reviews.value.text() == format_number(expected.reviews_due)
    assert expected.families_waiting > 0 and expected.active_trajectories > 0
    assert f"{expected.longest_waiting_days} dagen" in today.waiting.detail.text()

    waiting = today.waiting_table
    assert waiting.visible_count() == len(expected.longest_waiting)
    assert waiting.model.record(0).reference == expected.longest_waiting[0].reference
    # Families and volunteers by code and first name; the full name as a tooltip.
    names = controller.ops.case_file.read(names_by_reference)
    first = names[expected.longest_waiting[0].reference]
    cell = waiting.proxy.index(0, 0)
    assert cell.data() == f"{expected.longest_waiting[0].reference} · {first.first_name}"
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == first.full_name
    visit = expected.visits[0]
    volunteer_cells = [
        today.visits_table.proxy.index(r, 3).data()
        for r in range(today.visits_table.visible_count())
    ]
    volunteer = names[visit.volunteer_reference].first_name
    assert f"{visit.volunteer_reference} · {volunteer}" in volunteer_cells
    assert today.visits_table.visible_count() == len(expected.visits)
    assert today.reviews_table.visible_count() == len(expected.reviews)


def test_today_refreshes_on_a_change_and_forgets_everything_when_cleared(
    qtbot, demo_case_file
) -> None:
    ops = Ops()
    ops.case_file = demo_case_file
    screen = TodayScreen(ops)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.sig_loaded, timeout=20_000):
        screen.reload()
    assert screen.waiting_table.visible_count() > 0

    with qtbot.waitSignal(screen.sig_loaded, timeout=20_000):
        ops.sig_changes.emit(Changes(visits=True))
    with qtbot.assertNotEmitted(screen.sig_loaded, wait=200):
        ops.sig_changes.emit(Changes(expenses=True))  # nothing Today shows

    screen.clear()
    assert screen.waiting.value.text() == "–"
    assert screen.waiting_table.visible_count() == 0
    assert screen.visits_table.visible_count() == 0
    assert screen.date_label.text() == ""
    ops.shutdown()


def test_an_empty_file_says_what_each_list_is_for(qtbot, empty_case_file) -> None:
    ops = Ops()
    ops.case_file = empty_case_file
    screen = TodayScreen(ops)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.sig_loaded, timeout=20_000):
        screen.reload()
    assert screen.waiting.value.text() == "0"
    empty = screen.waiting_table.empty_label
    assert screen.waiting_table.stack.currentWidget() is empty
    assert "wachtlijst" in empty.text() and "vrijwilliger" in empty.text()
    ops.shutdown()
