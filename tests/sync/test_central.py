"""The central office: import refuses what it must and keeps nothing of it; the report adds up."""

from __future__ import annotations

import json

import pyrage
import pytest
from pypdf import PdfReader

from homestart_desktop.central_cli import main as central
from homestart_desktop.data.settings import get_secret
from homestart_desktop.sync.central import keys
from homestart_desktop.sync.central.combine import combine
from homestart_desktop.sync.central.store import CentralStore
from homestart_desktop.sync.outbox import make_package, package_name
from homestart_desktop.sync.package import canonical, public_key_hex
from homestart_desktop.sync.quarter import Quarter

Q3 = Quarter(2026, 3)


def _package(case_file, quarter=Q3) -> tuple[str, bytes]:
    with case_file.session() as session:
        info = make_package(session=session, quarter=quarter)
        return package_name(session=session, export_id=info.id)


def _register(case_file, store_dir, code: str) -> None:
    with case_file.session() as session:
        key = public_key_hex(get_secret(session=session, key="branch_signing_key"))
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    path = store_dir.parent / f"{code}.branchkey"
    keys.write_branch_key(path, branch=code, public_key_hex=key)
    assert central(["register", str(path), "--branch", code, "--store", str(store_dir)]) == 0


def _import(store_dir, *paths) -> int:
    return central(
        [
            "import",
            *map(str, paths),
            "--identity",
            str(keys.DEMO_IDENTITY),
            "--store",
            str(store_dir),
        ]
    )


def _files(store_dir) -> list[str]:
    return (
        sorted(p.name for p in (store_dir / "figures").rglob("*.json"))
        if (store_dir / "figures").exists()
        else []
    )


@pytest.fixture
def store_dir(tmp_path):
    return tmp_path / "office" / "store"


def test_import_keeps_a_good_package_and_refuses_a_replay(
    gent, store_dir, tmp_path, capsys
) -> None:
    case_file, _ = gent
    _register(case_file, store_dir, "GENT")
    name, data = _package(case_file)
    (tmp_path / name).write_bytes(data)
    assert _import(store_dir, tmp_path / name) == 0
    assert _files(store_dir) == ["2026-Q3-v1.json"]
    assert _import(store_dir, tmp_path / name) == 1
    assert "herhaling" in capsys.readouterr().out
    assert _files(store_dir) == ["2026-Q3-v1.json"]


def test_tampered_package_is_refused(gent, store_dir, tmp_path, capsys, office_identity) -> None:
    case_file, _ = gent
    _register(case_file, store_dir, "GENT")
    name, data = _package(case_file)
    broken = bytearray(data)
    broken[-20] ^= 0x01
    (tmp_path / "broken.age").write_bytes(bytes(broken))
    # Re-encrypting an edited payload to the office's (public) key: the signature no longer fits.
    envelope = json.loads(pyrage.decrypt(data, [office_identity]))
    envelope["payload"]["figures"]["flow"]["rows"]["intakes"] = 999
    recipient = pyrage.x25519.Recipient.from_str(keys.DEMO_PUBLIC.read_text().strip())
    (tmp_path / "edited.age").write_bytes(pyrage.encrypt(canonical(envelope), [recipient]))
    assert _import(store_dir, tmp_path / "broken.age", tmp_path / "edited.age") == 1
    out = capsys.readouterr().out
    assert "kan niet ontsleuteld worden" in out
    assert out.count("GEWEIGERD") == 2
    assert _files(store_dir) == []


def test_unknown_and_wrong_keys_are_refused(gent, leuven, store_dir, tmp_path, capsys) -> None:
    gent_file, _ = gent
    leuven_file, _ = leuven
    name, data = _package(gent_file)
    (tmp_path / name).write_bytes(data)
    assert _import(store_dir, tmp_path / name) == 1  # GENT not registered yet
    assert "GENT" in capsys.readouterr().out
    _register(leuven_file, store_dir, "LEUVEN")
    # GENT registered with LEUVEN's key: a GENT package signed with GENT's key is refused.
    with leuven_file.session() as session:
        leuven_key = public_key_hex(get_secret(session=session, key="branch_signing_key"))
    CentralStore(store_dir).register("GENT", leuven_key)
    assert _import(store_dir, tmp_path / name) == 1
    assert _files(store_dir) == []


def test_older_version_is_refused(gent, store_dir, tmp_path) -> None:
    case_file, _ = gent
    _register(case_file, store_dir, "GENT")
    first = _package(case_file)
    second = _package(case_file)
    for name, data in (first, second):
        (tmp_path / name).write_bytes(data)
    assert _import(store_dir, tmp_path / second[0]) == 0
    assert _import(store_dir, tmp_path / first[0]) == 1
    assert _files(store_dir) == ["2026-Q3-v2.json"]


def test_wrong_office_key_is_refused(gent, store_dir, tmp_path) -> None:
    case_file, _ = gent
    _register(case_file, store_dir, "GENT")
    name, data = _package(case_file)
    (tmp_path / name).write_bytes(data)
    other = tmp_path / "other-office"
    assert central(["keygen", "--out", str(other)]) == 0
    assert (
        central(
            [
                "import",
                str(tmp_path / name),
                "--identity",
                str(other / keys.IDENTITY_FILE),
                "--store",
                str(store_dir),
            ]
        )
        == 1
    )
    assert _files(store_dir) == []


def test_report_pdf_and_xlsx(gent, leuven, store_dir, tmp_path) -> None:
    from openpyxl import load_workbook

    for case_file, code in ((gent[0], "GENT"), (leuven[0], "LEUVEN")):
        _register(case_file, store_dir, code)
    (tmp_path / "in").mkdir()
    name, data = _package(gent[0])
    (tmp_path / "in" / name).write_bytes(data)
    assert _import(store_dir, tmp_path / "in") == 0
    pdf, xlsx = tmp_path / "report.pdf", tmp_path / "report.xlsx"
    assert (
        central(
            [
                "report",
                "--quarter",
                "2026-Q3",
                "--out",
                str(pdf),
                "--xlsx",
                str(xlsx),
                "--store",
                str(store_dir),
            ]
        )
        == 0
    )
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "2026-Q3" in text and "LEUVEN" in text  # LEUVEN has not reported
    combined = combine(CentralStore(store_dir), Q3)
    assert combined.missing == ("LEUVEN",)
    sheet = load_workbook(xlsx).worksheets[0]
    assert sheet.cell(2, 3).value == "GENT"  # row 1 names the quarter and the branches
