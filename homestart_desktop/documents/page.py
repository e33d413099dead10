"""The page around every document: the branch's name and contact in the header, "Vertrouwelijk —
pagina 1 van 3" in the footer, in the document's language; ``render_pdf`` lays a story out on it.
"""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from homestart_desktop.data.postcodes import municipality_name
from homestart_desktop.data.settings import BranchSettings
from homestart_desktop.documents.look import (
    CONTENT_WIDTH,
    FONT,
    FONT_BOLD,
    FOOTER_HEIGHT,
    HEADER_HEIGHT,
    INK,
    MARGIN,
    MUTED,
    PAGE_SIZE,
    RULE,
    register_fonts,
    translator,
)
from homestart_desktop.private_files import write_private

HEADER_NAME_SIZES = (10.5, 9.5, 8.5)  # the branch's name shrinks this far before it wraps
HEADER_LEADING = 3.8 * mm


@dataclasses.dataclass(frozen=True)
class HeaderLayout:
    """The header's lines, measured once: long names wrap instead of running over the title."""

    name_lines: tuple[str, ...]
    name_size: float
    contact_lines: tuple[str, ...]
    title_lines: tuple[str, ...]
    extra_height: float  # below the one-line header this layout needs (0 for short names)


def header_layout(*, branch_name: str, contact: str, title: str, reference: str) -> HeaderLayout:
    """Fit the branch's name and contact left, the title and reference right, without overlap."""
    register_fonts()
    gap = 6 * mm
    right = min(
        max(
            pdfmetrics.stringWidth(title, FONT, 8), pdfmetrics.stringWidth(reference, FONT_BOLD, 9)
        ),
        0.42 * CONTENT_WIDTH,
    )
    left = CONTENT_WIDTH - right - gap
    size = next(
        (z for z in HEADER_NAME_SIZES if pdfmetrics.stringWidth(branch_name, FONT_BOLD, z) <= left),
        None,
    )
    if size is None:
        size = HEADER_NAME_SIZES[-1]
        name_lines = tuple(simpleSplit(branch_name, FONT_BOLD, size, left))
    else:
        name_lines = (branch_name,)
    contact_lines = _wrap_parts(contact.split(" · "), left) if contact else ()
    title_lines = tuple(simpleSplit(title, FONT, 8, right))
    left_lines = len(name_lines) + len(contact_lines)
    right_lines = len(title_lines) + (1 if reference else 0)
    extra = max(0, max(left_lines, right_lines) - 2) * HEADER_LEADING
    return HeaderLayout(name_lines, size, contact_lines, title_lines, extra)


def _wrap_parts(parts: list[str], width: float) -> tuple[str, ...]:
    """Contact parts packed on lines, breaking between parts ('9000 Gent' stays whole)."""
    lines: list[str] = []
    for part in parts:
        joined = f"{lines[-1]} · {part}" if lines else part
        if lines and pdfmetrics.stringWidth(joined, FONT, 8) <= width:
            lines[-1] = joined
        else:
            lines += simpleSplit(part, FONT, 8, width)
    return tuple(lines)


def _contact_line(branch: BranchSettings, lang: str) -> str:
    # The municipality in the document's language (Gand, not Gent, in French) when known.
    town = municipality_name(branch.postcode, lang) or branch.municipality
    place = " ".join(p for p in (branch.postcode, town) if p)
    parts = [branch.street, place, branch.phone, branch.email]
    return " · ".join(p for p in parts if p)


# Legal forms as French writes them: a French document says ASBL, never vzw.
FRENCH_LEGAL_FORMS = {"vzw": "ASBL", "ivzw": "AISBL", "stichting": "fondation"}


def legal_form_in(legal_form: str, lang: str) -> str:
    """``vzw`` as the document's language writes it (``ASBL`` in French)."""
    if lang != "fr":
        return legal_form
    return FRENCH_LEGAL_FORMS.get(legal_form.strip().lower(), legal_form)


def organisation_in(organisation: str, lang: str) -> str:
    """'Home-Start Vlaanderen vzw' as 'Home-Start Vlaanderen ASBL' in French."""
    if lang != "fr":
        return organisation
    return re.sub(
        r"\b(i?vzw)\b",
        lambda m: FRENCH_LEGAL_FORMS[m.group(1).lower()],
        organisation,
        flags=re.IGNORECASE,
    )


def _fitted(text: str, font: str, size: float, width: float) -> tuple[str, float]:
    """``text`` in ``size`` or smaller (down to 6 pt) to fit ``width``; cut with … below that."""
    while size > 6 and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 0.5
    while text and pdfmetrics.stringWidth(text, font, size) > width:
        text = text[:-2] + "…"
    return text, size


def _numbered_canvas(
    *, branch: BranchSettings, layout: HeaderLayout, lang: str, reference: str
) -> type[pdf_canvas.Canvas]:
    """A canvas that knows the page count when it draws each header and footer."""

    _ = translator(lang)

    class NumberedCanvas(pdf_canvas.Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            # DejaVu from the start: reportlab's default Helvetica would be listed in every PDF.
            kwargs.setdefault("initialFontName", FONT)
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._draw_frame(total)
                super().showPage()
            super().save()

        def _draw_frame(self, total: int) -> None:
            width, height = PAGE_SIZE
            top = height - MARGIN + 2 * mm
            y = top
            self.setFillColor(INK)
            self.setFont(FONT_BOLD, layout.name_size)
            for line in layout.name_lines:
                self.drawString(MARGIN, y, line)
                y -= HEADER_LEADING
            self.setFont(FONT, 8)
            self.setFillColor(MUTED)
            for line in layout.contact_lines:
                self.drawString(MARGIN, y, line)
                y -= HEADER_LEADING
            y = top
            for line in layout.title_lines:
                self.drawRightString(width - MARGIN, y, line)
                y -= HEADER_LEADING
            if reference:
                self.setFont(FONT_BOLD, 9)
                self.setFillColor(INK)
                self.drawRightString(width - MARGIN, y, reference)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            rule = top - 6.5 * mm - layout.extra_height
            self.line(MARGIN, rule, width - MARGIN, rule)
            bottom = MARGIN - 6 * mm
            self.line(MARGIN, bottom + 4 * mm, width - MARGIN, bottom + 4 * mm)
            self.setFont(FONT_BOLD, 8)
            self.setFillColor(INK)
            confidential = _("Confidential")
            self.drawString(MARGIN, bottom, confidential)
            self.setFont(FONT, 8)
            self.setFillColor(MUTED)
            page = _("page {page} of {pages}").format(page=self._pageNumber, pages=total)
            self.drawRightString(width - MARGIN, bottom, page)
            # The organisation in the middle, in the room the two sides leave.
            side = max(
                pdfmetrics.stringWidth(confidential, FONT_BOLD, 8),
                pdfmetrics.stringWidth(page, FONT, 8),
            )
            organisation = organisation_in(branch.organisation, lang)
            text, size = _fitted(organisation, FONT, 8, CONTENT_WIDTH - 2 * side - 8 * mm)
            self.setFont(FONT, size)
            self.drawCentredString(width / 2, bottom, text)

    return NumberedCanvas


LANGUAGE_TAGS = {"nl": "nl-BE", "fr": "fr-BE", "en": "en"}


def render_pdf(
    story: list[Flowable],
    *,
    title: str,
    branch: BranchSettings,
    lang: str,
    reference: str = "",
    subject: str = "",
    out: Path | None = None,
) -> bytes:
    """Lay out ``story`` on A4 pages with the branch's header and the confidential footer.

    Returns the PDF bytes (and writes them to ``out`` when given). ``title`` and ``reference``
    (a pseudonymous code, never a name) stand in the header of every page; the PDF's metadata
    holds the title, the branch as author, ``subject`` (the title when empty) and the language.
    """
    register_fonts()
    layout = header_layout(
        branch_name=branch.branch_name or organisation_in(branch.organisation, lang),
        contact=_contact_line(branch, lang),
        title=title,
        reference=reference,
    )
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        # The frame pads 6 pt on each side; this keeps text and tables flush with the header.
        leftMargin=MARGIN - 6,
        rightMargin=MARGIN - 6,
        topMargin=MARGIN + HEADER_HEIGHT - 6 * mm + layout.extra_height,
        bottomMargin=MARGIN + FOOTER_HEIGHT - 6 * mm,
        title=title,
        author=branch.branch_name or organisation_in(branch.organisation, lang),
        subject=subject or title,
        creator="Home-Start Desktop",
        lang=LANGUAGE_TAGS[lang],
        initialFontName=FONT,
    )
    document.build(
        story,
        canvasmaker=_numbered_canvas(branch=branch, layout=layout, lang=lang, reference=reference),
    )
    data = buffer.getvalue()
    if out is not None:
        write_private(out, data)
    return data
