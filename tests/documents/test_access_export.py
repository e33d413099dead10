"""The access export on paper and as JSON: what a family would look for is there, in its language."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat

from pypdf import PdfReader

from homestart_desktop.data.access.declaration import (
    FAMILY_PARTS,
    MENTIONS,
    SCHEMA_VERSION,
    VOLUNTEER_PARTS,
)
from homestart_desktop.data.access.gather import columns_of
from homestart_desktop.documents.access.export import save_access_export
from homestart_desktop.documents.access.labels import TECHNICAL, label_of
from tests.builders import family_with_everything

MADE_ON = dt.date(2026, 6, 15)


def _text(pdf) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_a_familys_export_holds_what_the_family_would_look_for(empty_case_file, tmp_path):
    with empty_case_file.session() as session:
        family, _volunteer = family_with_everything(session)
        pdf, data = save_access_export(
            session=session, kind="family", subject_id=family.id, folder=tmp_path, today=MADE_ON
        )
    assert pdf.name == "GZ-2026-014_2026-06-15.pdf"
    assert data.name == "GZ-2026-014_2026-06-15.json"
    for path in (pdf, data):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    document = json.loads(data.read_text(encoding="utf-8"))
    assert document["schema_version"] == SCHEMA_VERSION
    assert document["subject"] == {"kind": "family", "code": "GZ-2026-014", "language": "fr"}
    records = document["records"]
    assert records["caregivers"][0]["last_name"] == "Yılmaz"
    assert records["children"][0]["first_name"] == "Ayşe"
    assert records["children"][0]["birth_date"] == "2025-06-01"
    assert records["visits"][0]["on"] == "2026-02-10"
    assert records["family"][0]["status"] == "active"
    assert any(
        "Loopt goed bij GZ-2026-014" in text
        for mention in document["mentions"]
        for text in mention["texts"].values()
    )
    text = _text(pdf)
    # In the family's language (French), dates as in Belgium, names as written.
    assert "Toutes les données de la famille GZ-2026-014" in text
    for expected in ("Yılmaz", "Ayşe", "10/02/2026", "Loopt goed bij GZ-2026-014", "Prénom"):
        assert expected in text, expected
    assert "Rue des Tilleuls 7" in text


def test_a_volunteers_export_is_in_their_language(empty_case_file, tmp_path):
    with empty_case_file.session() as session:
        family_with_everything(session)
        pdf, data = save_access_export(
            session=session,
            kind="volunteer",
            reference="VW-2025-003",
            folder=tmp_path,
            today=MADE_ON,
        )
    text = _text(pdf)
    assert "Alle gegevens van vrijwilliger VW-2025-003" in text
    assert "Wójcik" in text and "Ik wil jonge gezinnen steunen." in text
    assert "consultatiebureau" not in text  # the family's visit note is the family's
    document = json.loads(data.read_text(encoding="utf-8"))
    assert document["withheld"]["visits"] == ["note"]
    assert document["records"]["coaching_talks"][0]["on"] == "2026-03-02"


def test_every_exported_column_has_a_label():
    missing = sorted(
        {
            (part.table, column)
            for part in FAMILY_PARTS + VOLUNTEER_PARTS
            for column in columns_of(part)
            if column not in TECHNICAL and label_of(part.table, column) is None
        }
        | {
            (note.model.__tablename__, column)
            for note in MENTIONS
            for column in note.columns
            if label_of(note.model.__tablename__, column) is None
        }
    )
    assert not missing, (
        f"Add a label for each of {missing} to LABELS in "
        "homestart_desktop/documents/access/labels.py (then run tools/translations.py)."
    )
