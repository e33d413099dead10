"""Full-text search over intervision and coaching notes, inside the encrypted file only."""

from __future__ import annotations

import datetime as dt
import logging
import os
import tempfile
import time
from pathlib import Path

from homestart_desktop.data.intervision import coaching, notes_search
from homestart_desktop.data.intervision import sessions as iv
from homestart_desktop.data.intervision.notes_search import NoteKind, search_notes
from homestart_desktop.data.models import TalkKind, Volunteer


def _fill(case_file):
    with case_file.session() as session:
        v = Volunteer(reference="VW-2025-007", first_name="Özlem", last_name="Yılmaz")
        session.add(v)
        session.flush()
        saved = iv.save_session(
            session=session,
            data=iv.SessionIn(
                on=dt.date(2026, 3, 12),
                theme="Grenzen stellen",
                notes="Łukasz vertelde over vermoeidheid 😀 en Наталія over de школа.",
                follow_ups=(iv.FollowUpIn("Brochure kinderopvang rondsturen", "Jef"),),
            ),
        )
        talk = coaching.save_talk(
            session=session,
            data=coaching.TalkIn(
                v.id,
                dt.date(2026, 4, 2),
                TalkKind.evaluation,
                "Zorgt goed voor zichzelf; grenzen bewaakt.",
            ),
        )
    return saved.id, talk.id, v.id


def test_finds_sessions_follow_ups_and_talks_by_any_word_and_prefix(empty_case_file):
    session_id, talk_id, volunteer_id = _fill(empty_case_file)
    with empty_case_file.session() as session:
        grenzen = search_notes(session=session, typed="grenz")
        lukasz = search_notes(session=session, typed="LUKASZ vermoeid")
        school = search_notes(session=session, typed="школа")
        brochure = search_notes(session=session, typed="brochure")
        nothing = search_notes(session=session, typed="lukasz brochure")
        assert notes_search.count_matches(session=session, typed="grenz") == 2
    assert {(h.kind, h.session_id, h.talk_id) for h in grenzen} == {
        (NoteKind.session, session_id, None),
        (NoteKind.talk, None, talk_id),
    }
    assert [h.kind for h in grenzen] == [NoteKind.talk, NoteKind.session]  # newest first
    assert notes_search.count_matches(session=None, typed="") == 0
    talk_hit = next(h for h in grenzen if h.kind == NoteKind.talk)
    assert talk_hit.volunteer_id == volunteer_id
    assert "Özlem" in talk_hit.title and "VW-2025-007" in talk_hit.title
    assert [h.session_id for h in lukasz] == [session_id]
    assert "Łukasz" in lukasz[0].excerpt
    assert [h.session_id for h in school] == [session_id]
    assert [(h.kind, h.session_id) for h in brochure] == [(NoteKind.follow_up, session_id)]
    assert nothing == []


def test_search_syntax_typed_by_accident_is_harmless(empty_case_file):
    _fill(empty_case_file)
    with empty_case_file.session() as session:
        for typed in ['"', "grenzen AND", "NEAR(", "*", "-grenzen", "   ", "😀", "col:x"]:
            search_notes(session=session, typed=typed)  # no error
        assert search_notes(session=session, typed="   ") == []


def test_index_follows_every_change_and_deletion(empty_case_file):
    session_id, talk_id, volunteer_id = _fill(empty_case_file)
    with empty_case_file.session() as session:
        iv.save_session(
            session=session,
            data=iv.SessionIn(on=dt.date(2026, 3, 12), theme="Rouw en verlies"),
            session_id=session_id,
        )
        coaching.delete_talk(session=session, talk_id=talk_id)
    with empty_case_file.session() as session:
        assert search_notes(session=session, typed="grenzen") == []
        assert search_notes(session=session, typed="brochure") == []
        assert [h.session_id for h in search_notes(session=session, typed="rouw")] == [session_id]
        assert notes_search.rebuild_index(session=session) == 1
        assert [h.session_id for h in search_notes(session=session, typed="verlies")] == [
            session_id
        ]


def _files_holding(folder: Path, needles: list[bytes], since: float) -> list[Path]:
    """Files written since ``since`` under ``folder`` that hold one of ``needles``.

    Folders untouched since then are not entered (the shared temp folder is large); a new file
    always touches the folder it is made in.
    """
    holding = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if _touched(Path(root) / d, since)]
        for name in files:
            path = Path(root) / name
            if not _touched(path, since) or path.is_symlink():
                continue
            try:
                data = path.read_bytes()
            except OSError:
                continue
            if any(n in data for n in needles):
                holding.append(path)
    return holding


def _touched(path: Path, since: float) -> bool:
    try:
        return path.stat().st_mtime >= since - 1
    except OSError:
        return False


def test_search_terms_and_results_never_reach_a_file_outside_the_case_file(
    empty_case_file, tmp_path, monkeypatch, caplog
):
    started = time.time()
    log_dir = tmp_path / "logs"
    monkeypatch.setenv("HOMESTART_LOG_DIR", str(log_dir))
    caplog.set_level(logging.DEBUG)
    secret = "Zwaluwstaartvlinder"
    with empty_case_file.session() as session:
        v = Volunteer(reference="VW-2025-001", first_name="Jef")
        session.add(v)
        session.flush()
        coaching.save_talk(
            session=session,
            data=coaching.TalkIn(v.id, dt.date(2026, 1, 5), notes=f"De {secret} van het gezin."),
        )
    with empty_case_file.session() as session:
        hits = search_notes(session=session, typed=secret.lower())
    assert len(hits) == 1
    empty_case_file.lock()  # also checkpoints the write-ahead log into the encrypted file
    needles = [secret.encode(), secret.lower().encode(), secret.encode("utf-16-le")]
    assert _files_holding(tmp_path, needles, started) == []
    for folder in {Path(tempfile.gettempdir()), Path("/var/tmp")}:
        if folder.exists():
            assert _files_holding(folder, needles, started) == []
    assert secret.lower() not in caplog.text.lower()


def test_a_backup_keeps_the_index_and_its_triggers(empty_case_file, empty_template, tmp_path):
    from homestart_desktop.data.casefile import casefile

    _fill(empty_case_file)
    backup = empty_case_file.backup(tmp_path / "backups")
    _template, key = empty_template
    with backup.open("rb") as fh:
        salt = fh.read(casefile.SALT_BYTES)
    restored = casefile.CaseFile(backup, key, salt, casefile._lock_for(backup))
    try:
        with restored.session() as session:
            assert len(search_notes(session=session, typed="grenzen")) == 2
            coaching.save_talk(
                session=session,
                data=coaching.TalkIn(1, dt.date(2026, 5, 1), notes="Nachtegaal in de tuin"),
            )
        with restored.session() as session:
            assert [h.kind for h in search_notes(session=session, typed="nachtegaal")] == [
                NoteKind.talk
            ]
    finally:
        restored.lock()
