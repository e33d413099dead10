"""The yearly expense statement PDF: entries, totals against the ceilings, in the volunteer's language."""

from __future__ import annotations

import datetime as dt
import io
import re

from pypdf import PdfReader

from homestart_desktop.data.models import Transport
from homestart_desktop.data.volunteers.expenses import ExpenseIn, add_expense
from homestart_desktop.data.volunteers.register import VolunteerIn, add_volunteer
from homestart_desktop.documents.expense_statement import expense_statement_pdf, load_statement


def _text(pdf: bytes) -> str:
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def test_the_statement_lists_entries_and_the_ceilings(empty_case_file):
    with empty_case_file.session() as session:
        saved = add_volunteer(
            session=session,
            volunteer_in=VolunteerIn(first_name="Łukasz", last_name="Wróbel", language="nl"),
            today=dt.date(2025, 1, 2),
        )
        for day, fields in (
            (dt.date(2025, 2, 4), {"amount": "42,31", "purpose": "Huisbezoek"}),
            (dt.date(2025, 2, 4), {"km": "12,5", "transport": Transport.car}),
            (dt.date(2026, 1, 5), {"amount": "10,00"}),  # another year: not on this statement
        ):
            add_expense(
                session=session,
                volunteer_id=saved.id,
                expense_in=ExpenseIn(on=day, **fields),
                today=dt.date(2026, 1, 10),
            )
        data = load_statement(session=session, volunteer_id=saved.id, year=2025)
    text = _text(expense_statement_pdf(data))
    assert "Onkostenoverzicht 2025" in text
    assert "Łukasz Wróbel" in text and "VW-2025-001" in text
    assert "04/02/2025" in text and "Huisbezoek" in text and "12,5" in text
    assert "€ 47,71" in text  # 42.31 + 12.5 km × €0.4320 (5.40)
    assert "€ 1.692,51" in text and "€ 42,31" in text and "2.000" in text
    assert "05/01/2026" not in text
    french = _text(expense_statement_pdf(data, lang="fr"))
    assert "Relevé des frais 2025" in french and "1 692,51 €" in french


def _page_texts(pdf: bytes) -> list[str]:
    return [
        re.sub(r"\s+", " ", p.extract_text().replace("\u00a0", " "))
        for p in PdfReader(io.BytesIO(pdf)).pages
    ]


def test_public_transport_names_its_mode_and_family_names_print_as_codes(empty_case_file):
    from homestart_desktop.data.models import Caregiver, Family

    with empty_case_file.session() as session:
        family = Family(reference="GZ-2025-007")
        session.add(family)
        session.flush()
        session.add(Caregiver(family_id=family.id, first_name="Özlem", last_name="Kaya"))
        saved = add_volunteer(
            session=session,
            volunteer_in=VolunteerIn(first_name="Ioana", last_name="Țurcanu", language="nl"),
            today=dt.date(2025, 1, 2),
        )
        add_expense(
            session=session,
            volunteer_id=saved.id,
            expense_in=ExpenseIn(
                on=dt.date(2025, 3, 3),
                amount="4,20",
                transport=Transport.public_transport,
                purpose="Tram naar Özlem Kaya",
            ),
            today=dt.date(2025, 3, 4),
        )
        data = load_statement(session=session, volunteer_id=saved.id, year=2025)
    text = _text(expense_statement_pdf(data))
    assert "openbaar vervoer" in text
    assert "Tram naar GZ-2025-007" in text
    assert "Özlem" not in text and "Kaya" not in text


def test_the_ceiling_table_is_never_split_across_pages(empty_case_file):
    import dataclasses

    with empty_case_file.session() as session:
        saved = add_volunteer(
            session=session,
            volunteer_in=VolunteerIn(first_name="Наталія", last_name="Коваленко", language="nl"),
            today=dt.date(2025, 1, 2),
        )
        add_expense(
            session=session,
            volunteer_id=saved.id,
            expense_in=ExpenseIn(on=dt.date(2025, 2, 4), amount="5,00", purpose="Huisbezoek"),
            today=dt.date(2025, 3, 4),
        )
        data = load_statement(session=session, volunteer_id=saved.id, year=2025)
    line = data.summary.lines[0]
    # Whatever the number of entries, the table's header and its last row share a page.
    for count in range(20, 80):
        summary = dataclasses.replace(data.summary, lines=(line,) * count)
        pages = _page_texts(expense_statement_pdf(dataclasses.replace(data, summary=summary)))
        with_header = [i for i, t in enumerate(pages) if "Wettelijk maximum" in t]
        with_last_row = [i for i, t in enumerate(pages) if "Kilometers naast het forfait" in t]
        assert with_header == with_last_row, count
