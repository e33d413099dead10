"""``homestart access``: both files, 0600, named by code and day; an unknown code has its exit."""

from __future__ import annotations

import json
import os
import stat

from pypdf import PdfReader

from homestart_desktop import cli
from homestart_desktop.cli_commands import EXIT_NO_SUCH_CODE, EXIT_USAGE
from tests.builders import family_with_everything
from tests.conftest import TEST_PASSPHRASE


def test_access_from_the_command_line(empty_case_file, tmp_path, capsys):
    with empty_case_file.session() as session:
        family_with_everything(session)
    path = empty_case_file.path
    empty_case_file.lock()
    secret = tmp_path / "pass.txt"
    secret.write_text(TEST_PASSPHRASE + "\n")
    out = tmp_path / "voor het gezin"
    common = [str(path), "--passphrase-file", str(secret)]

    assert cli.main(["access", *common, "--family", "GZ-2026-014", "--out", str(out)]) == 0
    files = sorted(p.name for p in out.iterdir())
    assert files == [f"GZ-2026-014_{d}" for d in (f"{_today()}.json", f"{_today()}.pdf")]
    for name in files:
        assert stat.S_IMODE(os.stat(out / name).st_mode) == 0o600
    said = capsys.readouterr().out
    assert str(out / files[1]) in said and str(out / files[0]) in said
    document = json.loads((out / files[0]).read_text(encoding="utf-8"))
    assert document["records"]["children"][0]["first_name"] == "Ayşe"
    assert "Ayşe" in "".join(p.extract_text() for p in PdfReader(out / files[1]).pages)

    assert cli.main(["access", *common, "--volunteer", "VW-2025-003", "--out", str(out)]) == 0
    assert len(list(out.iterdir())) == 4

    capsys.readouterr()
    code = cli.main(["access", *common, "--family", "GZ-1999-999", "--out", str(out)])
    assert code == EXIT_NO_SUCH_CODE
    assert "Er is geen gezin GZ-1999-999 in dit dossierbestand." in capsys.readouterr().err
    assert len(list(out.iterdir())) == 4

    # Neither or both codes: a usage problem before anything is unlocked.
    assert cli.main(["access", *common, "--out", str(out)]) == EXIT_USAGE
    both = ["--family", "GZ-2026-014", "--volunteer", "VW-2025-003"]
    assert cli.main(["access", *common, *both, "--out", str(out)]) == EXIT_USAGE


def _today() -> str:
    import datetime as dt

    return dt.date.today().isoformat()
