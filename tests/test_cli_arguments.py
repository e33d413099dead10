"""Whatever is typed after ``homestart COMMAND``, the answer is an exit code and words.

A property test (hypothesis): commands with any mix of their options and values — missing
files, folders where files belong, names that are not UTF-8, odd quarters, huge numbers — never
end in a traceback or exit code 1 ("unexpected"). It runs ``cli.main`` in this process, so an
escaping exception fails the test with its traceback.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from homestart_desktop import cli, logs
from homestart_desktop.data.demo.branch import DEMO_PASSPHRASE
from tests.cli_helpers import open_with_key, passphrase_file

# Not the app window, not self-test (a window too), not demo-file (minutes for a large branch).
COMMANDS = [
    ["check"],
    ["backup"],
    ["restore"],
    ["passwd"],
    ["new"],
    ["figures"],
    ["export"],
    ["branch-key"],
    ["ics"],
    ["print"],
    ["print", "schedule"],
    ["print", "agreement"],
    ["print", "intake-form"],
]
OPTIONS = [
    "--to", "--out", "--quarter", "--passphrase-file", "--new-passphrase-file", "--branch",
    "--volunteer", "--weeks", "--family", "--lang", "--doc-lang", "--json", "--with-address",
]  # fmt: skip
# What each command takes, so that many examples get past the parser into the command itself.
TAKES = {
    "backup": ["--to"],
    "restore": [],
    "passwd": ["--new-passphrase-file"],
    "new": ["--branch"],
    "figures": ["--quarter", "--json"],
    "export": ["--quarter", "--to"],
    "branch-key": ["--out"],
    "ics": ["--out", "--volunteer", "--weeks", "--with-address", "--doc-lang"],
    "schedule": ["--out", "--volunteer", "--weeks", "--with-address", "--doc-lang"],
    "agreement": ["--out", "--volunteer", "--lang"],
    "intake-form": ["--out", "--family", "--lang"],
}
# Real command lines carry no NUL, and undecodable bytes only as surrogate escapes.
typed = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20
)


@pytest.fixture(scope="module")
def place(demo_template: tuple[Path, bytes], tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The demo branch (so that volunteers and families exist) and things that are not it."""
    folder = tmp_path_factory.mktemp("arguments")
    case_path = folder / "Gent-demo.hscase"
    shutil.copyfile(demo_template[0], case_path)
    with open_with_key(case_path, demo_template[1]) as case_file, case_file.engine.connect() as db:
        volunteer, family = (
            db.exec_driver_sql(f"SELECT min(reference) FROM {table}").scalar()
            for table in ("volunteer", "family")
        )
    plain = folder / "notities.txt"
    plain.write_text("geen dossier", encoding="utf-8")
    return {
        "case": str(case_path),
        "secret": str(passphrase_file(folder / "secrets", DEMO_PASSPHRASE)),
        "volunteer": volunteer,
        "family": family,
        "plain": str(plain),
        "folder": str(folder),
        "missing": str(folder / "bestaat-niet" / "x.pdf"),
        "latin1": str(folder / os.fsdecode(b"caf\xe9.hscase")),
    }


@pytest.fixture(autouse=True)
def _log_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HOMESTART_LOG_DIR", str(tmp_path_factory.mktemp("logs")))
    yield
    logs.close_logging()


def _value(place: dict) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(sorted(place.values())),
        st.sampled_from(["2026-Q1", "0000-Q1", "9999-Q4", "VW-2026-001", "GZ-2026-001", "fr"]),
        st.integers(min_value=-(10**12), max_value=10**12).map(str),
        typed,
    )


def _likely(option: str, place: dict) -> list[str]:
    """Values a coordinator would type for ``option``, right ones and near misses."""
    folder = Path(place["folder"])
    return {
        "--quarter": ["2026-Q1", "2025-Q4", "1900-Q1", "2999-Q4"],
        "--volunteer": [place["volunteer"], "VW-1999-999"],
        "--family": [place["family"], "GZ-1999-999"],
        "--lang": ["nl", "fr", "en"],
        "--doc-lang": ["nl", "fr", "en"],
        "--weeks": ["4", "0", "-3", "100000000"],
        "--branch": ["Proefstad", " "],
        "--to": [str(folder / "uit"), place["plain"], str(folder / "nergens" / "diep" / "uit")],
        "--out": [str(folder / "uit.pdf"), place["missing"], place["folder"], place["latin1"]],
        "--new-passphrase-file": [place["secret"], place["plain"], place["missing"]],
    }.get(option, [""])


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_arguments_end_in_a_traceback_or_unexpected_exit(
    data: st.DataObject, place: dict, monkeypatch: pytest.MonkeyPatch
):
    command = data.draw(st.sampled_from(COMMANDS))
    if data.draw(st.booleans()):  # each option the command takes, with any value
        words = [place["case"], "--passphrase-file", place["secret"]]
        for option in TAKES.get(command[-1], []):
            if option in ("--json", "--with-address"):
                words += [option] if data.draw(st.booleans()) else []
            else:
                odd = data.draw(st.integers(0, 9)) == 0  # now and then anything at all
                value = _value(place) if odd else st.sampled_from(_likely(option, place))
                words += [option, data.draw(value)]
    else:  # any words at all
        words = data.draw(st.lists(st.one_of(st.sampled_from(OPTIONS), _value(place)), max_size=8))
    stdin = data.draw(st.sampled_from(["", DEMO_PASSPHRASE + "\n"]))
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    monkeypatch.chdir(place["folder"])  # a typed word may be a relative --out or --to
    code = cli.main([*command, *words])
    event(f"{' '.join(command)}: exit {code}")  # --hypothesis-show-statistics shows how deep
    assert code not in (1,), [*command, *words]
