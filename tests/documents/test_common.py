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
    ("lang", "confidential", "page_one", "town"),
    [
        ("nl", "Vertrouwelijk", "pagina 1 van 2", "9000 Gent"),
        # French names the branch's town as French does (issue 14: Gand, not Gent).
        ("fr", "Confidentiel", "page 1 sur 2", "9000 Gand"),
    ],
)
def test_every_page_has_the_branch_and_a_translated_numbered_footer(
    lang: str, confidential: str, page_one: str, town: str
) -> None:
    story = [heading("Gezin"), write_in("Naam", NAMES)] + [write_in_box("Notities")] * 8
    pages = _text(render_pdf(story, title="Test", branch=BRANCH, lang=lang, reference="GZ-1"))
    assert len(pages) == 2
    assert page_one in pages[0]
    assert page_one.replace("1", "2", 1) in pages[1]
    for text in pages:
        assert confidential in text
        assert "Home-Start Teststad" in text
        assert town in text
        assert "GZ-1" in text


def test_names_in_every_script_print_as_text_and_ticks_show() -> None:
    story = [write_in("Naam", NAMES), tick_list(["OCMW", "CLB", "CAW"], ticked=["CLB"])]
    text = " ".join(_text(render_pdf(story, title="Test", branch=BRANCH, lang="nl"))[0].split())
    for name in NAMES.split(" · "):
        assert name in text
    assert "☒ CLB" in text
    assert "☐ OCMW" in text


def test_the_pdf_says_what_it_is_and_embeds_only_the_fonts_it_uses() -> None:
    story = [heading("Gezin"), write_in("Naam", ""), tick_list(["ja", "nee"])]
    pdf = render_pdf(story, title="Aanmelding", branch=BRANCH, lang="fr", subject="Famille")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "Aanmelding"
    assert reader.metadata.author == "Home-Start Teststad"
    assert reader.metadata.subject == "Famille"
    assert reader.trailer["/Root"]["/Lang"] == "fr-BE"
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("DejaVuSans" in name for name in fonts), fonts


def test_a_long_branch_name_wraps_instead_of_running_over_the_title() -> None:
    from homestart_desktop.documents.common import header_layout

    long_name = (
        "Home-Start Regio Zuid-West-Vlaanderen en Westhoek, afdeling Kortrijk-Menen-Wevelgem"
    )
    layout = header_layout(
        branch_name=long_name, contact="", title="Convention de volontariat", reference="VW-1"
    )
    assert len(layout.name_lines) == 2 and " ".join(layout.name_lines) == long_name
    assert layout.extra_height == 0  # two lines fit where name and contact stood
    short = header_layout(branch_name="Home-Start Gent", contact="", title="T", reference="")
    assert short.name_lines == ("Home-Start Gent",) and short.name_size == 10.5
