"""The Logboek reads every entry as a sentence: what a retention run, an erasure, a restore, a
referrer letter or an import did, never the short note the file keeps ("rows removed")."""

from __future__ import annotations

import datetime as dt

from homestart_desktop.data.audit.kinds import what_happened
from homestart_desktop.i18n import format_short_date, set_language


def _said(kind: str, detail: str, record: str = "") -> str:
    return what_happened(kind=kind, action=kind, record=record, detail=detail)


def test_anonymisation_and_erasure_say_what_they_did_to_which_records():
    set_language("nl")
    assert _said("anonymised", "rows removed", "child") == "Geanonimiseerd: Kind · rijen verwijderd"
    blanked = _said("anonymised", "columns blanked or rounded", "family")
    assert blanked.startswith("Geanonimiseerd: Gezin · namen, contactgegevens")
    assert _said("erased", "notes naming the code", "coachingtalk") == (
        "Gewist: Coachingsgesprek · notities die de code noemen leeggemaakt"
    )
    assert _said("anonymised", "audit entries=12") == (
        "Geanonimiseerd · wie en code weggehaald bij 12 oudere regels"
    )


def test_a_restore_a_letter_and_an_import_read_as_sentences():
    set_language("nl")
    made = dt.date(2026, 11, 30)
    assert _said("restored", made.isoformat()) == (
        f"Back-up teruggezet · back-up van {format_short_date(made)}"
    )
    assert _said("letter", "end", "trajectory") == "Brief aan de verwijzer · begeleiding afgelopen"
    imported = _said("imported", "families+3~1 volunteers+0~0 matches+2~0 problems=4")
    assert imported == (
        "Inlezen · gezinnen: 3 nieuw, 1 bijgewerkt; lopende koppelingen: 2 nieuw, 0 bijgewerkt; "
        "4 problemen overgeslagen"
    )


def test_a_note_of_a_newer_version_is_shown_as_stored():
    set_language("fr")
    assert _said("anonymised", "something new", "child").endswith("· something new")
    set_language("nl")


def test_every_table_has_a_name_in_the_logboek():
    from sqlmodel import SQLModel

    from homestart_desktop.data import models  # noqa: F401 (the tables)
    from homestart_desktop.data.audit.kinds import RECORD_LABELS

    assert sorted(set(SQLModel.metadata.tables) - set(RECORD_LABELS)) == []
