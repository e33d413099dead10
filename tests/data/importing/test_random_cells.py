"""Any workbook of random cells gives problems, never a crash."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from homestart_desktop.data.importing.fields import Kind
from homestart_desktop.data.importing.mapping import suggest_mapping
from homestart_desktop.data.importing.plan import build_plan
from homestart_desktop.data.importing.reading import RawSheet, make_table
from tests.data.importing.workbooks import FAMILY_HEADERS, TODAY, VOLUNTEER_HEADERS

cells = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.datetimes(),
    st.sampled_from(
        [
            "31/02/2019",
            "9999",
            "ja",
            "OCMW",
            "wachtlijst",
            "actief",
            "afgesloten",
            "3 februari 2024",
            "0470 12 34 56",
            "=SUM(A1)",
            "Anna Peeters",
        ]
    ),
)


def _sheet(headers: list[str], rows: list[list[object]]) -> RawSheet:
    return RawSheet("Blad1", (tuple(headers), *(tuple(row) for row in rows)))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    families=st.lists(
        st.lists(cells, min_size=len(FAMILY_HEADERS), max_size=len(FAMILY_HEADERS)), max_size=6
    ),
    volunteers=st.lists(
        st.lists(cells, min_size=len(VOLUNTEER_HEADERS), max_size=len(VOLUNTEER_HEADERS)),
        max_size=4,
    ),
)
def test_random_cells_never_crash_the_preview(empty_case_file, families, volunteers):
    tables = {
        Kind.families: make_table(_sheet(FAMILY_HEADERS, families), 1),
        Kind.volunteers: make_table(_sheet(VOLUNTEER_HEADERS, volunteers), 1),
    }
    mapping = suggest_mapping(tables)
    with empty_case_file.session() as session:
        plan = build_plan(session=session, tables=tables, mapping=mapping, today=TODAY)
        session.rollback()
    rows = sum(len(t.rows) for t in tables.values())
    assert (
        len({(s.kind, s.record.row) for s in plan.steps if s.kind != Kind.matches})
        + len(plan.problems)
        == rows
    )
    assert all(
        p.reasons and all(isinstance(r, str) and r for r in p.reasons) for p in plan.problems
    )


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.lists(cells, max_size=8), max_size=12))
def test_any_sheet_gives_a_table(rows):
    table = make_table(RawSheet("Blad1", tuple(tuple(r) for r in rows)))
    assert len(table.rows) == len(table.row_numbers)
    assert len({c.header for c in table.columns}) == len(table.columns)
