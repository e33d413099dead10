"""Words and formats in the coordinator's language.

Message ids are English; Dutch (nl_BE) is the default language. Catalogs live in
``translations/<lang>/*.po``, one file per area of the app, so that areas can be translated
independently; they are read and merged at load (babel), no compile step needed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache
from gettext import c2py
from pathlib import Path

from babel.dates import format_date as _babel_format_date
from babel.dates import format_datetime as _babel_format_datetime
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal

LANGUAGES: dict[str, str] = {"nl": "Nederlands", "fr": "Français", "en": "English"}
LOCALES: dict[str, str] = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_BE"}
DEFAULT_LANGUAGE = "nl"
TRANSLATIONS_DIR = Path(__file__).parent / "translations"

_current = DEFAULT_LANGUAGE


@cache
def _catalog(lang: str) -> dict[str, str | tuple[str, ...]]:
    """All messages of one language, merged from every area's .po file."""
    messages: dict[str, str | tuple[str, ...]] = {}
    folder = TRANSLATIONS_DIR / lang
    for po_path in sorted(folder.glob("*.po")):
        with po_path.open("rb") as fh:
            catalog = read_po(fh, locale=LOCALES[lang])
        for message in catalog:
            if not message.id or message.fuzzy:
                continue
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            if isinstance(message.string, tuple):
                # babel gives French a third ("many") form that catalogs leave empty: keep
                # the filled forms (one, other); ngettext falls back to the last for "many".
                forms = tuple(form for form in message.string if form)
                if len(forms) >= 2:
                    messages[key] = forms
            elif message.string:
                messages[key] = message.string
    return messages


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
    found = _catalog(lang or _current).get(message)
    if isinstance(found, tuple):
        return found[0]
    return found or message


def ngettext(singular: str, plural: str, n: int, *, lang: str | None = None) -> str:
    """Translate a message with a plural form; ``n`` picks the form."""
    language = lang or _current
    found = _catalog(language).get(singular)
    if isinstance(found, tuple):
        return found[min(_plural_index(language)(n), len(found) - 1)]
    return singular if n == 1 else plural


@cache
def _plural_index(lang: str):  # -> Callable[[int], int]
    """Which plural form a count takes, from the language's gettext plural rule."""
    from babel.messages.plurals import get_plural

    return c2py(get_plural(LOCALES[lang]).plural_expr)


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
