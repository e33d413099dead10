"""Calendar quarters, written as ``2026-Q3``: the only time grain that leaves a branch."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from homestart_desktop.i18n import _, format_date

_PATTERN = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]([1-4])\s*$")
# Years a quarter may have: every quarter's neighbours and the year before must still be dates
# (the calendar stops at year 1 and 9999), and no branch counted before 1900.
FIRST_YEAR, LAST_YEAR = 1900, 2999


@dataclasses.dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    # ---- Public API

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """``2026-Q3`` (also ``2026Q3``, ``2026-q3``); a translated ValueError otherwise."""
        found = _PATTERN.match(text or "")
        if not found:
            raise ValueError(_("'{text}' is not a quarter: write it as 2026-Q3.").format(text=text))
        year = int(found.group(1))
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValueError(
                _(
                    "'{text}' is not a quarter the app can count: the year is {first} to {last}."
                ).format(text=text, first=FIRST_YEAR, last=LAST_YEAR)
            )
        return cls(year, int(found.group(2)))

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        """The quarter a day falls in."""
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> dt.date:
        """The last day of the quarter."""
        return self.next().start - dt.timedelta(days=1)

    def is_over(self, on: dt.date) -> bool:
        """True from the day after the quarter's last day: only then are its figures sent."""
        return on > self.end

    def not_over_reason(self) -> str:
        """Why figures of this quarter cannot be sent yet (for people)."""
        return _("{quarter} is not over yet: its figures can be sent from {day} on.").format(
            quarter=str(self), day=format_date(self.next().start)
        )

    def next(self) -> Quarter:
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    def previous(self) -> Quarter:
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )

    def year_before(self) -> Quarter:
        """The same quarter one year earlier."""
        return Quarter(self.year - 1, self.number)

    def last(self, count: int) -> list[Quarter]:
        """``count`` quarters ending with this one, oldest first."""
        quarters = [self]
        while len(quarters) < count:
            quarters.insert(0, quarters[0].previous())
        return quarters

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"
