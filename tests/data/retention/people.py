"""A closed family and a stopped volunteer full of invented personal data, and one family still
supported beside them (whose data must stay), for the retention and erasure tests."""

from __future__ import annotations

import datetime as dt

from homestart_desktop.data.casefile.casefile import CaseFile
from homestart_desktop.data.models import (
    Caregiver,
    Child,
    CloseReason,
    CoachingTalk,
    Expense,
    Family,
    FamilyStatus,
    FamilyStatusChange,
    Gender,
    Intake,
    IntervisionSession,
    Referral,
    ReferrerCategory,
    Review,
    ReviewKind,
    TrajectoryStatus,
    Visit,
    VisitStatus,
    Volunteer,
    VolunteerStatus,
)
from tests.builders import matched_pair

GONE_FAMILY = "GZ-2019-007"
GONE_VOLUNTEER = "VW-2018-003"
KEPT_FAMILY = "GZ-2026-001"
# Every word below is invented; each must vanish from the file with its subject.
GONE_WORDS = [
    "Wojciechowska",
    "Bogumiła",
    "Sienkiewiczlaan 41",
    "0486 71 93 20",
    "Zoltanboekje",  # a child's first name
    "Kwakkelbrug",  # a visit note
    "Prutsbeweging",  # a review's agreements
    "Maanvisjeshuis",  # the referrer's organisation
    "Hectorine Plompaert",  # the referrer's contact
    "Ondergrondse huisvestingsperikelen",  # the family's life events
    "Fiebelkoorts",  # a status change's reason
    "Ravottersnest",  # an intake's reason
    "Klaproosdromer",  # the volunteer's first name
    "Vanderschrikkel",  # the volunteer's last name
    "klaproos@voorbeeld.test",
    "Tintelvoetje",  # a coaching talk's note
    "Snoezelkussen",  # an expense's purpose
]
KEPT_WORDS = ["Kerstanje", "Zonnebloemdreef 9"]
MENTION = f"Bespreking van {GONE_FAMILY}: Pruttelpotje bij de buren"


def write_people(case_file: CaseFile) -> None:
    """The closed family (ended 2019-11-29), the volunteer stopped then, a kept family."""
    start, end = dt.date(2019, 3, 4), dt.date(2019, 11, 29)
    with case_file.session() as session:
        family = Family(
            reference=GONE_FAMILY,
            status=FamilyStatus.closed,
            street="Sienkiewiczlaan 41",
            postcode="9000",
            phone="0486 71 93 20",
            life_events="Ondergrondse huisvestingsperikelen",
            created_on=dt.date(2019, 1, 10),
        )
        volunteer = Volunteer(
            reference=GONE_VOLUNTEER,
            first_name="Klaproosdromer",
            last_name="Vanderschrikkel",
            email="klaproos@voorbeeld.test",
            birth_date=dt.date(1961, 5, 17),
            gender=Gender.female,
            languages=["pl", "nl"],
            status=VolunteerStatus.stopped,
            stopped_on=end,
            created_on=dt.date(2018, 2, 1),
        )
        trajectory = matched_pair(
            session,
            family=family,
            volunteer=volunteer,
            start_on=start,
            status=TrajectoryStatus.closed,
        )
        trajectory.ended_on = end
        trajectory.close_reason = CloseReason.goals_reached
        session.add_all(
            [
                Caregiver(
                    family_id=family.id,
                    first_name="Bogumiła",
                    last_name="Wojciechowska",
                    phone="0486 71 93 20",
                    birth_year=1990,
                    gender=Gender.female,
                    languages=["pl"],
                ),
                Child(
                    family_id=family.id,
                    first_name="Zoltanboekje",
                    birth_date=dt.date(2019, 5, 23),
                    gender=Gender.male,
                ),
                Referral(
                    family_id=family.id,
                    referred_on=dt.date(2019, 1, 10),
                    category=ReferrerCategory.kind_en_gezin,
                    organisation="Maanvisjeshuis",
                    contact="Hectorine Plompaert",
                ),
                Intake(
                    family_id=family.id,
                    done_on=dt.date(2019, 1, 24),
                    outcome_reason="Ravottersnest",
                    score_wellbeing=2,
                ),
                FamilyStatusChange(
                    family_id=family.id,
                    on=end,
                    from_status=FamilyStatus.active,
                    to_status=FamilyStatus.closed,
                    reason="Fiebelkoorts",
                ),
                CoachingTalk(
                    volunteer_id=volunteer.id, on=dt.date(2019, 6, 3), notes="Tintelvoetje"
                ),
                IntervisionSession(on=dt.date(2019, 6, 10), theme="Grenzen", notes=MENTION),
            ]
        )
        session.flush()
        visit = Visit(
            trajectory_id=trajectory.id,
            on=dt.date(2019, 4, 9),
            status=VisitStatus.done,
            minutes=90,
            note="Kwakkelbrug",
        )
        session.add_all(
            [
                visit,
                Review(
                    trajectory_id=trajectory.id,
                    kind=ReviewKind.closing,
                    held_on=dt.date(2019, 11, 20),
                    agreements="Prutsbeweging",
                    score_wellbeing=4,
                ),
            ]
        )
        session.flush()
        session.add(
            Expense(
                volunteer_id=volunteer.id,
                on=visit.on,
                km=12,
                amount_cents=500,
                purpose="Snoezelkussen",
                visit_id=visit.id,
            )
        )
        kept = Family(
            reference=KEPT_FAMILY,
            status=FamilyStatus.waiting,
            street="Zonnebloemdreef 9",
            created_on=dt.date(2026, 3, 2),
            waiting_since=dt.date(2026, 3, 2),
        )
        session.add(kept)
        session.flush()
        session.add(Caregiver(family_id=kept.id, first_name="Bartholomeüs", last_name="Kerstanje"))
