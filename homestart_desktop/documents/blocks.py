"""The building blocks of the forms: headings, tick boxes, write-in lines, boxes and grids."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import KeepTogether

from homestart_desktop.documents.look import (
    BOX_EMPTY,
    BOX_TICKED,
    CONTENT_WIDTH,
    RULE,
    WRITE_LINE_HEIGHT,
    escape,
    styles,
)


def heading(text: str, st: dict[str, ParagraphStyle] | None = None) -> Paragraph:
    """A section heading."""
    return Paragraph(escape(text), (st or styles())["h2"])


def tick_box(label: str, ticked: bool = False) -> Paragraph:
    """A box to tick by hand, ticked already (☒) when ``ticked``."""
    box = BOX_TICKED if ticked else BOX_EMPTY
    return Paragraph(
        f'<font size="13">{box}</font>&nbsp;{escape(label)}',
        styles()["tick"],
    )


def tick_list(
    labels: Sequence[str],
    *,
    ticked: Iterable[str] = (),
    columns: int = 3,
    width: float = CONTENT_WIDTH,
) -> Table:
    """Tick boxes for a list, in columns (read down each column, as people read lists)."""
    chosen = set(ticked)
    rows = -(-len(labels) // columns) if labels else 0
    cells = [["" for _ in range(columns)] for _ in range(rows)]
    for index, label in enumerate(labels):
        cells[index % rows][index // rows] = tick_box(label, label in chosen)
    table = Table(cells, colWidths=[width / columns] * columns, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def write_in(
    label: str,
    value: str = "",
    *,
    lines: int = 1,
    width: float = CONTENT_WIDTH,
    label_width: float = 45 * mm,
) -> Table:
    """A label with ruled lines to write on; a pre-filled value is printed on the first line."""
    st = styles()
    rows = [[Paragraph(escape(label), st["label"]), Paragraph(escape(value), st["value"])]]
    rows += [["", ""] for _ in range(lines - 1)]
    table = Table(
        rows,
        colWidths=[label_width, width - label_width],
        rowHeights=[WRITE_LINE_HEIGHT] * lines if len(value) < 60 else None,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def write_in_row(
    fields: Sequence[tuple[str, str]],
    *,
    width: float = CONTENT_WIDTH,
    value_height: float = 7 * mm,
) -> Table:
    """Several short write-in fields side by side: ``[(label, value), ...]``, label above line."""
    st = styles()
    column = width / len(fields)
    labels = [Paragraph(escape(label), st["label"]) for label, _ in fields]
    values = [Paragraph(escape(value), st["value"]) for _, value in fields]
    table = Table(
        [labels, values],
        colWidths=[column] * len(fields),
        rowHeights=[None, value_height],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (0, 1), (-1, 1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, 0), 5),  # air between a line and the next label
            ]
        )
    )
    return table


def write_in_box(
    label: str, value: str = "", *, height: float = 30 * mm, width: float = CONTENT_WIDTH
) -> Flowable:
    """A framed box for free text written by hand (or printed, when pre-filled)."""
    st = styles()
    inner = Paragraph(escape(value).replace("\n", "<br/>"), st["value"])
    box = Table([[inner]], colWidths=[width], rowHeights=[None if value else height])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4 if not value else 8 * mm),
            ]
        )
    )
    return KeepTogether(
        [Spacer(1, 2 * mm), Paragraph(escape(label), st["label"]), Spacer(1, 1 * mm), box]
    )


def grid(
    header: Sequence[str],
    rows: Sequence[tuple[str, Sequence[bool]]],
    *,
    first_width: float = 35 * mm,
    width: float = CONTENT_WIDTH,
) -> Table:
    """A tick-box grid, e.g. half-days × weekdays: one label per row, one box per column."""
    st = styles()
    column = (width - first_width) / max(1, len(header))
    cells: list[list[object]] = [[""] + [Paragraph(escape(h), st["label"]) for h in header]]
    for label, ticks in rows:
        cells.append(
            [Paragraph(escape(label), st["body"])]
            + [
                Paragraph(f'<font size="13">{BOX_TICKED if t else BOX_EMPTY}</font>', st["tick"])
                for t in ticks
            ]
        )
    table = Table(cells, colWidths=[first_width] + [column] * len(header), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                # Rows as close as a pen can still tick them: the intake form's last page holds
                # its signatures only when the score grid is not a third taller than it needs.
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def tick_question(
    label: str,
    options: Sequence[str],
    *,
    ticked: Iterable[str] = (),
    width: float = CONTENT_WIDTH,
    label_width: float = 95 * mm,
) -> Table:
    """A question with its answers as tick boxes on the same line: ``Smoking at home ☐ yes ☐ no``."""
    st = styles()
    chosen = set(ticked)
    # An answer never breaks inside itself ("☐ un | homme"): lines break between answers.
    answers = "&nbsp;&nbsp;&nbsp; ".join(
        f'<font size="13">{BOX_TICKED if o in chosen else BOX_EMPTY}</font>&nbsp;'
        + escape(o).replace(" ", "&nbsp;")
        for o in options
    )
    table = Table(
        [[Paragraph(escape(label), st["body"]), Paragraph(answers, st["tick"])]],
        colWidths=[label_width, width - label_width],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table
