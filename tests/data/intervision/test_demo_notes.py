"""The demo branch as a coordinator would see it in the Intervision section."""

from __future__ import annotations

from sqlmodel import select

from homestart_desktop.data.intervision import sessions as iv
from homestart_desktop.data.intervision.attendance import attendance_overview
from homestart_desktop.data.intervision.name_detector import find_names, load_name_index
from homestart_desktop.data.intervision.notes_search import count_matches, search_notes
from homestart_desktop.data.models import CoachingTalk, FollowUpAction, IntervisionSession
from tests.clock import TEST_TODAY


def test_demo_notes_name_families_only_by_reference_and_raise_no_false_alarm(demo_case_file):
    with demo_case_file.session() as session:
        index = load_name_index(session=session)
        texts = [
            t for s in session.exec(select(IntervisionSession)) for t in (s.notes, s.agreements)
        ]
        texts += [t for c in session.exec(select(CoachingTalk)) for t in (c.notes, c.agreements)]
        texts += [f.description for f in session.exec(select(FollowUpAction))]
    assert index and len(texts) > 100
    alarms = [hit.found for text in texts for hit in find_names(text, index)]
    assert alarms == []


def test_demo_sessions_are_searchable_and_attendance_adds_up(demo_case_file):
    today = TEST_TODAY
    with demo_case_file.session() as session:
        hits = search_notes(session=session, typed="vrijwilliger")
        total = count_matches(session=session, typed="vrijwilliger")
        rows = attendance_overview(session=session, year=today.year, today=today)
        sessions = iv.list_sessions(session=session, year=today.year)
    assert hits and total >= len(hits)
    assert [h.on for h in hits] == sorted((h.on for h in hits), reverse=True)
    held = len([s for s in sessions if s.on <= today])
    for row in rows:
        assert row.present + row.absent_notified + row.absent == row.held <= held
