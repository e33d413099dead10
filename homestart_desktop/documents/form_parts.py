"""Form parts made for a pen: write-in fields with their own lines, signature blocks, language
names. (documents/common.py holds the parts every document shares; these are the forms'.)"""

from __future__ import annotations

from babel import Locale
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from homestart_desktop.documents.common import (
    BOX_EMPTY,
    BOX_TICKED,
    CONTENT_WIDTH,
    FONT,
    RULE,
    Translate,
    escape,
    styles,
)
from homestart_desktop.domain.languages import EXTRA_LANGUAGES
from homestart_desktop.i18n import locale_name

FIELD_GAP = 6 * mm  # between two write-in lines of a row: each field has its own line
VALUE_HEIGHT = 8 * mm  # room for handwriting
SIGNATURE_HEIGHT = 16 * mm


def fields_row(fields: list[tuple[str, str]], *, width: float = CONTENT_WIDTH) -> Flowable:
    """Write-in fields side by side, label above its own line, a gap between the lines.

    One table row holds label and value together, so a page break never parts them.
    """
    st = styles()
    count = len(fields)
    column = (width - FIELD_GAP * (count - 1)) / count
    cells: list[object] = []
    widths: list[float] = []
    for index, (label, value) in enumerate(fields):
        if index:
            cells.append("")
            widths.append(FIELD_GAP)
        cells.append(
            [
                Paragraph(escape(label), st["label"]),
                Spacer(1, VALUE_HEIGHT - 13),  # room for handwriting above the line
                Paragraph(escape(value) or "&nbsp;", st["value"]),
            ]
        )
        widths.append(column)
    table = Table([cells], colWidths=widths, hAlign="LEFT")
    style = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 5),  # air between a line and the next label
    ]
    style += [("LINEBELOW", (c, 0), (c, 0), 0.5, RULE) for c in range(0, len(widths), 2)]
    table.setStyle(TableStyle(style))
    return table


def tick_questions_row(
    questions: list[tuple[str, list[str], list[str]]],
    *,
    label_widths: list[float],
    width: float = CONTENT_WIDTH,
) -> Flowable:
    """Short questions side by side, each label followed by its answers as tick boxes:
    ``Gender ☐ female ☐ male    Interpreter needed ☐ yes ☐ no``. ``(label, options, ticked)``."""
    st = styles()
    answers_width = (width - sum(label_widths)) / len(questions)
    cells: list[object] = []
    widths: list[float] = []
    for (label, options, ticked), label_width in zip(questions, label_widths, strict=True):
        boxes = "&nbsp;&nbsp; ".join(
            f'<font size="13">{BOX_TICKED if o in ticked else BOX_EMPTY}</font>&nbsp;'
            + escape(o).replace(" ", "&nbsp;")
            for o in options
        )
        cells += [Paragraph(escape(label), st["body"]), Paragraph(boxes, st["tick"])]
        widths += [label_width, answers_width]
    table = Table([cells], colWidths=widths, hAlign="LEFT")
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


def language_names(codes: list[str], lang: str, _: Translate) -> str:
    """``uk, ru`` as the reader says them: "Oekraïens, Russisch"."""
    names = Locale.parse(locale_name(lang)).languages
    return ", ".join(
        _(EXTRA_LANGUAGES[c]) if c in EXTRA_LANGUAGES else names.get(c, c) for c in codes
    )


def signature_blocks(_: Translate, who: list[str], names: list[str]) -> Flowable:
    """One block per signer, side by side: name, date, place and room to sign."""
    st = styles()
    half = (CONTENT_WIDTH - 10 * mm) / 2
    blocks = []
    for title, name in zip(who, names, strict=True):
        rows = [[Paragraph(escape(title), st["h3"]), ""]]
        heights: list[float | None] = [None]
        for label, value in ((_("Name"), name), (_("Date"), ""), (_("Place"), "")):
            rows.append(
                [Paragraph(escape(label), st["label"]), Paragraph(escape(value), st["value"])]
            )
            # A long printed name grows its row instead of running up into the signer's title.
            lines = len(simpleSplit(value, FONT, st["value"].fontSize, half - 24 * mm))
            heights.append(max(VALUE_HEIGHT, lines * st["value"].leading + 4))
        rows.append([Paragraph(escape(_("Signature")), st["label"]), ""])
        heights.append(SIGNATURE_HEIGHT)
        block = Table(rows, colWidths=[24 * mm, half - 24 * mm], rowHeights=heights)
        block.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ("LINEBELOW", (1, 1), (1, -1), 0.5, RULE),
                    ("SPAN", (0, 0), (1, 0)),
                ]
            )
        )
        blocks.append(block)
    outer = Table([[blocks[0], "", blocks[1]]], colWidths=[half, 10 * mm, half])
    outer.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    outer.hAlign = "LEFT"
    return outer
