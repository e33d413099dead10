"""Languages read as names in the app's language: "uk" is Ukrainian, not the United Kingdom."""

from __future__ import annotations

import pytest

from homestart_desktop.domain.languages import COMMON_LANGUAGES, language_choices, languages_text
from homestart_desktop.i18n import set_language


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "Oekraïens, Russisch, Berbers (Tamazight)"),
        ("fr", "ukrainien, russe, berbère (tamazight)"),
        ("en", "Ukrainian, Russian, Berber (Tamazight)"),
    ],
)
def test_codes_read_as_language_names(lang: str, expected: str) -> None:
    set_language(lang)
    assert languages_text(["uk", "ru", "ber"]) == expected


def test_the_list_to_pick_from_has_the_common_languages_first() -> None:
    choices = language_choices()
    codes = [code for code, _name in choices]
    assert set(codes[: len(COMMON_LANGUAGES)]) == set(COMMON_LANGUAGES)
    assert len(codes) == len(set(codes)) > 300
    names = dict(choices)
    assert names["uk"] == "Oekraïens" and names["prs"] == "Dari"
