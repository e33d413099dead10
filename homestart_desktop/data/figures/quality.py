"""What makes a quarter's figures wrong, found before they are sent: the data-quality list.

Each problem names the trajectory to open (its family's reference code on screen, never a
name), so the coordinator can fix it with a double-click on the Figures screen.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum

from sqlalchemy import func
from sqlmodel import Session, select

from homestart_desktop.data.models import (
    Family,
    Trajectory,
    TrajectoryStatus,
    Visit,
    VisitStatus,
)


class ProblemKind(enum.StrEnum):
    closed_without_end = "closed_without_end"  # counted as running for ever
    past_visits_planned = "past_visits_planned"  # drop out of the visit figures
    started_without_date = "started_without_date"  # counted nowhere


@dataclasses.dataclass(frozen=True)
class DataProblem:
    kind: ProblemKind
    reference: str  # the family's pseudonymous code
    trajectory_id: int
    family_id: int
    visits: int = 0  # past visits still planned
    since: dt.date | None = None  # the earliest of them


SUPPORT_STATUSES = (TrajectoryStatus.active, TrajectoryStatus.paused, TrajectoryStatus.closed)


def data_problems(*, session: Session, until: dt.date) -> list[DataProblem]:
    """Problems in the records that figures up to ``until`` are counted from, by family code."""
    problems = []
    for trajectory_id, family_id, reference, start_on in session.exec(
        select(
            Trajectory.id,
            Trajectory.family_id,
            Family.reference,
            Trajectory.start_on,
        )
        .join(Family, Family.id == Trajectory.family_id)  # type: ignore[arg-type]
        .where(
            Trajectory.status.in_(SUPPORT_STATUSES),  # type: ignore[attr-defined]
            ((Trajectory.status == TrajectoryStatus.closed) & Trajectory.ended_on.is_(None))  # type: ignore[union-attr]
            | Trajectory.start_on.is_(None),  # type: ignore[union-attr]
        )
    ):
        kind = (
            ProblemKind.started_without_date if start_on is None else ProblemKind.closed_without_end
        )
        problems.append(DataProblem(kind, reference, trajectory_id, family_id))
    for trajectory_id, family_id, reference, count, first in session.exec(
        select(
            Visit.trajectory_id,
            Trajectory.family_id,
            Family.reference,
            func.count(),
            func.min(Visit.on),
        )
        .join(Trajectory, Trajectory.id == Visit.trajectory_id)  # type: ignore[arg-type]
        .join(Family, Family.id == Trajectory.family_id)  # type: ignore[arg-type]
        .where(Visit.status == VisitStatus.planned, Visit.on <= until)
        .group_by(Visit.trajectory_id)
    ):
        if isinstance(first, str):  # min() loses the column's date type
            first = dt.date.fromisoformat(first)
        problems.append(
            DataProblem(
                ProblemKind.past_visits_planned,
                reference,
                trajectory_id,
                family_id,
                visits=int(count),
                since=first,
            )
        )
    return sorted(problems, key=lambda p: (p.kind.value, p.reference, p.trajectory_id))
