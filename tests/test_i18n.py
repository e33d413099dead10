"""Every message of the app has a Dutch and a French translation, with the same placeholders.

The message ids are extracted from the source with babel, the way a translator's tools would;
a message missing from ``translations/nl/*.po`` or ``translations/fr/*.po`` fails the test with
its file and line, so whoever adds a string adds its translations in the same commit.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import homestart_desktop
from homestart_desktop.cli import ARGPARSE_WORDS
from homestart_desktop.i18n import (
    LOCALES,
    format_date,
    format_day,
    format_days,
    format_short_date,
    parse_number,
)

PACKAGE = Path(homestart_desktop.__file__).parent
TRANSLATIONS_DIR = PACKAGE.parent / "translations"  # the translators' sources
KEYWORDS = {
    "_": None,
    "N_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "tr": None,
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "NP_": ((1, "c"), 2),
}
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def _messages() -> dict[str | tuple[str, str], str]:
    """Every msgid in the package (plural ones as (singular, plural)), with where it is."""
    found: dict[str | tuple[str, str], str] = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        if isinstance(message, tuple):
            if any(part is None for part in message):
                continue  # ngettext with a non-literal argument: nothing to check
            message = (_in_context(context, message[0]), message[1])
        elif not message:
            continue
        else:
            message = _in_context(context, message)
        found.setdefault(message, f"{filename}:{lineno}")
    return found


def _in_context(context: str | None, message: str) -> str:
    """A message with a context as gettext keys it: ``context`` EOT ``message``."""
    return message if context is None else f"{context}\x04{message}"


def _catalog(lang: str) -> dict[str, str | tuple[str, ...]]:
    merged: dict[str, str | tuple[str, ...]] = {}
    for po_path in sorted((TRANSLATIONS_DIR / lang).glob("*.po")):
        with po_path.open("rb") as fh:
            catalog = read_po(fh, locale=LOCALES[lang])
        for message in catalog:
            if not message.id or message.fuzzy:
                continue
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            key = _in_context(message.context, key)
            if isinstance(message.string, tuple):
                # Like the compiled catalog: the filled forms (French's empty "many" form is left out).
                merged[key] = tuple(form for form in message.string if form)
            else:
                merged[key] = message.string
    return merged


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


MESSAGES = _messages()


def test_the_package_has_messages_to_translate() -> None:
    assert len(MESSAGES) > 50


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_every_message_is_translated(lang: str) -> None:
    catalog = _catalog(lang)
    missing = []
    for message, where in sorted(MESSAGES.items(), key=lambda item: item[1]):
        key = message[0] if isinstance(message, tuple) else message
        translation = catalog.get(key)
        plural = isinstance(message, tuple)
        complete = len(translation) >= 2 if plural and translation else bool(translation)
        if not complete:
            missing.append(f"{where}: {key!r}")
    assert not missing, f"{len(missing)} messages without a {lang} translation:\n" + "\n".join(
        missing
    )


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_translations_keep_the_placeholders(lang: str) -> None:
    wrong = []
    for key, translation in _catalog(lang).items():
        if isinstance(translation, tuple):
            # Plural forms: a singular form may spell out "one", but names nothing new.
            allowed = _placeholders(key) | set().union(*(_placeholders(t) for t in translation))
            plural_ids = [m for m in MESSAGES if isinstance(m, tuple) and m[0] == key]
            if plural_ids:
                allowed = _placeholders(plural_ids[0][0]) | _placeholders(plural_ids[0][1])
            bad = [t for t in translation if t and not _placeholders(t) <= allowed]
            if bad or (translation and _placeholders(translation[-1]) != allowed):
                wrong.append(f"{key!r} → {translation!r}")
        elif translation and _placeholders(translation) != _placeholders(key):
            wrong.append(f"{key!r} → {translation!r}")
    assert not wrong, f"{lang}: placeholders differ from the message id:\n" + "\n".join(wrong)


def test_message_ids_use_named_placeholders() -> None:
    positional = [
        f"{where}: {message!r}"
        for message, where in MESSAGES.items()
        for text in (message if isinstance(message, tuple) else (message,))
        if "{}" in text or re.search(r"\{\d+\}", text) or re.search(r"%[sd]", text)
        if message not in ARGPARSE_WORDS  # argparse's own words, spelled as argparse asks
    ]
    assert not positional, "use named placeholders ({count}):\n" + "\n".join(positional)


@pytest.mark.parametrize(
    ("typed", "lang", "expected"),
    [
        ("6,5", "nl", "6.5"),
        ("€ 1.692,51", "nl", "1692.51"),
        ("42.31", "nl", "42.31"),  # as a calculator shows it: unambiguous, so read
        ("1.500", "nl", "1500"),  # Dutch grouping
        ("6,5", "fr", "6.5"),
        ("1\u202f692,51", "fr", "1692.51"),
        ("6.5", "en", "6.5"),
        ("1,692.51", "en", "1692.51"),
    ],
)
def test_numbers_are_read_as_a_person_types_them_in_their_language(typed, lang, expected):
    assert parse_number(typed, lang=lang) == Decimal(expected)


@pytest.mark.parametrize("typed", ["", "zes", "1e5", "NaN", "1,2,3.4.5", "12,,5", "--3"])
def test_what_is_no_number_is_refused(typed):
    with pytest.raises(ValueError):
        parse_number(typed, lang="nl")


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [("nl", "1 dag", "1.466 dagen"), ("fr", "1 jour", "1\u202f466 jours")],
)
def test_a_short_date_and_days_read_the_same_on_every_screen(lang, one, many) -> None:
    # Every list, card and form uses these two: 3 February 2026 is 03/02/2026 in Flanders and
    # in Brussels alike, with the year in full (babel's own fr_BE short date has "26").
    day = dt.date(2026, 2, 3)
    assert format_short_date(day, lang=lang) == "03/02/2026"
    assert format_date(day, format="short", lang=lang) == format_short_date(day, lang=lang)
    assert format_short_date(None, lang=lang) == format_days(None, lang=lang) == ""
    assert format_days(1, lang=lang) == one
    assert format_days(1466, lang=lang) == many


@pytest.mark.parametrize(("lang", "verb"), [("nl", "Opslaan"), ("fr", "Enregistrer")])
def test_save_is_one_word_in_every_catalog(lang: str, verb: str) -> None:
    """A Save button reads the same in every dialog: *Opslaan*, never also *Bewaren*."""
    buttons = {}
    for po_path in sorted((TRANSLATIONS_DIR / lang).glob("*.po")):
        with po_path.open("rb") as fh:
            for message in read_po(fh, locale=LOCALES[lang]):
                if isinstance(message.id, str) and re.match(r"&?Save\b[^?]*$", message.id):
                    buttons[f"{po_path.name}: {message.id}"] = message.string
    assert len(buttons) >= 6
    for where, translation in buttons.items():
        # The verb leads a button ("Opslaan als pdf…") and closes a phrase ("Het sjabloon opslaan").
        assert verb.lower() in translation.replace("&", "").lower(), where
    if lang == "nl":
        for po_path in (TRANSLATIONS_DIR / lang).glob("*.po"):
            assert "Bewaren" not in po_path.read_text(encoding="utf-8"), po_path.name


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_every_date_reads_one_way_in_a_language(lang: str) -> None:
    """Lists, sentences and papers show 03/02/2026, never also '3 feb. 2026'."""
    day = dt.date(2026, 2, 3)
    assert format_date(day, lang=lang) == format_short_date(day, lang=lang) == "03/02/2026"
    weekday = {"nl": "dinsdag", "fr": "mardi", "en": "Tuesday"}[lang]
    assert format_day(day, lang=lang) == f"{weekday} 03/02/2026"
