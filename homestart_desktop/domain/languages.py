"""Languages as words in the app's language (*Oekraïens*, not ``uk``), and the list to pick from.

Families and volunteers store ISO 639 codes; every screen and paper shows the names babel (CLDR)
gives them in the coordinator's language. The codes stay in the case file and in exports.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from babel import Locale

from homestart_desktop.domain.search import normalise
from homestart_desktop.i18n import N_, _, locale_name

# Languages common among the families that CLDR has no name for.
EXTRA_LANGUAGES = {"ber": N_("Berber (Tamazight)"), "prs": N_("Dari")}
# Shown first in the list to pick from: the languages Home-Start families in Flanders speak most.
COMMON_LANGUAGES = (
    "nl", "fr", "en", "ar", "ber", "tr", "ru", "uk", "pl", "ro", "bg", "es", "it", "pt", "de",
    "sq", "so", "ti", "am", "prs", "ps", "fa", "ku", "ur", "hy", "ka", "ln", "rom", "zh",
)  # fmt: skip


@cache
def _language_names(locale: str) -> dict[str, str]:
    return {code: name for code, name in Locale.parse(locale).languages.items() if "_" not in code}


def language_name(code: str) -> str:
    """A language code as a word in the current language: ``ar`` → "Arabisch"."""
    if code in EXTRA_LANGUAGES:
        return _(EXTRA_LANGUAGES[code])
    return _language_names(locale_name()).get(code, code)


def languages_text(codes: Iterable[str]) -> str:
    """Codes as names for a list or a form: ``uk, ru`` → "Oekraïens, Russisch"."""
    return ", ".join(language_name(code) for code in codes if code)


def language_choices() -> list[tuple[str, str]]:
    """(code, name) of every language to pick from: the common ones first, then A to Z."""
    names = dict(_language_names(locale_name()))
    names.update({code: _(name) for code, name in EXTRA_LANGUAGES.items()})
    common = sorted(COMMON_LANGUAGES, key=lambda code: normalise(names.get(code, code)))
    rest = sorted(
        (code for code in names if code not in COMMON_LANGUAGES), key=lambda c: normalise(names[c])
    )
    return [(code, names.get(code, code)) for code in (*common, *rest)]
