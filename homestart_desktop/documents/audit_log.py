"""The Logboek on paper: the entries the coordinator filtered, in the branch's language.

Codes and names of fields only, as the trail holds them: no family's name can be in it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
from sqlmodel import Session

from homestart_desktop.data.audit.entries import AuditEntry, AuditFilter, find_entries
from homestart_desktop.data.audit.kinds import kind_label, what_happened
from homestart_desktop.data.settings import BranchSettings, load_settings
from homestart_desktop.documents.access.labels import field_words
from homestart_desktop.documents.common import (
    CONTENT_WIDTH,
    RULE,
    escape,
    render_pdf,
    styles,
    translator,
)
from homestart_desktop.i18n import LANGUAGES, format_datetime, format_short_date

LOCAL = dt.datetime.now().astimezone().tzinfo  # entries are stored in UTC, read in local time


def _filter_line(wanted: AuditFilter, tr, lang: str) -> str:
    parts = []
    if wanted.since or wanted.until:
        parts.append(
            tr("From {since} to {until}").format(
                since=format_short_date(wanted.since, lang=lang) or "…",
                until=format_short_date(wanted.until, lang=lang) or "…",
            )
        )
    if wanted.code:
        parts.append(tr("Code: {code}").format(code=wanted.code.strip().upper()))
    if wanted.kind:
        parts.append(tr("Kind: {kind}").format(kind=kind_label(wanted.kind, tr)))
    return " · ".join(parts) or tr("Every entry")


def audit_log_pdf(
    entries: list[AuditEntry],
    *,
    wanted: AuditFilter,
    branch: BranchSettings,
    lang: str,
    today: dt.date,
    out: Path | None = None,
) -> bytes:
    """The entries as a table, newest first (written to ``out`` when given)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    tr = translator(lang)
    st = styles()
    small = ParagraphStyle("logbook", parent=st["body"], fontSize=8, leading=9.5)
    title = tr("Log")
    story: list = [
        Paragraph(escape(title), st["title"]),
        Paragraph(
            escape(
                tr("{filter} · printed on {day}").format(
                    filter=_filter_line(wanted, tr, lang), day=format_short_date(today, lang=lang)
                )
            ),
            st["body"],
        ),
        Spacer(1, 3 * mm),
    ]
    # As on the screen: the codes before the two columns of words, which share what is left.
    header = [tr("When"), tr("Who"), tr("Family"), tr("Volunteer"), tr("What"), tr("Fields")]
    rows: list[list] = [[Paragraph(escape(h), st["label"]) for h in header]]
    for entry in entries:
        rows.append(
            [
                format_datetime(entry.at.astimezone(LOCAL), lang=lang),
                Paragraph(escape(entry.who), small),
                entry.family_code,
                entry.volunteer_code,
                Paragraph(
                    escape(
                        what_happened(
                            kind=entry.kind,
                            action=entry.action,
                            record=entry.record,
                            detail=entry.detail,
                            tr=tr,
                            lang=lang,
                        )
                    ),
                    small,
                ),
                Paragraph(escape(field_words(entry.record, entry.fields, tr)), small),
            ]
        )
    if not entries:
        rows.append(["", "", "", "", tr("No entries."), ""])
    widths = [26 * mm, 20 * mm, 21 * mm, 21 * mm, 52 * mm]
    table = Table(rows, colWidths=[*widths, CONTENT_WIDTH - sum(widths)], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st["body"].fontName),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    story.append(table)
    return render_pdf(story, title=title, branch=branch, lang=lang, out=out)


def audit_log_for(
    *, session: Session, wanted: AuditFilter, lang: str | None, today: dt.date
) -> bytes:
    """The Logboek's PDF for the screens' worker thread (in the branch's language by default)."""
    branch = load_settings(session=session)
    entries = find_entries(session=session, wanted=wanted)
    return audit_log_pdf(
        entries, wanted=wanted, branch=branch, lang=lang or branch.language, today=today
    )
