"""Quarters the app can count, and a clear refusal for the others."""

from __future__ import annotations

import pytest

from homestart_desktop.sync.quarter import FIRST_YEAR, LAST_YEAR, Quarter


@pytest.mark.parametrize("text", ["0000-Q1", "9999-Q4", "1899-Q4", "3000-Q1"])
def test_years_outside_the_calendar_the_app_counts_are_refused_in_words(text: str):
    with pytest.raises(ValueError) as refused:
        Quarter.parse(text)
    assert text in str(refused.value) and str(FIRST_YEAR) in str(refused.value)


def test_the_first_and_last_quarters_have_neighbours_and_a_year_before():
    first, last = Quarter.parse(f"{FIRST_YEAR}-Q1"), Quarter.parse(f"{LAST_YEAR}-Q4")
    assert str(first.previous()) == f"{FIRST_YEAR - 1}-Q4"
    assert first.year_before().start.year == FIRST_YEAR - 1
    assert last.end.isoformat() == f"{LAST_YEAR}-12-31"
    assert len(last.last(8)) == 8
