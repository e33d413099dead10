"""What every printed document shares: the font, the page, tick boxes and write-in lines.

Import these from here; they live in three modules: ``look.py`` (page measures, colours, the
font and paragraph styles, the document's translator), ``blocks.py`` (headings, tick boxes,
write-in lines, grids) and ``page.py`` (the header and footer of each page, ``render_pdf``).

Public API (stable; the volunteer documents use it too)::

    _ = translator("fr")                        # _("Confidential") -> "Confidentiel"
    st = styles()                               # st["title"], st["h2"], st["body"], st["small"], ...
    story = [heading(_("Household"), st), write_in(_("First name"), value="Özlem"), ...]
    pdf_bytes = render_pdf(story, title=..., branch=settings, lang="fr", reference="GZ-2026-014")

Name the translator ``_`` so that the usual message extraction (and tests/test_i18n.py) finds
every document text.
"""

from homestart_desktop.documents.blocks import (
    grid,
    heading,
    tick_box,
    tick_list,
    tick_question,
    write_in,
    write_in_box,
    write_in_row,
)
from homestart_desktop.documents.look import (
    ACCENT,
    BOX_EMPTY,
    BOX_TICKED,
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
    WRITE_LINE_HEIGHT,
    Translate,
    escape,
    register_fonts,
    styles,
    translator,
)
from homestart_desktop.documents.page import (
    FRENCH_LEGAL_FORMS,
    HEADER_LEADING,
    HEADER_NAME_SIZES,
    LANGUAGE_TAGS,
    HeaderLayout,
    header_layout,
    legal_form_in,
    organisation_in,
    render_pdf,
)

__all__ = [
    "FONT",
    "FONT_BOLD",
    "PAGE_SIZE",
    "MARGIN",
    "HEADER_HEIGHT",
    "FOOTER_HEIGHT",
    "CONTENT_WIDTH",
    "INK",
    "MUTED",
    "RULE",
    "ACCENT",
    "BOX_EMPTY",
    "BOX_TICKED",
    "WRITE_LINE_HEIGHT",
    "Translate",
    "register_fonts",
    "translator",
    "styles",
    "escape",
    "heading",
    "tick_box",
    "tick_list",
    "write_in",
    "write_in_row",
    "write_in_box",
    "grid",
    "tick_question",
    "HEADER_NAME_SIZES",
    "HEADER_LEADING",
    "HeaderLayout",
    "header_layout",
    "FRENCH_LEGAL_FORMS",
    "legal_form_in",
    "organisation_in",
    "LANGUAGE_TAGS",
    "render_pdf",
]
