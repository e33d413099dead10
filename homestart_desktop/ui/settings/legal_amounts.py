"""The legal amounts per year the coordinator adds when new ones are published (Settings).

One row per car km-rate period: its year, that year's flat-rate ceilings, the bicycle rate and
the km limit, and the car's rate from one day to another. Rows of one year carry the same
ceilings. The years the app ships (data/legal_amounts.py) are shown above, read-only; a year
added here wins over a shipped one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from homestart_desktop.data.legal_amounts import SHIPPED
from homestart_desktop.i18n import _, format_date, format_money, format_number
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.number_edit import NumberEdit, NumberProblem

COLUMNS = (
    "year",
    "day_cents",
    "year_cents",
    "bicycle_km_e4",
    "combined_km_limit",
    "first_day",
    "last_day",
    "car_km_e4",
)


class YearEdit(QLineEdit):
    """A year as written on a calendar: 2026, never grouped as a number (2.026)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setValidator(QIntValidator(2000, 2100, self))
        self.setPlaceholderText("2026")

    def value(self) -> Decimal | None:
        if not self.text().strip().isdigit() or len(self.text().strip()) != 4:
            raise NumberProblem(_("Give the year in four digits, e.g. 2026."))
        return Decimal(self.text().strip())

    def set_value(self, value: int | None) -> None:
        self.setText("" if value is None else str(value))


class AmountsProblem(ValueError):
    """A row that cannot be read (the message goes beside the field)."""


class LegalAmountsEdit(QWidget):
    """Rows of amounts with an 'Add a period' button; ``values()`` is what the settings store."""

    def __init__(self, on_change: Callable[[], None]) -> None:
        super().__init__()
        self._on_change = on_change
        self.rows: list[dict[str, Any]] = []
        shipped = QLabel(self._shipped_text(), self, objectName="hint")
        shipped.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(6)
        headers = (
            _("Year"),
            _("Per day"),
            _("Per year"),
            _("Bicycle per km"),
            _("Km limit"),
            _("Car rate from"),
            _("to"),
            _("Car per km"),
        )
        for column, text in enumerate(headers):
            self.grid.addWidget(QLabel(text, self), 0, column)
        self.add_button = QPushButton(_("Add a period"), self, objectName="add_legal_amounts")
        self.add_button.clicked.connect(lambda: (self._add_row(), self._on_change()))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(shipped)
        column.addLayout(self.grid)
        column.addWidget(self.add_button)

    def set_values(self, stored: tuple[dict[str, Any], ...]) -> None:
        for row in self.rows:
            for widget in row.values():
                widget.deleteLater()
        self.rows = []
        for year in stored:
            for first, last, rate in year.get("car_km_rates", ()) or [(None, None, 0)]:
                self._add_row(
                    year=year["year"],
                    day=Decimal(year["day_cents"]) / 100,
                    per_year=Decimal(year["year_cents"]) / 100,
                    bike=Decimal(year["bicycle_km_e4"]) / 10_000,
                    limit=year["combined_km_limit"],
                    first=dt.date.fromisoformat(first) if first else None,
                    last=dt.date.fromisoformat(last) if last else None,
                    car=Decimal(rate) / 10_000 if first else None,
                )

    def values(self) -> tuple[dict[str, Any], ...]:
        """The years as the settings store them; raises AmountsProblem on a row that is wrong."""
        years: dict[int, dict[str, Any]] = {}
        for row in self.rows:
            try:
                numbers = {k: row[k].value() for k in COLUMNS if k not in ("first_day", "last_day")}
            except NumberProblem as problem:
                raise AmountsProblem(str(problem)) from None
            if any(v is None for k, v in numbers.items() if k != "car_km_e4"):
                raise AmountsProblem(
                    _("Fill in the year, both ceilings, bicycle rate and km limit.")
                )
            year = int(numbers["year"])
            entry = {
                "year": year,
                "day_cents": int(numbers["day_cents"] * 100),
                "year_cents": int(numbers["year_cents"] * 100),
                "bicycle_km_e4": int(numbers["bicycle_km_e4"] * 10_000),
                "combined_km_limit": int(numbers["combined_km_limit"]),
            }
            known = years.setdefault(year, {**entry, "car_km_rates": []})
            if {k: known[k] for k in entry} != entry:
                raise AmountsProblem(
                    _("The rows of {year} give different ceilings.").format(year=year)
                )
            first, last = row["first_day"].date_value(), row["last_day"].date_value()
            if numbers["car_km_e4"] is not None:
                if first is None or last is None or last < first:
                    raise AmountsProblem(_("Give the car rate's first and last day, in order."))
                rate = int(numbers["car_km_e4"] * 10_000)
                known["car_km_rates"].append([first.isoformat(), last.isoformat(), rate])
        return tuple(years[y] for y in sorted(years))

    # ---- Internals

    def _add_row(self, **shown: Any) -> None:
        row = {
            "year": YearEdit(self),
            "day_cents": NumberEdit(self, decimals=2, maximum=10_000, unit="€", optional=True),
            "year_cents": NumberEdit(self, decimals=2, maximum=100_000, unit="€", optional=True),
            "bicycle_km_e4": NumberEdit(self, decimals=4, maximum=10, unit="€", optional=True),
            "combined_km_limit": NumberEdit(self, maximum=100_000, optional=True),
            "first_day": DateEdit(self, optional=True),
            "last_day": DateEdit(self, optional=True),
            "car_km_e4": NumberEdit(self, decimals=4, maximum=10, unit="€", optional=True),
        }
        values = {
            "year": shown.get("year"),
            "day_cents": shown.get("day"),
            "year_cents": shown.get("per_year"),
            "bicycle_km_e4": shown.get("bike"),
            "combined_km_limit": shown.get("limit"),
            "car_km_e4": shown.get("car"),
        }
        line = len(self.rows) + 1
        for column, key in enumerate(COLUMNS):
            widget = row[key]
            widget.setObjectName(f"legal_{key}_{line}")
            widget.setMinimumWidth(120 if key in ("first_day", "last_day") else 70)
            if key in ("first_day", "last_day"):
                widget.set_date(shown.get("first" if key == "first_day" else "last"))
                widget.dateChanged.connect(self._on_change)
            else:
                widget.set_value(values[key])
                widget.textEdited.connect(self._on_change)
            self.grid.addWidget(widget, line, column)
        self.rows.append(row)

    @staticmethod
    def _shipped_text() -> str:
        parts = []
        for year in SHIPPED.values():
            rates = "; ".join(
                _("car {rate}/km from {first} to {last}").format(
                    rate="€ " + format_number(Decimal(p.rate_e4) / 10_000, decimals=4),
                    first=format_date(p.first_day, format="short"),
                    last=format_date(p.last_day, format="short"),
                )
                for p in year.car_km_rates
            )
            parts.append(
                _("{year}: {day} a day, {per_year} a year; {rates}").format(
                    year=year.year,
                    day=format_money(year.day_cents),
                    per_year=format_money(year.year_cents),
                    rates=rates,
                )
            )
        return _(
            "Shipped with the app: {years}. Add a year here when new amounts are published; "
            "documents print the amounts of their own date."
        ).format(years=" · ".join(parts))
