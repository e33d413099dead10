"""Expenses: one regime per year, the flat-rate ceilings, the 2,000 km rule and year boundaries."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from homestart_desktop.data.models import ExpenseRegime, Transport
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.data.volunteers.expenses import (
    ExpenseIn,
    add_expense,
    delete_expense,
    expense_years,
    parse_amount,
    set_regime,
    year_summary,
)
from homestart_desktop.data.volunteers.register import VolunteerIn, add_volunteer

TODAY = dt.date(2026, 1, 20)


@pytest.fixture
def volunteer_id(empty_case_file) -> int:
    with empty_case_file.session() as session:
        saved = add_volunteer(
            session=session, volunteer_in=VolunteerIn(first_name="Ioana"), today=dt.date(2025, 1, 2)
        )
    return saved.id


def _add(case_file, volunteer_id, on, **kw):
    with case_file.session() as session:
        return add_expense(
            session=session,
            volunteer_id=volunteer_id,
            expense_in=ExpenseIn(on=on, **kw),
            today=TODAY,
        )


def _summary(case_file, volunteer_id, year):
    with case_file.session() as session:
        return year_summary(session=session, volunteer_id=volunteer_id, year=year)


def test_amounts_are_read_as_typed_and_three_decimals_are_refused():
    assert parse_amount("12,50") == 1250
    assert parse_amount("€ 1.692,51") == 169251
    assert parse_amount("42.31") == 4231
    for typed in ("12,345", "-5", "twaalf"):
        with pytest.raises(ValidationError) as refused:
            parse_amount(typed)
        assert "amount" in refused.value.problems


def test_flat_rate_day_ceiling(empty_case_file, volunteer_id):
    day = dt.date(2025, 3, 4)
    _add(empty_case_file, volunteer_id, day, amount="30,00")
    with pytest.raises(ValidationError) as refused:
        _add(empty_case_file, volunteer_id, day, amount="12,32")
    assert "12,31" in refused.value.problems["amount"]  # what is left for the day
    _add(empty_case_file, volunteer_id, day, amount="12,31")
    summary = _summary(empty_case_file, volunteer_id, 2025)
    assert summary.busiest_day_cents == 4231
    assert summary.regime == ExpenseRegime.flat_rate and summary.regime_chosen


def test_flat_rate_year_ceiling_warns_before_it_is_passed(empty_case_file, volunteer_id):
    start = dt.date(2025, 1, 6)
    for week in range(36):  # 36 × €42.31 = €1,523.16: exactly 90% of €1,692.51 is €1,523.26
        saved = _add(
            empty_case_file, volunteer_id, start + dt.timedelta(weeks=week), amount="42,31"
        )
    assert saved.warnings == ()
    saved = _add(empty_case_file, volunteer_id, dt.date(2025, 10, 1), amount="42,31")
    assert len(saved.warnings) == 1 and "127,04" in saved.warnings[0]  # left: 1692.51 − 1565.47
    with pytest.raises(ValidationError) as refused:
        for day in range(4):  # the fourth would pass €1,692.51
            _add(empty_case_file, volunteer_id, dt.date(2025, 11, 3 + day), amount="42,31")
    assert "jaar" in refused.value.problems["amount"]
    assert _summary(empty_case_file, volunteer_id, 2025).flat_cents <= 169251


def test_2000_km_beside_a_flat_rate(empty_case_file, volunteer_id):
    _add(empty_case_file, volunteer_id, dt.date(2025, 2, 1), km="900")
    saved = _add(empty_case_file, volunteer_id, dt.date(2025, 2, 1), km="899,5")
    assert saved.warnings == ()
    saved = _add(empty_case_file, volunteer_id, dt.date(2025, 2, 2), km="100")
    assert any("km" in w for w in saved.warnings)
    with pytest.raises(ValidationError) as refused:
        _add(empty_case_file, volunteer_id, dt.date(2025, 2, 3), km="101")
    assert "100,5" in refused.value.problems["km"]
    summary = _summary(empty_case_file, volunteer_id, 2025)
    assert summary.km_total == 1899.5
    assert summary.km_cents == round(1899.5 * 43.20)  # car at €0.4320/km
    assert summary.flat_cents == 0  # km at actual cost do not eat the flat-rate ceilings


def test_actual_costs_have_no_flat_ceiling_and_bicycle_has_its_rate(empty_case_file, volunteer_id):
    with empty_case_file.session() as session:
        set_regime(
            session=session, volunteer_id=volunteer_id, year=2025, regime=ExpenseRegime.actual_costs
        )
    for _ in range(3):
        _add(empty_case_file, volunteer_id, dt.date(2025, 3, 1), km="850")
    _add(empty_case_file, volunteer_id, dt.date(2025, 3, 1), km="10", transport=Transport.bicycle)
    _add(empty_case_file, volunteer_id, dt.date(2025, 3, 1), amount="60,00", purpose="Museum")
    summary = _summary(empty_case_file, volunteer_id, 2025)
    assert summary.km_total == 2560  # past 2,000 km: no limit under actual costs
    assert summary.total_cents == 2550 * 4320 // 100 + 350 + 6000
    assert summary.warnings == ()


def test_one_regime_per_calendar_year_and_a_new_year_starts_afresh(empty_case_file, volunteer_id):
    _add(empty_case_file, volunteer_id, dt.date(2025, 12, 31), amount="42,31")
    with pytest.raises(ValidationError) as refused, empty_case_file.session() as session:
        set_regime(
            session=session, volunteer_id=volunteer_id, year=2025, regime=ExpenseRegime.actual_costs
        )
    assert "2025" in refused.value.problems["regime"]
    with empty_case_file.session() as session:
        set_regime(
            session=session, volunteer_id=volunteer_id, year=2026, regime=ExpenseRegime.actual_costs
        )
    _add(empty_case_file, volunteer_id, dt.date(2026, 1, 1), amount="80,00")
    assert _summary(empty_case_file, volunteer_id, 2025).total_cents == 4231
    assert _summary(empty_case_file, volunteer_id, 2026).regime == ExpenseRegime.actual_costs
    assert _summary(empty_case_file, volunteer_id, 2026).total_cents == 8000
    with empty_case_file.session() as session:
        assert expense_years(session=session, volunteer_id=volunteer_id) == [2026, 2025]


def test_bad_entries_are_refused_field_by_field(empty_case_file, volunteer_id):
    cases = [
        ({"km": "-3"}, "km"),
        ({"amount": "4,999"}, "amount"),
        ({}, "amount"),
        ({"km": "10", "amount": "5"}, "amount"),
        ({"km": "10", "transport": Transport.public_transport}, "km"),
    ]
    for fields, field in cases:
        with pytest.raises(ValidationError) as refused:
            _add(empty_case_file, volunteer_id, dt.date(2025, 5, 5), **fields)
        assert field in refused.value.problems
    with pytest.raises(ValidationError) as refused:
        _add(empty_case_file, volunteer_id, TODAY + dt.timedelta(days=1), amount="5")
    assert "on" in refused.value.problems


def test_an_entry_can_be_removed(empty_case_file, volunteer_id):
    saved = _add(empty_case_file, volunteer_id, dt.date(2025, 5, 5), amount="10")
    with empty_case_file.session() as session:
        delete_expense(session=session, volunteer_id=volunteer_id, expense_id=saved.id)
    assert _summary(empty_case_file, volunteer_id, 2025).lines == ()


@given(st.integers(min_value=0, max_value=10_000_000))
def test_any_amount_in_cents_reads_back_as_typed(cents):
    euros, rest = divmod(cents, 100)
    assert parse_amount(f"{euros},{rest:02d}") == cents
    assert parse_amount(f"{euros}.{rest:02d}") == cents
    with pytest.raises(ValidationError):
        parse_amount(f"{euros},{rest:02d}5")  # a third decimal
