"""The legal amounts of volunteer expenses, kept per year (the car's km rate per period).

The flat-rate ceilings are indexed every 1 January and the federal km rate every quarter, so a
document must print the amounts of its own date and say which year they belong to. The app
ships the years it knows (``SHIPPED``); when new amounts are published the coordinator adds them
under Settings, stored in the branch settings (``legal_amounts_added``, no migration needed).
A year the coordinator added wins over the shipped one.

Where each shipped amount comes from:
- 2025 flat-rate ceilings €42.31 a day and €1,692.51 a year: the amounts published for 2025
  (law of 3 July 2005, art. 10, indexed; as stated in issue 14 and DOMAIN.md).
- €0.4320 per km by car, 1 April to 30 June 2025: the federal civil service's rate for that
  quarter (DOMAIN.md). Other quarters are not shipped: we only ship amounts we are sure of.
- €0.35 per km by bicycle and the 2,000 km a year that may be reimbursed beside a flat rate:
  DOMAIN.md, for 2025.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any


@dataclasses.dataclass(frozen=True)
class KmRatePeriod:
    """The car's km rate from ``first_day`` to ``last_day`` (both included), euro × 10 000."""

    first_day: dt.date
    last_day: dt.date
    rate_e4: int

    def covers(self, day: dt.date) -> bool:
        return self.first_day <= day <= self.last_day


@dataclasses.dataclass(frozen=True)
class YearAmounts:
    """The amounts of one calendar year."""

    year: int
    day_cents: int
    year_cents: int
    bicycle_km_e4: int
    combined_km_limit: int
    car_km_rates: tuple[KmRatePeriod, ...] = ()


SHIPPED: dict[int, YearAmounts] = {
    2025: YearAmounts(
        year=2025,
        day_cents=4231,
        year_cents=169251,
        bicycle_km_e4=3500,
        combined_km_limit=2000,
        car_km_rates=(KmRatePeriod(dt.date(2025, 4, 1), dt.date(2025, 6, 30), 4320),),
    ),
}


@dataclasses.dataclass(frozen=True)
class AmountsOn:
    """The amounts a document dated ``day`` prints, and whether they are really that day's."""

    day: dt.date
    amounts: YearAmounts  # of ``day``'s year when known, else of the nearest earlier known year
    car_km: KmRatePeriod | None  # the period covering ``day``, else the nearest earlier one

    @property
    def year_known(self) -> bool:
        return self.amounts.year == self.day.year

    @property
    def car_rate_known(self) -> bool:
        return self.car_km is not None and self.car_km.covers(self.day)

    @property
    def all_known(self) -> bool:
        return self.year_known and self.car_rate_known


def year_from_setting(raw: Mapping[str, Any]) -> YearAmounts:
    """One year as the settings store it (JSON: numbers and ISO dates)."""
    periods = tuple(
        KmRatePeriod(dt.date.fromisoformat(p[0]), dt.date.fromisoformat(p[1]), int(p[2]))
        for p in raw.get("car_km_rates", ())
    )
    return YearAmounts(
        year=int(raw["year"]),
        day_cents=int(raw["day_cents"]),
        year_cents=int(raw["year_cents"]),
        bicycle_km_e4=int(raw["bicycle_km_e4"]),
        combined_km_limit=int(raw["combined_km_limit"]),
        car_km_rates=periods,
    )


def year_to_setting(amounts: YearAmounts) -> dict[str, Any]:
    """One year as the settings store it (the inverse of :func:`year_from_setting`)."""
    return {
        "year": amounts.year,
        "day_cents": amounts.day_cents,
        "year_cents": amounts.year_cents,
        "bicycle_km_e4": amounts.bicycle_km_e4,
        "combined_km_limit": amounts.combined_km_limit,
        "car_km_rates": [
            [p.first_day.isoformat(), p.last_day.isoformat(), p.rate_e4]
            for p in amounts.car_km_rates
        ],
    }


def known_years(added: Iterable[Mapping[str, Any]] = ()) -> dict[int, YearAmounts]:
    """Every year the app knows: the shipped ones, with the coordinator's additions over them."""
    years = dict(SHIPPED)
    for raw in added:
        amounts = year_from_setting(raw)
        years[amounts.year] = amounts
    return dict(sorted(years.items()))


def amounts_on(day: dt.date, *, added: Iterable[Mapping[str, Any]] = ()) -> AmountsOn:
    """The amounts for a document dated ``day`` (the latest earlier ones when not yet known)."""
    years = known_years(added)
    earlier = [y for y in years if y <= day.year] or list(years)
    amounts = years[max(earlier)] if earlier[0] <= day.year else years[min(earlier)]
    periods = sorted((p for y in years.values() for p in y.car_km_rates), key=lambda p: p.first_day)
    covering = [p for p in periods if p.covers(day)]
    before = [p for p in periods if p.first_day <= day]
    car = (
        covering[-1] if covering else (before[-1] if before else (periods[0] if periods else None))
    )
    return AmountsOn(day=day, amounts=amounts, car_km=car)
