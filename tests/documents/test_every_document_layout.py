"""Every document as a branch hands it over: inside the page, its frame on every page, labels
with their values, and the PDF's metadata and fonts, in Dutch, French and English.

Rendered once per module from a long-named branch (tests/documents/every_document.py): long
names in Turkish, Polish and Cyrillic letters, optional fields left empty, a long branch name and
address. pypdf reads back where every line lands.
"""

from __future__ import annotations

import re

import pytest
from reportlab.lib.units import mm

from homestart_desktop.documents.common import BOX_TICKED, LANGUAGE_TAGS, MARGIN, translator
from tests.conftest import _open_copy
from tests.documents.every_document import (
    DOCUMENTS,
    LANGS,
    LONG_BRANCH,
    ORGANISATION,
    PARENT,
    VOLUNTEER,
    read_long_branch,
    render_every_document,
)
from tests.documents.page_frame import listed_fonts, metadata, overlapping, page_of, text_runs

EVERY = [(name, lang) for name in DOCUMENTS for lang in LANGS]


@pytest.fixture(scope="module")
def rendered(empty_template, tmp_path_factory):
    template, key = empty_template
    case_file = _open_copy(template, key, tmp_path_factory.mktemp("long") / "Lang.hscase")
    try:
        with case_file.session() as session:
            branch = read_long_branch(session)
    finally:
        case_file.lock()
    return render_every_document(branch)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


@pytest.mark.parametrize(("name", "lang"), EVERY)
def test_every_line_stays_inside_the_page_and_clear_of_its_neighbours(rendered, name, lang):
    runs, (width, height), _pages = text_runs(rendered[name, lang].pdf)
    assert runs
    for run in runs:
        assert run.x >= MARGIN - 1 and run.x + run.width <= width - MARGIN + 1, run
        assert MARGIN - 7 * mm <= run.y <= height - MARGIN + 3 * mm, run
    # No text covers other text (a long name run up into a title, a word into the next column).
    assert overlapping(runs) == []


@pytest.mark.parametrize(("name", "lang"), EVERY)
def test_every_page_has_its_header_footer_and_page_number(rendered, name, lang):
    runs, _size, pages = text_runs(rendered[name, lang].pdf)
    _ = translator(lang)
    for page in range(1, pages + 1):
        on_page = _flat(" ".join(r.text for r in runs if r.page == page))
        assert "Home-Start Regio Zuid-West-Vlaanderen" in on_page, f"page {page}: no header"
        assert _("Confidential") in on_page, f"page {page}: no footer"
        assert _("page {page} of {pages}").format(page=page, pages=pages) in on_page


# Labels printed with a value beside or under them: (label msgid, the start of the value).
LABELLED = {
    "intake_filled": [
        ("Organisation", ORGANISATION[:20]),
        ("Contact person and phone", "Przemysław"),
        ("First name", PARENT[0][:15]),
        ("Street and number", "Sint-Lievenspoortstraat"),
        ("Postcode", "9000"),
        ("E-mail", "maria-magdalena.vandenbossche"),
        ("Received and signed on", "27/02/2026"),
        ("The coordinator", "Anne-Marie"),
    ],
    "expenses": [("The volunteer", VOLUNTEER[0][:10])],
    "intervision": [("Facilitator", "Anne-Marie")],
    "schedule": [],
    "agreement": [],
    "intake_blank": [],
    "letter_start": [],
    "letter_end": [],
}


@pytest.mark.parametrize(("name", "lang"), EVERY)
def test_labels_and_their_values_share_a_page(rendered, name, lang):
    runs, _size, _pages = text_runs(rendered[name, lang].pdf)
    _ = translator(lang)
    for label, value in LABELLED[name]:
        words = _(label)
        # A label may wrap: its first line is enough to find it.
        label_pages = {r.page for r in runs if r.text and words.startswith(r.text[:12])}
        value_pages = page_of(runs, value)
        assert label_pages and value_pages, (label, value)
        assert label_pages & value_pages, f"{label!r} on {label_pages}, its value {value_pages}"


@pytest.mark.parametrize(("name", "lang"), EVERY)
def test_the_pdf_says_what_it_is_and_lists_only_the_fonts_it_uses(rendered, name, lang):
    pdf = rendered[name, lang].pdf
    info = metadata(pdf)
    assert info["title"] and info["subject"]
    assert info["author"] == LONG_BRANCH["branch_name"]
    assert info["lang"] == LANGUAGE_TAGS[lang]
    runs, _size, _pages = text_runs(pdf)
    used = {run.font for run in runs}
    listed = listed_fonts(pdf)
    assert not any("Helvetica" in font for font in listed), listed
    assert listed == used, f"listed {listed}, used {used}"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_french_documents_write_the_legal_form_and_the_town_in_french(rendered, name):
    runs, _size, _pages = text_runs(rendered[name, "fr"].pdf)
    text = _flat(" ".join(r.text for r in runs))
    assert "ASBL" in text and "vzw" not in text
    assert "9000 Gand" in text and "Gent" not in text


def test_the_intake_form_ends_on_its_fourth_page_with_the_signatures(rendered):
    for name in ("intake_blank", "intake_filled"):
        for lang in LANGS:
            runs, _size, pages = text_runs(rendered[name, lang].pdf)
            assert pages == 4, (name, lang)
            _ = translator(lang)
            assert page_of(runs, _("The coordinator")) == {4}


@pytest.mark.parametrize("lang", LANGS)
def test_the_filled_intake_form_prints_the_email_and_ticks_the_contact_language(rendered, lang):
    runs, _size, _pages = text_runs(rendered["intake_filled", lang].pdf)
    _ = translator(lang)
    assert page_of(runs, "maria-magdalena.vandenbossche-kowalczyk@example.be")
    question = next(r for r in runs if r.text == _("Language for letters and contact"))
    answers = {r.text: r for r in runs if r.page == question.page and abs(r.y - question.y) < 6}
    dutch = answers["Nederlands"]
    ticked = [r for r in runs if r.text == BOX_TICKED and abs(r.y - dutch.y) < 3]
    assert any(0 < dutch.x - box.x < 20 for box in ticked), "Nederlands is not ticked"
    french = answers["Français"]
    assert not any(0 < french.x - box.x < 20 for box in ticked)
