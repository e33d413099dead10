"""The translators' files and the compiled catalogs the app reads never drift from the code.

``translations/messages.pot`` must hold exactly the messages of the code, and each
``homestart_desktop/locale/<lang>/LC_MESSAGES/homestart.mo`` exactly what the ``.po`` files say;
both failures name the one command that brings them in line.
"""

from __future__ import annotations

import gettext
import importlib.util
import shutil
from pathlib import Path

import pytest

from homestart_desktop import i18n

ROOT = Path(__file__).resolve().parent.parent


def _tool():
    spec = importlib.util.spec_from_file_location(
        "translations_tool", ROOT / "tools/translations.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _tool()


def test_messages_pot_is_up_to_date_with_the_code() -> None:
    problems = TOOL.template_problems()
    assert not problems, (
        "translations/messages.pot is out of date with the code:\n  "
        + "\n  ".join(problems[:20])
        + f"\n{TOOL.HOW_TO_FIX}"
    )


def test_compiled_catalogs_are_up_to_date_with_the_po_files() -> None:
    stale = TOOL.stale_compiled()
    assert not stale, (
        "compiled catalogs missing or older than translations/<lang>/*.po: "
        + ", ".join(stale)
        + f"\n{TOOL.HOW_TO_FIX}"
    )


def test_a_changed_po_file_makes_its_catalog_stale(tmp_path: Path) -> None:
    sources = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", sources)
    compiled = tmp_path / "locale"
    TOOL.compile_catalogs(sources, compiled)
    before = TOOL.compiled_path("nl", compiled).read_bytes()
    assert before == TOOL.compiled_bytes("nl", sources)

    shell = sources / "nl" / "shell.po"
    text = shell.read_text(encoding="utf-8")
    shell.write_text(text.replace('msgstr "Taal"', 'msgstr "Spraak"', 1), encoding="utf-8")

    assert TOOL.compiled_bytes("nl", sources) != before
    TOOL.compile_catalogs(sources, compiled)
    catalog = gettext.GNUTranslations(TOOL.compiled_path("nl", compiled).open("rb"))
    assert catalog.gettext("Language") == "Spraak"


@pytest.mark.parametrize(
    ("lang", "counts"),
    [("nl", ["1 bezoek", "2 bezoeken"]), ("fr", ["0 visite", "1 visite", "2 visites"])],
)
def test_the_app_reads_the_compiled_catalog(lang: str, counts: list[str]) -> None:
    assert i18n.gettext("Language", lang=lang) == {"nl": "Taal", "fr": "Langue"}[lang]
    shown = [
        i18n.ngettext("{count} visit", "{count} visits", n, lang=lang).format(count=n)
        for n in ((1, 2) if lang == "nl" else (0, 1, 2))
    ]
    assert shown == counts
    assert i18n.gettext("Language", lang="en") == "Language"


def _translations_by_area(lang: str) -> dict[tuple[str | None, str], dict[object, list[str]]]:
    """Each (context, msgid) of one language, with its translations and the areas giving them."""
    from babel.messages.pofile import read_po

    found: dict[tuple[str | None, str], dict[object, list[str]]] = {}
    for path in sorted((ROOT / "translations" / lang).glob("*.po")):
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=TOOL.LANGUAGES[lang])
        for message in catalog:
            if not message.id or message.fuzzy:
                continue
            msgid = message.id[0] if isinstance(message.id, tuple) else message.id
            translations = found.setdefault((message.context, msgid), {})
            translations.setdefault(message.string, []).append(path.stem)
    return found


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_one_message_in_one_context_has_one_translation(lang: str) -> None:
    # The compiled catalog holds one translation per message and context: when two areas
    # translate the same word differently, one of them silently wins in the other's screens.
    # A word that needs two translations needs two contexts (pgettext / NP_, see the README).
    clashes = [
        f"{msgid!r} (context {context!r}): "
        + "; ".join(f"{string!r} in {', '.join(areas)}" for string, areas in translations.items())
        for (context, msgid), translations in _translations_by_area(lang).items()
        if len(translations) > 1
    ]
    assert not clashes, f"{lang}: one message, two translations:\n" + "\n".join(clashes)


def test_the_same_word_reads_as_its_context_asks() -> None:
    # "done": a visit that took place, a follow-up action that is finished.
    assert i18n.pgettext("visit", "done", lang="nl") == "gebeurd"
    assert i18n.pgettext("follow-up action", "done", lang="nl") == "gedaan"
    assert i18n.pgettext("follow-up action", "done", lang="fr") == "faite"
    assert i18n.pgettext("visit", "done", lang="fr") == "effectuée"
    assert i18n.pgettext("visit", "done", lang="en") == "done"
    # A word marked where it is defined keeps its context until it is shown.
    marked = i18n.NP_("visit", "done")
    assert marked == "done"
    assert i18n.gettext(marked, lang="nl") == "gebeurd"
    assert i18n.npgettext("visit", "{count} visit", "{count} visits", 2, lang="nl") == (
        "{count} visits"  # no such message in this context: English, as gettext does
    )


def test_compiling_keeps_each_context_apart(tmp_path: Path) -> None:
    sources = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", sources)
    (sources / "nl" / "zz_test.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgctxt "season"\nmsgid "Spring"\nmsgstr "Lente"\n\n'
        'msgctxt "water"\nmsgid "Spring"\nmsgstr "Bron"\n',
        encoding="utf-8",
    )
    TOOL.compile_catalogs(sources, tmp_path / "locale")
    catalog = gettext.GNUTranslations(TOOL.compiled_path("nl", tmp_path / "locale").open("rb"))
    assert catalog.pgettext("season", "Spring") == "Lente"
    assert catalog.pgettext("water", "Spring") == "Bron"
    assert catalog.gettext("Spring") == "Spring"


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_every_plural_has_each_of_its_forms(lang: str) -> None:
    # French has three forms in babel's rules (0-1, a million, the rest): an empty third form
    # left "{count} propositions" in English for every count above one.
    from babel.messages.pofile import read_po

    gaps = []
    for path in sorted((ROOT / "translations" / lang).glob("*.po")):
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        for message in catalog:
            if isinstance(message.id, tuple) and message.string and any(message.string):
                forms = list(message.string)
                if len(forms) < catalog.num_plurals or not all(forms):
                    gaps.append(f"{path.name}: {message.id[0]!r}")
    assert not gaps, f"{lang}: plural forms left empty:\n" + "\n".join(gaps)
