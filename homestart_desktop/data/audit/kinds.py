"""What the audit trail (*logboek*) knows how to say: the kinds of entries and their words."""

from __future__ import annotations

import enum
from collections.abc import Callable

from homestart_desktop.data.audit import details
from homestart_desktop.i18n import N_, NP_, _


class AuditKind(enum.StrEnum):
    """The kind of an entry. Add a kind here, with its words in ``KIND_LABELS``."""

    write = "write"  # any row added, changed or removed (the flush hook writes these)
    step = "step"  # a status step of a family, volunteer or trajectory
    opened = "opened"  # a family's or volunteer's file was opened
    printed = "printed"  # a document went to a printer
    saved = "saved"  # a document was saved as a file (PDF, calendar)
    exported = "exported"  # figures or data left the file (package, access export)
    imported = "imported"  # lists brought in from Excel
    anonymised = "anonymised"
    erased = "erased"
    restored = "restored"  # a backup was put in the file's place
    letter = "letter"  # a letter went to the referrer


KIND_LABELS: dict[AuditKind, str] = {
    AuditKind.write: N_("Change"),
    AuditKind.step: N_("Status step"),
    AuditKind.opened: N_("File opened"),
    AuditKind.printed: N_("Printed"),
    AuditKind.saved: N_("Saved as a file"),
    AuditKind.exported: N_("Export"),
    AuditKind.imported: N_("Import"),
    AuditKind.anonymised: N_("Anonymised"),
    AuditKind.erased: N_("Erased"),
    AuditKind.restored: N_("Backup restored"),
    AuditKind.letter: N_("Letter to the referrer"),
}


# The tables in the coordinator's words; the Logboek shows a table it does not know by its name.
RECORD_LABELS: dict[str, str] = {
    "family": N_("Family"),
    "familystatuschange": N_("Family's status step"),
    "caregiver": N_("Parent or carer"),
    "child": N_("Child"),
    "referral": N_("Referral"),
    "intake": N_("Intake"),
    "volunteer": N_("Volunteer"),
    "volunteerstatuschange": N_("Volunteer's status step"),
    "availability": N_("Availability"),
    "training": N_("Training"),
    "trajectory": N_("Support"),
    "trajectorystatuschange": N_("Support's status step"),
    "visit": N_("Visit"),
    "review": N_("Review"),
    "blockedperiod": N_("Period without visits"),
    "intervisionsession": N_("Intervision session"),
    "intervisionattendance": N_("Attendance"),
    "followupaction": N_("Follow-up action"),
    "coachingtalk": N_("Coaching talk"),
    "expenseyear": N_("Expense regime of a year"),
    "expense": N_("Expense"),
    "exportrecord": N_("Figures package"),
    "setting": N_("Setting"),
    "import": N_("Import"),
    "consentevent": N_("Consent step"),
    "retentionhold": N_("Held back from anonymisation"),
    "sequence": N_("Numbering of codes"),
    "auditevent": N_("Log entry"),
}

ACTION_LABELS: dict[str, str] = {
    "added": NP_("audit", "added"),
    "changed": NP_("audit", "changed"),
    "removed": NP_("audit", "removed"),
}


# The steps ``data/status_steps.audit`` notes, by the last part of their action.
STEP_LABELS: dict[str, str] = {
    "referred": N_("referred"),
    "referral_corrected": N_("referral corrected"),
    "intake": N_("intake recorded"),
    "status": N_("new status"),
    "proposed": N_("proposed"),
    "created": N_("added"),
}

# What a printed or saved document was (``detail`` of a printed/saved entry).
DOCUMENT_LABELS: dict[str, str] = {
    "agreement": N_("Volunteer agreement"),
    "intake_form": N_("Intake form"),
    "visit_plan": N_("Visit plan"),
    "calendar": N_("Calendar file"),
    "expense_statement": N_("Expense statement"),
    "intervision_report": N_("Intervision report"),
    "referrer_letter": N_("Letter to the referrer"),
    "audit_log": N_("Log"),
    "figures_package": N_("Figures package"),
    "processing_register": N_("Register of processing"),
    "access_export": N_("All data of one person (right of access)"),
}


def what_happened(
    *,
    kind: str,
    action: str,
    record: str,
    detail: str,
    tr: Callable[[str], str] = _,
    lang: str | None = None,
) -> str:
    """One line for the Logboek's *Wat* column, in the language of ``tr`` (dates in ``lang``)."""

    def words(table: dict[str, str], key: str) -> str:
        return tr(table[key]) if key in table else key

    try:
        known = AuditKind(kind)
    except ValueError:
        return " · ".join(part for part in (kind, action, detail) if part)
    if known == AuditKind.write:
        line = f"{words(RECORD_LABELS, record)}: {words(ACTION_LABELS, action)}"
        return f"{line} ({detail.removeprefix('rows=')}×)" if detail.startswith("rows=") else line
    label = tr(KIND_LABELS[known])
    if known in (AuditKind.printed, AuditKind.saved, AuditKind.exported):
        document, _, rest = detail.partition(" ")  # "figures_package 2026-Q3"
        return f"{label}: {words(DOCUMENT_LABELS, document)} {rest}".rstrip() if detail else label
    if known == AuditKind.step:
        step = words(STEP_LABELS, action.rpartition(".")[2])
        said = f"{label}: {words(RECORD_LABELS, record)}, {step}"
        return f"{said} ({_statuses_in_words(record, detail, tr)})" if detail else said
    if known in (AuditKind.anonymised, AuditKind.erased):
        said = f"{label}: {words(RECORD_LABELS, record)}" if record else label
        return f"{said} · {details.retention_note(detail, tr)}" if detail else said
    if known == AuditKind.restored and detail:
        return f"{label} · {details.restore_note(detail, tr, lang)}"
    if known == AuditKind.letter and detail:
        return f"{label} · {details.letter_note(detail, tr)}"
    if known == AuditKind.imported and detail:
        return f"{label} · {details.import_note(detail, tr)}"
    return f"{label} · {detail}" if detail else label


def _statuses_in_words(record: str, detail: str, tr: Callable[[str], str]) -> str:
    """``waiting->active`` as the coordinator says it (``wachtlijst → actief``)."""
    from homestart_desktop.data.workflow import STATUS_LABELS_BY_KIND

    kind = next(
        (k for k in STATUS_LABELS_BY_KIND if record.startswith(k.__name__.lower()[:-6])), None
    )
    labels = STATUS_LABELS_BY_KIND.get(kind, {}) if kind else {}
    by_value = {str(status.value): msgid for status, msgid in labels.items()}
    return " → ".join(tr(by_value[p]) if p in by_value else p for p in detail.split("->"))


def kind_label(kind: str, tr: Callable[[str], str] = _) -> str:
    """The kind in the coordinator's words (an unknown kind from a newer app: as stored)."""
    try:
        return tr(KIND_LABELS[AuditKind(kind)])
    except ValueError:
        return kind
