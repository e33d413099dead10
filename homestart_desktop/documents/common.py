"""What every printed document shares: the font, the page, tick boxes and write-in lines.

Every name must print as written, so all text uses DejaVu Sans (shipped by the
``rinoh-typeface-dejavusans`` package): reportlab's own Helvetica prints black boxes for Turkish
ş ğ, Polish ł, Romanian ț and Cyrillic. Each page carries the branch's name and contact in the
header and "Vertrouwelijk — pagina 1 van 3" in the footer, in the document's language.

Public API (stable; the volunteer documents use it too)::

    _ = translator("fr")                        # _("Confidential") -> "Confidentiel"
    st = styles()                               # st["title"], st["h2"], st["body"], st["small"], ...
    story = [heading(_("Household"), st), write_in(_("First name"), value="Özlem"), ...]

Name the translator ``_`` so that the usual message extraction (and tests/test_i18n.py) finds
every document text.
    pdf_bytes = render_pdf(story, title=..., branch=settings, lang="fr", reference="GZ-2026-014")
"""

from __future__ import annotations

import dataclasses
import importlib.util
import io
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import KeepTogether
from reportlab.platypus.tables import CellStyle

from homestart_desktop.data.postcodes import municipality_name
from homestart_desktop.data.settings import BranchSettings
from homestart_desktop.i18n import LANGUAGES, gettext
from homestart_desktop.private_files import write_private

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

PAGE_SIZE = A4
MARGIN = 16 * mm
HEADER_HEIGHT = 16 * mm
FOOTER_HEIGHT = 10 * mm
CONTENT_WIDTH = PAGE_SIZE[0] - 2 * MARGIN

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5f6b7a")
RULE = colors.HexColor("#8a96a3")
ACCENT = colors.HexColor("#2f6f8f")

BOX_EMPTY = "\u2610"  # ☐
BOX_TICKED = "\u2612"  # ☒

WRITE_LINE_HEIGHT = 8 * mm  # room for handwriting

Translate = Callable[[str], str]


# ---- Fonts and words


@cache
def register_fonts() -> str:
    """Register DejaVu Sans (regular and bold) once; returns the family name."""
    # Only the package's folder: importing it parses nine fonts with rinoh (seconds).
    spec = importlib.util.find_spec("rinoh_typeface_dejavusans")
    assert spec is not None and spec.origin is not None
    folder = Path(spec.origin).parent
    for name, file in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    # No document prints italics, and parsing a face costs 20-30 ms of every print (a quarter
    # of `homestart-cli print`'s PDF time for the two oblique faces): an <i> prints upright.
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )
    # A table cell holding a plain string (even "") sets reportlab's default Helvetica, which
    # then sits unused in every PDF's font list: every cell starts in DejaVu instead.
    CellStyle.fontname = FONT
    return FONT


def translator(lang: str) -> Translate:
    """A ``_()`` bound to the document's language, independent of the screen's language."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    return lambda message: gettext(message, lang=lang)


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of every document, all in DejaVu Sans."""
    register_fonts()
    base = ParagraphStyle(
        "body",
        fontName=FONT,
        fontSize=9.5,
        leading=12.5,
        textColor=INK,
        alignment=TA_LEFT,
        # reportlab lets a ragged line squeeze its spaces by 5% when wrapping but draws them at
        # full width, so such a line ran up to 2 pt into the right margin.
        spaceShrinkage=0,
    )

    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "title": derive("title", fontName=FONT_BOLD, fontSize=16, leading=20, spaceAfter=2 * mm),
        "subtitle": derive("subtitle", fontSize=10, leading=13, textColor=MUTED),
        "h2": derive(
            "h2",
            fontName=FONT_BOLD,
            fontSize=11.5,
            leading=15,
            textColor=ACCENT,
            spaceBefore=4 * mm,
            spaceAfter=1.5 * mm,
            keepWithNext=1,
        ),
        "h3": derive(
            "h3", fontName=FONT_BOLD, fontSize=9.5, leading=13, spaceBefore=2 * mm, keepWithNext=1
        ),
        "label": derive("label", fontSize=8.5, leading=11, textColor=MUTED),
        "value": derive("value", fontSize=10, leading=13),
        "small": derive("small", fontSize=8, leading=10, textColor=MUTED),
        "tick": derive("tick", fontSize=9, leading=12),
    }


def escape(text: str) -> str:
    """Text made safe for a reportlab Paragraph (names can hold '&' or '<')."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---- Building blocks


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


# ---- The page

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
