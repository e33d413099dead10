"""A volunteer's yearly expense statement: every entry, the totals against the legal ceilings,
and the volunteer's declaration, in the volunteer's language."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle
from sqlmodel import Session

from homestart_desktop.data.intervision.name_detector import (
    NameIndex,
    find_names,
    load_name_index,
    replace_names,
)
from homestart_desktop.data.models import ExpenseRegime, Transport
from homestart_desktop.data.settings import BranchSettings, load_settings
from homestart_desktop.data.volunteers.expenses import (  # noqa: F401 (the words, re-exported)
    REGIME_WORDS,
    TRANSPORT_WORDS,
    YearSummary,
    year_summary,
)
from homestart_desktop.data.volunteers.register import VolunteerFile, get_volunteer
from homestart_desktop.documents.common import (
    CONTENT_WIDTH,
    FONT_BOLD,
    RULE,
    escape,
    organisation_in,
    render_pdf,
    styles,
    translator,
)
from homestart_desktop.i18n import LANGUAGES, format_date, format_money, format_number


@dataclasses.dataclass(frozen=True)
class StatementData:
    settings: BranchSettings
    volunteer: VolunteerFile
    summary: YearSummary
    # The branch's family names: a purpose typed as "bezoek bij Özlem" prints the family's code.
    names: NameIndex | None = None


def guarded_purpose(purpose: str, names: NameIndex | None) -> str:
    """The purpose with every family member's name replaced by the family's reference code."""
    if names is None:
        return purpose
    return replace_names(purpose, find_names(purpose, names))


def load_statement(*, session: Session, volunteer_id: int, year: int) -> StatementData:
    """What the statement prints, read in one transaction."""
    return StatementData(
        settings=load_settings(session=session),
        volunteer=get_volunteer(session=session, volunteer_id=volunteer_id),
        summary=year_summary(session=session, volunteer_id=volunteer_id, year=year),
        names=load_name_index(session=session),
    )


def expense_statement_pdf(
    data: StatementData, *, lang: str | None = None, out: Path | None = None
) -> bytes:
    """The statement as PDF bytes (written to ``out`` when given)."""
    lang = lang or data.volunteer.details.language
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    tr = translator(lang)
    st = styles()
    s, v = data.summary, data.volunteer
    title = tr("Expense statement {year}").format(year=s.year)

    def money(cents: int) -> str:
        return format_money(cents, lang=lang)

    story: list = [
        Paragraph(escape(title), st["title"]),
        Paragraph(
            escape(
                tr("Volunteer: {name} ({reference}) · regime: {regime}").format(
                    name=v.name, reference=v.reference, regime=tr(REGIME_WORDS[s.regime])
                )
            ),
            st["body"],
        ),
        Spacer(1, 4 * mm),
    ]
    header = [tr("Date"), tr("What for"), tr("Transport"), tr("km"), tr("Amount")]
    rows: list[list] = [[Paragraph(escape(h), st["label"]) for h in header]]
    for line in s.lines:
        rows.append(
            [
                format_date(line.on, format="short"),
                Paragraph(escape(guarded_purpose(line.purpose, data.names)), st["body"]),
                # Public transport has no km but a ticket: its mode is still worth a word.
                Paragraph(escape(tr(TRANSPORT_WORDS[line.transport])), st["body"])
                if line.km or line.transport == Transport.public_transport
                else "",
                format_number(line.km, lang=lang) if line.km else "",
                money(line.amount_cents),
            ]
        )
    if not s.lines:
        rows.append(["", tr("No expenses this year."), "", "", ""])
    rows.append(["", tr("Total"), "", format_number(s.km_total, lang=lang), money(s.total_cents)])
    table = Table(
        rows, colWidths=[24 * mm, CONTENT_WIDTH - 92 * mm, 30 * mm, 16 * mm, 22 * mm], repeatRows=1
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st["body"].fontName),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (3, 0), (4, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
                ("LINEABOVE", (0, -1), (-1, -1), 0.5, RULE),
                ("FONTNAME", (0, -1), (-1, -1), FONT_BOLD),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    story += [table, Spacer(1, 4 * mm)]
    if s.regime == ExpenseRegime.flat_rate:
        ceilings = [
            (tr("Flat rate this year"), money(s.flat_cents), money(s.year_limit_cents)),
            (tr("Highest day"), money(s.busiest_day_cents), money(s.day_limit_cents)),
            (
                tr("Kilometres beside the flat rate"),
                format_number(s.km_total, lang=lang),
                format_number(s.km_limit, lang=lang),
            ),
        ]
        limits = [[tr("Ceiling"), tr("Used"), tr("Legal maximum")]] + [list(c) for c in ceilings]
        limit_table = Table(limits, colWidths=[70 * mm, 35 * mm, 35 * mm], hAlign="LEFT")
        limit_table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), st["body"].fontName),
                    ("FONTSIZE", (0, 0), (-1, -1), 9),
                    ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        # One table, one page: a ceiling row alone on the next page reads as a different table.
        story += [KeepTogether([limit_table]), Spacer(1, 4 * mm)]
    declaration = tr(
        "I declare that these amounts cover expenses of my voluntary work for {organisation} in "
        "{year}, and that together with any flat-rate expenses from other organisations they "
        "do not pass the legal ceilings."
    ).format(organisation=organisation_in(data.settings.organisation, lang), year=s.year)
    # Paragraphs, not strings: a long name wraps inside its half instead of running off the page.
    signatures = Table(
        [
            [Paragraph(escape(text), st["body"]) if text else "" for text in row]
            for row in (
                [tr("The volunteer"), "", tr("For the organisation")],
                [v.name, "", data.settings.coordinator],
            )
        ]
        + [
            ["", "", ""],
            [
                Paragraph(escape(tr("Date and signature")), st["small"]) if i != 1 else ""
                for i in (0, 1, 2)
            ],
        ],
        colWidths=[(CONTENT_WIDTH - 12 * mm) / 2, 12 * mm, (CONTENT_WIDTH - 12 * mm) / 2],
        hAlign="LEFT",
    )
    signatures.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st["body"].fontName),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("FONTSIZE", (0, 3), (-1, 3), 7.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 2), (-1, 2), 14 * mm),
                ("LINEBELOW", (0, 2), (0, 2), 0.5, RULE),
                ("LINEBELOW", (2, 2), (2, 2), 0.5, RULE),
            ]
        )
    )
    story.append(
        KeepTogether([Paragraph(escape(declaration), st["body"]), Spacer(1, 5 * mm), signatures])
    )
    return render_pdf(
        story, title=title, branch=data.settings, lang=lang, reference=v.reference, out=out
    )


def statement_for(*, session: Session, volunteer_id: int, year: int) -> tuple[bytes, str]:
    """The statement PDF and the volunteer's reference (for the screens' worker thread)."""
    data = load_statement(session=session, volunteer_id=volunteer_id, year=year)
    return expense_statement_pdf(data), data.volunteer.reference
