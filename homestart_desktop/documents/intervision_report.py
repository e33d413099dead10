"""The printed report of one intervision session, pseudonymised.

Volunteers appear by first name (or only by reference, when chosen); a family never appears by
name: every family member's name the detector finds in the text is replaced by the family's
reference code (or by "[name removed]" when more families share it). Notes are printed only when
the coordinator asks for them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from sqlmodel import Session

from homestart_desktop.data.intervision.name_detector import NameIndex, find_names, load_name_index
from homestart_desktop.data.intervision.sessions import (
    FOLLOW_UP_STATE_LABELS,
    PRESENCE_LABELS,
    SessionDetail,
    get_session,
)
from homestart_desktop.data.settings import BranchSettings, load_settings
from homestart_desktop.documents.common import (
    CONTENT_WIDTH,
    RULE,
    escape,
    heading,
    render_pdf,
    styles,
    translator,
)
from homestart_desktop.i18n import format_date


@dataclasses.dataclass(frozen=True)
class ReportInput:
    """Everything the report needs, read in one go on the worker."""

    detail: SessionDetail
    branch: BranchSettings
    names: NameIndex
    printed_on: dt.date


def load_report_input(*, session: Session, session_id: int, today: dt.date) -> ReportInput:
    """Read the session, the branch's details and the families' names for pseudonymising."""
    return ReportInput(
        get_session(session=session, session_id=session_id, today=today),
        load_settings(session=session),
        load_name_index(session=session),
        today,
    )


def pseudonymise(text: str, names: NameIndex, removed: str) -> str:
    """``text`` with every family member's name replaced by the family's reference."""
    result = text
    for hit in sorted(find_names(text, names), key=lambda h: h.start, reverse=True):
        code = hit.references[0] if len(hit.references) == 1 else removed
        result = result[: hit.start] + code + result[hit.end :]
    return result


def _paragraphs(text: str, style) -> list[Flowable]:
    blocks = [b for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return [Paragraph(escape(b).replace("\n", "<br/>"), style) for b in blocks]


def build_session_report(
    data: ReportInput,
    *,
    lang: str,
    include_notes: bool = False,
    volunteers_by_reference: bool = False,
    out: Path | None = None,
) -> bytes:
    """The session report as PDF bytes (written to ``out`` when given)."""
    tr = translator(lang)
    st = styles()
    detail = data.detail
    removed = tr("[name removed]")

    def clean(text: str) -> str:
        return pseudonymise(text, data.names, removed)

    def who(attendee) -> str:
        if volunteers_by_reference:
            return attendee.reference
        return f"{attendee.first_name} ({attendee.reference})"

    title = tr("Intervision report")
    story: list[Flowable] = [
        Paragraph(escape(title), st["title"]),
        # The theme is printed once, among the facts below (a subtitle repeated it).
        Spacer(1, 3 * mm),
    ]
    facts = [
        (tr("Date"), format_date(detail.on, lang=lang)),
        (tr("Theme"), clean(detail.theme)),
        (tr("Facilitator"), clean(detail.facilitator) or "—"),
    ]
    story.append(_two_columns(facts, st))

    story.append(heading(tr("Attendance"), st))
    for presence, label in PRESENCE_LABELS.items():
        people = [who(a) for a in detail.attendees if a.presence == presence]
        text = ", ".join(people) if people else "—"
        story.append(
            Paragraph(f"<b>{escape(tr(label))} ({len(people)})</b>: {escape(text)}", st["body"])
        )

    story.append(heading(tr("Agreements"), st))
    story += _paragraphs(clean(detail.agreements), st["body"]) or [Paragraph("—", st["body"])]

    story.append(heading(tr("Follow-up actions"), st))
    if detail.follow_ups:
        rows = [[tr("What"), tr("Who"), tr("By when"), tr("State")]]
        for f in detail.follow_ups:
            rows.append(
                [
                    clean(f.description),
                    clean(f.who),
                    format_date(f.due_on, format="short"),
                    tr(FOLLOW_UP_STATE_LABELS[f.state]),
                ]
            )
        story.append(_table(rows, st, [0.5, 0.2, 0.15, 0.15]))
    else:
        story.append(Paragraph("—", st["body"]))

    if include_notes and detail.notes.strip():
        story.append(heading(tr("Notes"), st))
        story += _paragraphs(clean(detail.notes), st["body"])

    story += [
        Spacer(1, 6 * mm),
        Paragraph(
            escape(
                tr(
                    "Families appear only by their reference code. Printed on {date}; "
                    "keep this report confidential."
                ).format(date=format_date(data.printed_on, format="short"))
            ),
            st["small"],
        ),
    ]
    return render_pdf(
        story,
        title=f"{title} {format_date(detail.on, format='short')}",
        branch=data.branch,
        lang=lang,
        out=out,
    )


def _two_columns(pairs: list[tuple[str, str]], st) -> Table:
    cells = [
        [Paragraph(escape(label), st["label"]), Paragraph(escape(value), st["value"])]
        for label, value in pairs
    ]
    table = Table(cells, colWidths=[35 * mm, CONTENT_WIDTH - 35 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return table


def _table(rows: list[list[str]], st, shares: list[float]) -> Table:
    cells = [[Paragraph(escape(c), st["label"]) for c in rows[0]]]
    cells += [[Paragraph(escape(c), st["body"]) for c in row] for row in rows[1:]]
    table = Table(cells, colWidths=[CONTENT_WIDTH * s for s in shares], hAlign="LEFT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table
