"""``homestart print intake-form``: a family's form, and a wrong code (the blank form: see
test_intake_form.py, the same function)."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
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


def test_a_blank_form_loads_only_what_it_prints(empty_case_path: Path, tmp_path: Path) -> None:
    # The coordinator's most common print must start fast (issue 11: ≤ 1 s from the bundle):
    # no family file, no referral rules, no unused font faces.
    secret = tmp_path / "pass.txt"
    secret.write_text(TEST_PASSPHRASE)
    out = tmp_path / "blank.pdf"
    code = (
        "import sys\n"
        "from homestart_desktop import cli\n"
        f"assert cli.main(['print', 'intake-form', {str(empty_case_path)!r}, "
        f"'--passphrase-file', {str(secret)!r}, '--out', {str(out)!r}]) == 0\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "print(sorted(m for m in ('homestart_desktop.data.families.file',\n"
        "    'homestart_desktop.data.families.referrals', 'PySide6') if m in sys.modules))\n"
        "print(sorted(n for n in pdfmetrics.getRegisteredFontNames() if 'DejaVu' in n))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["[]", "['DejaVuSans', 'DejaVuSans-Bold']"]
    assert "Intakeformulier" in _text(out)


def test_a_blank_form_needs_no_database_library_once_the_day_is_backed_up(
    empty_case_path: Path, tmp_path: Path
) -> None:
    # Issue 11: `print intake-form` as a whole process ≤ 1 s. A blank form reads only the
    # branch's settings: SQLAlchemy, SQLModel, alembic and Qt stay out of the process.
    from homestart_desktop.data.casefile.backups import list_backups
    from homestart_desktop.data.casefile.errors import WrongPassphrase

    secret = tmp_path / "pass.txt"
    secret.write_text(TEST_PASSPHRASE)
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    common = ["print", "intake-form", str(empty_case_path), "--passphrase-file", str(secret)]
    assert cli.main([*common, "--out", str(first)]) == 0  # the day's first: unlocked, backed up
    assert [b.reason for b in list_backups(empty_case_path)] == ["daily"]
    heavy = ("sqlalchemy", "sqlmodel", "alembic", "PySide6", "homestart_desktop.data.models")
    code = (
        "import sys\n"
        "from homestart_desktop import cli\n"
        f"code = cli.main({[*common, '--out', str(second)]!r})\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r} or m in {heavy!r}))\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert _text(second) == _text(first)  # the same form, the branch's name and all
    assert "Teststad" in _text(second)

    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase of this file")
    refused = ["print", "intake-form", str(empty_case_path), "--passphrase-file", str(wrong)]
    assert cli.main([*refused, "--out", str(tmp_path / "no.pdf")]) == WrongPassphrase().exit_code
    assert not (tmp_path / "no.pdf").exists()
