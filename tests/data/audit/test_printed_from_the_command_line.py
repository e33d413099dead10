"""``homestart print …`` leaves a *saved* entry in the Logboek, with the code it was for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlmodel import select

from homestart_desktop import cli
from homestart_desktop.data.families.referrals import ReferralIn, register_referral
from homestart_desktop.data.models import AuditEvent, ReferrerCategory
from tests.cli_helpers import open_with_key
from tests.conftest import TEST_PASSPHRASE


def test_a_form_printed_on_the_command_line_is_in_the_log(
    empty_case_file, empty_template, tmp_path: Path
) -> None:
    with empty_case_file.session() as session:
        saved = register_referral(
            session=session,
            referral=ReferralIn(dt.date.today(), ReferrerCategory.cgg, "Ioana", postcode="1030"),
            today=dt.date.today(),
        )
    path = empty_case_file.path
    empty_case_file.lock()
    secret = tmp_path / "pass.txt"
    secret.write_text(TEST_PASSPHRASE)
    out = tmp_path / "form.pdf"
    common = [str(path), "--passphrase-file", str(secret), "--out", str(out)]
    assert cli.main(["print", "intake-form", *common, "--family", saved.reference]) == 0
    with open_with_key(path, empty_template[1]) as case_file, case_file.session() as session:
        (entry,) = session.exec(select(AuditEvent).where(AuditEvent.kind == "saved"))
    assert (entry.detail, entry.family_code, entry.volunteer_code) == (
        "intake_form",
        saved.reference,
        None,
    )
    assert entry.who  # the login name: the command line has no coordinator's name


def test_a_blank_form_from_the_quick_path_is_in_the_log_too(
    empty_case_path: Path, empty_template, tmp_path: Path
) -> None:
    """The day's second blank form reads the file without SQLAlchemy: it is noted all the same."""
    secret = tmp_path / "pass.txt"
    secret.write_text(TEST_PASSPHRASE)
    common = ["print", "intake-form", str(empty_case_path), "--passphrase-file", str(secret)]
    assert cli.main([*common, "--out", str(tmp_path / "first.pdf")]) == 0  # unlocked, backed up
    assert cli.main([*common, "--out", str(tmp_path / "second.pdf")]) == 0  # the quick path
    key = empty_template[1]
    with open_with_key(empty_case_path, key) as case_file, case_file.session() as session:
        saved = session.exec(select(AuditEvent).where(AuditEvent.kind == "saved")).all()
    assert [(e.detail, e.family_code, e.action) for e in saved] == [
        ("intake_form", None, "saved"),
        ("intake_form", None, "saved"),
    ]
    assert saved[1].who == saved[0].who and saved[1].at >= saved[0].at


def test_a_full_disk_while_noting_a_quick_print_is_said_by_its_name(
    empty_case_path: Path, tmp_path: Path
) -> None:
    import pytest
    import sqlcipher3

    from homestart_desktop.data.casefile.errors import DiskFull
    from homestart_desktop.data.casefile.quick_read import current_case_file

    secret = tmp_path / "pass.txt"
    secret.write_text(TEST_PASSPHRASE)
    common = ["print", "intake-form", str(empty_case_path), "--passphrase-file", str(secret)]
    assert cli.main([*common, "--out", str(tmp_path / "first.pdf")]) == 0  # the day's backup
    full = sqlcipher3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13  # SQLITE_FULL

    class DiskFillsUp:
        def __init__(self, connection) -> None:
            self.connection = connection

        def execute(self, sql: str, *args):
            if sql.startswith("INSERT"):
                raise full
            return self.connection.execute(sql, *args)

    with current_case_file(empty_case_path, passphrase=TEST_PASSPHRASE) as case_file:
        assert case_file is not None
        case_file._connection = DiskFillsUp(case_file._connection)
        with pytest.raises(DiskFull):
            case_file.note_saved("intake_form")
