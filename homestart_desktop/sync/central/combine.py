"""All branches of a quarter combined: per-branch values, Flanders totals, trends, who is missing.

A Flanders total is the sum of the values the branches published. A branch's withheld cell
(``"<5"`` or ``"x"``) has no value at the office at all, so it stays withheld: the total then
counts the published values only and says how many branch cells it leaves out (``partial``).
Medians do not add up; their total is left empty.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from homestart_desktop.i18n import N_
from homestart_desktop.sync.central.store import CentralStore
from homestart_desktop.sync.labels import ADDITIVE, lines, share_of, value_of
from homestart_desktop.sync.quarter import Quarter

TREND_QUARTERS = 8
# The per-branch table's columns, with a short heading each.
HEADLINE_LABELS: dict[tuple[str, str], str] = {
    ("referrals", "total"): N_("Referrals"),
    ("flow", "intakes"): N_("Intake talks"),
    ("flow", "waiting_at_end"): N_("Waiting list"),
    ("flow", "started"): N_("Started"),
    ("flow", "active_at_end"): N_("Running"),
    ("closed", "total"): N_("Closed"),
    ("visits", "done"): N_("Home visits"),
    ("families", "base"): N_("Families"),
    ("volunteers", "active"): N_("Volunteers"),
    ("measures", "median_waiting_days"): N_("Median wait (days)"),
}
HEADLINES: tuple[tuple[str, str], ...] = (
    ("referrals", "total"),
    ("flow", "intakes"),
    ("flow", "waiting_at_end"),
    ("flow", "started"),
    ("flow", "active_at_end"),
    ("closed", "total"),
    ("visits", "done"),
    ("families", "base"),
    ("volunteers", "active"),
    ("measures", "median_waiting_days"),
)


@dataclasses.dataclass(frozen=True)
class Total:
    value: float | int | None  # the sum of the published values (None: not summable)
    withheld: int  # how many branch cells were withheld and are not in the sum
    published: int = 0  # how many branch values are in the sum

    @property
    def partial(self) -> bool:
        return self.withheld > 0


@dataclasses.dataclass(frozen=True)
class Combined:
    quarter: str
    branches: tuple[str, ...]  # registered, in order
    reported: dict[str, dict[str, Any]]  # branch -> figures (latest version)
    versions: dict[str, int]
    missing: tuple[str, ...]
    totals: dict[tuple[str, str], Total]
    shares: dict[tuple[str, str], float | None]  # Flanders shares where every branch published
    trends: dict[tuple[str, str], list[tuple[str, Total]]]  # headline -> (quarter, total)


def add_up(values: list[Any], row: str, table: str) -> Total:
    """Sum what was published; count what was withheld."""
    if not values or (table == "measures" and row not in ADDITIVE):
        return Total(value=None, withheld=0)  # nobody reported, or it does not add up
    total: float | int = 0
    withheld = published = 0
    for value in values:
        if isinstance(value, int | float) and not isinstance(value, bool):
            total += value
            published += 1
        elif isinstance(value, str) or (value is None and table == "measures"):
            withheld += 1  # "<5", "x", or a measure based on too few
    if isinstance(total, float):
        total = round(total, 1)
    return Total(value=total, withheld=withheld, published=published)


def _totals(reported: dict[str, dict[str, Any]]) -> dict[tuple[str, str], Total]:
    return {
        (table, row): add_up([value_of(f, table, row) for f in reported.values()], row, table)
        for table, row in lines()
    }


def _shares(totals: dict[tuple[str, str], Total]) -> dict[tuple[str, str], float | None]:
    shares: dict[tuple[str, str], float | None] = {}
    for (table, row), total in totals.items():
        if table == "families" and row != "base":
            base = totals[("families", "base")]
        elif table == "outcomes":
            base = totals.get(("outcomes_bases", row), Total(None, 1))
        else:
            continue
        ok = not total.partial and not base.partial and base.value and base.value >= 10
        shares[(table, row)] = round(total.value / base.value, 3) if ok else None  # type: ignore[operator]
    return shares


def combine(
    store: CentralStore, quarter: Quarter, *, trend_quarters: int = TREND_QUARTERS
) -> Combined:
    """Everything the office report shows for ``quarter``."""
    registered = tuple(store.branches())
    reported: dict[str, dict[str, Any]] = {}
    versions: dict[str, int] = {}
    for branch in sorted(set(registered) | {a.branch for a in store.accepted()}):
        payload = store.figures(branch, str(quarter))
        if payload is not None:
            reported[branch] = payload["figures"]
            versions[branch] = payload["version"]
    totals = _totals(reported)
    for area in reported and next(iter(reported.values()))["outcomes"]["bases"] or ():
        totals[("outcomes_bases", area)] = add_up(
            [f["outcomes"]["bases"].get(area) for f in reported.values()], area, "outcomes"
        )
    trends: dict[tuple[str, str], list[tuple[str, Total]]] = {line: [] for line in HEADLINES}
    for earlier in quarter.last(trend_quarters):
        figures = [
            p["figures"]
            for b in sorted({a.branch for a in store.accepted()})
            if (p := store.figures(b, str(earlier))) is not None
        ]
        for table, row in HEADLINES:
            trends[(table, row)].append(
                (str(earlier), add_up([value_of(f, table, row) for f in figures], row, table))
            )
    return Combined(
        quarter=str(quarter),
        branches=registered,
        reported=reported,
        versions=versions,
        missing=tuple(b for b in registered if b not in reported),
        totals=totals,
        shares=_shares(totals),
        trends=trends,
    )


def branch_share(figures: dict[str, Any], table: str, row: str) -> float | None:
    return share_of(figures, table, row)
