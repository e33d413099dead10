"""The central office during the transition: both schema versions, unfinished quarters, report."""

from __future__ import annotations

import copy
import datetime as dt

from openpyxl import load_workbook
from pypdf import PdfReader

from homestart_desktop.data.settings import get_secret
from homestart_desktop.sync.central.combine import combine
from homestart_desktop.sync.central.importer import import_package
from homestart_desktop.sync.central.report_pdf import report_pdf
from homestart_desktop.sync.central.report_xlsx import report_xlsx
from homestart_desktop.sync.central.store import CentralStore
from homestart_desktop.sync.outbox import next_payload
from homestart_desktop.sync.package import public_key_hex, seal
from homestart_desktop.sync.quarter import Quarter
from tests.sync.conftest import OFFICE_PUBLIC

Q3 = Quarter(2026, 3)
AFTER = dt.datetime(2026, 10, 2, 9, 0, tzinfo=dt.UTC)


def _payload(case_file, quarter=Q3, now=AFTER) -> tuple[dict, str]:
    with case_file.session() as session:
        payload = next_payload(session=session, quarter=quarter, now=now)
        key = get_secret(session=session, key="branch_signing_key")
    return payload, key


def _as_version_1(payload: dict) -> dict:
    """The same figures as a branch on the old app sends them: "<5" and "x", fewer rows."""
    old = copy.deepcopy(payload)
    old["schema_version"] = 1
    old["definitions"] = {
        k: old["definitions"][k] for k in ("around_birth_months_after", "young_parent_under")
    }
    figures = old["figures"]
    del figures["waiting_list"]
    for row in ("new_families_started", "families_since_january"):
        del figures["flow"]["rows"][row]
    del figures["measures"]["rows"]["median_waiting_so_far_days"]
    for name, part in figures.items():
        if name == "measures":
            continue
        for group in ("rows", "bases"):
            for row, value in part.get(group, {}).items():
                if 0 < value < 5:
                    part[group][row] = "<5"
        for single in ("total", "base"):
            if single in part and 0 < part[single] < 5:
                part[single] = "<5"
    figures["visits"]["rows"]["not_happened"] = "x"
    figures["flow"]["rows"]["intakes"] = "<5"
    return old


def _office(tmp_path, *branches) -> CentralStore:
    store = CentralStore(tmp_path / "store")
    for code, case_file in branches:
        with case_file.session() as session:
            key = public_key_hex(get_secret(session=session, key="branch_signing_key"))
        store.register(code, key)
    return store


def _import(store, office_identity, payload, signing_key, name="package.age"):
    data = seal(payload, signing_key_hex=signing_key, office_key=OFFICE_PUBLIC)
    return import_package(store, data, office_identity, name)


def test_both_schema_versions_are_imported_and_added_up(
    gent, leuven, tmp_path, office_identity
) -> None:
    store = _office(tmp_path, ("GENT", gent[0]), ("LEUVEN", leuven[0]))
    new, gent_key = _payload(gent[0])
    old, leuven_key = _payload(leuven[0])
    old = _as_version_1(old)
    assert _import(store, office_identity, new, gent_key).accepted
    result = _import(store, office_identity, old, leuven_key)
    assert result.accepted, result.reason
    combined = combine(store, Q3)
    assert combined.old_format == ("LEUVEN",)
    started = combined.totals[("flow", "started")]
    gent_started, leuven_started = (p["figures"]["flow"]["rows"]["started"] for p in (new, old))
    if isinstance(leuven_started, int):  # the record keys are random: it may read "<5"
        assert started.value == gent_started + leuven_started and not started.partial
    else:
        assert started.value == gent_started and started.partial
    assert started.margin == round(2 * (2.5**0.5), 1)  # one noisy branch: ±3.2
    intakes = combined.totals[("flow", "intakes")]
    assert intakes.value == new["figures"]["flow"]["rows"]["intakes"] and intakes.partial
    new_families = combined.totals[("flow", "new_families_started")]
    assert new_families.published == 1 and not new_families.partial  # version 1 has no such row
    pdf = report_pdf(combined, combine(store, Q3.previous()), combine(store, Q3.year_before()))
    text = " ".join(page.extract_text() for page in PdfReader(_file(tmp_path, pdf)).pages)
    assert "LEUVEN" in text and "<5" in text and "±" in text


def test_a_package_signed_before_its_quarter_was_over_is_refused(
    gent, tmp_path, office_identity
) -> None:
    store = _office(tmp_path, ("GENT", gent[0]))
    early, key = _payload(gent[0], now=dt.datetime(2026, 9, 30, 21, 0, tzinfo=dt.UTC))
    result = _import(store, office_identity, early, key)
    assert not result.accepted
    assert "2026-Q3" in result.reason and "30" in result.reason
    assert store.accepted() == []
    future, key = _payload(gent[0], quarter=Quarter(2027, 2), now=AFTER)
    assert not _import(store, office_identity, future, key, "future.age").accepted
    assert _import(store, office_identity, *_payload(gent[0])).accepted


def test_spreadsheet_names_quarter_and_branches_and_never_invents_a_number(
    gent, leuven, tmp_path, office_identity
) -> None:
    store = _office(tmp_path, ("GENT", gent[0]), ("LEUVEN", leuven[0]))
    old, key = _payload(leuven[0])
    old = _as_version_1(old)
    old["figures"]["visits"]["rows"]["not_happened"] = "x"
    assert _import(store, office_identity, old, key).accepted
    combined = combine(store, Q3)
    out = report_xlsx(combined, tmp_path / "report.xlsx")
    book = load_workbook(out)
    assert book.properties.creator == "Home-Start Vlaanderen: secretariaat"
    for sheet in book.worksheets:
        assert "2026-Q3" in sheet["A1"].value and "LEUVEN" in sheet["A1"].value
    figures = book.worksheets[0]
    header = [c.value for c in figures[2]]
    flanders = header.index("Vlaanderen") + 1
    for row in figures.iter_rows(min_row=3):
        if row[1].value == "Niet doorgegaan":  # withheld by the only branch: no number
            assert row[flanders - 1].value == "x"
            break
    else:
        raise AssertionError("the visits that did not take place are missing")


def test_report_charts_say_what_is_missing_and_no_text_is_small(
    gent, leuven, tmp_path, office_identity
) -> None:
    store = _office(tmp_path, ("GENT", gent[0]), ("LEUVEN", leuven[0]))
    assert _import(store, office_identity, *_payload(gent[0])).accepted  # LEUVEN is late
    empty = copy.deepcopy(_payload(gent[0], quarter=Q3.previous())[0])
    for row in empty["figures"]["referrals"]["rows"]:
        empty["figures"]["referrals"]["rows"][row] = 0
    empty["figures"]["referrals"]["total"] = 0
    empty["sequence"] += 1
    assert _import(store, office_identity, empty, _payload(gent[0])[1], "q2.age").accepted
    pdf = report_pdf(
        combine(store, Q3.previous()), combine(store, Q3), combine(store, Q3.year_before())
    )
    reader = PdfReader(_file(tmp_path, pdf))
    sizes: list[float] = []

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            sizes.append(round(size * scale, 2))

    text = " ".join(page.extract_text(visitor_text=visit) for page in reader.pages)
    assert "Geen aanmeldingen om te tonen" in text
    assert "1 van 2" in text  # the trend marks the quarter where not every branch reported
    assert "geen gegevens" in text  # and the quarters with no data at all
    assert min(sizes) >= 7


def _file(tmp_path, pdf: bytes):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    return path
