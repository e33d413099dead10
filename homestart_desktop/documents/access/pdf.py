"""The access export as a readable PDF, in the family's (or volunteer's) language.

Every declared section in the order of the declaration: a block per row where a row has many
fields (the family, a child, a trajectory), a table where there are many rows (visits, status
steps). Internal numbers that only link rows (``id``, ``…_id``) are left to the JSON.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from homestart_desktop.data.access.gather import AccessExport, Section
from homestart_desktop.data.settings import BranchSettings
from homestart_desktop.documents.access.labels import TECHNICAL, label_of
from homestart_desktop.documents.access.words import value_text
from homestart_desktop.documents.common import (
    CONTENT_WIDTH,
    FONT,
    RULE,
    Translate,
    escape,
    render_pdf,
    styles,
    translator,
)
from homestart_desktop.i18n import N_, format_date

TITLES = {
    "family": N_("All data of family {code}"),
    "volunteer": N_("All data of volunteer {code}"),
}
LABEL_WIDTH = 62 * mm


def shown_columns(section: Section) -> list[str]:
    """The columns the PDF shows: all but the numbers that only link rows."""
    return [c for c in section.columns if c not in TECHNICAL and not c.endswith("_id")]


def access_pdf(export: AccessExport, *, branch: BranchSettings, made_on: dt.date) -> bytes:
    """The whole export as PDF bytes, in ``export.language``."""
    lang = export.language
    tr = translator(lang)
    st = styles()
    title = tr(TITLES[export.kind]).format(code=export.code)
    story: list[Flowable] = [
        Paragraph(escape(title), st["title"]),
        Paragraph(escape(_introduction(export, branch, made_on, tr)), st["body"]),
    ]
    if export.kind == "volunteer":
        story.append(Spacer(1, 2 * mm))
        story.append(
            Paragraph(
                escape(
                    tr(
                        "What the file holds about the families (visit notes, their scores and "
                        "the agreements of their reviews) is theirs and not part of this document."
                    )
                ),
                st["small"],
            )
        )
    for section in export.sections:
        story.extend(_section(section, tr, lang))
    story.extend(_mentions(export, tr, lang))
    return render_pdf(
        story, title=title, branch=branch, lang=lang, reference=export.code, subject=title
    )


# ---- Parts


def _introduction(
    export: AccessExport, branch: BranchSettings, made_on: dt.date, tr: Translate
) -> str:
    return tr(
        "Everything the case file of {branch} holds about {code} on {date}: every field, the "
        "history, the visits and reviews, and the notes that name this code. This is the "
        "answer to a request for access under the GDPR (article 15)."
    ).format(
        branch=branch.branch_name or branch.organisation,
        code=export.code,
        date=format_date(made_on, lang=export.language),
    )


def _heading(section: Section, tr: Translate) -> Paragraph:
    return Paragraph(
        escape(f"{tr(section.title)} ({len(section.rows)})"),
        styles()["h2"],
    )


def _section(section: Section, tr: Translate, lang: str) -> list[Flowable]:
    st = styles()
    if not section.rows:
        return [_heading(section, tr), Paragraph(escape(tr("Nothing recorded.")), st["small"])]
    columns = shown_columns(section)
    labels = [tr(label_of(section.table, c) or c) for c in columns]
    parts: list[Flowable] = [_heading(section, tr)]
    if section.many:
        # The heading stays with the first rows; the rest splits over pages with its header.
        rows = list(section.rows)
        parts[0] = KeepTogether([parts[0], _table(section, rows[:3], columns, labels, tr, lang)])
        if rows[3:]:
            parts.append(_table(section, rows[3:], columns, labels, tr, lang))
        return parts
    for index, row in enumerate(section.rows):
        cells = [
            [
                _cell(label, LABEL_WIDTH, "label"),
                _cell(value_text(c, row[c], tr=tr, lang=lang), CONTENT_WIDTH - LABEL_WIDTH),
            ]
            for c, label in zip(columns, labels, strict=True)
        ]
        # A card may be longer than a page: it splits by rows, and its first rows stay with
        # the heading (a heading kept with the whole card left a page empty before it).
        head, rest = cells[:3], cells[3:]
        first = _card(head, line_above=index > 0)
        if index == 0:
            parts[0] = KeepTogether([parts[0], first])
        else:
            parts.append(KeepTogether([first]))
        if rest:
            parts.append(_card(rest, line_above=False))
    return parts


def _card(cells: list[list[object]], *, line_above: bool) -> Table:
    block = Table(cells, colWidths=[LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH], hAlign="LEFT")
    style = [
        *_plain_text("label", (0, 0)),
        *_plain_text("body", (1, 1)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]
    if line_above:
        style.append(("LINEABOVE", (0, 0), (-1, 0), 0.5, RULE))
    block.setStyle(TableStyle(style))
    return block


def _table(
    section: Section,
    rows: list[dict],
    columns: list[str],
    labels: list[str],
    tr: Translate,
    lang: str,
) -> Table:
    st = styles()
    widths = _widths(section, columns)
    cells: list[list[object]] = [[Paragraph(escape(label), st["label"]) for label in labels]]
    for row in rows:
        cells.append(
            [
                _cell(value_text(c, row[c], tr=tr, lang=lang), width)
                for c, width in zip(columns, widths, strict=True)
            ]
        )
    table = Table(cells, colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                *_plain_text("body", (0, -1)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _cell(value: str, width: float, style: str = "body") -> object:
    """A short value as plain text, a longer one as a Paragraph that wraps: a year of visits
    is hundreds of rows, and a Paragraph per cell doubled the time to print them."""
    if not value:
        return "—"
    st = styles()[style]
    if "\n" not in value and stringWidth(value, FONT, st.fontSize) <= width - 6:
        return value
    return Paragraph(_text(value), st)


def _plain_text(style: str, columns: tuple[int, int]) -> list[tuple]:
    """Table commands that give plain-text cells of ``columns`` the look of ``style``."""
    st = styles()[style]
    first, last = columns
    return [
        ("FONT", (first, 0), (last, -1), st.fontName, st.fontSize, st.leading),
        ("TEXTCOLOR", (first, 0), (last, -1), st.textColor),
    ]


# Free text gets the room; a date, a number or a status needs little.
_WIDE = frozenset({"note", "reason", "purpose", "label", "topic", "activities", "session_theme"})
_NARROW = {
    "minutes": 16 * mm,
    "km": 20 * mm,
    "hours": 14 * mm,
    "year": 14 * mm,
    "half_day": 24 * mm,
    "status": 26 * mm,
}
DATE_WIDTH = 21 * mm


def _widths(section: Section, columns: list[str]) -> list[float]:
    first = section.rows[0]
    fixed: dict[str, float] = {}
    for column in columns:
        if isinstance(first.get(column), dt.date) or column.endswith("_on") or column == "on":
            fixed[column] = DATE_WIDTH
        elif column in _NARROW:
            fixed[column] = _NARROW[column]
    free = [c for c in columns if c not in fixed]
    wide = [c for c in free if c in _WIDE]
    weights = {c: (3.0 if c in wide else 1.0) for c in free}
    room = CONTENT_WIDTH - sum(fixed.values())
    total = sum(weights.values()) or 1.0
    return [fixed[c] if c in fixed else room * weights[c] / total for c in columns]


def _mentions(export: AccessExport, tr: Translate, lang: str) -> list[Flowable]:
    st = styles()
    heading = Paragraph(
        escape(
            tr("Notes elsewhere in the file that name {code} ({count})").format(
                code=export.code, count=len(export.mentions)
            )
        ),
        st["h2"],
    )
    if not export.mentions:
        return [heading, Paragraph(escape(tr("Nothing recorded.")), st["small"])]
    parts: list[Flowable] = [heading]
    for mention in export.mentions:
        when = format_date(mention.on, lang=lang)
        block: list[Flowable] = [
            Paragraph(escape(" · ".join(p for p in (tr(mention.title), when) if p)), st["h3"])
        ]
        for column, text in mention.texts:
            label = tr(label_of(mention.table, column) or column)
            block.append(Paragraph(escape(label), st["label"]))
            block.append(Paragraph(_text(text), st["body"]))
        parts.append(KeepTogether(block))
    return parts


def _text(value: str) -> str:
    """A value for a Paragraph: escaped, its line breaks kept, a dash for nothing."""
    return escape(value).replace("\n", "<br/>") if value else "—"
