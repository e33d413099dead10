"""Intervision sessions: saving whole or not at all, follow-up states, attendance statistics."""

from __future__ import annotations

import datetime as dt

import pytest

from homestart_desktop.data.intervision import sessions as iv
from homestart_desktop.data.intervision.attendance import (
    attendance_overview,
    missed_recent_sessions,
)
from homestart_desktop.data.models import Presence, Volunteer, VolunteerStatus
from homestart_desktop.data.validation import ValidationError

P, N, A = Presence.present, Presence.absent_notified, Presence.absent
TODAY = dt.date(2026, 11, 26)


def _volunteers(case_file, *names, since=dt.date(2025, 1, 1)):
    with case_file.session() as session:
        rows = [
            Volunteer(
                reference=f"VW-2025-{i:03d}",
                first_name=first,
                last_name=last,
                status=VolunteerStatus.matched,
                created_on=since,
            )
            for i, (first, last) in enumerate((n.split(" ", 1) for n in names), start=1)
        ]
        session.add_all(rows)
        session.flush()
        return [v.id for v in rows]


def _save(case_file, on, theme="Grenzen stellen", attendance=(), follow_ups=(), session_id=None):
    data = iv.SessionIn(
        on=on, theme=theme, attendance=tuple(attendance), follow_ups=tuple(follow_ups)
    )
    with case_file.session() as session:
        return iv.save_session(session=session, data=data, session_id=session_id)


def test_a_session_with_attendance_and_follow_ups_reads_back_whole(empty_case_file):
    ozlem, lukasz, natalia = _volunteers(
        empty_case_file, "Özlem Yılmaz", "Łukasz Wróbel", "Наталія Коваленко"
    )
    notes = "Gedeelde zorgen 😀 — " + "зустріч " * 2490  # near the 20,000 a note may hold
    data = iv.SessionIn(
        on=dt.date(2026, 3, 12),
        theme="  Grenzen stellen in het gezin ",
        facilitator="Jef Van den Broeck",
        notes=notes,
        agreements="Iedereen brengt een voorbeeld mee.",
        attendance=((ozlem, P), (lukasz, N), (natalia, A)),
        follow_ups=(iv.FollowUpIn("Brochure kinderopvang delen", "Jef", dt.date(2026, 4, 1)),),
    )
    with empty_case_file.session() as session:
        saved = iv.save_session(session=session, data=data)
    assert saved.changes.intervision
    with empty_case_file.session() as session:
        detail = iv.get_session(session=session, session_id=saved.id, today=TODAY)
        rows = iv.list_sessions(session=session, year=2026)
    assert detail.theme == "Grenzen stellen in het gezin"
    assert detail.notes == notes  # kept without loss: emoji, Cyrillic, 19,940 characters
    assert {(a.first_name, a.presence) for a in detail.attendees} == {
        ("Özlem", P),
        ("Łukasz", N),
        ("Наталія", A),
    }
    assert detail.follow_ups[0].state == iv.FollowUpState.overdue
    assert (rows[0].present, rows[0].absent_notified, rows[0].absent, rows[0].open_follow_ups) == (
        1,
        1,
        1,
        1,
    )


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (iv.SessionIn(on=None, theme="Grenzen"), "on"),
        (iv.SessionIn(on=dt.date(2026, 3, 1), theme="   "), "theme"),
        (
            iv.SessionIn(on=dt.date(2026, 3, 1), theme="x", attendance=((1, P), (1, N))),
            "attendance",
        ),
        (
            iv.SessionIn(
                on=dt.date(2026, 3, 1),
                theme="x",
                follow_ups=(iv.FollowUpIn("Bellen", due_on=dt.date(2026, 2, 28)),),
            ),
            "follow_ups",
        ),
        (
            iv.SessionIn(on=dt.date(2026, 3, 1), theme="x", follow_ups=(iv.FollowUpIn(" "),)),
            "follow_ups",
        ),
    ],
)
def test_bad_input_is_refused_beside_its_field_and_nothing_is_written(empty_case_file, data, field):
    with pytest.raises(ValidationError) as refused, empty_case_file.session() as session:
        iv.save_session(session=session, data=data)
    assert field in refused.value.problems
    assert refused.value.problems[field].strip()
    with empty_case_file.session() as session:
        assert iv.list_sessions(session=session) == []


def test_follow_up_due_before_session_names_both_dates_in_dutch(empty_case_file):
    problems = iv.session_problems(
        iv.SessionIn(
            on=dt.date(2026, 3, 10),
            theme="x",
            follow_ups=(iv.FollowUpIn("Bellen", due_on=dt.date(2026, 3, 1)),),
        )
    )
    assert "01/03/2026" in problems["follow_ups"] and "10/03/2026" in problems["follow_ups"]
    assert "Opvolgactie 1" in problems["follow_ups"]


def test_follow_up_states_and_ticking_off(empty_case_file):
    assert iv.follow_up_state(None, None, TODAY) == iv.FollowUpState.open
    assert iv.follow_up_state(TODAY, None, TODAY) == iv.FollowUpState.open
    assert iv.follow_up_state(TODAY - dt.timedelta(days=1), None, TODAY) == iv.FollowUpState.overdue
    assert iv.follow_up_state(dt.date(2020, 1, 1), TODAY, TODAY) == iv.FollowUpState.done
    saved = _save(
        empty_case_file,
        dt.date(2026, 11, 1),
        follow_ups=[
            iv.FollowUpIn("Verslag rondsturen", due_on=dt.date(2026, 11, 10)),
            iv.FollowUpIn("Spreker zoeken", due_on=dt.date(2026, 12, 1)),
        ],
    )
    with empty_case_file.session() as session:
        open_ones = iv.list_follow_ups(session=session, today=TODAY)
        assert [f.state for f in open_ones] == [iv.FollowUpState.overdue, iv.FollowUpState.open]
        iv.set_follow_up_done(session=session, follow_up_id=open_ones[0].id, done_on=TODAY)
    with empty_case_file.session() as session:
        assert [f.description for f in iv.list_follow_ups(session=session, today=TODAY)] == [
            "Spreker zoeken"
        ]
        detail = iv.get_session(session=session, session_id=saved.id, today=TODAY)
        assert [f.state for f in detail.follow_ups] == [
            iv.FollowUpState.done,
            iv.FollowUpState.open,
        ]


def test_editing_keeps_follow_up_identity_and_replaces_attendance(empty_case_file):
    a, b = _volunteers(empty_case_file, "Fatima El Amrani", "Ioana Țurcanu")
    saved = _save(
        empty_case_file,
        dt.date(2026, 5, 1),
        attendance=[(a, P)],
        follow_ups=[iv.FollowUpIn("Bellen")],
    )
    with empty_case_file.session() as session:
        before = iv.get_session(session=session, session_id=saved.id, today=TODAY)
    kept = iv.FollowUpIn("Bellen naar CAW", id=before.follow_ups[0].id)
    _save(
        empty_case_file,
        dt.date(2026, 5, 1),
        attendance=[(b, N)],
        follow_ups=[kept],
        session_id=saved.id,
    )
    with empty_case_file.session() as session:
        after = iv.get_session(session=session, session_id=saved.id, today=TODAY)
        assert [f.id for f in after.follow_ups] == [before.follow_ups[0].id]
        assert [(x.first_name, x.presence) for x in after.attendees] == [("Ioana", N)]
        iv.delete_session(session=session, session_id=saved.id)
    with empty_case_file.session() as session:
        assert iv.list_sessions(session=session) == []


def test_attendance_overview_per_volunteer_per_year(empty_case_file):
    ozlem, jef, new = _volunteers(empty_case_file, "Özlem Yılmaz", "Jef Peeters", "Ioana Țurcanu")
    _save(empty_case_file, dt.date(2025, 12, 1), attendance=[(ozlem, P), (jef, P)])
    _save(empty_case_file, dt.date(2026, 2, 1), attendance=[(ozlem, P), (jef, N)])
    _save(empty_case_file, dt.date(2026, 5, 1), attendance=[(ozlem, A), (jef, A)])
    _save(empty_case_file, dt.date(2026, 6, 1), attendance=[(new, P)])  # another group
    _save(empty_case_file, dt.date(2026, 9, 1), attendance=[(ozlem, P), (new, P)])
    _save(empty_case_file, dt.date(2026, 12, 20), attendance=[(ozlem, P)])  # not held yet
    with empty_case_file.session() as session:
        rows = {
            r.first_name: r for r in attendance_overview(session=session, year=2026, today=TODAY)
        }
    assert (rows["Özlem"].held, rows["Özlem"].present, rows["Özlem"].absent) == (3, 2, 1)
    assert (
        rows["Jef"].held,
        rows["Jef"].present,
        rows["Jef"].absent_notified,
        rows["Jef"].absent,
    ) == (
        2,
        0,
        1,
        1,
    )
    assert (rows["Ioana"].held, rows["Ioana"].present) == (2, 2)  # only where she was expected
    assert rows["Ioana"].rate == 1.0
    assert rows["Özlem"].rate == pytest.approx(2 / 3)
    assert rows["Jef"].rate == 0.0


def test_who_missed_the_last_sessions(empty_case_file):
    ozlem, jef, paused = _volunteers(
        empty_case_file, "Özlem Yılmaz", "Jef Peeters", "Ioana Țurcanu"
    )
    with empty_case_file.session() as session:
        session.get(Volunteer, paused).status = VolunteerStatus.paused
    _save(empty_case_file, dt.date(2026, 6, 1), attendance=[(ozlem, P), (jef, P)])
    _save(empty_case_file, dt.date(2026, 8, 1), attendance=[(ozlem, N), (jef, P)])
    _save(empty_case_file, dt.date(2026, 9, 1), attendance=[(jef, P)])  # Özlem not expected
    _save(empty_case_file, dt.date(2026, 10, 1), attendance=[(ozlem, A), (jef, A)])
    with empty_case_file.session() as session:
        missed = missed_recent_sessions(session=session, at_least=2, today=TODAY)
        one = missed_recent_sessions(session=session, at_least=1, today=TODAY)
    assert [(m.first_name, m.missed_in_a_row, m.last_present_on) for m in missed] == [
        ("Özlem", 2, dt.date(2026, 6, 1))
    ]
    assert [m.first_name for m in one] == ["Özlem", "Jef"]  # a paused volunteer is not expected
