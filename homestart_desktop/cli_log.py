"""The command line's documents in the Logboek: every PDF or calendar a command saves.

The figures package (``export``) notes itself when it is marked sent (``data/figures/exports``);
``figures`` only prints counts and ``branch-key`` a public key, neither about anyone.
"""

from __future__ import annotations

import argparse
from typing import Any

# The function a print kind runs -> the document's key in data.audit.kinds.DOCUMENT_LABELS.
DOCUMENTS = {
    "schedule_cli": "visit_plan",
    "agreement_cli": "agreement",
    "intake_form_cli": "intake_form",
    "ics_cli": "calendar",
}


def note_saved_document(case_file: Any, function_name: str, args: argparse.Namespace) -> None:
    """When ``function_name`` made a document, note it as saved, with the codes it was for."""
    document = DOCUMENTS.get(function_name)
    if document is None:
        return
    from homestart_desktop.data.audit.events import record_document
    from homestart_desktop.data.audit.kinds import AuditKind

    with case_file.session() as session:
        record_document(
            session=session,
            kind=AuditKind.saved,
            document=document,
            family_code=(getattr(args, "family", None) or "").upper() or None,
            volunteer_code=(getattr(args, "volunteer", None) or "").upper() or None,
        )
