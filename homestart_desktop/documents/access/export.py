"""Write the access export of one family or volunteer: the PDF and the JSON, both 0600.

The file names carry the code and the day only (``GZ-2026-014_2026-12-02.pdf``): a folder
listing on a shared drive names nobody.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from homestart_desktop.data.access.gather import (
    AccessExport,
    gather_family,
    gather_volunteer,
    reference_of,
)
from homestart_desktop.data.audit.events import record_event
from homestart_desktop.data.audit.kinds import AuditKind
from homestart_desktop.data.settings import load_settings
from homestart_desktop.documents.access.json_format import access_json
from homestart_desktop.documents.access.pdf import access_pdf
from homestart_desktop.private_files import write_private


def file_names(code: str, made_on: dt.date) -> tuple[str, str]:
    """The PDF's and the JSON's names: the code and the day, nothing else."""
    stem = f"{code}_{made_on.isoformat()}"
    return f"{stem}.pdf", f"{stem}.json"


def gather(*, session: Any, kind: str, reference: str) -> AccessExport:
    """Everything about the family (``kind="family"``) or volunteer with this code."""
    if kind == "family":
        return gather_family(session=session, reference=reference)
    return gather_volunteer(session=session, reference=reference)


def save_access_export(
    *,
    session: Any,
    kind: str,
    folder: Path,
    today: dt.date,
    reference: str | None = None,
    subject_id: int | None = None,
) -> tuple[Path, Path]:
    """Gather, print and write both files into ``folder``; returns (PDF, JSON).

    The subject is given by its code (the command line) or its id (the screens). A
    ``LookupError`` says there is no such family or volunteer.
    """
    if reference is None:
        assert subject_id is not None
        reference = reference_of(session=session, kind=kind, subject_id=subject_id)
    export = gather(session=session, kind=kind, reference=reference)
    branch = load_settings(session=session)
    pdf_name, json_name = file_names(export.code, today)
    pdf = access_pdf(export, branch=branch, made_on=today)
    data = access_json(export, made_on=today, branch_name=branch.branch_name)
    written = (
        write_private(Path(folder) / pdf_name, pdf),
        write_private(Path(folder) / json_name, data),
    )
    # The Logboek notes who answered an access request, about whom; never the folder (its
    # path may carry a name).
    code = {"family_code": reference} if kind == "family" else {"volunteer_code": reference}
    record_event(session=session, kind=AuditKind.exported, detail="access_export", **code)
    return written
