"""The intervision session report: pseudonymised, notes only when chosen, every script printed."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from homestart_desktop.data.intervision import sessions as iv
from homestart_desktop.data.models import Caregiver, Child, Family, Presence, Volunteer
from homestart_desktop.documents.intervision_report import build_session_report, load_report_input
from tests.clock import TEST_TODAY


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def session_id(empty_case_file):
    with empty_case_file.session() as session:
        family = Family(reference="GZ-2026-014")
        session.add(family)
        session.flush()
        session.add(Caregiver(family_id=family.id, first_name="Fatima", last_name="El Amrani"))
        session.add(Child(family_id=family.id, first_name="Yasmina"))
        people = [
            Volunteer(reference="VW-2025-001", first_name="Özlem", last_name="Yılmaz"),
            Volunteer(reference="VW-2025-002", first_name="Наталія", last_name="Коваленко"),
            Volunteer(reference="VW-2025-003", first_name="Ioana", last_name="Țurcanu"),
        ]
        session.add_all(people)
        session.flush()
        saved = iv.save_session(
            session=session,
            data=iv.SessionIn(
                on=dt.date(2026, 3, 12),
                theme="Grenzen stellen",
                facilitator="Coördinator Gent",
                notes="Özlem vertelde over Fatima El Amrani en haar dochter Yasmina. Geheime notitie.",
                agreements="We bellen mevrouw Amrani niet meer 's avonds 😀.",
                attendance=(
                    (people[0].id, Presence.present),
                    (people[1].id, Presence.present),
                    (people[2].id, Presence.absent_notified),
                ),
                follow_ups=(
                    iv.FollowUpIn("Brochure voor Yasmina zoeken", "Łukasz", dt.date(2026, 4, 1)),
                ),
            ),
        )
    return saved.id


def test_report_is_pseudonymised_and_leaves_notes_out(empty_case_file, session_id):
    with empty_case_file.session() as session:
        data = load_report_input(session=session, session_id=session_id, today=TEST_TODAY)
    text = _text(build_session_report(data, lang="nl"))
    for expected in (
        "Intervisieverslag",
        "Grenzen stellen",
        "Aanwezig (2)",
        "Özlem",
        "Наталія",
        "Verontschuldigd (1)",
        "Ioana",
        "GZ-2026-014",
        "Łukasz",
        "01/04/2026",
    ):
        assert expected in text, expected
    for never in ("Yılmaz", "Коваленко", "Țurcanu", "Fatima", "Amrani", "Yasmina", "Geheime"):
        assert never not in text, never


def test_notes_printed_only_when_chosen_and_volunteers_by_reference(
    empty_case_file, session_id, tmp_path
):
    with empty_case_file.session() as session:
        data = load_report_input(session=session, session_id=session_id, today=TEST_TODAY)
    out = tmp_path / "verslag.pdf"
    text = _text(
        build_session_report(
            data, lang="fr", include_notes=True, volunteers_by_reference=True, out=out
        )
    )
    assert out.read_bytes().startswith(b"%PDF")
    assert "Geheime notitie" in text and "Fatima" not in text and "Yasmina" not in text
    assert "Rapport d'intervision" in text and "VW-2025-001" in text and "Özlem (" not in text


def test_the_theme_is_printed_once(empty_case_file, session_id):
    with empty_case_file.session() as session:
        data = load_report_input(session=session, session_id=session_id, today=TEST_TODAY)
    text = _text(build_session_report(data, lang="nl"))
    assert text.count("Grenzen stellen") == 1
