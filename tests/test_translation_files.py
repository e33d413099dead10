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
