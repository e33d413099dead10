"""Rows for how the demo branch supports its volunteers, and its bookkeeping.

Intervision groups of at most fourteen volunteers meet monthly (not in July and August), coaching
talks follow every six to twelve weeks, expenses follow the logged visits under one regime per
volunteer and year, and the quarterly figures of past quarters were sent. Notes name families
only by their reference code, as the coordinator is asked to.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random

from homestart_desktop.data import models as m
from homestart_desktop.data.demo import notes
from homestart_desktop.data.demo.names import COORDINATORS
from homestart_desktop.data.demo.plans import Branch, days
from homestart_desktop.data.demo.rows import Rows, at_nine

GROUP_SIZE = 14
ACTIVE = (m.VolunteerStatus.available, m.VolunteerStatus.matched, m.VolunteerStatus.paused)
THEMES = (
    "Grenzen bewaken in het gezin",
    "Omgaan met armoede",
    "Werken met een tolk",
    "Zorgen over de veiligheid van een kind: wat doe ik?",
    "Afscheid nemen van een gezin",
    "Cultuursensitief werken",
    "Discretieplicht en beroepsgeheim",
    "Spelen met jonge kinderen",
    "Ouders met een psychische kwetsbaarheid",
)
FLAT_RATE_PER_VISIT_CENTS = 1000
CYCLING_KM = 10.0  # as far as a cyclist rides to a family, one way (domain.matching says so too)


def _family_on(branch: Branch, family_codes: dict[int, str]) -> dict[int, list]:
    """Per volunteer: (from, to, family reference) of each started trajectory."""
    spans: dict[int, list] = {}
    for plan in branch.trajectories:
        if plan.start_on:
            until = plan.ended_on or branch.today
            spans.setdefault(plan.volunteer.index, []).append(
                (plan.start_on, until, family_codes[plan.family.index])
            )
    return spans


def _reference_on(spans: dict[int, list], volunteer_index: int, day: dt.date) -> str | None:
    for first, until, code in spans.get(volunteer_index, ()):
        if first <= day <= until:
            return code
    return None


def add_intervision(rows: Rows, branch: Branch, volunteer_ids, family_codes, seed: int) -> None:
    """Monthly intervision in groups, with attendance and follow-up actions."""
    rng = random.Random(f"{seed}-intervision")
    spans = _family_on(branch, family_codes)
    month = dt.date(branch.start.year, branch.start.month, 1)
    while month <= branch.today:
        if month.month not in (7, 8):
            day = month + days((1 - month.weekday()) % 7 + 7)  # the second Tuesday
            roster = [v for v in branch.volunteers if v.timeline.status_on(day) in ACTIVE]
            groups = max(1, -(-len(roster) // GROUP_SIZE))
            for group in range(groups):
                members = roster[group::groups]
                _add_session(
                    rows, rng, day + days(group % 3), members, volunteer_ids, spans, branch.today
                )
        month = (month + days(32)).replace(day=1)


def _add_session(rows, rng, day, members, volunteer_ids, spans, today) -> None:
    if day > today:
        return
    references = [c for v in members if (c := _reference_on(spans, v.index, day))]
    session_notes = " ".join(
        notes.session_note(rng, code) for code in rng.sample(references, min(2, len(references)))
    )
    session_id = rows.add(
        m.IntervisionSession,
        on=day,
        theme=rng.choice(THEMES),
        facilitator=rng.choice((COORDINATORS[0], COORDINATORS[0], "Externe begeleider")),
        notes=session_notes,
        agreements=notes.session_agreements(rng),
    )
    for volunteer in members:
        paused = volunteer.timeline.status_on(day) == m.VolunteerStatus.paused
        presence = (
            m.Presence.absent_notified if paused else rng.choices(list(m.Presence), [70, 20, 10])[0]
        )
        rows.add(
            m.IntervisionAttendance,
            session_id=session_id,
            volunteer_id=volunteer_ids[volunteer.index],
            presence=presence,
        )
    for _ in range(rng.choice((0, 1, 1, 2))):
        due = day + days(rng.uniform(7, 35))
        done = due - days(rng.uniform(0, 5)) if due < today and rng.random() < 0.8 else None
        rows.add(
            m.FollowUpAction,
            session_id=session_id,
            description=notes.follow_up(rng),
            who=COORDINATORS[0],
            due_on=due,
            done_on=max(done, day) if done else None,
        )


def add_coaching(rows: Rows, branch: Branch, volunteer_ids, family_codes, seed: int) -> None:
    """Coaching talks every six to twelve weeks while a volunteer is active; an exit talk at the end."""
    spans = _family_on(branch, family_codes)
    for volunteer in branch.volunteers:
        rng = random.Random(f"{seed}-coaching-{volunteer.index}")
        statuses = [step[2] for step in volunteer.timeline.steps]
        if m.VolunteerStatus.available not in statuses:
            continue
        day = max(volunteer.available_on, branch.start) + days(rng.uniform(20, 60))
        last = volunteer.stopped_on or branch.today
        number = 0
        while day <= last:
            number += 1
            code = _reference_on(spans, volunteer.index, day)
            gap = days(rng.uniform(42, 84))
            rows.add(
                m.CoachingTalk,
                volunteer_id=volunteer_ids[volunteer.index],
                on=day,
                kind=m.TalkKind.evaluation if number % 5 == 0 else m.TalkKind.coaching,
                notes=notes.talk_note(rng, code),
                agreements=rng.choice(
                    ("Volgende keer samen terugblikken.", "", "Bellen als er iets is.")
                ),
                next_on=day + gap,
            )
            day += gap
        if volunteer.stopped_on:
            rows.add(
                m.CoachingTalk,
                volunteer_id=volunteer_ids[volunteer.index],
                on=volunteer.stopped_on,
                kind=m.TalkKind.exit,
                notes="Afscheidsgesprek; bedankt voor de inzet.",
            )


def add_expenses(rows: Rows, branch: Branch, seed: int) -> None:
    """One regime per volunteer and year, and an expense line for every visit done."""
    volunteer_of = {row["id"]: row["volunteer_id"] for row in rows.tables[m.Trajectory]}
    has_bike = {row["id"]: row["has_bike"] for row in rows.tables[m.Volunteer]}
    regime_of: dict[tuple[int, int], m.ExpenseRegime] = {}
    cycles: dict[int, bool] = {}
    for visit in rows.tables[m.Visit]:
        if visit["status"] != m.VisitStatus.done:
            continue
        volunteer_id = volunteer_of[visit["trajectory_id"]]
        day: dt.date = visit["on"]
        key = (volunteer_id, day.year)
        if key not in regime_of:
            rng = random.Random(f"{seed}-expenses-{volunteer_id}")
            regime_of[key] = (
                m.ExpenseRegime.actual_costs if rng.random() < 0.3 else m.ExpenseRegime.flat_rate
            )
            cycles.setdefault(volunteer_id, has_bike[volunteer_id] and rng.random() < 0.5)
            rows.add(m.ExpenseYear, volunteer_id=volunteer_id, year=day.year, regime=regime_of[key])
        quarter_end = dt.date(day.year, 3 * ((day.month - 1) // 3) + 3, 1) + days(31)
        paid = quarter_end + days(20) if quarter_end + days(20) <= branch.today else None
        if regime_of[key] == m.ExpenseRegime.flat_rate:
            km, transport, cents = 0.0, m.Transport.car, FLAT_RATE_PER_VISIT_CENTS
        else:
            km = visit["km"]
            # A cyclist takes the bike up to ten km each way; a family further off, the car.
            bicycle = cycles[volunteer_id] and km <= 2 * CYCLING_KM
            transport = m.Transport.bicycle if bicycle else m.Transport.car
            cents = round(km * (35.0 if bicycle else 43.2))
        rows.add(
            m.Expense,
            volunteer_id=volunteer_id,
            on=day,
            km=km,
            transport=transport,
            amount_cents=cents,
            purpose="Huisbezoek",
            visit_id=visit["id"],
            paid_on=paid,
        )


def add_bookkeeping(rows: Rows, branch: Branch) -> None:
    """Audit events (codes only) and the quarterly figures sent before the last quarter.

    The sent packages are placeholders (no content): only their record stays in the outbox.
    """
    for row in rows.tables[m.Family]:
        rows.add(
            m.AuditEvent,
            at=at_nine(row["created_on"]),
            action="family.referred",
            entity="family",
            entity_id=row["id"],
            kind="step",
            family_code=row["reference"],
        )
    for row in rows.tables[m.Volunteer]:
        rows.add(
            m.AuditEvent,
            at=at_nine(row["created_on"]),
            action="volunteer.created",
            entity="volunteer",
            entity_id=row["id"],
            kind="step",
            volunteer_code=row["reference"],
        )
    rows.add(
        m.AuditEvent,
        at=at_nine(branch.today),
        action="demo.generated",
        kind="imported",
        detail="synthetic branch",
    )
    year, quarter = branch.start.year, (branch.start.month - 1) // 3 + 1
    sequence = 0
    while True:
        ends = dt.date(year + quarter // 4, quarter % 4 * 3 + 1, 1)
        if ends + days(100) > branch.today:  # the last quarter is left to try sending
            break
        sequence += 1
        created = at_nine(ends + days(10))
        rows.add(
            m.ExportRecord,
            quarter=f"{year}-Q{quarter}",
            sequence=sequence,
            created_at=created,
            sent_at=created + dt.timedelta(hours=2),
            via="folder",
            state=m.ExportState.sent,
            attempts=1,
            package=b"",
            sha256=hashlib.sha256(b"").hexdigest(),
        )
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
