"""The volunteer agreement with its information note (law of 3 July 2005), as a PDF.

Filled with the branch's real values from Settings and the volunteer's details, in the
volunteer's language (nl, fr or en). The words are in ``agreement_texts.py``; this module only
lays them out. A setting the law needs but the branch left empty prints as a line to fill in,
and :func:`missing_settings` names it so the screens can say so before printing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

from babel import Locale
from babel.numbers import format_currency, format_decimal
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle
from sqlmodel import Session

from homestart_desktop.data.legal_amounts import AmountsOn, amounts_on
from homestart_desktop.data.models import ExpenseRegime
from homestart_desktop.data.postcodes import municipality_name
from homestart_desktop.data.settings import BranchSettings, load_settings
from homestart_desktop.data.volunteers.expenses import year_summary
from homestart_desktop.data.volunteers.register import VolunteerFile, get_volunteer
from homestart_desktop.documents.agreement_texts import AGREEMENT_CLAUSES, NOTE_CLAUSES, TEXTS
from homestart_desktop.documents.common import (
    CONTENT_WIDTH,
    RULE,
    escape,
    legal_form_in,
    organisation_in,
    render_pdf,
    styles,
)
from homestart_desktop.i18n import LANGUAGES, N_, _, format_date, format_money, locale_name

# Settings the information note cannot do without, with the words the screens show.
REQUIRED_SETTINGS: dict[str, str] = {
    "organisation": N_("organisation"),
    "company_number": N_("company number"),
    "non_profit_aim": N_("non-profit aim"),
    "insurer": N_("insurer"),
    "policy_number": N_("policy number"),
    "coordinator": N_("coordinator"),
    "non_profit_aim_fr": N_("non-profit aim in French"),
    "non_profit_aim_en": N_("non-profit aim in English"),
    "other_cover_fr": N_("other cover in French"),
    "other_cover_en": N_("other cover in English"),
}
# What the volunteer's file should hold for the agreement (printed as a line when empty).
VOLUNTEER_DETAILS: dict[str, str] = {
    "address": N_("address"),
    "birth_date": N_("birth date"),
}


def in_language(settings: BranchSettings, name: str, lang: str) -> str:
    """A text the coordinator typed per language: ``name`` is Dutch, ``name_fr``, ``name_en``."""
    return str(getattr(settings, name if lang == "nl" else f"{name}_{lang}")).strip()


@dataclasses.dataclass(frozen=True)
class AgreementData:
    """Everything the agreement prints, read in one transaction."""

    settings: BranchSettings
    volunteer: VolunteerFile
    regime: ExpenseRegime
    year: int
    amounts: AmountsOn  # the legal amounts of the document's date


def load_agreement(*, session: Session, volunteer_id: int, today: dt.date) -> AgreementData:
    """The branch's settings, the volunteer's file, this year's regime and legal amounts."""
    year = today.year
    summary = year_summary(session=session, volunteer_id=volunteer_id, year=year)
    settings = load_settings(session=session)
    return AgreementData(
        settings=settings,
        volunteer=get_volunteer(session=session, volunteer_id=volunteer_id),
        regime=summary.regime,
        year=year,
        amounts=amounts_on(today, added=settings.legal_amounts_added),
    )


def missing_settings(settings: BranchSettings, lang: str = "nl") -> list[str]:
    """The settings the law needs on the information note, in ``lang``, that are still empty."""
    names = [n for n in REQUIRED_SETTINGS if not n.endswith(("_fr", "_en"))]
    if lang != "nl":
        names = [f"{n}_{lang}" if n == "non_profit_aim" else n for n in names]
        # Other cover is optional, but once typed in Dutch a French reader needs it too.
        if settings.other_cover.strip():
            names.append(f"other_cover_{lang}")
    return [n for n in names if not str(getattr(settings, n)).strip()]


def missing_details(volunteer: VolunteerFile) -> list[str]:
    """What the volunteer's file lacks for the agreement (keys of ``VOLUNTEER_DETAILS``)."""
    details = volunteer.details
    missing = []
    if not (details.street.strip() and details.postcode.strip()):
        missing.append("address")
    if details.birth_date is None:
        missing.append("birth_date")
    return missing


def unknown_amounts_warning(amounts: AmountsOn) -> str:
    """'' when the document's year is known; else what prints instead (screen language)."""
    if amounts.all_known:
        return ""
    lines = []
    if not amounts.year_known:
        lines.append(
            _(
                "The legal flat-rate ceilings of {year} are not known to the app: the document "
                "prints those of {known}, named as such."
            ).format(year=amounts.day.year, known=amounts.amounts.year)
        )
    if not amounts.car_rate_known:
        lines.append(
            _(
                "The km rate for {date} is not known to the app: the document prints the "
                "latest rate it knows, with its period."
            ).format(date=format_date(amounts.day, format="short"))
        )
    lines.append(_("Add the new amounts under Settings, Legal amounts per year."))
    return "\n".join(lines)


def agreement_pdf(
    data: AgreementData, *, lang: str | None = None, out: Path | None = None
) -> bytes:
    """The information note and the agreement as PDF bytes (written to ``out`` when given)."""
    lang = lang or data.volunteer.details.language
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    words = TEXTS[lang]
    values = _values(data, lang)
    story = _note(words, values, data, lang) + [PageBreak()] + _agreement(words, values, data)
    return render_pdf(
        story,
        title=str(words["title"]),
        branch=data.settings,
        lang=lang,
        reference=data.volunteer.reference,
        subject=str(words["note_title"]),
        out=out,
    )


def write_agreement(
    *, session: Session, volunteer_id: int, out: Path, today: dt.date, lang: str | None = None
) -> Path:
    """Read the volunteer's data and write the agreement PDF to ``out`` (for the command line)."""
    data = load_agreement(session=session, volunteer_id=volunteer_id, today=today)
    agreement_pdf(data, lang=lang, out=out)
    return out


# ---- Internals


def _money(cents: int, lang: str) -> str:
    return format_money(cents, lang=lang)


def _rate(rate_e4: int, lang: str) -> str:
    """€ 0,4320 (0,4320 € in French): four decimals, as the federal rate is published."""
    locale = Locale.parse(locale_name(lang))
    pattern = locale.currency_formats["standard"].pattern.split(";")[0]
    return format_currency(
        Decimal(rate_e4) / 10_000,
        "EUR",
        format=pattern.replace("0.00", "0.0000"),
        locale=locale,
        currency_digits=False,
    )


def _values(data: AgreementData, lang: str) -> dict[str, str]:
    s, v, words = data.settings, data.volunteer, TEXTS[lang]
    blank = str(words["not_filled"])
    branch_town = municipality_name(s.postcode, lang) or s.municipality
    place = " ".join(p for p in (s.postcode, branch_town) if p)
    details = v.details
    town = municipality_name(details.postcode, lang)
    address = ""
    if details.street.strip() and details.postcode.strip():
        address = ", ".join((details.street, f"{details.postcode} {town}".strip()))
    organisation = organisation_in(s.organisation, lang)
    legal_form = legal_form_in(s.legal_form, lang)
    # Other cover: "none" only when the branch has none in any language; a missing
    # translation prints as a line to fill in, never the Dutch words.
    other_cover = in_language(s, "other_cover", lang)
    if not other_cover and not s.other_cover.strip():
        other_cover = str(words["none"])
    amounts = data.amounts.amounts
    car = data.amounts.car_km
    car_period = (
        str(words["car_period"]).format(
            first=format_date(car.first_day, format="long", lang=lang),
            last=format_date(car.last_day, format="long", lang=lang),
        )
        if car
        else blank
    )
    values = {
        "organisation": organisation,
        "legal_form": legal_form,
        "company_number": s.company_number,
        "non_profit_aim": in_language(s, "non_profit_aim", lang),
        "branch_name": s.branch_name,
        "branch_address": ", ".join(p for p in (s.street, place) if p),
        "branch_contact": ", ".join(p for p in (s.phone, s.email) if p.strip()),
        "insurer": s.insurer,
        "policy_number": s.policy_number,
        "coordinator": s.coordinator,
        "other_cover": other_cover,
        "day_amount": _money(amounts.day_cents, lang),
        "year_amount": _money(amounts.year_cents, lang),
        "car_rate": _rate(car.rate_e4, lang) if car else blank,
        "car_period": car_period,
        "bicycle_rate": _rate(amounts.bicycle_km_e4, lang),
        "km_limit": format_decimal(amounts.combined_km_limit, locale=locale_name(lang)),
        "all_organisations": str(words["all_organisations"]),
        "default_regime": str(words[s.expense_regime.value]),
        "regime": str(words[data.regime.value]),
        "year": str(amounts.year),
        "regime_year": str(data.year),
        "extract_max_age": str(s.extract_max_age_days),
        "volunteer": v.name,
        "reference": v.reference,
        "volunteer_address": address,
        "birth_date": format_date(details.birth_date, format="short", lang=lang),
        "signature_place": in_language(s, "signature_place", lang),
    }
    return {key: (value.strip() or blank) for key, value in values.items()}


def _clause(words: dict, key: str, values: dict[str, str]) -> list:
    st = styles()
    heading, body = words[key]
    return [
        Paragraph(escape(heading), st["h3"]),
        Paragraph(escape(body.format(**values)), st["body"]),
    ]


def _note(words: dict, values: dict[str, str], data: AgreementData, lang: str) -> list:
    st = styles()
    story: list = [
        Paragraph(escape(words["note_title"]), st["title"]),
        Paragraph(escape(words["note_intro"]), st["body"]),
        Spacer(1, 2 * mm),
    ]
    for key in NOTE_CLAUSES:
        story += _clause(words, key, values)
    received = format_date(data.volunteer.onboarding.info_note_received_on, format="short")
    block = [
        Paragraph(escape(words["receipt_title"]), st["h2"]),
        Paragraph(escape(words["receipt"]), st["body"]),
        Spacer(1, 3 * mm),
        _signatures(
            [
                (
                    _who(words, "the_volunteer", values["volunteer"]),
                    f"{words['received_on']} {received or words['date_blank']}",
                )
            ],
            str(words["signature"]),
        ),
    ]
    return story + [KeepTogether(block)]


def _agreement(words: dict, values: dict[str, str], data: AgreementData) -> list:
    st = styles()
    story: list = [
        Paragraph(escape(words["agreement_title"]), st["title"]),
        Paragraph(escape(words["parties"].format(**values)), st["body"]),
        Spacer(1, 1 * mm),
    ]
    for key in AGREEMENT_CLAUSES:
        story += _clause(words, key, values)
    closing = [
        Spacer(1, 3 * mm),
        Paragraph(escape(words["made_at"].format(**values)), st["body"]),
        Spacer(1, 3 * mm),
        _signatures(
            [
                (
                    _who(
                        words,
                        "for_organisation",
                        f"{values['coordinator']}, {words['coordinator_role']}",
                    ),
                    "",
                ),
                (_who(words, "the_volunteer", values["volunteer"]), ""),
            ],
            str(words["signature"]),
        ),
    ]
    # The last article goes with the signatures: a page with only signatures on it could be
    # stapled to any text.
    return story[:-2] + [KeepTogether(story[-2:] + closing)]


def _who(words: dict, role: str, name: str) -> str:
    """'De vrijwilliger: Jef' / 'Le·la volontaire : Jef' (French puts a space before a colon)."""
    return str(words["who"]).format(role=words[role], name=name)


def _signatures(blocks: list[tuple[str, str]], label: str) -> Table:
    """One column per signer: who, a line to sign on, and a date under it when given."""
    st = styles()
    gap = 12 * mm
    width = (CONTENT_WIDTH - gap) / 2

    def row(cells: list) -> list:
        out: list = []
        for cell in cells:
            out += [cell, ""]
        return out[:-1]

    who = row([Paragraph(escape(name), st["body"]) for name, _ in blocks])
    space = row(["" for _ in blocks])
    sign = row([Paragraph(escape(label), st["small"]) for _ in blocks])
    rows = [who, space, sign]
    if any(note for _, note in blocks):
        rows.append(row([Paragraph(escape(note), st["body"]) for _, note in blocks]))
    widths = [gap if i % 2 else width for i in range(2 * len(blocks) - 1)]
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 1), (-1, 1), 15 * mm),
    ]
    style += [("LINEBELOW", (2 * i, 1), (2 * i, 1), 0.5, RULE) for i in range(len(blocks))]
    table.setStyle(TableStyle(style))
    return table


@dataclasses.dataclass(frozen=True)
class AgreementPrint:
    """A finished agreement for the preview: the PDF, the reference, settings still empty."""

    pdf: bytes
    reference: str
    missing_settings: tuple[str, ...]
    missing_details: tuple[str, ...] = ()  # of the volunteer's file, printed as a line
    amounts_warning: str = ""  # '' when the legal amounts of the document's date are known


def agreement_for(
    *, session: Session, volunteer_id: int, today: dt.date, lang: str | None = None
) -> AgreementPrint:
    """Read and lay out the agreement in one go (for the screens' worker thread)."""
    data = load_agreement(session=session, volunteer_id=volunteer_id, today=today)
    lang = lang or data.volunteer.details.language
    pdf = agreement_pdf(data, lang=lang)
    return AgreementPrint(
        pdf,
        data.volunteer.reference,
        tuple(missing_settings(data.settings, lang)),
        tuple(missing_details(data.volunteer)),
        unknown_amounts_warning(data.amounts),
    )
