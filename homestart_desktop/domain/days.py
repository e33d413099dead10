"""Weekdays and half-days in words, written one way on every screen and paper.

Dutch writes a weekday and its half-day as one word (*maandagavond*, *dinsdagvoormiddag*),
French and English as two (*lundi soir*, *Monday evening*): the translation of
``{weekday} evening`` says which. Weekday names come from babel (CLDR), so they need no catalog.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from babel.dates import get_day_names

from homestart_desktop.i18n import N_, _, gettext, locale_name

WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
HALF_DAYS = ("morning", "afternoon", "evening")
HALF_DAY_NAMES = {
    "morning": N_("morning"),
    "afternoon": N_("afternoon"),
    "evening": N_("evening"),
}
HALF_DAY_FORMS = {
    "morning": N_("{weekday} morning"),
    "afternoon": N_("{weekday} afternoon"),
    "evening": N_("{weekday} evening"),
}
SHORT_HALF_DAYS = {"morning": N_("am"), "afternoon": N_("pm"), "evening": N_("eve")}


@cache
def _day_names(locale: str, width: str) -> dict[int, str]:
    return dict(get_day_names(width, locale=locale))


def _weekday_index(weekday: int | str) -> int:
    return weekday if isinstance(weekday, int) else WEEKDAY_CODES.index(weekday)


def weekday_name(weekday: int | str, *, short: bool = False) -> str:
    """Monday (0 or ``mon``) as *maandag* (short: *ma*) in the current language."""
    names = _day_names(locale_name(), "abbreviated" if short else "wide")
    return names[_weekday_index(weekday)]


def half_day_name(half_day: str, *, lang: str | None = None) -> str:
    """``evening`` as *avond*: a half-day on its own (a list of half-days, beside a date)."""
    return gettext(HALF_DAY_NAMES[str(half_day)], lang=lang)


def half_day_text(weekday: int | str, half_day: str) -> str:
    """A weekday's half-day: *maandagavond*, *lundi soir*, *Monday evening*."""
    return _(HALF_DAY_FORMS[str(half_day)]).format(weekday=weekday_name(weekday))


def slot_text(slot: str) -> str:
    """A slot code ``tue-morning`` as *dinsdagvoormiddag*."""
    day, _sep, half = slot.partition("-")
    return half_day_text(day, half)


def slots_text(slots: Iterable[str | tuple[int, str]]) -> str:
    """Many half-days in little room, in week order: *ma vm, do avond*.

    Takes slot codes (``tue-morning``) or (weekday, half-day) pairs alike.
    """
    pairs = set()
    for slot in slots:
        if isinstance(slot, str):
            day, _sep, half = slot.partition("-")
            if day not in WEEKDAY_CODES or half not in HALF_DAYS:
                continue
            pairs.add((WEEKDAY_CODES.index(day), half))
        else:
            pairs.add((slot[0], str(slot[1])))
    ordered = sorted(pairs, key=lambda p: (p[0], HALF_DAYS.index(p[1])))
    return ", ".join(
        f"{weekday_name(day, short=True).rstrip('.')} {_(SHORT_HALF_DAYS[half])}"
        for day, half in ordered
    )
