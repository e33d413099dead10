"""The branch's register of processing (*verwerkingsregister*, GDPR art. 30) on one page.

What the branch processes in this app, about whom, why, on which legal basis, how long, where
and how it is kept safe, and who receives what. Filled from Settings and the case file's place;
it names no family, volunteer or referrer. Nederlands, français or English.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from homestart_desktop.data.privacy.register import (
    KEY_DERIVATION_ITERATIONS,
    RegisterFacts,
    register_facts,
)
from homestart_desktop.documents.common import (
    CONTENT_WIDTH,
    Translate,
    escape,
    organisation_in,
    render_pdf,
    styles,
    translator,
)
from homestart_desktop.i18n import format_date, format_number

LABEL_WIDTH = 44 * mm


def _controller(_: Translate, facts: RegisterFacts, lang: str) -> str:
    b = facts.branch
    organisation = organisation_in(b.organisation, lang)
    parts = [
        organisation,
        _("company number {number}").format(number=b.company_number) if b.company_number else "",
        _("branch {name}").format(name=b.branch_name) if b.branch_name else "",
        " ".join(p for p in (b.street, b.postcode, b.municipality) if p),
        b.email,
        b.phone.replace(" ", "\u00a0"),  # a phone number stays on one line
        _("coordinator: {name}").format(name=b.coordinator) if b.coordinator else "",
    ]
    return ", ".join(p for p in parts if p)


def _rows(_: Translate, facts: RegisterFacts, lang: str) -> list[tuple[str, str]]:
    def day(value: dt.date) -> str:
        return format_date(value, format="long", lang=lang)

    return [
        (_("Controller"), _controller(_, facts, lang)),
        (
            _("Purposes"),
            _(
                "Supporting families with young children through volunteers who visit them at "
                "home: referral, intake, matching with a volunteer, planning and follow-up of "
                "visits, reviews and closing. Recruiting, coaching and insuring volunteers and "
                "paying their expenses (law of 3 July 2005). Telling the referrer when support "
                "starts and ends, only with the family's consent. Anonymised figures for the "
                "central office and the funders."
            ),
        ),
        (
            _("People concerned"),
            _(
                "Families: parents or caregivers and their children (also unborn). Volunteers "
                "and candidate volunteers. Referrers: the contact person at the referring "
                "service."
            ),
        ),
        (
            _("Data"),
            _(
                "Families: names, address, phone, language, birth dates of the children, "
                "household, year of arrival in Belgium, support questions, preferences for "
                "the visits, visit notes, reviews and scores. Volunteers: name, address, "
                "contact details, birth date, languages, availability, experience, "
                "coaching notes, expenses, dates of the agreement, insurance and the extract "
                "from the criminal record (its dates, not its content). Referrers: "
                "organisation and contact person."
            ),
        ),
        (
            _("Special categories"),
            _(
                "Health (a physical disability, health as a deprivation criterion), "
                "psychological vulnerability, finances (income as a deprivation criterion), "
                "major life events. Only what the support needs, with the family's explicit "
                "consent when it signs the privacy statement."
            ),
        ),
        (
            _("Legal basis"),
            _(
                "Families: the support the family asks for (GDPR art. 6.1.b) and, for the "
                "special categories, its explicit consent (art. 9.2.a); informing the "
                "referrer: consent (art. 6.1.a), which the family may withdraw at any time. "
                "Volunteers: the volunteer agreement (art. 6.1.b) and the law on volunteering "
                "(art. 6.1.c)."
            ),
        ),
        (
            _("Privacy statement"),
            _(
                "Version {version} of {dated}. Each family's file records the version it "
                "signed, what it agreed to and any withdrawal, with their dates."
            ).format(version=facts.statement.version, dated=day(facts.statement.dated)),
        ),
        (
            _("Retention"),
            _(
                "{years} years after a family's support ended (or after a referral that "
                "never started) and after a volunteer stopped; then the personal data are "
                "anonymised. What the figures count stays, without names."
            ).format(years=facts.retention_years),
        ),
        (
            _("Recipients"),
            _(
                "The volunteer: what the visits need (the family's code, first name and, when "
                "chosen, the address). The referrer: only the start and end of support, only "
                "with consent. The central office of Home-Start Vlaanderen: anonymised "
                "aggregate figures per quarter (counts with noise added, no personal data), "
                "signed and encrypted. Nothing leaves the European Union."
            ),
        ),
        (
            _("Where the file lives"),
            _(
                "One case file on the coordinator's computer, in the folder {folder}. Printed "
                "and saved documents are readable by their owner only."
            ).format(folder=facts.case_folder),
        ),
        (
            _("Encryption"),
            _(
                "The whole case file is encrypted with SQLCipher 4 (AES-256). The key is "
                "derived from the passphrase with PBKDF2-HMAC-SHA512 ({iterations} "
                "iterations); the passphrase is never stored. The app locks itself after "
                "{minutes} minutes without activity."
            ).format(
                iterations=format_number(KEY_DERIVATION_ITERATIONS, lang=lang),
                minutes=facts.autolock_minutes,
            ),
        ),
        (
            _("Backups"),
            _(
                "Encrypted copies (same passphrase) in a folder beside the case file: one a "
                "day when the app is opened and one before each update; the newest {count} "
                "are kept. Keep one copy on a USB stick in a safe place."
            ).format(count=facts.backups_kept),
        ),
    ]


def processing_register_pdf(facts: RegisterFacts, *, lang: str, out: Path | None = None) -> bytes:
    """The register as PDF bytes (written to ``out`` when given), on one A4 page."""
    _ = translator(lang)
    st = styles()
    label = st["label"].clone("registerLabel", fontSize=8.5, leading=10.5, textColor=colors.black)
    text = st["small"].clone("registerText", fontSize=8.5, leading=10.5, textColor=colors.black)
    title = _("Register of processing")
    table = Table(
        [
            [Paragraph(escape(name), label), Paragraph(escape(value), text)]
            for name, value in _rows(_, facts, lang)
        ],
        colWidths=[LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -2), 0.3, colors.lightgrey),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        )
    )
    story: list[Flowable] = [
        Paragraph(escape(title), st["title"]),
        Paragraph(
            escape(_("What this branch processes in Home-Start Desktop (GDPR article 30).")),
            st["subtitle"],
        ),
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 3 * mm),
        Paragraph(
            escape(
                _(
                    "Drawn up on {date}. Print it again when a setting or the way of working "
                    "changes."
                ).format(date=format_date(facts.made_on, format="long", lang=lang))
            ),
            st["small"],
        ),
    ]
    return render_pdf(story, title=title, branch=facts.branch, lang=lang, out=out)


def processing_register_for(
    *, session: Any, case_path: Path, today: dt.date, lang: str | None = None
) -> bytes:
    """Read the facts and print the register (for the app and the CLI); the branch's language
    when ``lang`` is not given."""
    facts = register_facts(session=session, case_path=case_path, today=today)
    return processing_register_pdf(facts, lang=lang or facts.branch.language)
