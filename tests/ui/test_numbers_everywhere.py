"""Every number a coordinator types reads as written in the app's language: ``6,5`` is six and a
half in Dutch and French, ``6.5`` in English, never 65. Typed by keystrokes into each number
field of the app (the visit log, the expenses, the onboarding, the volunteer's profile, the
settings), then checked in the case file."""

# ruff: noqa: F811 (pytest fixtures imported from shell_helpers)

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlmodel import select

import homestart_desktop
from homestart_desktop.data.models import (
    Expense,
    ExpenseRegime,
    Family,
    FamilyStatus,
    HalfDay,
    Visit,
    Volunteer,
    VolunteerStatus,
)
from homestart_desktop.data.planning import visits
from homestart_desktop.data.settings import load_settings
from homestart_desktop.data.volunteers.expenses import set_regime
from homestart_desktop.data.volunteers.register import VolunteerIn, add_volunteer
from homestart_desktop.i18n import set_language
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.number_edit import NumberEdit
from homestart_desktop.ui.planning.visit_dialogs import LogVisitDialog
from homestart_desktop.ui.settings.screen import SettingsScreen
from homestart_desktop.ui.volunteers.screen import VolunteersScreen
from tests.builders import matched_pair
from tests.clock import TEST_TODAY

TODAY = TEST_TODAY
VISIT_DAY = TODAY - dt.timedelta(days=1)
UI = Path(homestart_desktop.__file__).parent / "ui"


def type_over(qtbot, field: NumberEdit, text: str) -> None:
    """Select what the field holds (Ctrl+A) and type ``text`` over it, key by key."""
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


@pytest.fixture
def ops(empty_case_file):
    ops = Ops()
    ops.case_file = empty_case_file
    yield ops
    for _round in range(3):
        ops.wait_idle()
        QApplication.processEvents()
    ops.shutdown()
    prompts.clear_answers()


@pytest.fixture
def visit(empty_case_file):
    """Yesterday's planned visit of a volunteer whose expenses run on actual costs this year."""
    with empty_case_file.session() as session:
        family = Family(reference="GZ-2026-021", status=FamilyStatus.active)
        volunteer = Volunteer(
            reference="VW-2025-009", first_name="Fatima", status=VolunteerStatus.matched
        )
        trajectory = matched_pair(
            session, family=family, volunteer=volunteer, start_on=TODAY - dt.timedelta(days=60)
        )
        session.add(Visit(trajectory_id=trajectory.id, on=VISIT_DAY, half_day=HalfDay.morning))
        set_regime(
            session=session,
            volunteer_id=volunteer.id,
            year=VISIT_DAY.year,
            regime=ExpenseRegime.actual_costs,
        )
    (row,) = empty_case_file.read(visits.visits_between, first=VISIT_DAY, last=VISIT_DAY)
    return row


def _log(qtbot, ops, visit, *, hours: str, km: str) -> LogVisitDialog:
    dialog = LogVisitDialog(ops, visit)
    qtbot.addWidget(dialog)
    dialog.show()
    type_over(qtbot, dialog.findChild(NumberEdit, "visitHours"), hours)
    type_over(qtbot, dialog.findChild(NumberEdit, "visitKm"), km)
    return dialog


def test_six_and_a_half_km_in_the_visit_log_are_six_and_a_half_km_of_expenses(
    qtbot, ops, visit, empty_case_file
):
    dialog = _log(qtbot, ops, visit, hours="2,5", km="6,5")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    with empty_case_file.session() as session:
        stored = session.get(Visit, visit.id)
        (expense,) = session.exec(select(Expense)).all()
        assert (stored.km, stored.minutes) == (6.5, 150)
        assert (expense.km, expense.visit_id) == (6.5, visit.id)
        rate = load_settings(session=session).car_km_rate_e4
    assert expense.amount_cents == round(Decimal("6.5") * rate / 100)


def test_the_visit_log_shows_the_saved_km_with_a_comma_and_refuses_words(
    qtbot, ops, visit, empty_case_file
):
    dialog = _log(qtbot, ops, visit, hours="3", km="6,5")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    (again,) = empty_case_file.read(visits.visits_between, first=VISIT_DAY, last=VISIT_DAY)
    reopened = LogVisitDialog(ops, again)
    qtbot.addWidget(reopened)
    assert reopened.findChild(NumberEdit, "visitKm").text() == "6,5"
    assert reopened.findChild(NumberEdit, "visitHours").text() == "3"

    type_over(qtbot, reopened.findChild(NumberEdit, "visitKm"), "6,55")
    reopened.save()
    assert reopened.errors.message("km") == "Geef hoogstens één cijfer na de komma."
    with empty_case_file.session() as session:
        assert session.get(Visit, visit.id).km == 6.5  # nothing stored


@pytest.fixture
def volunteer_file(qtbot, ops, empty_case_file):
    with empty_case_file.session() as session:
        saved = add_volunteer(
            session=session, volunteer_in=VolunteerIn(first_name="Jef"), today=TODAY
        )
    screen = VolunteersScreen(ops)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        screen.reload()
    dialog = screen.open_file(saved.id)
    qtbot.waitUntil(lambda: dialog.expenses.summary is not None, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.first_name.text() == "Jef", timeout=10_000)
    return saved.id, dialog


def test_six_and_a_half_km_and_euro_typed_in_the_expenses_are_stored_so(
    qtbot, volunteer_file, empty_case_file
):
    volunteer_id, dialog = volunteer_file
    panel = dialog.expenses
    for name, typed in (("km", "6,5"), ("amount", "6,5")):
        qtbot.keyClicks(panel.findChild(NumberEdit, name), typed)
        qtbot.keyClicks(panel.purpose, "bezoek")
        with qtbot.waitSignal(panel.sig_loaded, timeout=10_000):
            qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not panel.purpose.text(), timeout=10_000)
    qtbot.waitUntil(lambda: len(panel.summary.lines) == 2, timeout=10_000)
    with empty_case_file.session() as session:
        entries = session.exec(select(Expense).order_by(Expense.id)).all()
    assert [e.km for e in entries] == [6.5, 0]
    assert entries[1].amount_cents == 650
    assert "6,5 km" in panel.totals.text()


def test_course_hours_and_travel_distance_typed_in_the_volunteer_file(
    qtbot, volunteer_file, empty_case_file
):
    volunteer_id, dialog = volunteer_file
    type_over(qtbot, dialog.findChild(NumberEdit, "max_travel_km"), "6,5")
    qtbot.keyClicks(dialog.findChild(NumberEdit, "course_hours"), "6,5")
    with qtbot.waitSignal(dialog.sig_refused, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.profile_errors.message("max_travel_km") == "Typ een geheel getal."

    type_over(qtbot, dialog.findChild(NumberEdit, "max_travel_km"), "12")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with empty_case_file.session() as session:
        stored = session.get(Volunteer, volunteer_id)
        assert (stored.max_travel_km, stored.course_hours) == (12, 6.5)


@pytest.fixture
def settings_screen(qtbot, ops):
    screen = SettingsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        screen.reload()
    return screen


def _setting(screen, name) -> NumberEdit:
    return screen.findChild(NumberEdit, name)


def test_amounts_and_rates_typed_in_the_settings(qtbot, settings_screen, empty_case_file):
    type_over(qtbot, _setting(settings_screen, "flat_rate_day_cents"), "6,5")
    type_over(qtbot, _setting(settings_screen, "bicycle_km_rate_e4"), "0,3")
    type_over(qtbot, _setting(settings_screen, "combined_km_limit"), "1.500")
    with qtbot.waitSignal(settings_screen.sig_saved, timeout=10_000):
        settings_screen.save()
    stored = empty_case_file.read(load_settings)
    assert (stored.flat_rate_day_cents, stored.bicycle_km_rate_e4) == (650, 3000)
    assert stored.combined_km_limit == 1500


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("nl")


def test_in_english_a_point_separates_the_decimals(qtbot, english, ops, visit, empty_case_file):
    dialog = _log(qtbot, ops, visit, hours="2.5", km="6.5")
    assert dialog.findChild(NumberEdit, "visitKm").placeholderText() == "12.5"
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    with empty_case_file.session() as session:
        stored = session.get(Visit, visit.id)
        assert (stored.km, stored.minutes) == (6.5, 150)


@pytest.mark.parametrize(
    ("lang", "shown"), [("nl", "1.234,5"), ("fr", "1\u202f234,5"), ("en", "1,234.5")]
)
def test_a_number_field_shows_the_app_language_s_separators(qtbot, lang, shown):
    set_language(lang)
    field = NumberEdit(decimals=1, maximum=10_000)
    qtbot.addWidget(field)
    field.set_value(1234.5)
    assert field.text() == shown
    assert field.value() == Decimal("1234.5")
    field.end(False)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)  # the separators shown can be typed over
    qtbot.keyClicks(field, "7")
    assert field.value() == Decimal("1234.7")


def test_no_screen_uses_qt_s_own_number_boxes_for_quantities():
    # Qt's spin boxes read in Qt's locale (6,5 → 65): quantities use NumberEdit. The spin boxes
    # left hold no decimals and no thousands: a year (2026), or an outcome score from 0 to 5.
    left = {
        "trajectory_dialogs.py": "outcome scores 0-5",
        "panels.py": "attendance year",
        "expenses.py": "expense year",
        "intake_household.py": "children's birth years",
        "choose_page.py": "the import's header row number",
    }
    found = {
        path.name for path in UI.rglob("*.py") if "SpinBox(" in path.read_text(encoding="utf-8")
    }
    assert found == set(left)
