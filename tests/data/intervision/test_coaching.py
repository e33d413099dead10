"""Coaching talks with a volunteer: in time order, checked whole, next talk planned."""

from __future__ import annotations

import datetime as dt

import pytest

from homestart_desktop.data.intervision import coaching
from homestart_desktop.data.models import TalkKind, Volunteer
from homestart_desktop.data.validation import ValidationError


def _volunteer(case_file, first="Ioana", reference="VW-2025-004"):
    with case_file.session() as session:
        v = Volunteer(reference=reference, first_name=first, last_name="Țurcanu")
        session.add(v)
        session.flush()
        return v.id


def _talk(case_file, volunteer_id, on, kind=TalkKind.coaching, next_on=None, notes=""):
    with case_file.session() as session:
        return coaching.save_talk(
            session=session,
            data=coaching.TalkIn(volunteer_id, on, kind, notes, "", next_on),
        ).id


def test_talks_come_in_time_order_with_their_kind(empty_case_file):
    ioana = _volunteer(empty_case_file)
    other = _volunteer(empty_case_file, "Jef", "VW-2025-005")
    _talk(empty_case_file, ioana, dt.date(2026, 9, 1), TalkKind.exit, notes="Stopt na verhuis 🏠")
    _talk(empty_case_file, ioana, dt.date(2026, 1, 10), TalkKind.coaching)
    _talk(empty_case_file, ioana, dt.date(2026, 5, 3), TalkKind.evaluation)
    _talk(empty_case_file, other, dt.date(2026, 2, 1))
    with empty_case_file.session() as session:
        talks = coaching.list_talks(session=session, volunteer_id=ioana)
    assert [(t.on, t.kind) for t in talks] == [
        (dt.date(2026, 1, 10), TalkKind.coaching),
        (dt.date(2026, 5, 3), TalkKind.evaluation),
        (dt.date(2026, 9, 1), TalkKind.exit),
    ]
    assert talks[-1].notes == "Stopt na verhuis 🏠"
    assert (
        coaching.talk_kind_label(TalkKind.evaluation)
        == "Tussentijdse evaluatie van de vrijwilliger"
    )


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (coaching.TalkIn(None, dt.date(2026, 1, 1)), "volunteer_id"),
        (coaching.TalkIn(1, None), "on"),
        (coaching.TalkIn(1, dt.date(2026, 1, 1), next_on=dt.date(2025, 12, 1)), "next_on"),
    ],
)
def test_bad_talks_are_refused_beside_the_field(empty_case_file, data, field):
    _volunteer(empty_case_file)
    with pytest.raises(ValidationError) as refused, empty_case_file.session() as session:
        coaching.save_talk(session=session, data=data)
    assert set(refused.value.problems) == {field}


def test_next_talks_planned_until_held(empty_case_file):
    ioana = _volunteer(empty_case_file)
    first = _talk(empty_case_file, ioana, dt.date(2026, 1, 10), next_on=dt.date(2026, 3, 1))
    with empty_case_file.session() as session:
        due = coaching.next_talks_planned(session=session, until=dt.date(2026, 3, 31))
    assert [t.id for t in due] == [first]
    _talk(empty_case_file, ioana, dt.date(2026, 3, 4))
    with empty_case_file.session() as session:
        assert coaching.next_talks_planned(session=session, until=dt.date(2026, 3, 31)) == []
