"""The agreement as a branch hands it over: inside the page, headers that fit, every language.

Rendered in nl, fr and en with long names, a long branch name and the optional fields left
empty; pypdf reads back where every line lands.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from reportlab.lib.units import mm

from homestart_desktop.data.settings import load_settings, save_settings
from homestart_desktop.data.volunteers.register import VolunteerIn, add_volunteer
from homestart_desktop.documents.agreement import agreement_pdf, load_agreement
from homestart_desktop.documents.agreement_texts import AGREEMENT_CLAUSES, NOTE_CLAUSES, TEXTS
from homestart_desktop.documents.common import MARGIN, translator
from tests.clock import TEST_TODAY
from tests.documents.every_document import LONG_BRANCH
from tests.documents.page_frame import page_of, text_runs


@pytest.fixture
def long_agreement(empty_case_file):
    """A volunteer with a very long name, no address and no birth date, in a long-named branch."""
    with empty_case_file.session() as session:
        settings = load_settings(session=session).replace(**LONG_BRANCH)
        save_settings(session=session, settings=settings)
        saved = add_volunteer(
            session=session,
            volunteer_in=VolunteerIn(
                first_name="Maria-Magdalena Şükriye Łucja",
                last_name="Van den Bossche-Kowalczyk-Öztürk-Владимирова",
            ),
            today=TEST_TODAY,
        )
        return load_agreement(session=session, volunteer_id=saved.id, today=TEST_TODAY)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_every_line_stays_inside_the_page_and_every_page_has_its_frame(long_agreement, lang):
    runs, (width, height), pages = text_runs(agreement_pdf(long_agreement, lang=lang))
    for run in runs:
        assert run.x >= MARGIN - 1 and run.x + run.width <= width - MARGIN + 1, run
        assert MARGIN - 7 * mm <= run.y <= height - MARGIN + 3 * mm, run
    # Runs on one baseline never run into each other (a long name over the header's title).
    for a in runs:
        for b in runs:
            if a is not b and a.page == b.page and abs(a.y - b.y) < 2 and a.x < b.x:
                assert a.x + a.width <= b.x + 1, (a, b)
    _ = translator(lang)
    for page in range(1, pages + 1):
        on_page = " ".join(r.text for r in runs if r.page == page)
        assert "Home-Start Regio" in on_page, f"page {page} lacks the header"
        assert _("Confidential") in on_page, f"page {page} lacks the footer"
        assert _("page {page} of {pages}").format(page=page, pages=pages) in _flat(on_page)


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_headings_stay_with_their_text_and_signatures_with_their_names(long_agreement, lang):
    runs, _size, _pages = text_runs(agreement_pdf(long_agreement, lang=lang))
    words = TEXTS[lang]
    for key in NOTE_CLAUSES + AGREEMENT_CLAUSES:
        heading = words[key][0]
        at = next(i for i, run in enumerate(runs) if run.text == heading)
        assert runs[at + 1].page == runs[at].page, f"{lang}: {key} heading left alone"
    signature = page_of(runs, str(words["signature"]))
    assert page_of(runs, str(words["receipt_title"])) & signature
    assert page_of(runs, str(words["for_organisation"])) & signature


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_an_empty_address_and_birth_date_print_a_line_and_no_app_instruction(long_agreement, lang):
    text = _flat(" ".join(r.text for r in text_runs(agreement_pdf(long_agreement, lang=lang))[0]))
    for instruction in ("Instellingen", "Paramètres", "Settings", "compléter", "in te vullen"):
        assert instruction not in text
    assert "________" in text


def test_french_is_french(long_agreement):
    text = _flat(" ".join(r.text for r in text_runs(agreement_pdf(long_agreement, lang="fr"))[0]))
    assert "Home-Start Vlaanderen ASBL" in text and "est une ASBL" in text
    assert "vzw" not in text
    assert "9000 Gand" in text and "Gent" not in text
    assert "103 Écoute-Enfants" in text
    assert long_agreement.settings.non_profit_aim not in text  # the Dutch aim
    assert "Soutenir les familles" in text


def test_the_amounts_are_those_of_the_documents_date_and_name_their_year(long_agreement):
    # 2026 is not shipped: the note prints the 2025 amounts and says they are of 2025.
    text = _flat(" ".join(r.text for r in text_runs(agreement_pdf(long_agreement, lang="nl"))[0]))
    assert "€ 42,31 per dag en € 1.692,51 per jaar (2025;" in text
    assert "van 1 april 2025 tot 30 juni 2025" in text
    added = {
        "year": 2026,
        "day_cents": 4399,
        "year_cents": 175999,
        "bicycle_km_e4": 3600,
        "combined_km_limit": 2000,
        "car_km_rates": [["2026-04-01", "2026-06-30", 4444]],
    }
    data = dataclasses.replace(
        long_agreement,
        amounts=load_agreement.__globals__["amounts_on"](TEST_TODAY, added=[added]),
    )
    text = _flat(" ".join(r.text for r in text_runs(agreement_pdf(data, lang="nl"))[0]))
    assert "€ 43,99 per dag en € 1.759,99 per jaar (2026;" in text
    assert "€ 0,4444" in text and "€ 0,3600" in text
