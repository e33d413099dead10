"""Where every piece of text lands on a PDF page, read back with pypdf (for the layout tests).

reportlab draws each line (or each font run of a line) as one text operation; pypdf's visitor
gives its start, size and font, and the DejaVu metrics give its width.
"""

from __future__ import annotations

import dataclasses
import io

from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from homestart_desktop.documents.common import FONT, FONT_BOLD, register_fonts


@dataclasses.dataclass(frozen=True)
class Run:
    page: int  # 1-based
    text: str
    x: float
    y: float
    width: float
    font: str = ""  # the PDF's base font name (DejaVuSans, DejaVuSans-Bold)
    size: float = 0.0  # the font size in points

    @property
    def bottom(self) -> float:
        return self.y - 0.24 * self.size  # DejaVu's descender

    @property
    def top(self) -> float:
        return self.y + 0.76 * self.size  # DejaVu's ascender


def overlapping(runs: list[Run], slack: float = 1.0) -> list[tuple[Run, Run]]:
    """Pairs of runs on one page whose letters cover each other (``slack`` points allowed)."""
    found = []
    ordered = sorted(runs, key=lambda r: (r.page, r.x))
    for index, a in enumerate(ordered):
        for b in ordered[index + 1 :]:
            if b.page != a.page or b.x >= a.x + a.width - slack:
                break
            if min(a.top, b.top) - max(a.bottom, b.bottom) > slack:
                found.append((a, b))
    return found


def text_runs(pdf: bytes) -> tuple[list[Run], tuple[float, float], int]:
    """Every text run of ``pdf``, the page size and the page count."""
    register_fonts()
    reader = PdfReader(io.BytesIO(pdf))
    runs: list[Run] = []
    for number, page in enumerate(reader.pages, start=1):
        # Within one line reportlab switches fonts (a tick box at 13 pt, a bold word) without
        # moving: pypdf then gives every piece the line's start, so each piece's own start is
        # the line's start plus the width of the pieces before it.
        line = {"start": None, "advance": 0.0}

        def visit(text, cm, tm, font, size, number=number, line=line):  # noqa: ANN001 (pypdf)
            if font is None or not text:
                return
            base = str(font.get("/BaseFont", ""))
            name = FONT_BOLD if "Bold" in base else FONT  # no document prints italics
            scale = tm[0] * cm[0]
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if line["start"] != (x, y):
                line["start"], line["advance"] = (x, y), 0.0
            piece = text.replace("\n", "")
            if not piece.strip(" "):
                return  # pypdf's own separator between pieces, not text on the page
            here = x + line["advance"]
            line["advance"] += pdfmetrics.stringWidth(piece, name, size * scale)
            if not piece.strip():
                return
            lead = piece[: len(piece) - len(piece.lstrip())]
            here += pdfmetrics.stringWidth(lead, name, size * scale)
            width = pdfmetrics.stringWidth(piece.strip(), name, size * scale)
            runs.append(Run(number, piece.strip(), here, y, width, base.lstrip("/"), size * scale))

        page.extract_text(visitor_text=visit)
    box = reader.pages[0].mediabox
    return runs, (float(box.width), float(box.height)), len(reader.pages)


def page_of(runs: list[Run], text: str) -> set[int]:
    """The pages on which a run contains ``text``."""
    return {run.page for run in runs if text in run.text}


def listed_fonts(pdf: bytes) -> set[str]:
    """The base names of every font the PDF's pages list (embedded or not)."""
    reader = PdfReader(io.BytesIO(pdf))
    names = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            names.add(str(font.get_object().get("/BaseFont", "")).lstrip("/"))
    return names


def metadata(pdf: bytes) -> dict[str, str]:
    """Title, author, subject and language of the PDF, as a reader's Properties show them."""
    reader = PdfReader(io.BytesIO(pdf))
    info = reader.metadata or {}
    return {
        "title": str(info.get("/Title", "")),
        "author": str(info.get("/Author", "")),
        "subject": str(info.get("/Subject", "")),
        "lang": str(reader.trailer["/Root"].get("/Lang", "")),
    }
