"""All branches of a quarter combined: per-branch values, Flanders totals, trends, who is missing.

A Flanders total is the sum of the values the branches published. Since schema version 2 every
count is published (with the cell key method's noise), so no cell is lost, and the total states
its expected error: the noises are independent with mean 0 and variance V, so the error of a
sum of n published counts has standard deviation √(n·V); ``margin`` is twice that (95%).
A package of schema version 1 may still hold withheld cells (``"<5"`` or ``"x"``): they have no
value at all, the total counts the published values only and says how many it leaves out
(``partial``). Medians do not add up; their total is left empty.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from homestart_desktop.i18n import N_
from homestart_desktop.sync.central.store import CentralStore
from homestart_desktop.sync.labels import ADDITIVE, lines, share_of, value_of
from homestart_desktop.sync.ptable import shipped
from homestart_desktop.sync.quarter import Quarter

TREND_QUARTERS = 8
# The per-branch table's columns, with a short heading each.
HEADLINE_LABELS: dict[tuple[str, str], str] = {
    ("referrals", "total"): N_("Referrals"),
    ("flow", "intakes"): N_("Intake talks"),
    ("flow", "waiting_at_end"): N_("Waiting list"),
    ("flow", "started"): N_("Started"),
    ("flow", "new_families_started"): N_("New families"),
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
    ("flow", "new_families_started"),
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
    margin: float = 0.0  # ± this much covers 95% of the noise in the sum (0: none)

    @property
    def partial(self) -> bool:
        return self.withheld > 0

    @property
    def missing(self) -> bool:
        """Nothing to show: no branch published a value for it."""
        return self.value is None or self.published == 0


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
    trend_reported: dict[str, int] = dataclasses.field(default_factory=dict)  # quarter -> branches
    old_format: tuple[str, ...] = ()  # branches whose package is of schema version 1

    @property
    def margin_each(self) -> float:
        """The 95% margin of one branch's count: 2·√V."""
        return round(2 * math.sqrt(shipped().variance), 1)


def add_up(values: list[Any], row: str, table: str, *, exact: int = 0) -> Total:
    """Sum what was published; count what was withheld; state the noise's 95% margin.

    ``exact``: how many of the values come from schema version 1 packages (published without
    noise, or withheld).
    """
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
    # Counts carry noise; measures (hours, money) are exact sums, as are version 1 counts.
    noisy = 0 if table == "measures" else max(0, len(values) - exact)
    margin = round(2 * math.sqrt(noisy * shipped().variance), 1) if noisy else 0.0
    return Total(value=total, withheld=withheld, published=published, margin=margin)


def _totals(reported: dict[str, dict[str, Any]], exact: int) -> dict[tuple[str, str], Total]:
    return {
        (table, row): add_up(
            [value_of(f, table, row) for f in reported.values()], row, table, exact=exact
        )
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
    old_format: list[str] = []
    for branch in sorted(set(registered) | {a.branch for a in store.accepted()}):
        payload = store.figures(branch, str(quarter))
        if payload is not None:
            reported[branch] = payload["figures"]
            versions[branch] = payload["version"]
            if payload.get("schema_version", 1) == 1:
                old_format.append(branch)
    totals = _totals(reported, len(old_format))
    for area in reported and next(iter(reported.values()))["outcomes"]["bases"] or ():
        totals[("outcomes_bases", area)] = add_up(
            [f["outcomes"]["bases"].get(area) for f in reported.values()],
            area,
            "outcomes",
            exact=len(old_format),
        )
    trends: dict[tuple[str, str], list[tuple[str, Total]]] = {line: [] for line in HEADLINES}
    trend_reported: dict[str, int] = {}
    for earlier in quarter.last(trend_quarters):
        payloads = [
            p
            for b in sorted({a.branch for a in store.accepted()})
            if (p := store.figures(b, str(earlier))) is not None
        ]
        trend_reported[str(earlier)] = len(payloads)
        exact = sum(1 for p in payloads if p.get("schema_version", 1) == 1)
        for table, row in HEADLINES:
            values = [value_of(p["figures"], table, row) for p in payloads]
            trends[(table, row)].append((str(earlier), add_up(values, row, table, exact=exact)))
    return Combined(
        quarter=str(quarter),
        branches=registered,
        reported=reported,
        versions=versions,
        missing=tuple(b for b in registered if b not in reported),
        totals=totals,
        shares=_shares(totals),
        trends=trends,
        trend_reported=trend_reported,
        old_format=tuple(old_format),
    )


def branch_share(figures: dict[str, Any], table: str, row: str) -> float | None:
    return share_of(figures, table, row)
