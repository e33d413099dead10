"""The shared page: every name prints as text, the footer is translated and numbered."""

from __future__ import annotations

import io

import pypdf
import pytest

from homestart_desktop.data.settings import BranchSettings
from homestart_desktop.documents.common import (
    heading,
    render_pdf,
    tick_list,
    write_in,
    write_in_box,
)

NAMES = "Özlem Yılmaz · Łukasz Wróbel · Ioana Țurcanu · Наталія Коваленко · Jef Van den Broeck"
BRANCH = BranchSettings(
    branch_name="Home-Start Teststad", postcode="9000", municipality="Gent", phone="09 000 00 00"
)


def _text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize(
    ("lang", "confidential", "page_one"),
    [("nl", "Vertrouwelijk", "pagina 1 van 2"), ("fr", "Confidentiel", "page 1 sur 2")],
)
def test_every_page_has_the_branch_and_a_translated_numbered_footer(
    lang: str, confidential: str, page_one: str
) -> None:
    story = [heading("Gezin"), write_in("Naam", NAMES)] + [write_in_box("Notities")] * 8
    pages = _text(render_pdf(story, title="Test", branch=BRANCH, lang=lang, reference="GZ-1"))
    assert len(pages) == 2
    assert page_one in pages[0]
    assert page_one.replace("1", "2", 1) in pages[1]
    for text in pages:
        assert confidential in text
        assert "Home-Start Teststad" in text
        assert "9000 Gent" in text
        assert "GZ-1" in text


def test_names_in_every_script_print_as_text_and_ticks_show() -> None:
    story = [write_in("Naam", NAMES), tick_list(["OCMW", "CLB", "CAW"], ticked=["CLB"])]
    text = " ".join(_text(render_pdf(story, title="Test", branch=BRANCH, lang="nl"))[0].split())
    for name in NAMES.split(" · "):
        assert name in text
    assert "☒ CLB" in text
    assert "☐ OCMW" in text
