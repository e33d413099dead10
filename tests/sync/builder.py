"""A small synthetic branch written straight into the tables, for the figures tests and bench.

Every person is invented; names use accents and other scripts on purpose. The branch is seeded,
so the same ``seed`` and ``size`` always give the same file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from sqlmodel import Session

from homestart_desktop.data.models import (
    Caregiver,
    Child,
    CloseReason,
    Expense,
    Family,
    FamilyStatus,
    FamilyStatusChange,
    Intake,
    IntakeOutcome,
    IntervisionAttendance,
    IntervisionSession,
    Presence,
    Referral,
    ReferrerCategory,
    Review,
    ReviewKind,
    Training,
    Trajectory,
    TrajectoryStatus,
    Visit,
    VisitStatus,
    Volunteer,
    VolunteerStatus,
)

FIRST = [
    "Özlem",
    "Łukasz",
    "Ioana",
    "Наталія",
    "Fatima",
    "Jef",
    "Marieke",
    "Kwame",
    "Siham",
    "Ngozi",
]
LAST = [
    "Yılmaz",
    "Wróbel",
    "Țurcanu",
    "Коваленко",
    "El Amrani",
    "Van den Broeck",
    "Peeters",
    "Mbala",
]
STREETS = [
    "Sleepstraat",
    "Dampoortstraat",
    "Brugse Poort",
    "Rabotstraat",
    "Sint-Pietersnieuwstraat",
]


@dataclasses.dataclass
class Personal:
    """Everything personal written into the branch, to search the packages for."""

    names: set[str] = dataclasses.field(default_factory=set)
    streets: set[str] = dataclasses.field(default_factory=set)
    phones: set[str] = dataclasses.field(default_factory=set)
    birth_dates: set[dt.date] = dataclasses.field(default_factory=set)
    references: set[str] = dataclasses.field(default_factory=set)
    texts: set[str] = dataclasses.field(default_factory=set)


def _name(rng: random.Random, personal: Personal) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    personal.names.update({first, last})
    return first, last


def build_branch(
    session: Session, *, seed: int = 1, families: int = 40, today: dt.date = dt.date(2026, 9, 30)
) -> Personal:
    """Fill an empty case file with ``families`` families, about half as many volunteers."""
    rng = random.Random(seed)
    personal = Personal()
    volunteers = []
    for index in range(max(6, families // 2)):
        first, last = _name(rng, personal)
        birth = dt.date(1960 + rng.randrange(40), rng.randrange(1, 13), rng.randrange(1, 28))
        phone = f"04{rng.randrange(70, 99)} {rng.randrange(10, 99)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}"
        reference = f"VW-{today.year - 1}-{index + 1:03d}"
        street = f"{rng.choice(STREETS)} {rng.randrange(1, 200)}"
        start = today - dt.timedelta(days=rng.randrange(30, 900))
        volunteer = Volunteer(
            reference=reference,
            status=VolunteerStatus.available,
            first_name=first,
            last_name=last,
            birth_date=birth,
            street=street,
            postcode="9000",
            phone=phone,
            motivation=f"Motivatie van {first} {last}",
            first_interview_on=start,
            course_completed_on=start + dt.timedelta(days=40),
            created_on=start,
        )
        session.add(volunteer)
        personal.birth_dates.add(birth)
        personal.phones.add(phone)
        personal.references.add(reference)
        personal.streets.add(street)
        personal.texts.add(volunteer.motivation)
        volunteers.append(volunteer)
    session.flush()
    for volunteer in volunteers:
        session.add(
            Training(
                volunteer_id=volunteer.id,
                on=today - dt.timedelta(days=rng.randrange(0, 200)),
                hours=2.5,
                topic="Basisvorming",
            )
        )
    _intervision(session, volunteers, today)
    for index in range(families):
        referred = today - dt.timedelta(days=rng.randrange(10, 800))
        reference = f"GZ-{referred.year}-{index + 1:03d}"
        street = f"{rng.choice(STREETS)} {rng.randrange(1, 200)}"
        phone = f"09 {rng.randrange(200, 299)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}"
        family = Family(
            reference=reference,
            status=FamilyStatus.waiting,
            street=street,
            postcode="9000",
            phone=phone,
            single_parent=rng.random() < 0.45,
            kg_income=rng.random() < 0.5,
            kg_education=rng.random() < 0.4,
            kg_work=rng.random() < 0.4,
            kg_housing=rng.random() < 0.3,
            psychological_vulnerability=rng.random() < 0.44,
            physical_disability=rng.random() < 0.15,
            support_question_text=f"Vraag van gezin {reference}",
            created_on=referred,
            waiting_since=referred + dt.timedelta(days=20),
        )
        session.add(family)
        session.flush()
        personal.references.add(reference)
        personal.streets.add(street)
        personal.phones.add(phone)
        personal.texts.add(family.support_question_text)
        first, last = _name(rng, personal)
        session.add(
            Caregiver(
                family_id=family.id,
                first_name=first,
                last_name=last,
                birth_year=1985 + rng.randrange(20),
                arrival_year=2015 + rng.randrange(11) if rng.random() < 0.3 else None,
                phone=phone,
            )
        )
        for _ in range(rng.randrange(1, 4)):
            child_first, _last = _name(rng, personal)
            born = today - dt.timedelta(days=rng.randrange(-120, 4000))
            if born > today:
                session.add(Child(family_id=family.id, first_name=child_first, due_date=born))
            else:
                session.add(Child(family_id=family.id, first_name=child_first, birth_date=born))
                personal.birth_dates.add(born)
        category = rng.choice(list(ReferrerCategory))
        session.add(
            Referral(
                family_id=family.id,
                referred_on=referred,
                category=category,
                organisation="OCMW Gent",
                contact=f"{first} {last}",
                question="Hulp bij opvoeding",
            )
        )
        session.add(
            FamilyStatusChange(family_id=family.id, on=referred, to_status=FamilyStatus.referred)
        )
        session.add(
            Intake(
                family_id=family.id,
                done_on=referred + dt.timedelta(days=14),
                outcome=IntakeOutcome.waiting_list,
                score_wellbeing=rng.randrange(0, 4),
                score_parenting=rng.randrange(0, 4),
            )
        )
        session.add(
            FamilyStatusChange(
                family_id=family.id,
                on=referred + dt.timedelta(days=20),
                from_status=FamilyStatus.referred,
                to_status=FamilyStatus.waiting,
            )
        )
        if rng.random() < 0.75:
            _trajectory(
                session,
                rng,
                family,
                rng.choice(volunteers),
                referred + dt.timedelta(days=rng.randrange(30, 120)),
                today,
            )
    return personal


def _trajectory(
    session: Session,
    rng: random.Random,
    family: Family,
    volunteer: Volunteer,
    start: dt.date,
    today: dt.date,
) -> None:
    if start > today:
        return
    length = rng.randrange(60, 500)
    ended = start + dt.timedelta(days=length)
    closed = ended <= today
    trajectory = Trajectory(
        family_id=family.id,
        volunteer_id=volunteer.id,
        status=TrajectoryStatus.closed if closed else TrajectoryStatus.active,
        proposed_on=start - dt.timedelta(days=10),
        start_on=start,
        ended_on=ended if closed else None,
        close_reason=rng.choice(list(CloseReason)) if closed else None,
        end_note=f"Afsluiting: {family.reference} verhuisd naar {family.street}" if closed else "",
    )
    session.add(trajectory)
    session.flush()
    session.add(
        FamilyStatusChange(
            family_id=family.id,
            on=start,
            from_status=FamilyStatus.waiting,
            to_status=FamilyStatus.active,
        )
    )
    if closed:
        session.add(
            FamilyStatusChange(
                family_id=family.id,
                on=ended,
                from_status=FamilyStatus.active,
                to_status=FamilyStatus.closed,
            )
        )
        session.add(
            Review(
                trajectory_id=trajectory.id,
                kind=ReviewKind.closing,
                held_on=ended,
                score_wellbeing=rng.randrange(1, 6),
                score_parenting=rng.randrange(0, 6),
                agreements="Niets",
            )
        )
    day = start
    last = ended if closed else today
    while day <= last:
        status = (
            VisitStatus.done
            if rng.random() < 0.85
            else rng.choice([VisitStatus.cancelled_family, VisitStatus.cancelled_volunteer])
        )
        session.add(
            Visit(
                trajectory_id=trajectory.id,
                on=day,
                status=status,
                minutes=180 if status == VisitStatus.done else 0,
                note=f"Bezoek bij {family.reference}",
            )
        )
        if status == VisitStatus.done and rng.random() < 0.3:
            session.add(
                Expense(
                    volunteer_id=volunteer.id,
                    on=day,
                    km=8.0,
                    amount_cents=346,
                    purpose="Huisbezoek",
                    paid_on=day + dt.timedelta(days=20),
                )
            )
        day += dt.timedelta(days=7)


def _intervision(session: Session, volunteers: list[Volunteer], today: dt.date) -> None:
    """One session a month for two years; the first six volunteers attend."""
    for month in range(24):
        meeting = IntervisionSession(
            on=today - dt.timedelta(days=30 * month + 3),
            theme=f"Thema {month}",
            notes="Gesprek over moeilijke momenten",
        )
        session.add(meeting)
        session.flush()
        for volunteer in volunteers[:6]:
            session.add(
                IntervisionAttendance(
                    session_id=meeting.id, volunteer_id=volunteer.id, presence=Presence.present
                )
            )
