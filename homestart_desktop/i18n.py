"""Words and formats in the coordinator's language.

Message ids are English; Dutch (nl_BE) is the default language. The translators' catalogs are
``translations/<lang>/<area>.po`` at the top of the project; building the package compiles each
language into ``locale/<lang>/LC_MESSAGES/homestart.mo`` here, which the standard library's
``gettext`` reads (``python tools/translations.py`` does it by hand; see the README).
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from pathlib import Path

from babel.dates import format_date as _babel_format_date
from babel.dates import format_time as _babel_format_time
from babel.numbers import NumberFormatError, format_currency, format_decimal, parse_decimal

LANGUAGES: dict[str, str] = {"nl": "Nederlands", "fr": "Français", "en": "English"}
# English is British English, not en_BE: en_BE writes numbers the continental way (``6,5``,
# ``1.692,51 €``), which an English reader takes for six thousand five hundred. Dates are the
# same in both (and lists use SHORT_DATE anyway).
LOCALES: dict[str, str] = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_GB"}
DEFAULT_LANGUAGE = "nl"
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "homestart"

_current = DEFAULT_LANGUAGE


@cache
def _translations(lang: str) -> _gettext.NullTranslations:
    """The compiled catalog of one language (English words when it is missing)."""
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def set_language(lang: str) -> None:
    """Switch every following ``_()`` to ``lang`` (nl, fr or en)."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _current = lang


def current_language() -> str:
    return _current


def locale_name(lang: str | None = None) -> str:
    return LOCALES[lang or _current]


class MessageInContext(str):
    """An English message marked with :func:`NP_`: it remembers its context, so the ``_()`` or
    ``tr()`` that shows it later translates it as :func:`pgettext` would."""

    context: str

    def __new__(cls, context: str, message: str) -> MessageInContext:
        marked = super().__new__(cls, message)
        marked.context = context
        return marked


def gettext(message: str, *, lang: str | None = None) -> str:
    """Translate ``message`` into the current (or given) language."""
    if isinstance(message, MessageInContext):
        return pgettext(message.context, str(message), lang=lang)
    return _translations(lang or _current).gettext(message)


def ngettext(singular: str, plural: str, n: int, *, lang: str | None = None) -> str:
    """Translate a message with a plural form; ``n`` picks the form."""
    return _translations(lang or _current).ngettext(singular, plural, n)


def pgettext(context: str, message: str, *, lang: str | None = None) -> str:
    """Translate ``message`` as it is meant in ``context``.

    A short English word (*done*, *Reference*, *Waiting*) can need a different word in each
    area: a visit that is done is *gebeurd*, a step that is done is *klaar*. The context (a
    few lowercase words: ``"visit"``, ``"volunteer list"``) keeps each meaning its own
    translation; the translators see it as ``msgctxt`` above the message.
    """
    return _translations(lang or _current).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int, *, lang: str | None = None) -> str:
    """:func:`ngettext` with a context, as :func:`pgettext`."""
    return _translations(lang or _current).npgettext(context, singular, plural, n)


_ = gettext


def N_(message: str) -> str:
    """Mark a string for translation where it is defined; translate it where it is shown."""
    return message


def NP_(context: str, message: str) -> str:
    """:func:`N_` with a context: marked where it is defined, translated with its context by
    the ``_()`` or ``tr()`` that shows it (``STATE_WORDS = {done: NP_("visit", "done")}``)."""
    return MessageInContext(context, message)


# The short date of every list, form and document, in all three languages: Belgian usage, and a
# four-digit year (babel's own fr_BE and en_BE short formats have two, nl_BE drops the leading 0).
SHORT_DATE = "dd/MM/yyyy"


@lru_cache(maxsize=16384)  # a list of 3,000 families shows a few hundred distinct dates
def _short_date(value: dt.date, locale: str) -> str:
    return _babel_format_date(value, format=SHORT_DATE, locale=locale)


@lru_cache(maxsize=4096)  # Today's morning list says a day count on each of 1,200 lines
def _whole_number(value: int, locale: str) -> str:
    return format_decimal(value, locale=locale)


@lru_cache(maxsize=4096)
def _weekday(value: dt.date, locale: str) -> str:
    return _babel_format_date(value, format="EEEE", locale=locale)


def format_short_date(value: dt.date | None, *, lang: str | None = None) -> str:
    """A date in a list or beside a figure: ``03/02/2026``; '' for no date."""
    return "" if value is None else _short_date(value, locale_name(lang))


def format_days(days: int | None, *, lang: str | None = None) -> str:
    """A number of days as a reader says it: ``1 dag``, ``36 dagen``; '' for none."""
    if days is None:
        return ""
    return ngettext("{count} day", "{count} days", days, lang=lang).format(
        count=format_number(days, lang=lang)
    )


def format_date(value: dt.date | None, *, format: str = "short", lang: str | None = None) -> str:
    """A date as a Flemish (French, English) reader expects it; '' for no date.

    Every date on screen and paper is the short date (``03/02/2026``): one format per language,
    so a coordinator never compares *3 feb. 2026* with *03/02/2026*. Other patterns are for
    headings only (a month: ``LLLL yyyy``; a calendar column: ``EEE d/M``).
    """
    if value is None:
        return ""
    if format == "short":
        return format_short_date(value, lang=lang)
    return _babel_format_date(value, format=format, locale=locale_name(lang))


def format_day(value: dt.date | None, *, lang: str | None = None) -> str:
    """A date with its weekday, where the day of the week matters: ``dinsdag 03/02/2026``."""
    if value is None:
        return ""
    weekday = _weekday(value, locale_name(lang))
    return f"{weekday} {format_short_date(value, lang=lang)}"


def format_datetime(value: dt.datetime | None, *, lang: str | None = None) -> str:
    """A moment as the short date and the time: ``03/02/2026 14:05`` (the same date as lists)."""
    if value is None:
        return ""
    time = _babel_format_time(value, format="short", tzinfo=value.tzinfo, locale=locale_name(lang))
    return f"{format_short_date(value.date(), lang=lang)} {time}"


def format_number(
    value: float | int | Decimal, *, decimals: int | None = None, lang: str | None = None
) -> str:
    """A number as the reader writes it: ``6,5`` in Dutch and French, ``6.5`` in English.

    ``decimals`` fixes the digits after the separator (``3,0``, ``0,4270``), as an input field
    shows them; without it, as many as needed.
    """
    if decimals is None:
        if type(value) is int:
            return _whole_number(value, locale_name(lang))
        return format_decimal(value, locale=locale_name(lang))
    pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    return format_decimal(rounded, format=pattern, locale=locale_name(lang))


# What a typed number may hold once currency signs and spaces are gone: digits, separators, a sign.
_TYPED_NUMBER = re.compile(r"[+-]?[0-9.,]+")
_SPACES = re.compile(r"[\s\u00a0\u202f€]")


def parse_number(text: str, *, lang: str | None = None) -> Decimal:
    """A number as a person types it, read in the app's language first: ``6,5`` → 6.5 in Dutch.

    babel reads it strictly (``1.692,51`` in Dutch, ``1,692.51`` in English). A number that is
    not valid in the app's language but is in the other common style (``42.31`` typed in a Dutch
    app, as a calculator shows it) is read in that style; anything else (words, ``1e5``, a
    grouping in the wrong place) raises ``ValueError``.
    """
    cleaned = _SPACES.sub("", text)
    if not _TYPED_NUMBER.fullmatch(cleaned):
        raise ValueError(f"not a number: {len(text)} characters")
    for locale in dict.fromkeys((locale_name(lang), "en_US", "nl_BE")):
        try:
            value = parse_decimal(cleaned, locale=locale, strict=True)
        except NumberFormatError:
            continue
        if value.is_finite():
            return value
    raise ValueError(f"not a number: {len(text)} characters")


def format_money(cents: int, *, lang: str | None = None) -> str:
    """Integer cents as euros: ``€ 1.692,51`` in Dutch."""
    return format_currency(cents / 100, "EUR", locale=locale_name(lang))


def join_words(words: Iterable[str]) -> str:
    return ", ".join(w for w in words if w)
