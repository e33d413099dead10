"""Everything the Figures screen shows for one quarter, read in one go on the worker."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlmodel import Session

from homestart_desktop.data.figures import exports
from homestart_desktop.data.figures.quality import DataProblem, data_problems
from homestart_desktop.data.figures.queries import waiting_at_end
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.sync.disclosure import exact, protect
from homestart_desktop.sync.figures import raw_quarter_figures
from homestart_desktop.sync.outbox import next_payload
from homestart_desktop.sync.ptable import cell_key, perturb
from homestart_desktop.sync.quarter import Quarter

TREND_QUARTERS = 8


@dataclasses.dataclass(frozen=True)
class FiguresView:
    quarter: str
    previous: str
    year_before: str
    figures: dict[str, Any]  # protected: exactly what the package carries
    true_figures: dict[str, Any]  # the exact counts, for the branch's eyes only
    figures_previous: dict[str, Any]
    figures_year_before: dict[str, Any]
    waiting_trend: tuple[tuple[str, int], ...]  # as published; oldest first, ending with quarter
    payload: dict[str, Any] | None  # the next package's payload; None when Settings lack a field
    missing_settings: dict[str, str]  # field -> what to fill in
    versions_made: int  # packages made for this quarter already
    not_over: str = ""  # why the quarter cannot be sent yet ('' when it is over)
    problems: tuple[DataProblem, ...] = ()  # the data-quality list


def quarter_choices(today: dt.date, count: int = 12) -> list[Quarter]:
    """The quarters to pick from, newest first: the current one (still running) and before."""
    return list(reversed(Quarter.of(today).last(count)))


def default_quarter(today: dt.date) -> Quarter:
    """The last complete quarter: the one a coordinator reports on."""
    return Quarter.of(today).previous()


def load_figures_view(*, session: Session, quarter: Quarter, today: dt.date) -> FiguresView:
    """The protected figures of ``quarter``, the quarter before, a year before, and the trend."""
    raw = {
        q: raw_quarter_figures(session=session, quarter=q)
        for q in (quarter, quarter.previous(), quarter.year_before())
    }
    figures = {q: protect(r) for q, r in raw.items()}
    trend = []
    for earlier in quarter.last(TREND_QUARTERS):
        count, keys = waiting_at_end(session=session, end=earlier.end)
        trend.append((str(earlier), perturb(count, cell_key(keys))))
    payload, missing = None, {}
    try:
        payload = next_payload(session=session, quarter=quarter, raw=raw[quarter])
    except ValidationError as refused:
        missing = dict(refused.problems)
    made = sum(1 for e in exports.list_exports(session=session) if e.quarter == str(quarter))
    until = min(quarter.end, today - dt.timedelta(days=1))
    return FiguresView(
        quarter=str(quarter),
        previous=str(quarter.previous()),
        year_before=str(quarter.year_before()),
        figures=figures[quarter],
        true_figures=exact(raw[quarter]),
        figures_previous=figures[quarter.previous()],
        figures_year_before=figures[quarter.year_before()],
        waiting_trend=tuple(trend),
        payload=payload,
        missing_settings=missing,
        versions_made=made,
        not_over="" if quarter.is_over(today) else quarter.not_over_reason(),
        problems=tuple(data_problems(session=session, until=until)),
    )
