"""The intake form's first pages: the file's facts, the referral and the household."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from homestart_desktop.data.codes import Gender, ReferrerCategory
from homestart_desktop.data.families import intake_choices as lists
from homestart_desktop.data.postcodes import municipality_name
from homestart_desktop.data.workflow import status_msgid
from homestart_desktop.documents.common import (
    CONTENT_WIDTH,
    Translate,
    escape,
    heading,
    styles,
    tick_list,
    tick_question,
    write_in,
    write_in_box,
)
from homestart_desktop.documents.form_parts import fields_row, language_names, tick_questions_row
from homestart_desktop.i18n import LANGUAGES, N_, format_days, format_short_date

if TYPE_CHECKING:  # a blank form never reads a family file: not loaded for `print intake-form`
    from homestart_desktop.data.families.file import FamilyFile


BLANK_CAREGIVERS = 2
BLANK_CHILDREN = 4
# A reader of the English form does not know the Flemish services by their acronyms.
ACRONYMS_EXPLAINED = {
    ReferrerCategory.ocmw: N_("OCMW (public centre for social welfare)"),
    ReferrerCategory.caw: N_("CAW (general social work centre)"),
    ReferrerCategory.ckg: N_("CKG (centre for child and family support)"),
    ReferrerCategory.ocj: N_("OCJ (youth support office)"),
}


def date_text(value: dt.date | None) -> str:
    """A date as the form prints it (blank when unknown)."""
    return format_short_date(value)


def number_text(value: int | None) -> str:
    """A number as the form prints it (blank when unknown)."""
    return "" if value is None else str(value)


def yes_no(_: Translate, label: str, value: bool | None) -> Flowable:
    """A question with ☐ yes ☐ no, the answer ticked when known."""
    ticked = [] if value is None else [_("yes") if value else _("no")]
    return tick_question(label, [_("yes"), _("no")], ticked=ticked)


def file_part(_: Translate, file: FamilyFile | None, *, lang: str) -> list[Flowable]:
    """The file's facts: reference, coordinator, status, the dates and the wait."""
    f = file.family if file else None
    # As on every screen and in the figures: the wait as domain.waiting counts it; the day
    # the intake put the family on the list is a fact of its own, named as in the family file.
    waiting = (
        f"{date_text(file.waiting_since)} ({format_days(file.waiting_days, lang=lang)})"
        if file and file.waiting_days is not None
        else ""
    )
    referral = file.referral if file else None
    intake = file.intake if file else None
    rows = [
        fields_row(
            [
                (_("Reference"), f.reference if f else ""),
                (_("Coordinator"), intake.coordinator if intake else ""),
                (_("Status"), _(status_msgid(f.status)) if f else ""),
            ]
        ),
        fields_row(
            [
                (_("Referral date"), date_text(referral.referred_on) if referral else ""),
                (
                    _("Intake date"),
                    date_text(intake.done_on or intake.planned_on) if intake else "",
                ),
                (_("Put on the waiting list on"), date_text(f.waiting_since) if f else ""),
            ]
        ),
    ]
    if waiting:  # the app counts it; a blank form has nothing to write in
        rows.append(fields_row([(_("Waiting since"), waiting)], width=CONTENT_WIDTH * 2 / 3))
    return rows


def referral_part(_: Translate, file: FamilyFile | None, *, lang: str) -> list[Flowable]:
    """Who referred the family, and their question."""
    referral = file.referral if file else None

    def category(code: ReferrerCategory) -> str:
        if lang == "en" and code in ACRONYMS_EXPLAINED:
            return _(ACRONYMS_EXPLAINED[code])
        return _(lists.REFERRER_CATEGORIES[code])

    categories = [category(code) for code in lists.REFERRER_CATEGORIES]
    ticked = [category(referral.category)] if referral else []
    return [
        heading(_("Referral")),
        Paragraph(escape(_("Referrer")), styles()["label"]),
        tick_list(categories, ticked=ticked, columns=2 if lang == "en" else 3),
        Spacer(1, 2 * mm),
        write_in(_("Organisation"), referral.organisation if referral else ""),
        write_in(_("Contact person and phone"), referral.contact if referral else ""),
        write_in_box(
            _("The referrer's question"), referral.question if referral else "", height=35 * mm
        ),
    ]


def _caregiver_part(_: Translate, number: int, person: Any | None, lang: str) -> list[Flowable]:
    p = person
    genders = [_(lists.GENDERS[g]) for g in (Gender.female, Gender.male, Gender.other)]
    gender = [_(lists.GENDERS[p.gender])] if p and p.gender != Gender.unknown else []
    block = [
        Paragraph(escape(_("Parent or caregiver {number}").format(number=number)), styles()["h3"]),
        fields_row(
            [
                (_("First name"), p.first_name if p else ""),
                (_("Last name"), p.last_name if p else ""),
                (_("Birth year"), number_text(p.birth_year) if p else ""),
            ]
        ),
        fields_row(
            [
                (_("Languages"), language_names(list(p.languages), lang, _) if p else ""),
                (_("Year of arrival in Belgium"), number_text(p.arrival_year) if p else ""),
                (_("Phone"), p.phone if p else ""),
            ]
        ),
        # One line for both: the household's blocks then fit page 1 beside the referral.
        tick_questions_row(
            [
                (_("Gender"), genders, gender),
                (_("Interpreter needed"), [_("yes"), _("no")], _yes_no_ticked(_, p)),
            ],
            label_widths=[22 * mm, 40 * mm],
        ),
    ]
    return [KeepTogether(block)]


def _yes_no_ticked(_: Translate, person: Any | None) -> list[str]:
    if person is None or person.interpreter_needed is None:
        return []
    return [_("yes") if person.interpreter_needed else _("no")]


def household_part(_: Translate, file: FamilyFile | None, lang: str) -> list[Flowable]:
    """The parents or caregivers, the children, the address and the language for contact."""
    f = file.family if file else None
    story: list[Flowable] = [
        heading(_("Household")),
        yes_no(_, _("Single-parent household"), f.single_parent if f else None),
    ]
    people = list(file.caregivers) if file else []
    for index in range(max(len(people), 1 if file else BLANK_CAREGIVERS)):
        person = people[index] if index < len(people) else None
        story += _caregiver_part(_, index + 1, person, lang)
    children_block: list[Flowable] = [
        Paragraph(escape(_("Children (an unborn child: the due date)")), styles()["h3"])
    ]
    children = list(file.children) if file else [None] * BLANK_CHILDREN
    for child in children or [None]:
        children_block.append(
            fields_row(
                [
                    (_("First name"), child.first_name if child else ""),
                    (_("Birth date"), date_text(child.birth_date) if child else ""),
                    (_("Due date"), date_text(child.due_date) if child else ""),
                ]
            )
        )
    story.append(KeepTogether(children_block))
    place = municipality_name(f.postcode, lang) if f else ""
    contact_languages = [LANGUAGES[code] for code in LANGUAGES]
    chosen_language = [LANGUAGES[f.language]] if f and f.language in LANGUAGES else []
    address = [
        Paragraph(escape(_("Address and contact")), styles()["h3"]),
        write_in(_("Street and number"), f.street if f else ""),
        fields_row(
            [
                (_("Postcode"), f.postcode if f else ""),
                (_("Municipality"), place),
                (_("Phone"), f.phone if f else ""),
            ]
        ),
        fields_row([(_("E-mail"), f.email if f else "")]),
        tick_question(
            _("Language for letters and contact"),
            contact_languages,
            ticked=chosen_language,
            label_width=70 * mm,
        ),
    ]
    story.append(KeepTogether(address))
    return story
