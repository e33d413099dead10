"""Two branches send through WebDAV on loopback; the office imports both; the totals add up."""

from __future__ import annotations

from homestart_desktop.central_cli import main as central
from homestart_desktop.data.settings import get_secret
from homestart_desktop.sync.central import keys
from homestart_desktop.sync.central.combine import combine
from homestart_desktop.sync.central.store import CentralStore
from homestart_desktop.sync.labels import lines, value_of
from homestart_desktop.sync.outbox import Outbox, make_package
from homestart_desktop.sync.package import public_key_hex
from homestart_desktop.sync.quarter import Quarter
from homestart_desktop.sync.transports import WebDavTransport
from tests.sync.webdav_server import webdav_server

Q3 = Quarter(2026, 3)


def test_two_branches_to_one_report(gent, leuven, tmp_path) -> None:
    share, store = tmp_path / "share", tmp_path / "store"
    share.mkdir()
    branches = {"GENT": gent[0], "LEUVEN": leuven[0]}
    with webdav_server(share) as (url, faults):
        for code, case_file in branches.items():
            with case_file.session() as session:
                make_package(session=session, quarter=Q3)
                key = public_key_hex(get_secret(session=session, key="branch_signing_key"))
            keys.write_branch_key(tmp_path / f"{code}.key", branch=code, public_key_hex=key)
            assert (
                central(
                    [
                        "register",
                        str(tmp_path / f"{code}.key"),
                        "--branch",
                        code,
                        "--store",
                        str(store),
                    ]
                )
                == 0
            )
            [attempt] = Outbox(case_file.session).send_due(WebDavTransport(url, timeout=5))
            assert attempt.delivered, attempt.message
        assert faults.puts == 2
    assert len(list(share.glob("*.age"))) == 2
    assert (
        central(
            ["import", str(share), "--identity", str(keys.DEMO_IDENTITY), "--store", str(store)]
        )
        == 0
    )
    office = CentralStore(store)
    combined = combine(office, Q3)
    assert set(combined.reported) == {"GENT", "LEUVEN"} and combined.missing == ()
    checked = 0
    for table, row in lines():
        values = [
            value_of(office.figures(code, "2026-Q3")["figures"], table, row) for code in branches
        ]
        published = [v for v in values if isinstance(v, int | float)]
        total = combined.totals[(table, row)]
        if total.value is None:
            continue  # medians do not add up
        assert total.value == round(sum(published), 1), (table, row)
        assert total.withheld == len(values) - len(published)
        checked += 1
    assert checked > 50
    pdf = tmp_path / "report.pdf"
    assert (
        central(["report", "--quarter", "2026-Q3", "--out", str(pdf), "--store", str(store)]) == 0
    )
    assert pdf.read_bytes().startswith(b"%PDF")
