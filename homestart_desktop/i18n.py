"""Words and formats in the coordinator's language.

Message ids are English; Dutch (nl_BE) is the default language. Catalogs live in
``translations/<lang>/*.po``, one file per area of the app, so that areas can be translated
independently; they are read and merged at load, no compile step needed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache, lru_cache
from gettext import c2py
from pathlib import Path

from babel.dates import format_date as _babel_format_date
from babel.dates import format_time as _babel_format_time
from babel.numbers import NumberFormatError, format_currency, format_decimal, parse_decimal

LANGUAGES: dict[str, str] = {"nl": "Nederlands", "fr": "Français", "en": "English"}
LOCALES: dict[str, str] = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_BE"}
DEFAULT_LANGUAGE = "nl"
TRANSLATIONS_DIR = Path(__file__).parent / "translations"

_current = DEFAULT_LANGUAGE


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_ESCAPE = re.compile(r"\\(.)")


def _unquote(text: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), text.strip()[1:-1])


def _po_entries(path: Path) -> Iterator[tuple[str, str | tuple[str, ...], bool]]:
    """(msgid, msgstr or its plural forms, fuzzy) of each entry of a .po file.

    A small reader rather than babel's ``read_po``: the catalogs are read before the unlock
    window can show, and this takes 15 ms where babel took 90.
    """
    entry: dict[str, str] = {}
    key, fuzzy = "", False
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#~"):
            continue
        starts_next = line.startswith("#") or line.startswith("msgid ")
        if starts_next and ("msgstr" in entry or "msgstr[0]" in entry):
            yield _finished(entry, fuzzy)
            entry, fuzzy = {}, False
        if line.startswith("#"):
            fuzzy = fuzzy or (line.startswith("#,") and "fuzzy" in line)
        elif line.startswith('"'):
            entry[key] += _unquote(line)
        else:
            key, _, value = line.partition(" ")
            entry[key] = _unquote(value)
    if "msgid" in entry:
        yield _finished(entry, fuzzy)


def _finished(entry: dict[str, str], fuzzy: bool) -> tuple[str, str | tuple[str, ...], bool]:
    if "msgid_plural" in entry:
        forms = tuple(entry[f"msgstr[{i}]"] for i in range(10) if f"msgstr[{i}]" in entry)
        return entry["msgid"], forms, fuzzy
    return entry["msgid"], entry.get("msgstr", ""), fuzzy


@cache
def _catalog(lang: str) -> dict[str, str | tuple[str, ...]]:
    """All messages of one language, merged from every area's .po file."""
    messages: dict[str, str | tuple[str, ...]] = {}
    folder = TRANSLATIONS_DIR / lang
    for po_path in sorted(folder.glob("*.po")):
        for key, string, fuzzy in _po_entries(po_path):
            if not key or fuzzy:
                continue
            if isinstance(string, tuple):
                # babel gives French a third ("many") form that catalogs leave empty: keep
                # the filled forms (one, other); ngettext falls back to the last for "many".
                forms = tuple(form for form in string if form)
                if len(forms) >= 2:
                    messages[key] = forms
            elif string:
                messages[key] = string
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


# The short date of every list, form and document, in all three languages: Belgian usage, and a
# four-digit year (babel's own fr_BE and en_BE short formats have two, nl_BE drops the leading 0).
SHORT_DATE = "dd/MM/yyyy"


@lru_cache(maxsize=16384)  # a list of 3,000 families shows a few hundred distinct dates
def _short_date(value: dt.date, locale: str) -> str:
    return _babel_format_date(value, format=SHORT_DATE, locale=locale)


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
    weekday = _babel_format_date(value, format="EEEE", locale=locale_name(lang))
    return f"{weekday} {format_short_date(value, lang=lang)}"


def format_datetime(value: dt.datetime | None, *, lang: str | None = None) -> str:
    """A moment as the short date and the time: ``03/02/2026 14:05`` (the same date as lists)."""
    if value is None:
        return ""
    time = _babel_format_time(value, format="short", tzinfo=value.tzinfo, locale=locale_name(lang))
    return f"{format_short_date(value.date(), lang=lang)} {time}"


def format_number(value: float | int, *, lang: str | None = None) -> str:
    return format_decimal(value, locale=locale_name(lang))


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
