"""Disclosure control: what of the raw figures may leave the branch, and how.

The rules (docs/figures.md, "Disclosure control"):

- every count, totals included, is perturbed with the **cell key method** (``sync/ptable.py``):
  true count + the noise the shipped p-table gives for that count and the cell's key (the sum of
  the record keys of what it counts). The same records always give the same published count, in
  every table, quarter and version, so differencing or averaging packages reveals nothing exact;
  zero stays zero, no published count is 1 or 2, the noise is at most 4 either way;
- a share is given only when its (published) denominator is at least 10;
- a median or a sum over people is given only when it rests on at least 5 families or
  volunteers (see ``figures.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from homestart_desktop.sync.figures import RawFigures
from homestart_desktop.sync.ptable import cell_key, perturb

MIN_SHARE_BASE = 10

Publish = Callable[[str, str, int], int]  # (table, row, true count) -> published count


def share(count: int | None, base: int | None) -> float | None:
    """count / base, when the base is at least 10 (capped at 1: both carry noise)."""
    if isinstance(count, int) and isinstance(base, int) and base >= MIN_SHARE_BASE:
        return round(min(1.0, count / base), 3)
    return None


def _measure(value: float | int | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(float(value), 1)


def _shaped(raw: RawFigures, publish: Publish) -> dict[str, Any]:
    """The figures in the package's shape, each count passed through ``publish``."""
    figures: dict[str, Any] = {}
    for name, counts in raw.breakdowns.items():
        figures[name] = {
            "rows": {key: publish(name, key, n) for key, n in counts.items()},
            "total": publish(name, "total", sum(counts.values())),
        }
    figures["flow"] = {"rows": {key: publish("flow", key, n) for key, n in raw.flow.items()}}
    figures["waiting_list"] = {
        "rows": {key: publish("waiting_list", key, n) for key, n in raw.waiting_list.items()}
    }
    base = publish("families", "base", raw.families_active)
    indicators = {key: publish("families", key, n) for key, n in raw.indicators.items()}
    figures["families"] = {
        "base": base,
        "rows": indicators,
        "shares": {key: share(cell, base) for key, cell in indicators.items()},
    }
    figures["volunteers"] = {
        "rows": {key: publish("volunteers", key, n) for key, n in raw.volunteers.items()}
    }
    improved = {area: publish("outcomes", area, pair[0]) for area, pair in raw.outcomes.items()}
    assessed = {
        area: publish("outcomes_bases", area, pair[1]) for area, pair in raw.outcomes.items()
    }
    figures["outcomes"] = {
        "rows": improved,
        "bases": assessed,
        "shares": {area: share(improved[area], assessed[area]) for area in improved},
    }
    figures["measures"] = {"rows": {key: _measure(v) for key, (v, _) in raw.measures.items()}}
    return figures


def protect(raw: RawFigures) -> dict[str, Any]:
    """The figures as they may be shown and sent (the package's ``figures`` member)."""

    def publish(table: str, row: str, count: int) -> int:
        return perturb(count, cell_key(raw.keys[table][row]))

    return _shaped(raw, publish)


def exact(raw: RawFigures) -> dict[str, Any]:
    """The true figures in the same shape: for the branch's own eyes only, never sent."""
    return _shaped(raw, lambda _table, _row, count: count)
