"""How every document looks: the page's measures, the colours, the font, the paragraph styles.

Every name must print as written, so all text uses DejaVu Sans (shipped by the
``rinoh-typeface-dejavusans`` package): reportlab's own Helvetica prints black boxes for Turkish
ş ğ, Polish ł, Romanian ț and Cyrillic. ``translator(lang)`` gives each document its own ``_()``.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from functools import cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus.tables import CellStyle

from homestart_desktop.i18n import LANGUAGES, gettext

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
