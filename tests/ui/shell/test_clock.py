"""The app's one clock (``Ops.today``): every screen shows the day it gives, not the machine's.

Like KeePassXC's mock clock: a test sets the day, and Today and Planning follow it whatever
the date of the machine that runs the test. Without a day set, each question asks the machine
anew, so a window left open overnight moves on to the new day.
"""

# ruff: noqa: F811 (pytest fixtures imported from shell_helpers)

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from homestart_desktop.data.models import (
    Family,
    FamilyStatus,
    HalfDay,
    Visit,
    Volunteer,
    VolunteerStatus,
)
from homestart_desktop.i18n import format_date
from homestart_desktop.ui.common import ops as ops_module
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.planning.screen import PlanningScreen
from homestart_desktop.ui.today.screen import TodayScreen
from tests.builders import matched_pair
from tests.conftest import TEST_PASSPHRASE
from tests.ui.shell_helpers import controller, unlock_by_typing  # noqa: F401

PAST_MONDAY = dt.date(2026, 3, 2)
WEDNESDAY = PAST_MONDAY + dt.timedelta(days=2)


def _fill(case_file) -> None:
    """A family waiting since 2 February and a match visiting on Wednesdays."""
    with case_file.session() as session:
        session.add(
            Family(
                reference="GZ-2026-007",
                status=FamilyStatus.waiting,
                waiting_since=dt.date(2026, 2, 2),
                created_on=dt.date(2026, 1, 20),
            )
        )
        trajectory = matched_pair(
            session,
            family=Family(reference="GZ-2025-031", status=FamilyStatus.active),
            volunteer=Volunteer(
                reference="VW-2025-004", first_name="Fatima", status=VolunteerStatus.matched
            ),
            proposed_on=dt.date(2025, 12, 1),
            start_on=dt.date(2026, 1, 7),
            weekday=WEDNESDAY.weekday(),
        )
        session.add(Visit(trajectory_id=trajectory.id, on=WEDNESDAY, half_day=HalfDay.morning))


def _press_section(qtbot, app_controller, key: str) -> None:
    window = app_controller.main_window
    window.activateWindow()  # a shortcut works in the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    number = window.section_keys().index(key) + 1
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_key() == key, timeout=5_000)


def test_today_and_planning_follow_the_day_the_clock_gives(
    qtbot, controller, empty_case_file
) -> None:
    _fill(empty_case_file)
    path = empty_case_file.path
    empty_case_file.lock()  # the app opens it itself
    controller.ops.fixed_day = PAST_MONDAY
    unlock_by_typing(qtbot, controller, path, TEST_PASSPHRASE)

    today = controller.main_window.screen("today")
    qtbot.waitUntil(lambda: today.overview is not None, timeout=20_000)
    assert today.date_label.text() == "maandag 02/03/2026"
    assert today.waiting.value.text() == "1"
    assert "28 dagen" in today.waiting.detail.text()  # 2 February to 2 March
    assert today.visits.value.text() == "1"  # Wednesday 4 March is in this week
    assert today.visits_table.visible_count() == 1

    _press_section(qtbot, controller, "planning")
    planning = controller.main_window.screen("planning")
    controller.ops.wait_idle()
    qtbot.waitUntil(lambda: not controller.ops._pending, timeout=10_000)
    sunday = PAST_MONDAY + dt.timedelta(days=6)
    assert planning.period.text() == (
        f"Week van {format_date(PAST_MONDAY)} tot {format_date(sunday)}"
    )
    cell = planning.week.lists[0, WEDNESDAY.weekday()]
    assert [cell.item(i).text() for i in range(cell.count())] == [
        "GZ-2025-031\nVW-2025-004\nFatima"
    ]


class _Machine:
    """The machine's calendar, moved by the test (what ``dt.date.today()`` answers)."""

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def module(self):
        machine = self

        class _Date(dt.date):
            @classmethod
            def today(cls) -> dt.date:
                return machine.day

        class _Dt:
            date = _Date
            timedelta = dt.timedelta

        return _Dt


@pytest.fixture
def machine(monkeypatch) -> _Machine:
    """No day fixed: the clock asks the (pretend) machine, which the test moves past midnight."""
    clock = _Machine(dt.date(2026, 3, 3))
    monkeypatch.setattr(Ops, "fixed_day", None)
    monkeypatch.setattr(ops_module, "dt", clock.module())
    return clock


def test_left_open_overnight_the_screens_show_the_new_day(qtbot, machine, empty_case_file):
    _fill(empty_case_file)
    ops = Ops()
    ops.case_file = empty_case_file
    today, planning = TodayScreen(ops), PlanningScreen(ops)
    for screen in (today, planning):
        qtbot.addWidget(screen)
        with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
            screen.reload()
    assert today.date_label.text() == "dinsdag 03/03/2026"
    assert "29 dagen" in today.waiting.detail.text()
    assert format_date(PAST_MONDAY) in planning.period.text()

    machine.day = dt.date(2026, 3, 9)  # the next Monday: nothing kept from the day before
    for screen in (today, planning):
        with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
            screen.reload()
    assert today.date_label.text() == "maandag 09/03/2026"
    assert "35 dagen" in today.waiting.detail.text()
    assert format_date(dt.date(2026, 3, 9)) in planning.period.text()
    ops.shutdown()
