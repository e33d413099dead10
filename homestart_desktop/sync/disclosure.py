"""Disclosure control: what of the raw figures may leave the branch, and how.

The rules (docs/figures.md, "Disclosure control"):

- a count from 1 to 4 is published as ``"<5"`` (primary suppression);
- in a table with a total, more cells are withheld as ``"x"`` (complementary suppression) until
  no withheld cell can be narrowed down from the published cells and total: a ``"<5"`` cell can
  still be any of 1–4 and an ``"x"`` cell still one of at least 4 values; as a last resort the
  total itself is withheld; a table whose total is 1–4 publishes ``"<5"`` and withholds every row;
- a share is given only when its denominator is published and at least 10 and its numerator is
  published;
- a median or a sum over people is given only when it rests on at least 5 (see ``figures.py``).

The attacker this guards against knows these rules: ``"<5"`` means 1–4, and an ``"x"`` in a table
with a published total means 0 is excluded and at least 5 (zeros and small cells are never picked
as complements). :func:`feasible_ranges` computes exactly what such a reader can deduce.
"""

from __future__ import annotations

import math
from typing import Any

from homestart_desktop.sync.figures import RawFigures

Cell = int | str  # a published count, "<5" or "x"
SMALL = "<5"
WITHHELD = "x"
MIN_SHARE_BASE = 10
MIN_VALUES = 4  # a withheld cell must stay compatible with at least this many values
INF = math.inf


def small(count: int) -> Cell:
    """Primary suppression of one count."""
    return SMALL if 1 <= count <= 4 else count


def _bounds(cell: Cell) -> tuple[float, float]:
    if cell == SMALL:
        return 1, 4
    if cell == WITHHELD:
        return 5, INF
    return cell, cell  # type: ignore[return-value]


def feasible_ranges(rows: dict[str, Cell], total: Cell) -> dict[str, tuple[float, float]]:
    """For each withheld row, the smallest and largest value a reader can deduce for it.

    The rows must add up to the total: a box for each cell cut by one sum, so each cell's range
    is its own bounds narrowed by what the other cells can absorb (exact for this shape).
    """
    if total == SMALL and all(c == WITHHELD for c in rows.values()):
        # A withheld table: every row may be 0, and the rows add up to 1–4.
        return {key: (0, 4) for key in rows}
    published = sum(c for c in rows.values() if isinstance(c, int))
    low_total, high_total = _bounds(total)
    rest_low, rest_high = low_total - published, high_total - published
    hidden = {key: _bounds(c) for key, c in rows.items() if not isinstance(c, int)}
    low_sum = sum(lo for lo, _ in hidden.values())
    high_sum = sum(hi for _, hi in hidden.values())
    ranges = {}
    for key, (lo, hi) in hidden.items():
        others_low, others_high = low_sum - lo, high_sum - hi
        ranges[key] = (max(lo, rest_low - others_high), min(hi, rest_high - others_low))
    return ranges


def is_protected(rows: dict[str, Cell], total: Cell) -> bool:
    """True when no withheld cell can be narrowed down beyond what its marker says."""
    for key, (lo, hi) in feasible_ranges(rows, total).items():
        if rows[key] == SMALL and (lo, hi) != (1, 4):
            return False
        if hi - lo + 1 < MIN_VALUES:
            return False
    return True


def protect_breakdown(counts: dict[str, int]) -> tuple[dict[str, Cell], Cell]:
    """Rows and total of one table, after primary and complementary suppression."""
    total = sum(counts.values())
    if 1 <= total <= 4:
        return {key: WITHHELD for key in counts}, SMALL
    rows: dict[str, Cell] = {key: small(n) for key, n in counts.items()}
    published_total: Cell = total
    while not is_protected(rows, published_total):
        candidates = [(n, i, k) for i, (k, n) in enumerate(counts.items()) if rows[k] == n and n]
        if candidates:
            _, _, key = min(candidates)  # the smallest cell costs the reader the least
            rows[key] = WITHHELD
        else:
            published_total = WITHHELD
    return rows, published_total


def share(count: Cell, base: Cell) -> float | None:
    """count / base, when both are published and the base is at least 10."""
    if isinstance(count, int) and isinstance(base, int) and base >= MIN_SHARE_BASE:
        return round(count / base, 3)
    return None


def _measure(value: float | int | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(float(value), 1)


def protect(raw: RawFigures) -> dict[str, Any]:
    """The figures as they may be shown and sent (the package's ``figures`` member)."""
    figures: dict[str, Any] = {}
    for name, counts in raw.breakdowns.items():
        rows, total = protect_breakdown(counts)
        figures[name] = {"rows": rows, "total": total}
    figures["flow"] = {"rows": {key: small(n) for key, n in raw.flow.items()}}
    base = small(raw.families_active)
    indicators = {key: small(n) for key, n in raw.indicators.items()}
    figures["families"] = {
        "base": base,
        "rows": indicators,
        "shares": {key: share(cell, base) for key, cell in indicators.items()},
    }
    figures["volunteers"] = {"rows": {key: small(n) for key, n in raw.volunteers.items()}}
    improved = {area: small(pair[0]) for area, pair in raw.outcomes.items()}
    assessed = {area: small(pair[1]) for area, pair in raw.outcomes.items()}
    figures["outcomes"] = {
        "rows": improved,
        "bases": assessed,
        "shares": {area: share(improved[area], assessed[area]) for area in improved},
    }
    figures["measures"] = {"rows": {key: _measure(v) for key, (v, _) in raw.measures.items()}}
    return figures
