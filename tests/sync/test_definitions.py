"""The definitions added for the central office: new families, rematches, the waiting list."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from homestart_desktop.data.figures.quality import ProblemKind, data_problems
from homestart_desktop.data.figures.queries import quarter_facts
from homestart_desktop.data.models import (
    Caregiver,
    Family,
    FamilyStatus,
    FamilyStatusChange,
    Referral,
    ReferrerCategory,
    Trajectory,
    TrajectoryStatus,
    Visit,
    VisitStatus,
    Volunteer,
    VolunteerStatus,
)
from homestart_desktop.sync.figures import RawFigures, raw_quarter_figures, waiting_began
from homestart_desktop.sync.quarter import Quarter

Q3 = Quarter(2026, 3)
D = dt.date


def _family(session, n: int, status=FamilyStatus.active, **kw) -> Family:
    family = Family(reference=f"GZ-2026-{n:03d}", status=status, created_on=D(2025, 1, 1), **kw)
    session.add(family)
    session.flush()
    return family


def _started(session, family, volunteer, start, ended=None, **kw) -> Trajectory:
    trajectory = Trajectory(
        family_id=family.id,
        volunteer_id=volunteer.id,
        proposed_on=start,
        start_on=start,
        ended_on=ended,
        status=TrajectoryStatus.closed if ended else TrajectoryStatus.active,
        **kw,
    )
    session.add(trajectory)
    session.flush()
    return trajectory


def _referred(session, family, on) -> None:
    session.add(Referral(family_id=family.id, referred_on=on, category=ReferrerCategory.ocmw))


def _status(session, family, on, status) -> None:
    session.add(FamilyStatusChange(family_id=family.id, on=on, to_status=status))


@pytest.fixture
def branch(empty_case_file):
    """Six families: two new, one rematch, one supported since spring, two on the list."""
    with empty_case_file.session() as s:
        volunteer = Volunteer(
            reference="VW-2025-001",
            first_name="Łukasz",
            status=VolunteerStatus.matched,
            created_on=D(2025, 1, 1),
        )
        s.add(volunteer)
        s.flush()
        # New: referred 1 June, started 1 August (61 days).
        new = _family(s, 1)
        _referred(s, new, D(2026, 6, 1))
        _started(s, new, volunteer, D(2026, 8, 1))
        s.add(Caregiver(family_id=new.id, first_name="Siham", birth_year=2004))  # 22 at Q3 end
        # New: referred 1 July, started 11 July (10 days).
        quick = _family(s, 2)
        _referred(s, quick, D(2026, 7, 1))
        _started(s, quick, volunteer, D(2026, 7, 11))
        # A rematch: referred in 2024, first match ended 30 June, back on the list 2 July,
        # started again 1 September: it waited 61 days, not the 800 since its referral.
        again = _family(s, 3, waiting_since=D(2026, 7, 2))
        _referred(s, again, D(2024, 5, 20))
        _started(s, again, volunteer, D(2024, 7, 1), D(2026, 6, 30))
        _started(s, again, volunteer, D(2026, 9, 1))
        # Supported from February to April: counts since 1 January, not in the quarter.
        spring = _family(s, 4, status=FamilyStatus.closed)
        _started(s, spring, volunteer, D(2026, 2, 1), D(2026, 4, 30))
        # On the list at quarter end: one waiting since 10 September, one just referred.
        waiting = _family(s, 5, status=FamilyStatus.waiting)
        _referred(s, waiting, D(2026, 9, 10))
        _status(s, waiting, D(2026, 9, 20), FamilyStatus.waiting)
        referred = _family(s, 6, status=FamilyStatus.referred)
        _referred(s, referred, D(2026, 9, 25))
        _status(s, referred, D(2026, 9, 25), FamilyStatus.referred)
        # Two mistakes the data-quality list names: closed without end, a past visit planned.
        broken = _family(s, 7, status=FamilyStatus.closed)
        mistake = _started(s, broken, volunteer, D(2025, 3, 1))
        mistake.status = TrajectoryStatus.closed
        s.add(mistake)
        s.add(Visit(trajectory_id=1, on=D(2026, 9, 3), status=VisitStatus.planned, minutes=120))
    with empty_case_file.session() as s:
        yield raw_quarter_figures(session=s, quarter=Q3), s


def test_new_families_beside_trajectories_started(branch) -> None:
    raw, _ = branch
    assert raw.flow["started"] == 3  # two new families and one rematch
    assert raw.flow["new_families_started"] == 2
    assert raw.flow["families_since_january"] == 5  # the spring family and the broken one too


def test_a_rematch_waits_from_the_day_it_went_back_on_the_list(branch) -> None:
    raw, session = branch
    facts = quarter_facts(session=session, start=Q3.start, end=Q3.end)
    began = {
        t.family_id: waiting_began(facts, t.family_id, t.start_on)
        for t in facts.trajectories
        if t.start_on >= Q3.start
    }
    assert sorted(began.values()) == [D(2026, 6, 1), D(2026, 7, 1), D(2026, 7, 2)]
    # 61, 10 and 61 days; fewer than 5 families, so no median is given.
    assert raw.measures["median_waiting_days"] == (None, 3)


def test_the_waiting_list_by_stage_and_the_wait_so_far(branch) -> None:
    raw: RawFigures = branch[0]
    assert raw.waiting_list == {"referred": 1, "intake": 0, "waiting": 1, "matched": 0}
    assert raw.flow["waiting_at_end"] == 2
    assert raw.measures["median_waiting_so_far_days"] == (None, 2)  # 20 and 5 days: too few


def test_ages_are_taken_on_the_quarter_end(branch) -> None:
    raw: RawFigures = branch[0]
    assert raw.indicators["young_parent"] == 1  # born 2004: 22 in 2026
    assert raw.definitions["reference_date"] == "quarter_end"


def test_the_data_quality_list(branch) -> None:
    _, session = branch
    problems = data_problems(session=session, until=Q3.end)
    kinds = {(p.kind, p.reference) for p in problems}
    assert kinds == {
        (ProblemKind.closed_without_end, "GZ-2026-007"),
        (ProblemKind.past_visits_planned, "GZ-2026-001"),
    }
    planned = next(p for p in problems if p.kind == ProblemKind.past_visits_planned)
    assert (planned.visits, planned.since) == (1, D(2026, 9, 3))
    assert data_problems(session=session, until=D(2026, 9, 2)) == [
        p for p in problems if p.kind != ProblemKind.past_visits_planned
    ]


def test_median_waiting_over_five_families(empty_case_file) -> None:
    """Four families waited 10, 20, 70, 80 days and a rematch 61: the median is 61 (counted
    from the referral in 2024, the rematch would make it 70)."""
    with empty_case_file.session() as s:
        volunteer = Volunteer(reference="VW-2025-001", first_name="Ioana", created_on=D(2025, 1, 1))
        s.add(volunteer)
        s.flush()
        for n, days in enumerate((10, 20, 70, 80), start=1):
            family = _family(s, n)
            _referred(s, family, D(2026, 7, 1))
            _started(s, family, volunteer, D(2026, 7, 1) + dt.timedelta(days=days))
        again = _family(s, 9)  # no waiting_since: its move back to "waiting" is the date
        _referred(s, again, D(2024, 5, 20))
        _started(s, again, volunteer, D(2024, 7, 1), D(2026, 6, 30))
        _status(s, again, D(2026, 7, 2), FamilyStatus.waiting)
        _started(s, again, volunteer, D(2026, 9, 1))
    with empty_case_file.session() as s:
        raw = raw_quarter_figures(session=s, quarter=Q3)
        assert s.exec(select(Family.record_key)).all()  # every family has its key
    assert raw.measures["median_waiting_days"] == (61.0, 5)
