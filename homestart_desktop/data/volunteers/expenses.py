"""Volunteer expenses per calendar year, against the ceilings of the law of 3 July 2005.

One regime per volunteer per year: **flat rate** (a day amount up to the day ceiling, and the
year's total up to the year ceiling; travel may be added at actual cost for at most the combined
km limit, 2,000 km) or **actual costs** (km × the rate of the day of entry, and proven costs).
An entry that would pass a ceiling is refused; from 90% of a ceiling on, the summary warns, so the
coordinator sees it coming. Amounts are the branch settings of the day the entry is made: a km
entry stores its amount, so a later rate change leaves past entries as they were paid.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from sqlmodel import Session, func, select

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.models import Expense, ExpenseRegime, ExpenseYear, Transport
from homestart_desktop.data.settings import BranchSettings, load_settings
from homestart_desktop.data.validation import Problems, ValidationError, check_typed
from homestart_desktop.data.volunteers.register import _row
from homestart_desktop.i18n import N_, _, format_money, format_number, parse_number

# How the screen and the statement name a means of transport and an expense regime.
TRANSPORT_WORDS = {
    Transport.car: N_("car"),
    Transport.bicycle: N_("bicycle"),
    Transport.public_transport: N_("public transport"),
    Transport.other: N_("other"),
}
REGIME_WORDS = {
    ExpenseRegime.flat_rate: N_("flat-rate expenses"),
    ExpenseRegime.actual_costs: N_("actual costs"),
}
WARN_SHARE = Decimal("0.9")  # warn from 90% of a ceiling on
KM_TRANSPORT = (Transport.car, Transport.bicycle)


@dataclasses.dataclass(frozen=True)
class ExpenseIn:
    """One entry as typed: km or an amount in euros (text, as the coordinator typed it)."""

    on: dt.date
    km: str | Decimal = ""  # text as typed (the command line), or read already (the screen)
    amount: str | Decimal = ""
    transport: Transport = Transport.car
    purpose: str = ""


@dataclasses.dataclass(frozen=True)
class ExpenseLine:
    id: int
    on: dt.date
    km: float
    transport: Transport
    amount_cents: int
    purpose: str
    is_flat: bool  # counts against the flat-rate ceilings


@dataclasses.dataclass(frozen=True)
class YearSummary:
    """A volunteer's expenses for one calendar year, with totals and warnings."""

    year: int
    regime: ExpenseRegime
    regime_chosen: bool  # False: the branch default applies until the first entry or a choice
    lines: tuple[ExpenseLine, ...]
    total_cents: int
    flat_cents: int
    km_total: float
    km_cents: int
    busiest_day_cents: int
    day_limit_cents: int
    year_limit_cents: int
    km_limit: int
    warnings: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class ExpenseSaved:
    id: int
    warnings: tuple[str, ...]
    changes: Changes


# ---- Parsing what was typed


def parse_amount(text: str | Decimal) -> int:
    """'12,50' or '€ 1.234,56' → cents; refuse negatives and a third decimal."""
    if isinstance(text, Decimal):
        value = text
    elif not text.strip():
        return 0
    else:
        try:
            value = parse_number(text)
        except ValueError:
            raise ValidationError({"amount": _("Type an amount in euros, e.g. 12,50.")}) from None
    if value < 0:
        raise ValidationError({"amount": _("An amount cannot be negative.")})
    if value != value.quantize(Decimal("0.01")):
        raise ValidationError({"amount": _("An amount has at most two decimals (cents).")})
    return int(value * 100)


def parse_km(text: str | Decimal) -> Decimal:
    """'12,5' → 12.5 km; refuse negatives, more than one decimal and unlikely distances."""
    if isinstance(text, Decimal):
        value = text
    elif not text.strip():
        return Decimal(0)
    else:
        try:
            value = parse_number(text)
        except ValueError:
            raise ValidationError({"km": _("Type a number of kilometres, e.g. 12,5.")}) from None
    if value < 0:
        raise ValidationError({"km": _("Kilometres cannot be negative.")})
    if value != value.quantize(Decimal("0.1")):
        raise ValidationError({"km": _("Give kilometres with at most one decimal.")})
    if value > 1000:
        raise ValidationError({"km": _("More than 1,000 km in one entry: please check.")})
    return value


def km_cents(km: Decimal, transport: Transport, settings: BranchSettings) -> int:
    """The km allowance in cents at the branch's current rate (euro × 10⁴ per km)."""
    rate = (
        settings.bicycle_km_rate_e4 if transport == Transport.bicycle else settings.car_km_rate_e4
    )
    return int((km * rate / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


# ---- Reading


def year_summary(*, session: Session, volunteer_id: int, year: int) -> YearSummary:
    """The year's entries, totals against the ceilings, and warnings near a ceiling."""
    settings = load_settings(session=session)
    chosen = _year_row(session, volunteer_id, year)
    regime = ExpenseRegime(chosen.regime) if chosen else settings.expense_regime
    flat = regime == ExpenseRegime.flat_rate
    rows = session.exec(
        select(Expense)
        .where(Expense.volunteer_id == volunteer_id)
        .where(Expense.on >= dt.date(year, 1, 1), Expense.on <= dt.date(year, 12, 31))
        .order_by(Expense.on, Expense.id)
    ).all()
    lines = tuple(
        ExpenseLine(
            e.id, e.on, e.km, Transport(e.transport), e.amount_cents, e.purpose, flat and not e.km
        )
        for e in rows
    )
    per_day: dict[dt.date, int] = defaultdict(int)
    for line in lines:
        if line.is_flat:
            per_day[line.on] += line.amount_cents
    km_lines = [line for line in lines if line.km]
    summary = YearSummary(
        year=year,
        regime=regime,
        regime_chosen=chosen is not None,
        lines=lines,
        total_cents=sum(line.amount_cents for line in lines),
        flat_cents=sum(per_day.values()),
        km_total=float(sum(Decimal(str(line.km)) for line in km_lines)),
        km_cents=sum(line.amount_cents for line in km_lines),
        busiest_day_cents=max(per_day.values(), default=0),
        day_limit_cents=settings.flat_rate_day_cents,
        year_limit_cents=settings.flat_rate_year_cents,
        km_limit=settings.combined_km_limit,
        warnings=(),
    )
    return dataclasses.replace(summary, warnings=tuple(_warnings(summary)))


def expense_years(*, session: Session, volunteer_id: int) -> list[int]:
    """The calendar years with a regime or entries for this volunteer, newest first."""
    years = {
        row
        for row in session.exec(
            select(ExpenseYear.year).where(ExpenseYear.volunteer_id == volunteer_id)
        )
    }
    years |= {
        int(y)
        for y in session.exec(
            select(func.strftime("%Y", Expense.on)).where(Expense.volunteer_id == volunteer_id)
        )
    }
    return sorted(years, reverse=True)


# ---- Writing


def set_regime(*, session: Session, volunteer_id: int, year: int, regime: ExpenseRegime) -> Changes:
    """Choose the year's regime; once the year has entries it cannot change (one per year)."""
    _row(session, volunteer_id)
    current = _year_row(session, volunteer_id, year)
    if current is not None and current.regime == regime:
        return Changes()
    count = len(_entries(session, volunteer_id, year))
    if current is not None and count:
        raise ValidationError(
            {
                "regime": _(
                    "The law allows one regime per calendar year: {year} already has "
                    "entries under the other regime ({count})."
                ).format(year=year, count=count)
            }
        )
    row = current or ExpenseYear(volunteer_id=volunteer_id, year=year, regime=regime)
    row.regime = regime
    session.add(row)
    return Changes(expenses=True)


def add_expense(
    *, session: Session, volunteer_id: int, expense_in: ExpenseIn, today: dt.date
) -> ExpenseSaved:
    """Record an entry; refuse it when it would pass a ceiling, warn when one comes near."""
    _row(session, volunteer_id)
    settings = load_settings(session=session)
    problems = Problems()
    if expense_in.on > today:
        problems.add("on", _("This date is in the future."))
    check_typed(problems, expense_in, today=today, first_year=settings.founded_year)
    km = amount = None
    try:
        km = parse_km(expense_in.km)
    except ValidationError as error:
        problems.update(error.problems)
    try:
        amount = parse_amount(expense_in.amount)
    except ValidationError as error:
        problems.update(error.problems)
    problems.raise_if_any()
    if km and amount:
        problems.add("amount", _("Give either kilometres or an amount, not both."))
    elif km and expense_in.transport not in KM_TRANSPORT:
        problems.add("km", _("Kilometres are paid by car or bicycle; give a ticket's amount."))
    elif not km and not amount:
        problems.add("amount", _("Give kilometres or an amount."))
    problems.raise_if_any()
    year = expense_in.on.year
    if _year_row(session, volunteer_id, year) is None:
        session.add(
            ExpenseYear(volunteer_id=volunteer_id, year=year, regime=settings.expense_regime)
        )
        session.flush()
    before = year_summary(session=session, volunteer_id=volunteer_id, year=year)
    cents = km_cents(km, expense_in.transport, settings) if km else amount
    _refuse_passing(before, expense_in.on, km, cents)
    expense = Expense(
        volunteer_id=volunteer_id,
        on=expense_in.on,
        km=float(km),
        transport=expense_in.transport,
        amount_cents=cents,
        purpose=expense_in.purpose.strip(),
    )
    session.add(expense)
    session.flush()
    after = year_summary(session=session, volunteer_id=volunteer_id, year=year)
    return ExpenseSaved(expense.id, after.warnings, Changes(expenses=True))


def delete_expense(*, session: Session, volunteer_id: int, expense_id: int) -> Changes:
    """Remove one entry of this volunteer."""
    expense = session.get(Expense, expense_id)
    if expense is not None and expense.volunteer_id == volunteer_id:
        session.delete(expense)
    return Changes(expenses=True)


# ---- Internals


def _year_row(session: Session, volunteer_id: int, year: int) -> ExpenseYear | None:
    return session.exec(
        select(ExpenseYear).where(
            ExpenseYear.volunteer_id == volunteer_id, ExpenseYear.year == year
        )
    ).first()


def _entries(session: Session, volunteer_id: int, year: int) -> list[int]:
    return list(
        session.exec(
            select(Expense.id)
            .where(Expense.volunteer_id == volunteer_id)
            .where(Expense.on >= dt.date(year, 1, 1), Expense.on <= dt.date(year, 12, 31))
        )
    )


def _refuse_passing(before: YearSummary, on: dt.date, km: Decimal, cents: int) -> None:
    if before.regime != ExpenseRegime.flat_rate:
        return
    if km:
        km_after = Decimal(str(before.km_total)) + km
        if km_after > before.km_limit:
            left = max(Decimal(0), before.km_limit - Decimal(str(before.km_total)))
            raise ValidationError(
                {
                    "km": _(
                        "Next to a flat rate, at most {limit} km a year can be paid; "
                        "{left} km are left this year."
                    ).format(limit=format_number(before.km_limit), left=format_number(left))
                }
            )
        return
    day = sum(line.amount_cents for line in before.lines if line.is_flat and line.on == on)
    if day + cents > before.day_limit_cents:
        raise ValidationError(
            {
                "amount": _(
                    "This passes the flat-rate ceiling of {limit} a day; {left} is left for "
                    "this day."
                ).format(
                    limit=format_money(before.day_limit_cents),
                    left=format_money(max(0, before.day_limit_cents - day)),
                )
            }
        )
    if before.flat_cents + cents > before.year_limit_cents:
        raise ValidationError(
            {
                "amount": _(
                    "This passes the flat-rate ceiling of {limit} a year; {left} is left this year."
                ).format(
                    limit=format_money(before.year_limit_cents),
                    left=format_money(max(0, before.year_limit_cents - before.flat_cents)),
                )
            }
        )


def _warnings(s: YearSummary) -> list[str]:
    if s.regime != ExpenseRegime.flat_rate:
        return []
    found = []
    if s.flat_cents >= WARN_SHARE * s.year_limit_cents:
        found.append(
            _("{used} of the yearly ceiling of {limit} is used: {left} is left.").format(
                used=format_money(s.flat_cents),
                limit=format_money(s.year_limit_cents),
                left=format_money(max(0, s.year_limit_cents - s.flat_cents)),
            )
        )
    if s.km_total >= float(WARN_SHARE) * s.km_limit:
        found.append(
            _("{used} of the {limit} km a year beside the flat rate are used.").format(
                used=format_number(s.km_total), limit=format_number(s.km_limit)
            )
        )
    return found
