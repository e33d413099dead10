"""Planning's dialogs opened as a coordinator does: log, move and add a visit, block a period,
record an interim review, each typed in and saved, or left with Esc/Cancel leaving nothing."""

import datetime as dt

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QTableView
from sqlmodel import select

from homestart_desktop.data.models import BlockedPeriod, HalfDay, Review, Visit, VisitStatus
from homestart_desktop.data.planning.blocked_periods import blocked_periods
from tests.ui.planning.test_planning import MONDAY, screen  # noqa: F401 (the fixture)
from tests.ui.typing_helpers import (
    choose,
    click,
    click_row,
    click_standard,
    double_click_row,
    error_beside,
    find,
    open_tab,
    press_escape,
    save_and_wait_closed,
    tick,
    type_into,
    when_dialog_opens,
)

CANCEL = QDialogButtonBox.StandardButton.Cancel


def _visits(case_file, on: dt.date | None = None) -> list[Visit]:
    """The visits (of day ``on``) in the case file; the coming weeks are planned too."""
    query = select(Visit).order_by(Visit.on, Visit.half_day)
    if on is not None:
        query = query.where(Visit.on == on)
    with case_file.session() as session:
        return list(session.exec(query))


def _select_the_trajectory(qtbot, screen) -> None:  # noqa: F811
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        open_tab(qtbot, screen.tabs, "Trajecten")
    view = find(screen, "trajectoryList", QTableView)
    qtbot.waitUntil(lambda: view.model().rowCount() == 1)
    click_row(qtbot, view, "GZ-2026-021")


# ---- Log visit (double-click in the week)


def test_a_visit_double_clicked_in_the_week_is_logged_by_typing(
    qtbot,
    screen,  # noqa: F811
    empty_case_file,
):
    cell = screen.week.lists[0, MONDAY.weekday()]

    def log(dialog):
        assert dialog.objectName() == "logVisitDialog"
        choose(qtbot, dialog, "visitStatus", "Gebeurd")
        type_into(qtbot, dialog, "visitHours", "2")
        # Kilometres stay 0: they need the volunteer's expense arrangement (tested there).
        tick(qtbot, dialog, "activity_play")
        type_into(qtbot, dialog, "visitNote", "Samen buiten gespeeld.")
        save_and_wait_closed(qtbot, dialog)

    with when_dialog_opens(qtbot, log):
        double_click_row(qtbot, cell, "GZ-2026-021\nVW-2025-009\nFatima")
    qtbot.waitUntil(lambda: cell.count() and cell.item(0).text().startswith("GZ-2026-021 ✓"))
    (visit,) = _visits(empty_case_file, MONDAY)
    assert (visit.status, visit.minutes, visit.km) == (VisitStatus.done, 120, 0.0)
    assert (visit.activities, visit.note) == (["play"], "Samen buiten gespeeld.")


def test_escape_in_the_visit_dialog_keeps_the_visit_planned(
    qtbot,
    screen,  # noqa: F811
    empty_case_file,
):
    def leave(dialog):
        type_into(qtbot, dialog, "visitHours", "2")
        type_into(qtbot, dialog, "visitNote", "Toch niet.")
        press_escape(qtbot, dialog)

    with when_dialog_opens(qtbot, leave):
        double_click_row(
            qtbot, screen.week.lists[0, MONDAY.weekday()], "GZ-2026-021\nVW-2025-009\nFatima"
        )
    (visit,) = _visits(empty_case_file, MONDAY)
    assert (visit.status, visit.minutes, visit.note) == (VisitStatus.planned, 0, "")


def test_a_planned_visit_is_moved_to_another_day_from_its_dialog(
    qtbot,
    screen,  # noqa: F811
    empty_case_file,
):
    tuesday = MONDAY + dt.timedelta(days=1)

    def choose_the_day(dialog):
        assert dialog.objectName() == "visitDateDialog"
        type_into(qtbot, dialog, "visitDate", tuesday)
        choose(qtbot, dialog, "visitHalfDay", "namiddag")
        save_and_wait_closed(qtbot, dialog)

    def move(dialog):
        with when_dialog_opens(qtbot, choose_the_day):
            click(qtbot, dialog, "moveVisit")
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    with when_dialog_opens(qtbot, move):
        double_click_row(
            qtbot, screen.week.lists[0, MONDAY.weekday()], "GZ-2026-021\nVW-2025-009\nFatima"
        )
    moved_to = screen.week.lists[1, tuesday.weekday()]
    qtbot.waitUntil(lambda: moved_to.count() == 1, timeout=10_000)
    assert screen.week.lists[0, MONDAY.weekday()].count() == 0
    assert _visits(empty_case_file, MONDAY) == []
    (visit,) = _visits(empty_case_file, tuesday)
    assert (visit.on, visit.half_day, visit.status) == (
        tuesday,
        HalfDay.afternoon,
        VisitStatus.planned,
    )


# ---- Extra visit (Trajectories tab)


def test_an_extra_visit_is_added_to_the_selected_trajectory_by_typing(
    qtbot,
    screen,  # noqa: F811
    empty_case_file,
):
    wednesday = MONDAY + dt.timedelta(days=2)
    _select_the_trajectory(qtbot, screen)

    def add(dialog):
        type_into(qtbot, dialog, "visitDate", wednesday.strftime("%d/%m/%Y"))
        choose(qtbot, dialog, "visitHalfDay", "avond")
        save_and_wait_closed(qtbot, dialog)

    with when_dialog_opens(qtbot, add):
        click(qtbot, screen, "Extra bezoek…")
    extra = _visits(empty_case_file, wednesday)
    assert [(v.half_day, v.status) for v in extra] == [(HalfDay.evening, VisitStatus.planned)]
    open_tab(qtbot, screen.tabs, "Week")
    evening = screen.week.lists[2, wednesday.weekday()]
    qtbot.waitUntil(lambda: evening.count() == 1, timeout=10_000)
    assert evening.item(0).text().startswith("GZ-2026-021")


def test_cancel_in_the_extra_visit_dialog_adds_nothing(
    qtbot,
    screen,  # noqa: F811
    empty_case_file,
):
    before = len(_visits(empty_case_file))
    _select_the_trajectory(qtbot, screen)

    def cancel(dialog):
        type_into(qtbot, dialog, "visitDate", MONDAY + dt.timedelta(days=2))
        click_standard(qtbot, dialog, CANCEL)

    with when_dialog_opens(qtbot, cancel):
        click(qtbot, screen, "addVisit")
    assert len(_visits(empty_case_file)) == before


# ---- Periods without visits


def test_a_period_without_visits_is_typed_in_and_listed(
    qtbot,
    screen,  # noqa: F811
    empty_case_file,
):
    starts = MONDAY + dt.timedelta(weeks=3)
    ends = starts + dt.timedelta(days=13)

    def add(dialog):
        assert dialog.objectName() == "periodsDialog"
        table = find(dialog, "periodList", QTableView)
        qtbot.waitUntil(lambda: table.model().rowCount() == 0)
        type_into(qtbot, dialog, "periodFrom", starts)
        type_into(qtbot, dialog, "periodTo", ends)
        type_into(qtbot, dialog, "periodLabel", "Kerstvakantie")
        click(qtbot, dialog, "Periode toevoegen")
        qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=10_000)
        assert table.model().index(0, 2).data() == "Kerstvakantie"
        assert table.model().index(0, 3).data() == "hele werking"
        assert find(dialog, "periodLabel").text() == ""  # ready for the next one
        click_standard(qtbot, dialog, QDialogButtonBox.StandardButton.Close)

    with when_dialog_opens(qtbot, add):
        click(qtbot, screen, "Periodes zonder bezoeken…")
    with empty_case_file.session() as session:
        (period,) = blocked_periods(session=session)
    assert (period.starts_on, period.ends_on, period.label) == (starts, ends, "Kerstvakantie")
    assert period.family_reference == ""


def test_escape_in_the_periods_dialog_adds_no_period(
    qtbot,
    screen,  # noqa: F811
    empty_case_file,
):
    def leave(dialog):
        type_into(qtbot, dialog, "periodLabel", "Paasvakantie")
        press_escape(qtbot, dialog)

    with when_dialog_opens(qtbot, leave):
        click(qtbot, screen, "periodsButton")
    with empty_case_file.session() as session:
        assert session.exec(select(BlockedPeriod)).all() == []


# ---- Interim review


def test_an_interim_review_is_typed_in_and_plans_the_next_one(
    qtbot,
    screen,  # noqa: F811
    empty_case_file,
):
    next_review = MONDAY + dt.timedelta(days=90)
    _select_the_trajectory(qtbot, screen)

    def review(dialog):
        # The family's code is in the dialog, not in its title (task bars show titles).
        assert "GZ-2026-021" not in dialog.windowTitle()
        assert any("GZ-2026-021" in label.text() for label in dialog.findChildren(QLabel))
        type_into(qtbot, dialog, "reviewDate", MONDAY)
        type_into(qtbot, dialog, "reviewParticipants", "mama, vrijwilliger, coördinator")
        type_into(qtbot, dialog, "review_wellbeing", "4")
        type_into(qtbot, dialog, "reviewAgreements", "Meer buiten spelen.")
        type_into(qtbot, dialog, "nextReview", next_review)
        save_and_wait_closed(qtbot, dialog)

    with when_dialog_opens(qtbot, review):
        click(qtbot, screen, "reviewTrajectory")
    with empty_case_file.session() as session:
        (held,) = session.exec(select(Review).where(Review.held_on != None)).all()  # noqa: E711
        planned = session.exec(select(Review.planned_on).where(Review.held_on == None)).all()  # noqa: E711
    assert (held.held_on, held.participants) == (MONDAY, "mama, vrijwilliger, coördinator")
    assert (held.score_wellbeing, held.score_parenting) == (4, None)  # left "geen score"
    assert held.agreements == "Meer buiten spelen."
    assert next_review in planned


def test_cancel_in_the_review_dialog_records_no_review(
    qtbot,
    screen,  # noqa: F811
    empty_case_file,
):
    _select_the_trajectory(qtbot, screen)

    def cancel(dialog):
        type_into(qtbot, dialog, "reviewParticipants", "mama")
        click_standard(qtbot, dialog, CANCEL)

    with when_dialog_opens(qtbot, cancel):
        click(qtbot, screen, "Tussentijdse evaluatie…")
    with empty_case_file.session() as session:
        assert session.exec(select(Review).where(Review.held_on != None)).all() == []  # noqa: E711


# ---- Pause


def test_a_pause_needs_a_reason_and_then_shows_in_the_trajectories(
    qtbot,
    screen,  # noqa: F811
    empty_case_file,
):
    from homestart_desktop.data.models import Trajectory, TrajectoryStatus

    _select_the_trajectory(qtbot, screen)
    restart = MONDAY + dt.timedelta(weeks=6)

    def pause(dialog):
        type_into(qtbot, dialog, "expectedRestart", restart)
        click_standard(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
        qtbot.waitUntil(lambda: error_beside(dialog, "reason") != "", timeout=10_000)
        type_into(qtbot, dialog, "pauseReason", "Verhuis naar een nieuwe woning")
        save_and_wait_closed(qtbot, dialog)

    with when_dialog_opens(qtbot, pause):
        click(qtbot, screen, "pauseTrajectory")
    with empty_case_file.session() as session:
        (trajectory,) = session.exec(select(Trajectory)).all()
    assert trajectory.status == TrajectoryStatus.paused
    view = find(screen, "trajectoryList", QTableView)
    qtbot.waitUntil(lambda: view.model().index(0, 2).data() == "gepauzeerd", timeout=10_000)
