"""Words and formats in the coordinator's language.

Message ids are English; Dutch (nl_BE) is the default language. The translators' catalogs are
``translations/<lang>/<area>.po`` at the top of the project; building the package compiles each
language into ``locale/<lang>/LC_MESSAGES/homestart.mo`` here, which the standard library's
``gettext`` reads (``python tools/translations.py`` does it by hand; see the README).
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from babel.dates import format_date as _babel_format_date
from babel.dates import format_datetime as _babel_format_datetime
from babel.numbers import format_currency, format_decimal

LANGUAGES: dict[str, str] = {"nl": "Nederlands", "fr": "Français", "en": "English"}
LOCALES: dict[str, str] = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_BE"}
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


def gettext(message: str, *, lang: str | None = None) -> str:
    """Translate ``message`` into the current (or given) language."""
    return _translations(lang or _current).gettext(message)


def ngettext(singular: str, plural: str, n: int, *, lang: str | None = None) -> str:
    """Translate a message with a plural form; ``n`` picks the form."""
    return _translations(lang or _current).ngettext(singular, plural, n)


_ = gettext


def N_(message: str) -> str:
    """Mark a string for translation where it is defined; translate it where it is shown."""
    return message


def format_date(value: dt.date | None, *, format: str = "medium", lang: str | None = None) -> str:
    """A date as a Flemish (French, English) reader expects it; '' for no date."""
    if value is None:
        return ""
    if format == "short":
        return value.strftime("%d/%m/%Y")
    return _babel_format_date(value, format=format, locale=locale_name(lang))


def format_datetime(value: dt.datetime | None, *, lang: str | None = None) -> str:
    if value is None:
        return ""
    return _babel_format_datetime(value, format="short", locale=locale_name(lang))


def format_number(value: float | int, *, lang: str | None = None) -> str:
    return format_decimal(value, locale=locale_name(lang))


def format_money(cents: int, *, lang: str | None = None) -> str:
    """Integer cents as euros: ``€ 1.692,51`` in Dutch."""
    return format_currency(cents / 100, "EUR", locale=locale_name(lang))


def join_words(words: Iterable[str]) -> str:
    return ", ".join(w for w in words if w)
