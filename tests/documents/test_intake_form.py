"""The intake form on paper: blank and pre-filled, in Dutch, French and English."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest

from homestart_desktop.data.families.intake import CaregiverIn, ChildIn, IntakeIn, record_intake
from homestart_desktop.data.families.referrals import ReferralIn, register_referral
from homestart_desktop.data.models import Gender, IntakeOutcome, ReferrerCategory
from homestart_desktop.data.settings import load_settings, save_settings
from homestart_desktop.documents.intake_form import intake_form_for
from tests.clock import TEST_TODAY

TODAY = TEST_TODAY


def _text(pdf: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


@pytest.fixture
def case_file(empty_case_file):
    """A branch with its details and one family on the waiting list."""
    with empty_case_file.session() as session:
        settings = load_settings(session=session).replace(
            branch_name="Home-Start Teststad",
            street="Dorpsstraat 1",
            postcode="9000",
            municipality="Gent",
            phone="09 111 22 33",
            email="teststad@home-start.be",
        )
        save_settings(session=session, settings=settings)
        saved = register_referral(
            session=session,
            referral=ReferralIn(
                TODAY - dt.timedelta(days=30),
                ReferrerCategory.kind_en_gezin,
                "Наталія",
                "Коваленко",
                phone="0470 12 34 56",
                postcode="2000",
                question="Steun na de geboorte",
                language="fr",
            ),
            today=TODAY,
        )
        record_intake(
            session=session,
            family_id=saved.family_id,
            intake=IntakeIn(
                done_on=TODAY - dt.timedelta(days=10),
                coordinator="An Peeters",
                caregivers=(
                    CaregiverIn("Наталія", "Коваленко", 1995, Gender.female, ("uk", "ru"), True),
                    CaregiverIn("Łukasz", "Wróbel", 1993, Gender.male, ("pl",)),
                ),
                children=(
                    ChildIn("Ioana Țurcanu", TODAY - dt.timedelta(days=400)),
                    ChildIn("Şule", TODAY - dt.timedelta(days=900)),
                ),
                outcome=IntakeOutcome.waiting_list,
                postcode="2000",
                flags=frozenset({"kg_housing", "recently_moved"}),
                support_questions=("perinatal", "language"),
                preferred_slots=("wed-afternoon",),
                scores={"wellbeing": 2},
                statement_version="1",
                statement_signed_on=TODAY - dt.timedelta(days=10),
            ),
            today=TODAY,
        )
    empty_case_file.family_id = saved.family_id
    return empty_case_file


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", ["Intakeformulier", "Verwijzer", "wachtlijst", "Vertrouwelijk", "pagina 1 van"]),
        ("fr", ["Formulaire d'accueil", "Service envoyeur", "Confidentiel", "page 1 sur"]),
        ("en", ["Intake form", "Referrer", "Confidential", "page 1 of"]),
    ],
)
def test_the_blank_form_has_every_list_to_tick_in_the_language(case_file, lang, words) -> None:
    with case_file.session() as session:
        text = _text(intake_form_for(session=session, lang=lang, today=TODAY))
    for word in words:
        assert word in text, word
    assert "Home-Start Teststad" in text and "teststad@home-start.be" in text
    assert "☒" not in text  # nothing ticked on a blank form
    # referrers, K&G criteria, situation, questions, half-days grid, scores, outcomes ...
    assert text.count("☐") > 19 + 6 + 5 + 11 + 21 + 36 + 5


def test_the_prefilled_form_prints_every_name_and_ticks_what_the_file_holds(case_file) -> None:
    with case_file.session() as session:
        text = _text(
            intake_form_for(session=session, family_id=case_file.family_id, lang="nl", today=TODAY)
        )
    for name in ("Наталія", "Коваленко", "Łukasz", "Wróbel", "Ioana Țurcanu", "Şule"):
        assert name in text, name
    assert "GZ-" in text and "Antwerpen" in text and "An Peeters" in text
    for ticked in ("Kind & Gezin", "Huisvesting", "Recent verhuisd", "Nederlands oefenen"):
        assert f"☒ {ticked}" in text, ticked
    assert "☐ Maandinkomen" in text
    assert "Steun na de geboorte" in text
    assert "☒ Aanvaard: op de wachtlijst" in text


def test_without_a_language_the_family_gets_its_own(case_file) -> None:
    with case_file.session() as session:
        text = _text(intake_form_for(session=session, family_id=case_file.family_id, today=TODAY))
    assert "Formulaire d'accueil" in text and "Confidentiel" in text
    assert "Anvers" in text


def _pages(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def test_the_prefilled_form_reads_as_sentences_with_names_not_codes(case_file) -> None:
    with case_file.session() as session:
        dutch = _text(
            intake_form_for(session=session, family_id=case_file.family_id, lang="nl", today=TODAY)
        )
        french = _text(
            intake_form_for(session=session, family_id=case_file.family_id, lang="fr", today=TODAY)
        )
    assert "Oekraïens, Russisch" in dutch and "uk, ru" not in dutch
    assert "ukrainien, russe" in french
    assert "Heeft het gezin liever een vrouwelijke of een mannelijke vrijwilliger?" in dutch
    assert "La famille préfère-t-elle une bénévole femme ou un bénévole homme ?" in french
    assert "E-mail" in dutch and "☒ Français" in dutch  # the family's contact language
    # One signature block each, with name, date and place.
    assert "De ouder of opvoeder" in dutch and "De coördinator" in dutch
    assert dutch.count("Plaats") == 2 and dutch.count("Handtekening") >= 2
    assert "Наталія Коваленко" in dutch


def test_the_english_form_explains_the_flemish_acronyms(case_file) -> None:
    with case_file.session() as session:
        text = _text(intake_form_for(session=session, lang="en", today=TODAY))
    for explained in (
        "OCMW (public centre for social welfare)",
        "CAW (general social work centre)",
        "CKG (centre for child and family support)",
        "OCJ (youth support office)",
    ):
        assert explained in text, explained


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_labels_and_their_lines_stay_on_one_page(case_file, lang) -> None:
    with case_file.session() as session:
        pages = _pages(
            intake_form_for(session=session, family_id=case_file.family_id, lang=lang, today=TODAY)
        )
    labels = {
        "nl": ("Postcode", "Antwerpen"),
        "fr": ("Code postal", "Anvers"),
        "en": ("Postcode", "Antwerpen"),
    }
    label, value = labels[lang]
    (page,) = [p for p in pages if value in p]
    assert label in page
    # Never more than the sections need: no page left with a lone block.
    assert len(pages) <= 5


def test_the_consent_part_prints_the_record_and_tells_that_figures_count_everyone(
    case_file,
) -> None:
    from homestart_desktop.data.privacy.consent import ConsentIn, save_consent

    with case_file.session() as session:
        save_consent(  # agreed at the intake
            session=session,
            family_id=1,
            consent=ConsentIn(
                inform_referrer=True, inform_referrer_on=TODAY - dt.timedelta(days=10)
            ),
            today=TODAY,
        )
    with case_file.session() as session:
        agreed = _text(intake_form_for(session=session, family_id=1, lang="nl", today=TODAY))
        save_consent(  # the family withdrew: the form says no from now on
            session=session,
            family_id=1,
            consent=ConsentIn(inform_referrer=False, inform_referrer_on=TODAY),
            today=TODAY,
        )
    with case_file.session() as session:
        withdrawn = _text(intake_form_for(session=session, family_id=1, lang="nl", today=TODAY))
        blank = _text(intake_form_for(session=session, lang="fr", today=TODAY))
    signed = (TODAY - dt.timedelta(days=10)).strftime("%d/%m/%Y")
    consent = agreed[agreed.index("Toestemming") :]
    assert "Privacyverklaring" in consent and "versie 1 van 25/05/2018" in consent
    assert f"Ontvangen en ondertekend op {signed}" in consent or (
        "Ontvangen en ondertekend op" in consent and signed in consent
    )
    assert "Anonieme cijfers (getallen zonder namen of notities) tellen elk gezin mee" in agreed
    assert "anonymised reporting" not in agreed and "geanonimiseerde rapportering" not in agreed
    question = (
        "Het gezin gaat akkoord dat de verwijzer hoort wanneer de ondersteuning start en stopt"
    )
    assert agreed.count(f"{question} ☒ ja ☐ nee") == 1  # asked once, in the consent part
    assert withdrawn.count(f"{question} ☐ ja ☒ nee") == 1
    assert "version 1 du 25/05/2018" in blank
    assert "chiffres anonymes" in blank
