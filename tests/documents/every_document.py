"""Every document the app prints, for a branch that stretches them: long names in Turkish, Polish
and Cyrillic letters, a long branch name and address, optional fields left empty.

``render_every_document`` renders each in Dutch, French and English and times it; the layout
test (test_every_document_layout.py) and a person looking at the pages
(``python -m tests.documents.every_document OUT``) use the same PDFs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Callable

from sqlmodel import Session

from homestart_desktop.data.families.file import load_family
from homestart_desktop.data.families.intake import CaregiverIn, ChildIn, IntakeIn, record_intake
from homestart_desktop.data.families.referrals import ReferralIn, register_referral
from homestart_desktop.data.intervision import sessions as iv
from homestart_desktop.data.models import (
    Family,
    Gender,
    HalfDay,
    IntakeOutcome,
    Presence,
    ReferrerCategory,
    Trajectory,
    TrajectoryStatus,
    Transport,
    Volunteer,
    VolunteerStatus,
)
from homestart_desktop.data.planning import visits
from homestart_desktop.data.planning.referrer_letters import LetterKind, referrer_letter
from homestart_desktop.data.planning.visit_plan import volunteer_visit_plan
from homestart_desktop.data.settings import load_settings, save_settings
from homestart_desktop.data.volunteers.expenses import ExpenseIn, add_expense
from homestart_desktop.data.volunteers.register import VolunteerIn, add_volunteer
from homestart_desktop.documents.agreement import agreement_pdf, load_agreement
from homestart_desktop.documents.expense_statement import expense_statement_pdf, load_statement
from homestart_desktop.documents.intake_form import intake_form_pdf
from homestart_desktop.documents.intervision_report import build_session_report, load_report_input
from homestart_desktop.documents.referrer_letter import referrer_letter_pdf
from homestart_desktop.documents.visit_plan import visit_plan_pdf
from homestart_desktop.domain import planning
from tests.clock import TEST_TODAY

LANGS = ("nl", "fr", "en")
LONG_BRANCH = {
    "branch_name": "Home-Start Regio Zuid-West-Vlaanderen en Westhoek, afdeling Kortrijk-Menen",
    "street": "Sint-Pietersnieuwstraat 1234 bus 56, tweede verdieping achteraan",
    "postcode": "9000",
    "municipality": "Gent",
    "coordinator": "Anne-Marie Vanderschelden-De Wilde-Van Oudenhove",
    "organisation": "Home-Start Vlaanderen vzw",
    "company_number": "0712.345.678",
    "insurer": "Onderlinge Verzekeringsmaatschappij voor Sociale Organisaties",
    "policy_number": "BA-2025-0098-XL",
    "email": "zuid-west-vlaanderen.westhoek@home-start-vlaanderen.example",
    "phone": "+32 56 12 34 56",
}
PARENT = ("Maria-Magdalena Şükriye Łucja", "Van den Bossche-Kowalczyk-Öztürk-Владимирова")
VOLUNTEER = ("Ğülşen Małgorzata Анастасія", "Wiśniewska-Yıldırım-Шевченко-Vandenbroucke")
ORGANISATION = "Centrum voor Algemeen Welzijnswerk Oost-Vlaanderen, regio Meetjesland-Leie"
CONTACT = "Przemysław Żółkiewski-Ölçer, maatschappelijk werker, 0470 98 76 54"

# Each document: a name, and how to render it from the branch's data in a language.
DOCUMENTS = (
    "agreement",
    "intake_blank",
    "intake_filled",
    "schedule",
    "expenses",
    "intervision",
    "letter_start",
    "letter_end",
)


@dataclasses.dataclass(frozen=True)
class Rendered:
    pdf: bytes
    seconds: float


@dataclasses.dataclass(frozen=True)
class Branch:
    """What was read from the case file for each document (read once, rendered per language)."""

    makers: dict[str, Callable[[str], bytes]]


def fill_long_branch(session: Session) -> dict[str, int]:
    """Write the long-named branch: a family from referral to a running trajectory, a
    volunteer without address or birth date, expenses and an intervision session."""
    settings = load_settings(session=session).replace(**LONG_BRANCH)
    save_settings(session=session, settings=settings)
    referred = TEST_TODAY - dt.timedelta(days=120)
    saved = register_referral(
        session=session,
        referral=ReferralIn(
            referred,
            ReferrerCategory.caw,
            *PARENT,
            phone="0470 12 34 56",
            postcode="9000",
            organisation=ORGANISATION,
            contact=CONTACT,
            question="",  # left empty
            inform_referrer=True,
            language="nl",
        ),
        today=TEST_TODAY,
    )
    record_intake(
        session=session,
        family_id=saved.family_id,
        intake=IntakeIn(
            done_on=referred + dt.timedelta(days=10),
            coordinator=LONG_BRANCH["coordinator"],
            caregivers=(CaregiverIn(*PARENT, 1994, Gender.female, ("tr", "pl", "uk", "ru"), True),),
            children=(ChildIn("Ayşegül-Wiktoria", TEST_TODAY - dt.timedelta(days=400)),),
            outcome=IntakeOutcome.waiting_list,
            street="Sint-Lievenspoortstraat 1234 bus 56, achterhuis links",
            postcode="9000",
            email="maria-magdalena.vandenbossche-kowalczyk@example.be",
            flags=frozenset({"kg_housing", "small_network"}),
            support_questions=("perinatal",),
            preferred_slots=("wed-afternoon",),
            statement_version="1",
            statement_signed_on=referred + dt.timedelta(days=10),
        ),
        today=TEST_TODAY,
    )
    volunteer = add_volunteer(
        session=session,
        volunteer_in=VolunteerIn(first_name=VOLUNTEER[0], last_name=VOLUNTEER[1]),
        today=TEST_TODAY,
    )
    row = session.get(Volunteer, volunteer.id)
    row.status = VolunteerStatus.matched
    family = session.get(Family, saved.family_id)
    trajectory = Trajectory(
        family_id=family.id,
        volunteer_id=volunteer.id,
        status=TrajectoryStatus.active,
        proposed_on=TEST_TODAY - dt.timedelta(days=70),
        start_on=TEST_TODAY - dt.timedelta(days=60),
        weekday=2,
        half_day=HalfDay.afternoon,
    )
    session.add(trajectory)
    session.flush()
    visits.plan_visits(session=session, until=TEST_TODAY + dt.timedelta(weeks=9), today=TEST_TODAY)
    for day, fields in (
        (TEST_TODAY - dt.timedelta(days=30), {"km": "23,4", "transport": Transport.car}),
        (
            TEST_TODAY - dt.timedelta(days=23),
            {"amount": "4,20", "transport": Transport.public_transport},
        ),
        (
            TEST_TODAY - dt.timedelta(days=16),
            {"amount": "12,50", "purpose": "Speelgoed en boekjes voor de bibliotheekuitleen " * 3},
        ),
    ):
        add_expense(
            session=session,
            volunteer_id=volunteer.id,
            expense_in=ExpenseIn(on=day, **fields),
            today=TEST_TODAY,
        )
    meeting = iv.save_session(
        session=session,
        data=iv.SessionIn(
            on=TEST_TODAY - dt.timedelta(days=7),
            theme="Grenzen stellen zonder de band te verliezen: " * 3,
            facilitator=LONG_BRANCH["coordinator"],
            agreements="We bellen niet meer 's avonds na acht uur. " * 8,
            attendance=((volunteer.id, Presence.present),),
            follow_ups=(
                iv.FollowUpIn(
                    "Brochure over slaapritme zoeken in het Pools, Turks en Oekraïens " * 2,
                    "Przemysław Żółkiewski-Ölçer",
                    TEST_TODAY + dt.timedelta(days=14),
                ),
            ),
        ),
    )
    return {
        "family": saved.family_id,
        "volunteer": volunteer.id,
        "trajectory": trajectory.id,
        "session": meeting.id,
    }


def read_long_branch(session: Session) -> Branch:
    """Fill the branch and read what every document needs."""
    ids = fill_long_branch(session)
    branch = load_settings(session=session)
    family = load_family(session=session, family_id=ids["family"], today=TEST_TODAY)
    agreement = load_agreement(session=session, volunteer_id=ids["volunteer"], today=TEST_TODAY)
    plan = volunteer_visit_plan(
        session=session,
        volunteer_reference=agreement.volunteer.reference,
        first=planning.week_of(TEST_TODAY)[0],
        weeks=8,
        include_address=True,
        with_first_name=True,
    )
    statement = load_statement(session=session, volunteer_id=ids["volunteer"], year=TEST_TODAY.year)
    report = load_report_input(session=session, session_id=ids["session"], today=TEST_TODAY)
    start = referrer_letter(
        session=session, trajectory_id=ids["trajectory"], kind=LetterKind.start, today=TEST_TODAY
    )
    end = dataclasses.replace(start, kind=LetterKind.end, ended_on=TEST_TODAY)
    return Branch(
        makers={
            "agreement": lambda lang: agreement_pdf(agreement, lang=lang),
            "intake_blank": lambda lang: intake_form_pdf(branch=branch, lang=lang),
            "intake_filled": lambda lang: intake_form_pdf(branch=branch, lang=lang, file=family),
            "schedule": lambda lang: visit_plan_pdf(plan, lang=lang),
            "expenses": lambda lang: expense_statement_pdf(statement, lang=lang),
            "intervision": lambda lang: build_session_report(report, lang=lang, include_notes=True),
            "letter_start": lambda lang: referrer_letter_pdf(start, lang=lang),
            "letter_end": lambda lang: referrer_letter_pdf(end, lang=lang),
        }
    )


def render_every_document(branch: Branch) -> dict[tuple[str, str], Rendered]:
    """Each document in each language, with the seconds its rendering took."""
    rendered = {}
    for name in DOCUMENTS:
        for lang in LANGS:
            began = time.perf_counter()
            pdf = branch.makers[name](lang)
            rendered[name, lang] = Rendered(pdf, time.perf_counter() - began)
    return rendered


def main(folder: str) -> None:
    """Write every document into ``folder`` (synthetic data) and print page counts and times."""
    import io
    import tempfile
    from pathlib import Path

    from pypdf import PdfReader

    from homestart_desktop.data.casefile.casefile import create_case_file
    from homestart_desktop.private_files import write_private
    from tests.conftest import TEST_PASSPHRASE

    with tempfile.TemporaryDirectory() as scratch:
        case_file = create_case_file(
            Path(scratch) / "long.hscase", passphrase=TEST_PASSPHRASE, branch_name="Lang"
        )
        with case_file.session() as session:
            branch = read_long_branch(session)
        case_file.lock()
    for (name, lang), done in render_every_document(branch).items():
        pages = len(PdfReader(io.BytesIO(done.pdf)).pages)
        write_private(Path(folder) / f"{name}-{lang}.pdf", done.pdf)
        print(f"{name:14} {lang}  {pages} pages  {done.seconds * 1000:6.0f} ms")


if __name__ == "__main__":
    import sys

    main(sys.argv[1])
