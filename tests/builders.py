"""Small records for tests that need a family matched with a volunteer (synthetic people only)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from homestart_desktop.data.models import (
    Family,
    FamilyStatus,
    HalfDay,
    Trajectory,
    TrajectoryStatus,
    Volunteer,
    VolunteerStatus,
)
from tests.clock import TEST_TODAY


def matched_pair(
    session: Session,
    *,
    family: Family | str,
    volunteer: Volunteer | str,
    start_on: dt.date | None,
    weekday: int = 1,
    half_day: HalfDay = HalfDay.morning,
    status: TrajectoryStatus = TrajectoryStatus.active,
    proposed_on: dt.date | None = None,
) -> Trajectory:
    """A trajectory between a family and a volunteer (given as records, or as reference codes
    for plain active ones), stored and flushed so that every id is known."""
    if isinstance(family, str):
        family = Family(reference=family, status=FamilyStatus.active)
    if isinstance(volunteer, str):
        volunteer = Volunteer(reference=volunteer, first_name="Jef", status=VolunteerStatus.matched)
    session.add_all([family, volunteer])
    session.flush()
    trajectory = Trajectory(
        family_id=family.id,
        volunteer_id=volunteer.id,
        status=status,
        proposed_on=proposed_on or (start_on or TEST_TODAY) - dt.timedelta(days=14),
        start_on=start_on,
        weekday=weekday,
        half_day=half_day,
    )
    session.add(trajectory)
    session.flush()
    return trajectory


def family_with_everything(session: Session) -> tuple[Family, Volunteer]:
    """A family (GZ-2026-014, French-speaking) with one record of every kind that can be about
    it, its volunteer (VW-2025-003) with one of every kind about them, and notes elsewhere
    that name both codes; plus a second family whose records must stay out of the export."""
    from homestart_desktop.data import models as m

    family = Family(
        reference="GZ-2026-014",
        status=FamilyStatus.active,
        language="fr",
        street="Rue des Tilleuls 7",
        postcode="9000",
        phone="0470 11 22 33",
        life_events="Déménagement en janvier",
        support_questions=["emotional_support"],
        preferred_slots=["tue-morning"],
        privacy_consent_date=dt.date(2026, 1, 12),
    )
    volunteer = Volunteer(
        reference="VW-2025-003",
        first_name="Łucja",
        last_name="Wójcik",
        status=VolunteerStatus.matched,
        language="nl",
        phone="0499 44 55 66",
        motivation="Ik wil jonge gezinnen steunen.",
        experience_tags=["newborn"],
    )
    trajectory = matched_pair(
        session,
        family=family,
        volunteer=volunteer,
        start_on=dt.date(2026, 2, 3),
        proposed_on=dt.date(2026, 1, 20),
    )
    other = Family(reference="GZ-2026-015", status=FamilyStatus.waiting, street="Andere straat 1")
    session.add(other)
    session.flush()
    visit = m.Visit(
        trajectory_id=trajectory.id,
        on=dt.date(2026, 2, 10),
        status=m.VisitStatus.done,
        minutes=90,
        km=6.5,
        note="Samen naar het consultatiebureau geweest.",
    )
    session.add(visit)
    session.flush()
    session.add_all(
        [
            m.Caregiver(family_id=family.id, first_name="Şükrü", last_name="Yılmaz", phone="0470"),
            m.Child(family_id=family.id, first_name="Ayşe", birth_date=dt.date(2025, 6, 1)),
            m.Referral(
                family_id=family.id,
                referred_on=dt.date(2026, 1, 5),
                category=m.ReferrerCategory.kind_en_gezin,
                contact="Vroedvrouw An",
                question="Steun na de geboorte",
            ),
            m.Intake(family_id=family.id, done_on=dt.date(2026, 1, 12), score_wellbeing=2),
            m.FamilyStatusChange(
                family_id=family.id, on=dt.date(2026, 1, 5), to_status=FamilyStatus.referred
            ),
            m.TrajectoryStatusChange(
                trajectory_id=trajectory.id,
                on=dt.date(2026, 2, 3),
                to_status=TrajectoryStatus.active,
            ),
            m.Review(
                trajectory_id=trajectory.id,
                held_on=dt.date(2026, 5, 4),
                score_wellbeing=4,
                agreements="Blijven oefenen met de dagstructuur.",
            ),
            m.BlockedPeriod(
                family_id=family.id,
                starts_on=dt.date(2026, 4, 6),
                ends_on=dt.date(2026, 4, 17),
                label="Op reis naar familie",
            ),
            m.BlockedPeriod(starts_on=dt.date(2026, 7, 1), ends_on=dt.date(2026, 8, 31)),
            m.Expense(
                volunteer_id=volunteer.id,
                on=visit.on,
                km=13.0,
                amount_cents=559,
                purpose="Huisbezoek",
                visit_id=visit.id,
            ),
            m.VolunteerStatusChange(
                volunteer_id=volunteer.id,
                on=dt.date(2025, 9, 1),
                to_status=VolunteerStatus.available,
            ),
            m.Availability(volunteer_id=volunteer.id, weekday=1, half_day=HalfDay.morning),
            m.Training(volunteer_id=volunteer.id, on=dt.date(2025, 8, 20), hours=3, topic="Start"),
            m.CoachingTalk(
                volunteer_id=volunteer.id,
                on=dt.date(2026, 3, 2),
                notes="Loopt goed bij GZ-2026-014; de oudste slaapt slecht.",
            ),
            m.ExpenseYear(volunteer_id=volunteer.id, year=2026, regime=m.ExpenseRegime.flat_rate),
            m.ConsentEvent(
                family_id=family.id,
                item=m.ConsentItem.privacy_statement,
                on=dt.date(2026, 1, 12),
                statement_version="1",
                statement_dated=dt.date(2018, 5, 25),
                noted_on=dt.date(2026, 1, 12),
            ),
            m.RetentionHold(
                family_id=family.id,
                held_on=dt.date(2026, 3, 1),
                until=dt.date(2027, 3, 1),
                reason="Zaak bij de jeugdrechter",
            ),
            m.RetentionHold(
                volunteer_id=volunteer.id,
                held_on=dt.date(2026, 3, 1),
                until=dt.date(2027, 3, 1),
                reason="Vraag van de verzekeraar",
            ),
            m.FamilyStatusChange(
                family_id=other.id,
                on=dt.date(2026, 1, 8),
                to_status=FamilyStatus.referred,
                reason="Broer van GZ-2026-0140",
            ),
        ]
    )
    intervision = m.IntervisionSession(
        on=dt.date(2026, 3, 10),
        theme="Grenzen stellen",
        notes="Casus GZ-2026-014: hoe omgaan met de schoonmoeder. VW-2025-003 vertelde.",
    )
    session.add(intervision)
    session.flush()
    session.add_all(
        [
            m.IntervisionAttendance(session_id=intervision.id, volunteer_id=volunteer.id),
            m.FollowUpAction(
                session_id=intervision.id, description="Folder opvoedingswinkel voor GZ-2026-014"
            ),
        ]
    )
    session.flush()
    return family, volunteer
