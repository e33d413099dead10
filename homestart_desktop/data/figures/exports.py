"""The outbox: figures packages kept in the case file until they have left (``ExportRecord``).

A package is stored sealed (encrypted to the central office), so the outbox holds nothing the
branch could read back. Its state moves waiting → sending → sent, or to failed (tried again
later); a sent package is never picked again, so it never leaves twice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import func
from sqlmodel import Session, select

from homestart_desktop.data.audit.events import record_event
from homestart_desktop.data.audit.kinds import AuditKind
from homestart_desktop.data.changes import Changes
from homestart_desktop.data.models import ExportRecord, ExportState

PENDING = (ExportState.waiting, ExportState.sending, ExportState.failed)


@dataclasses.dataclass(frozen=True)
class ExportInfo:
    id: int
    quarter: str
    version: int
    sequence: int
    created_at: dt.datetime
    sent_at: dt.datetime | None
    via: str
    delivered_to: str  # the folder it was saved in, or the share it was uploaded to
    state: ExportState
    attempts: int
    last_error: str
    sha256: str
    size: int


def _info(row: ExportRecord) -> ExportInfo:
    assert row.id is not None
    return ExportInfo(
        id=row.id,
        quarter=row.quarter,
        version=row.version,
        sequence=row.sequence,
        created_at=row.created_at,
        sent_at=row.sent_at,
        via=row.via,
        delivered_to=row.delivered_to,
        state=ExportState(row.state),
        attempts=row.attempts,
        last_error=row.last_error,
        sha256=row.sha256,
        size=len(row.package or b""),
    )


def next_numbers(*, session: Session, quarter: str) -> tuple[int, int]:
    """(version for this quarter, sequence for the branch) of the next package."""
    version = session.exec(
        select(func.max(ExportRecord.version)).where(ExportRecord.quarter == quarter)
    ).one()
    sequence = session.exec(select(func.max(ExportRecord.sequence))).one()
    return (version or 0) + 1, (sequence or 0) + 1


def add_export(
    *,
    session: Session,
    quarter: str,
    version: int,
    sequence: int,
    created_at: dt.datetime,
    package: bytes,
    sha256: str,
) -> ExportInfo:
    """Put a sealed package in the outbox, waiting to leave."""
    row = ExportRecord(
        quarter=quarter,
        version=version,
        sequence=sequence,
        created_at=created_at,
        package=package,
        sha256=sha256,
        state=ExportState.waiting,
    )
    session.add(row)
    session.flush()
    return _info(row)


def list_exports(*, session: Session) -> list[ExportInfo]:
    """Every package in the outbox, newest first."""
    rows = session.exec(select(ExportRecord).order_by(ExportRecord.sequence.desc()))  # type: ignore[attr-defined]
    return [_info(row) for row in rows]


def pending_exports(*, session: Session) -> list[ExportInfo]:
    """Packages that have not left yet, oldest first."""
    rows = session.exec(
        select(ExportRecord)
        .where(ExportRecord.state.in_(PENDING))  # type: ignore[attr-defined]
        .order_by(ExportRecord.sequence)
    )
    return [_info(row) for row in rows]


def export_package(*, session: Session, export_id: int) -> tuple[ExportInfo, bytes]:
    """A package's record and its sealed bytes."""
    row = session.get(ExportRecord, export_id)
    if row is None:
        raise LookupError(export_id)
    return _info(row), bytes(row.package)


def claim_for_sending(*, session: Session, export_id: int, via: str) -> ExportInfo | None:
    """Mark a pending package as leaving now (one more attempt); None if it has left already."""
    row = session.get(ExportRecord, export_id)
    if row is None or row.state == ExportState.sent:
        return None
    row.state, row.via, row.attempts = ExportState.sending, via, row.attempts + 1
    session.add(row)
    return _info(row)


def mark_sent(
    *, session: Session, export_id: int, via: str, at: dt.datetime, to: str = ""
) -> Changes:
    """The package has left (saved in folder ``to``, or its upload confirmed): never again."""
    row = session.get(ExportRecord, export_id)
    if row is not None and row.state != ExportState.sent:
        row.state, row.via, row.sent_at, row.last_error = ExportState.sent, via, at, ""
        row.delivered_to = to
        session.add(row)
        # The Logboek names the package and the way (not the folder: a path may hold a name).
        record_event(
            session=session,
            kind=AuditKind.exported,
            detail=f"figures_package {row.quarter} v{row.version} ({via})",
        )
    return Changes(outbox=True)


def mark_failed(*, session: Session, export_id: int, error: str) -> Changes:
    """The attempt failed; ``error`` is a short message without personal data."""
    row = session.get(ExportRecord, export_id)
    if row is not None and row.state != ExportState.sent:
        row.state, row.last_error = ExportState.failed, error[:300]
        session.add(row)
    return Changes(outbox=True)
