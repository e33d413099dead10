"""homestart figures / export / branch-key, run on an unlocked branch."""

from __future__ import annotations

import argparse
import json

import pytest

from homestart_desktop.sync.central.keys import read_branch_key
from homestart_desktop.sync.cli_commands import (
    branch_key_cli,
    export_cli,
    figures_cli,
    quarter_argument,
)
from homestart_desktop.sync.quarter import Quarter

Q3 = Quarter(2026, 3)


def test_figures_as_text_and_json(gent, capsys) -> None:
    case_file, _ = gent
    assert figures_cli(argparse.Namespace(quarter=Q3, json=False), case_file=case_file) == 0
    text = capsys.readouterr().out
    assert "Kwartaalcijfers 2026-Q3" in text and "Eenoudergezin" in text
    assert figures_cli(argparse.Namespace(quarter=Q3, json=True), case_file=case_file) == 0
    payload = json.loads(capsys.readouterr().out)
    assert (payload["branch"], payload["quarter"], payload["version"]) == ("GENT", "2026-Q3", 1)


def test_export_and_branch_key(gent, tmp_path, capsys) -> None:
    case_file, _ = gent
    assert (
        export_cli(argparse.Namespace(quarter=Q3, to=tmp_path / "stick"), case_file=case_file) == 0
    )
    [package] = (tmp_path / "stick").iterdir()
    assert package.read_bytes().startswith(b"age-encryption.org/v1")
    assert branch_key_cli(argparse.Namespace(out=tmp_path / "GENT.key"), case_file=case_file) == 0
    branch, key = read_branch_key(tmp_path / "GENT.key")
    assert branch == "GENT" and len(key) == 64


def test_quarter_argument_refuses_nonsense() -> None:
    assert quarter_argument("2026-Q3") == Q3
    with pytest.raises(argparse.ArgumentTypeError, match="2026-Q3"):
        quarter_argument("Q3")


def test_the_homestart_command(branch_templates, tmp_path, capsys) -> None:
    """homestart figures / export / branch-key through the real command line."""
    import shutil

    from homestart_desktop.cli import main
    from tests.conftest import TEST_PASSPHRASE

    path = tmp_path / "GENT.hscase"
    shutil.copyfile(branch_templates["GENT"][0], path)
    secret = tmp_path / "passphrase.txt"
    secret.write_text(TEST_PASSPHRASE + "\n", encoding="utf-8")
    given = ["--passphrase-file", str(secret)]
    assert main(["figures", str(path), "--quarter", "2026-Q3", "--json", *given]) == 0
    assert json.loads(capsys.readouterr().out)["branch"] == "GENT"
    assert (
        main(["export", str(path), "--quarter", "2026-Q3", "--to", str(tmp_path / "out"), *given])
        == 0
    )
    assert len(list((tmp_path / "out").glob("*.age"))) == 1
    capsys.readouterr()
    future = ["export", str(path), "--quarter", "2027-Q2", "--to", str(tmp_path / "out")]
    assert main([*future, *given]) == 2  # a quarter that is not over makes no package
    assert "2027-Q2" in capsys.readouterr().err
    assert len(list((tmp_path / "out").glob("*.age"))) == 1
    assert main(["branch-key", str(path), "--out", str(tmp_path / "GENT.key"), *given]) == 0
    assert main(["figures", str(path), "--quarter", "2026-Q9", *given]) == 2


@pytest.mark.parametrize("stick_is", ["full", "read-only"])
def test_export_onto_a_full_or_read_only_stick_says_which_and_leaves_nothing(
    gent, tmp_path, capsys, stick_is: str
) -> None:
    """A real small tmpfs (skipped where mounting is not allowed; chmod does not stop root)."""
    from homestart_desktop.data.casefile.errors import CannotWrite, DiskFull
    from tests.fault_helpers import fill_up, make_read_only, small_disk

    case_file, _ = gent
    with small_disk(tmp_path, 64) as stick:
        if stick_is == "full":
            fill_up(stick)
        else:
            make_read_only(stick)
        code = export_cli(argparse.Namespace(quarter=Q3, to=stick), case_file=case_file)
        left = sorted(path.name for path in stick.iterdir())
    error = capsys.readouterr().err
    if stick_is == "full":
        assert code == DiskFull.exit_code == 7
        assert error.startswith(DiskFull(needed=0, free=0).message.split(":")[0])
        assert left == ["filler"]  # no half-written package
    else:
        assert code == CannotWrite.exit_code == 8
        assert error.strip() == CannotWrite().message
        assert left == []
