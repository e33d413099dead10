"""Disclosure control: no withheld cell can be worked back, checked by solving the bounds."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from homestart_desktop.sync.disclosure import (
    SMALL,
    WITHHELD,
    protect_breakdown,
    share,
    small,
)


def solved_ranges(rows: dict, total) -> dict[str, tuple[float, float]]:
    """Each withheld cell's min and max as a reader can solve them (linear programming).

    The reader knows the rules: "<5" is 1–4; "x" is at least 5 when the total is published or
    withheld as "x" (small cells and zeros are never complements), and anything from 0 when the
    whole table is withheld behind a "<5" total; the rows add up to the total.
    """
    hidden = [k for k, c in rows.items() if not isinstance(c, int)]
    published = sum(c for c in rows.values() if isinstance(c, int))
    whole_table_withheld = total == SMALL and all(c == WITHHELD for c in rows.values())
    bounds = []
    for key in hidden:
        if rows[key] == SMALL:
            bounds.append((1, 4))
        else:
            bounds.append((0, None) if whole_table_withheld else (5, None))
    ones = [[1.0] * len(hidden)]
    if isinstance(total, int):
        constraints = {"A_eq": ones, "b_eq": [total - published]}
    elif total == SMALL:
        constraints = {
            "A_ub": [[1.0] * len(hidden), [-1.0] * len(hidden)],
            "b_ub": [4 - published, published - 1],
        }
    else:
        constraints = {"A_ub": [[-1.0] * len(hidden)], "b_ub": [published - 5]}
    ranges = {}
    for index, key in enumerate(hidden):
        objective = [0.0] * len(hidden)
        objective[index] = 1.0
        low = linprog(objective, bounds=bounds, **constraints, method="highs")
        objective[index] = -1.0
        high = linprog(objective, bounds=bounds, **constraints, method="highs")
        assert low.status == 0, "the published table must be consistent"
        upper = math.inf if high.status == 3 else -high.fun
        ranges[key] = (round(low.fun, 6), upper)
    return ranges


def assert_protected(counts: dict[str, int]) -> None:
    rows, total = protect_breakdown(counts)
    for key, n in counts.items():
        cell = rows[key]
        if isinstance(cell, int):
            assert cell == n and not 1 <= n <= 4, "a count of 1–4 is never published"
    if isinstance(total, int):
        assert total == sum(counts.values())
    for key, (low, high) in solved_ranges(rows, total).items():
        assert low <= counts[key] <= high, "the truth must fit what is published"
        if rows[key] == SMALL:
            assert (low, high) == (1, 4), f"{key}: '<5' narrowed down to {low}–{high}"
        else:
            assert high - low >= 3, f"{key}: 'x' narrowed down to {low}–{high}"


@pytest.mark.parametrize(
    "counts",
    [
        {"a": 1, "b": 5, "c": 0},
        {"a": 1, "b": 20, "c": 7},
        {"a": 3, "b": 3},
        {"a": 1, "b": 1, "c": 1, "d": 1},
        {"a": 4, "b": 30, "c": 6, "d": 0},
        {"a": 2, "b": 9, "c": 12, "d": 40},
        {"a": 0, "b": 0},
        {"a": 17, "b": 0, "c": 23},
    ],
)
def test_examples_are_protected(counts: dict[str, int]) -> None:
    assert_protected(counts)


def test_a_single_small_cell_gets_a_complement() -> None:
    rows, total = protect_breakdown({"ocmw": 3, "clb": 12, "school": 40, "andere": 0})
    assert rows == {"ocmw": SMALL, "clb": WITHHELD, "school": 40, "andere": 0}
    assert total == 55


def test_a_small_total_withholds_the_whole_table() -> None:
    rows, total = protect_breakdown({"a": 2, "b": 0, "c": 1})
    assert total == SMALL
    assert set(rows.values()) == {WITHHELD}


def test_shares_only_on_a_published_base_of_at_least_ten() -> None:
    assert share(5, 10) == 0.5
    assert share(5, 9) is None
    assert share(SMALL, 40) is None
    assert share(0, 12) == 0.0
    assert share(7, SMALL) is None
    assert [small(n) for n in range(7)] == [0, SMALL, SMALL, SMALL, SMALL, 5, 6]


tables = st.dictionaries(
    keys=st.sampled_from([f"row{i}" for i in range(8)]),
    values=st.one_of(st.integers(0, 6), st.integers(0, 60)),
    min_size=1,
    max_size=8,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables)
def test_no_random_table_gives_a_withheld_cell_away(counts: dict[str, int]) -> None:
    assert_protected(counts)
