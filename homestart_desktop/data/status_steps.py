"""One way to move a family, volunteer or trajectory to a new status: checked, dated, kept.

Every step is checked against ``workflow.py``, written to the record's history with its date and
reason, and to the audit trail (codes only). A family's waiting date is set when it first joins
the waiting list and kept when it comes back, so a family never loses its place; only the
coordinator putting a *not started* family back on the list may say its wait starts over
(``data/families/back_on_list.py`` passes the date to keep or to start from).
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from homestart_desktop.data.audit import trail
from homestart_desktop.data.audit.events import codes_of
from homestart_desktop.data.audit.kinds import AuditKind
from homestart_desktop.data.models import (
    AuditEvent,
    Family,
    FamilyStatus,
    FamilyStatusChange,
    Trajectory,
    TrajectoryStatus,
    TrajectoryStatusChange,
    Volunteer,
    VolunteerStatus,
    VolunteerStatusChange,
)
from homestart_desktop.data.workflow import check_step


def audit(
    session: Session, action: str, entity: str, entity_id: int | None, detail: str = ""
) -> None:
    """Note what happened to which record (never the personal data itself), by whom and
    about which family and volunteer (``data/audit``)."""
    ids = {f"{entity}_id": entity_id} if entity in ("family", "volunteer", "trajectory") else {}
    family_code, volunteer_code = codes_of(session=session, **ids)
    session.add(
        AuditEvent(
            at=trail.now(session),
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
            kind=AuditKind.imported if action.startswith("import") else AuditKind.step,
            who=trail.who_of(session),
            family_code=family_code,
            volunteer_code=volunteer_code,
        )
    )


def step_family(
    session: Session,
    family: Family,
    new: FamilyStatus,
    on: dt.date,
    reason: str = "",
    *,
    same_is_fine: bool = False,
    list_date: dt.date | None = None,
) -> None:
    """Move a family to ``new``; with ``same_is_fine`` a family already there stays as it is.

    ``list_date``, on a step to *waiting*, is the *on the waiting list since* to record (the date
    kept, or the day a wait that starts over begins); without it the first date is kept.
    """
    if same_is_fine and family.status == new:
        return
    check_step(family.status, new)
    session.add(
        FamilyStatusChange(
            family_id=family.id, on=on, from_status=family.status, to_status=new, reason=reason
        )
    )
    audit(session, "family.status", "family", family.id, f"{family.status.value}->{new.value}")
    family.status = new
    if new == FamilyStatus.waiting and list_date is not None:
        family.waiting_since = list_date
    elif new == FamilyStatus.waiting and family.waiting_since is None:
        family.waiting_since = on  # back on the list after a match fell through: date kept
    elif new == FamilyStatus.referred:
        family.waiting_since = None  # a new referral waits from its own date
    session.add(family)


def step_volunteer(
    session: Session,
    volunteer: Volunteer,
    new: VolunteerStatus,
    on: dt.date,
    reason: str = "",
    *,
    same_is_fine: bool = False,
) -> None:
    """Move a volunteer to ``new``; with ``same_is_fine`` one already there stays as they are."""
    if same_is_fine and volunteer.status == new:
        return
    check_step(volunteer.status, new)
    session.add(
        VolunteerStatusChange(
            volunteer_id=volunteer.id,
            on=on,
            from_status=volunteer.status,
            to_status=new,
            reason=reason,
        )
    )
    audit(
        session,
        "volunteer.status",
        "volunteer",
        volunteer.id,
        f"{volunteer.status.value}->{new.value}",
    )
    volunteer.status = new
    session.add(volunteer)


def step_trajectory(
    session: Session, trajectory: Trajectory, new: TrajectoryStatus, on: dt.date, reason: str = ""
) -> None:
    """Move a trajectory (a match) to ``new``."""
    check_step(trajectory.status, new)
    session.add(
        TrajectoryStatusChange(
            trajectory_id=trajectory.id,
            on=on,
            from_status=trajectory.status,
            to_status=new,
            reason=reason,
        )
    )
    audit(
        session,
        "match.status",
        "trajectory",
        trajectory.id,
        f"{trajectory.status.value}->{new.value}",
    )
    trajectory.status = new
    session.add(trajectory)
