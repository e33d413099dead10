"""The volunteers' expenses: the regime of each year and each expense."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from homestart_desktop.data.codes import ExpenseRegime, Transport


class ExpenseYear(SQLModel, table=True):
    """The one expense regime of a volunteer for one calendar year (law of 3 July 2005)."""

    __table_args__ = (UniqueConstraint("volunteer_id", "year"),)
    id: int | None = Field(default=None, primary_key=True)
    volunteer_id: int = Field(foreign_key="volunteer.id", index=True)
    year: int
    regime: ExpenseRegime


class Expense(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    volunteer_id: int = Field(foreign_key="volunteer.id", index=True)
    on: dt.date = Field(index=True)
    km: float = 0.0
    transport: Transport = Transport.car
    amount_cents: int = 0
    purpose: str = ""
    visit_id: int | None = Field(default=None, foreign_key="visit.id")
    paid_on: dt.date | None = Field(default=None, index=True)  # the quarter's expenses paid
