"""Who comes to intervision: attendance per volunteer per year, and who missed the last sessions.

The attendance list of a session holds the volunteers who were expected (a larger branch runs
several groups): present, absent with notice, or absent. A volunteer counts only for the
sessions whose list holds them; sessions still to come are not counted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session, col, select

from homestart_desktop.data.intervision.sessions import EXPECTED_STATUSES
from homestart_desktop.data.models import (
    IntervisionAttendance,
    IntervisionSession,
    Presence,
    Volunteer,
    VolunteerStatus,
)


@dataclasses.dataclass(frozen=True)
class AttendanceRow:
    volunteer_id: int
    reference: str
    first_name: str
    last_name: str
    status: VolunteerStatus
    held: int  # sessions held in the year with the volunteer on the attendance list
    present: int
    absent_notified: int
    absent: int  # absent without notice

    @property
    def rate(self) -> float | None:
        """Share of the sessions held that the volunteer attended; None when none were held."""
        return self.present / self.held if self.held else None


@dataclasses.dataclass(frozen=True)
class MissedRow:
    volunteer_id: int
    reference: str
    first_name: str
    last_name: str
    missed_in_a_row: int
    last_present_on: dt.date | None


def _held_sessions(
    session: Session, today: dt.date, year: int | None = None
) -> list[tuple[int, dt.date]]:
    query = select(IntervisionSession.id, IntervisionSession.on).where(
        IntervisionSession.on <= today
    )
    if year is not None:
        query = query.where(
            IntervisionSession.on >= dt.date(year, 1, 1),
            IntervisionSession.on <= dt.date(year, 12, 31),
        )
    return list(
        session.exec(
            query.order_by(col(IntervisionSession.on).desc(), col(IntervisionSession.id).desc())
        )
    )


def _presence_by(session: Session, session_ids: list[int]) -> dict[tuple[int, int], Presence]:
    if not session_ids:
        return {}
    rows = session.exec(
        select(IntervisionAttendance).where(col(IntervisionAttendance.session_id).in_(session_ids))
    )
    return {(a.session_id, a.volunteer_id): a.presence for a in rows}


def attendance_overview(*, session: Session, year: int, today: dt.date) -> list[AttendanceRow]:
    """Per volunteer: sessions of ``year`` (up to today) they were expected at, and how often
    present or absent. Lists every active volunteer and everyone with attendance that year.
    """
    held = _held_sessions(session, today, year)
    presence = _presence_by(session, [sid for sid, _on in held])
    attended_ids = {volunteer_id for _sid, volunteer_id in presence}
    volunteers = session.exec(
        select(Volunteer).where(
            col(Volunteer.status).in_(list(EXPECTED_STATUSES)) | col(Volunteer.id).in_(attended_ids)
        )
    ).all()
    rows = []
    for v in volunteers:
        counts = dict.fromkeys(Presence, 0)
        for sid, _on in held:
            recorded = presence.get((sid, v.id))
            if recorded is not None:
                counts[recorded] += 1
        count_held = sum(counts.values())
        rows.append(
            AttendanceRow(
                v.id,
                v.reference,
                v.first_name,
                v.last_name,
                v.status,
                count_held,
                counts[Presence.present],
                counts[Presence.absent_notified],
                counts[Presence.absent],
            )
        )
    return sorted(
        rows, key=lambda r: (r.first_name.casefold(), r.last_name.casefold(), r.volunteer_id)
    )


def missed_recent_sessions(
    *, session: Session, at_least: int = 2, today: dt.date
) -> list[MissedRow]:
    """Volunteers expected at intervision who missed at least ``at_least`` last sessions in a row."""
    held = _held_sessions(session, today)
    presence = _presence_by(session, [sid for sid, _on in held])
    volunteers = session.exec(
        select(Volunteer).where(col(Volunteer.status).in_(list(EXPECTED_STATUSES)))
    ).all()
    rows = []
    for v in volunteers:
        missed = 0
        last_present: dt.date | None = None
        for sid, on in held:  # newest first
            recorded = presence.get((sid, v.id))
            if recorded is None:
                continue  # not expected at this one (another group)
            if recorded == Presence.present:
                last_present = on
                break
            missed += 1
        if missed >= at_least:
            rows.append(
                MissedRow(v.id, v.reference, v.first_name, v.last_name, missed, last_present)
            )
    return sorted(rows, key=lambda r: (-r.missed_in_a_row, r.first_name.casefold(), r.volunteer_id))
