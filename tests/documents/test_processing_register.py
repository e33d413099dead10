"""The register of processing: one page, every section, in Dutch and French, no personal data."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from homestart_desktop import cli
from homestart_desktop.data.families.referrals import ReferralIn, register_referral
from homestart_desktop.data.models import ReferrerCategory
from homestart_desktop.data.retention.due import choose_retention_years
from homestart_desktop.data.settings import load_settings, save_settings
from homestart_desktop.documents.processing_register import processing_register_for
from tests.clock import TEST_TODAY
from tests.conftest import TEST_PASSPHRASE

SECTIONS = {
    "nl": [
        "Verwerkingsregister",
        "Verantwoordelijke",
        "Doeleinden",
        "Betrokkenen",
        "Bijzondere categorieën",
        "psychische kwetsbaarheid",
        "Rechtsgrond",
        "Bewaartermijn",
        "5 jaar",
        "Ontvangers",
        "geanonimiseerde totaalcijfers",
        "Versleuteling",
        "PBKDF2-HMAC-SHA512",
        "256.000",
        "Reservekopieën",
        "de nieuwste 7",
        "Versie 2026-1 van 15 januari 2026",
    ],
    "fr": [
        "Registre des traitements",
        "Responsable du traitement",
        "Finalités",
        "Personnes concernées",
        "Catégories particulières",
        "vulnérabilité psychologique",
        "Base juridique",
        "Durée de conservation",
        "5 ans",
        "Destinataires",
        "chiffres agrégés anonymisés",
        "Chiffrement",
        "SQLCipher 4",
        "Copies de sauvegarde",
        "les 7 plus récentes",
    ],
}


def _text(pdf: bytes) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), re.sub(r"\s+", " ", text.replace("\u00a0", " "))


@pytest.fixture
def branch(empty_case_file):
    """A branch with long details (the page must still hold) and one family in the file."""
    with empty_case_file.session() as session:
        settings = load_settings(session=session)
        save_settings(
            session=session,
            settings=settings.replace(
                branch_name="Home-Start Sint-Niklaas-Waasland en Beveren-Kruibeke",
                organisation="Home-Start Vlaanderen vzw",
                company_number="0123.456.749",
                street="Onze-Lieve-Vrouwestraat 123 bus 4",
                postcode="9100",
                municipality="Sint-Niklaas",
                email="sint-niklaas-waasland@home-start.be",
                phone="03 123 45 67",
                coordinator="Anne-Sophie Vandenbroucke-De Smedt",
                backups_to_keep=7,
                privacy_statements=(
                    {"version": "1", "dated": "2018-05-25"},
                    {"version": "2026-1", "dated": "2026-01-15"},
                ),
            ),
        )
        register_referral(
            session=session,
            referral=ReferralIn(
                TEST_TODAY, ReferrerCategory.ocmw, "Żaneta", "Wiśniewska", postcode="9100"
            ),
            today=TEST_TODAY,
        )
    return empty_case_file


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_register_fits_one_page_with_every_section(branch, lang) -> None:
    case_path = Path(
        "/home/coordinator/Documenten/Home-Start Sint-Niklaas/dossiers/Waasland.hscase"
    )
    with branch.session() as session:
        pages, text = _text(
            processing_register_for(
                session=session, case_path=case_path, today=TEST_TODAY, lang=lang
            )
        )
    assert pages == 1
    for words in SECTIONS[lang]:
        assert words in text, words
    assert "/home/coordinator/Documenten/Home-Start Sint-Niklaas/dossiers" in text
    assert "Waasland.hscase" not in text  # the folder only
    assert "Wiśniewska" not in text and "Żaneta" not in text  # nobody's data


def test_the_register_prints_the_retention_the_branch_chose(branch) -> None:
    with branch.session() as session:
        choose_retention_years(session=session, years=7, today=TEST_TODAY)
        session.commit()
    with branch.session() as session:
        _pages, text = _text(
            processing_register_for(
                session=session, case_path=branch.path, today=TEST_TODAY, lang="nl"
            )
        )
    assert "7 jaar na het einde" in text


def test_print_the_register_from_the_command_line(empty_case_file, tmp_path: Path) -> None:
    empty_case_file.lock()
    secret = tmp_path / "pass.txt"
    secret.write_text(TEST_PASSPHRASE)
    out = tmp_path / "register.pdf"
    args = ["print", "processing-register", str(empty_case_file.path)]
    args += ["--passphrase-file", str(secret), "--lang", "fr", "--out", str(out)]
    assert cli.main(args) == 0
    assert out.stat().st_mode & 0o777 == 0o600
    pages, text = _text(out.read_bytes())
    assert pages == 1 and "Registre des traitements" in text
    assert str(empty_case_file.path.parent) in text
