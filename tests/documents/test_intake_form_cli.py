"""``homestart print intake-form``: a family's form, and a wrong code (the blank form: see
test_intake_form.py, the same function)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pypdf

from homestart_desktop import cli
from homestart_desktop.data.families.referrals import ReferralIn, register_referral
from homestart_desktop.data.models import ReferrerCategory
from tests.conftest import TEST_PASSPHRASE


def _text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_print_a_familys_intake_form_and_refuse_an_unknown_code(empty_case_file, tmp_path: Path):
    with empty_case_file.session() as session:
        saved = register_referral(
            session=session,
            referral=ReferralIn(
                dt.date.today(), ReferrerCategory.cgg, "Ioana", "Țurcanu", postcode="1030"
            ),
            today=dt.date.today(),  # the command line below runs on the real date
        )
    empty_case_file.lock()  # the command line opens it itself
    empty_case_path = empty_case_file.path
    secret = tmp_path / "pass.txt"
    secret.write_text(TEST_PASSPHRASE)
    common = [str(empty_case_path), "--passphrase-file", str(secret)]

    filled = tmp_path / "filled.pdf"
    args = ["print", "intake-form", *common, "--family", saved.reference, "--out", str(filled)]
    assert cli.main(args) == 0
    text = _text(filled)
    assert "Intakeformulier" in text and "Ioana" in text and "Țurcanu" in text
    assert "Schaarbeek" in text and saved.reference in text

    blank = tmp_path / "blank.pdf"
    wrong = ["print", "intake-form", *common, "--family", "GZ-1999-999", "--out", str(blank)]
    assert cli.main(wrong) == 2
    assert not blank.exists()
