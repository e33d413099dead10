"""Planning screen: log a week of visits from the calendar and see the morning list change."""

import datetime as dt
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QTableView
from sqlmodel import select

from homestart_desktop.data.models import (
    Family,
    FamilyStatus,
    HalfDay,
    Visit,
    VisitStatus,
    Volunteer,
    VolunteerStatus,
)
from homestart_desktop.data.planning.reminders import ReminderKind, morning_list
from homestart_desktop.domain import planning
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.planning.screen import PlanningScreen
from homestart_desktop.ui.today.screen import TodayScreen
from tests.builders import matched_pair
from tests.clock import TEST_TODAY
from tests.ui.typing_helpers import (
    choose,
    click,
    click_row,
    click_standard,
    find,
    open_tab,
    type_into,
    when_dialog_opens,
)

TODAY = TEST_TODAY
MONDAY = planning.week_of(TODAY)[0]


@pytest.fixture
def screen(qtbot, empty_case_file):
    with empty_case_file.session() as session:
        family = Family(reference="GZ-2026-021", status=FamilyStatus.active)
        volunteer = Volunteer(
            reference="VW-2025-009", first_name="Fatima", status=VolunteerStatus.matched
        )
        trajectory = matched_pair(
            session,
            family=family,
            volunteer=volunteer,
            proposed_on=MONDAY - dt.timedelta(days=60),
            start_on=MONDAY - dt.timedelta(days=30),
            weekday=MONDAY.weekday(),
        )
        session.add(Visit(trajectory_id=trajectory.id, on=MONDAY, half_day=HalfDay.morning))
    ops = Ops()
    ops.case_file = empty_case_file
    widget = PlanningScreen(ops)
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    with qtbot.waitSignal(widget.sig_loaded, timeout=10_000):
        widget.reload()
    yield widget
    ops.shutdown()
    prompts.clear_answers()


def test_the_week_grid_shows_the_planned_visit_on_its_day_and_half_day(screen):
    cell = screen.week.lists[0, MONDAY.weekday()]
    assert cell.count() == 1
    # The volunteer by code and first name; a family without a caregiver yet by its code alone.
    assert cell.item(0).text() == "GZ-2026-021\nVW-2025-009\nFatima"
    assert cell.item(0).toolTip().startswith("Fatima\n")
    assert screen.tabs.tabText(1) == "Maand"


def test_a_week_of_visits_logged_at_once_clears_the_quiet_trajectory_reminder(
    qtbot, screen, empty_case_file
):
    with empty_case_file.session() as session:
        before = {r.kind for r in morning_list(session=session, today=TODAY)}
    assert ReminderKind.no_recent_visit in before
    # Today, open beside the planning on the same file, shows the quiet trajectory.
    today = TodayScreen(screen.ops)
    qtbot.addWidget(today)
    with qtbot.waitSignal(today.sig_loaded, timeout=10_000):
        today.reload()

    def today_lines() -> list[str]:
        return [
            today.morning.list.model().index(i).data()
            for i in range(today.morning.list.model().rowCount())
        ]

    assert any(line.startswith("GZ-2026-021: geen bezoek geregistreerd") for line in today_lines())

    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        choose(qtbot, screen, "volunteerFilter", "VW-2025-009 · Fatima")
    prompts.set_next_answers([True])
    click(qtbot, screen, "Week afgewerkt")
    first_cell = screen.week.lists[0, MONDAY.weekday()]
    qtbot.waitUntil(
        lambda: first_cell.count() and first_cell.item(0).text().startswith("GZ-2026-021 ✓")
    )

    with empty_case_file.session() as session:
        visit = session.exec(select(Visit).where(Visit.on == MONDAY)).one()
        assert (visit.status, visit.minutes) == (VisitStatus.done, 180)
        after = {r.kind for r in morning_list(session=session, today=TODAY)}
    assert ReminderKind.no_recent_visit not in after
    # ...and refreshes itself from the change: the line is gone.
    qtbot.waitUntil(
        lambda: not any("geen bezoek geregistreerd" in line for line in today_lines()),
        timeout=10_000,
    )
    if os.environ.get("HOMESTART_SHOTS"):
        screen.grab().save(os.path.join(os.environ["HOMESTART_SHOTS"], "planning-week.png"))

    # The month shows the day's visit, done; the list shows it with its hours.
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        open_tab(qtbot, screen.tabs, "Maand")
    first_monday = planning.week_of(planning.month_of(screen.anchor)[0])[0]
    index = (MONDAY - first_monday).days
    cell = screen.month.item(index // 7, index % 7).text().splitlines()
    assert cell[:3] == [str(MONDAY.day), "1 bezoek", "1 gebeurd"]
    if os.environ.get("HOMESTART_SHOTS"):
        screen.grab().save(os.path.join(os.environ["HOMESTART_SHOTS"], "planning-month.png"))
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        open_tab(qtbot, screen.tabs, "Lijst")
    (row,) = [screen.list.model.record(r) for r in range(screen.list.model.rowCount())]
    assert (row.on, row.status, row.minutes) == (MONDAY, VisitStatus.done, 180)


def test_closing_in_the_dialog_refuses_a_date_before_the_last_visit_and_keeps_the_input(
    qtbot, screen, empty_case_file
):
    from homestart_desktop.data.models import CloseReason

    with empty_case_file.session() as session:
        visit = session.exec(select(Visit).where(Visit.on == MONDAY)).one()
        visit.status, visit.minutes = VisitStatus.done, 180
    open_tab(qtbot, screen.tabs, "Trajecten")
    qtbot.waitUntil(lambda: screen.trajectories.table.model.rowCount() == 1)
    click_row(qtbot, find(screen, "trajectoryList", QTableView), "GZ-2026-021")

    def close(dialog):
        type_into(qtbot, dialog, "closeDate", MONDAY - dt.timedelta(days=1))
        choose(qtbot, dialog, "closeReason", "Het gezin is verhuisd")
        type_into(qtbot, dialog, "closing_wellbeing", "4")
        click_standard(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
        qtbot.waitUntil(lambda: bool(dialog.errors.message("ended_on")))
        assert "laatste bezoek" in dialog.errors.message("ended_on")
        assert dialog.isVisible() and dialog.reason.currentData() == CloseReason.family_moved
        assert dialog.scores["wellbeing"].value() == 4
        if os.environ.get("HOMESTART_SHOTS"):
            dialog.grab().save(os.path.join(os.environ["HOMESTART_SHOTS"], "close-dialog.png"))

        type_into(qtbot, dialog, "closeDate", MONDAY)
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):
            click_standard(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    with when_dialog_opens(qtbot, close):
        click(qtbot, screen, "Traject afsluiten…")
    with empty_case_file.session() as session:
        family = session.exec(select(Family)).one()
        assert family.status == FamilyStatus.closed
    qtbot.waitUntil(lambda: screen.trajectories.table.model.rowCount() == 0)


def test_the_weekly_visit_is_written_as_one_word_like_everywhere(qtbot, screen):
    from homestart_desktop.domain import days
    from homestart_desktop.i18n import set_language

    screen.tabs.setCurrentIndex(3)
    table = screen.trajectories.table
    qtbot.waitUntil(lambda: table.model.rowCount() == 1)
    count = table.model.columnCount()
    headers = [table.model.headerData(c, Qt.Orientation.Horizontal) for c in range(count)]
    column = headers.index("Wekelijks bezoek")
    assert table.proxy.index(0, column).data() == "maandagvoormiddag"
    set_language("fr")
    assert days.half_day_text(0, "morning") == "lundi matin"
