"""The intake form on paper: blank for the kitchen table, or pre-filled from the family file.

Blank, every list is a row of tick boxes and every answer has room to write; pre-filled, the
same form shows what the file holds (ticked boxes, printed answers), so a coordinator can check it
with the family and correct by hand. Nederlands, français or English, whatever the screen shows.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from homestart_desktop.data.codes import (
    OUTCOME_AREA_LABELS,
    OUTCOME_AREAS,
    ConsentItem,
    Gender,
    ReferrerCategory,
)
from homestart_desktop.data.families import intake_choices as lists
from homestart_desktop.data.postcodes import municipality_name
from homestart_desktop.data.privacy.statements import PrivacyStatement, current_statement
from homestart_desktop.data.workflow import status_msgid
from homestart_desktop.documents.common import (
    CONTENT_WIDTH,
    Translate,
    escape,
    grid,
    heading,
    render_pdf,
    styles,
    tick_list,
    tick_question,
    translator,
    write_in,
    write_in_box,
)
from homestart_desktop.documents.form_parts import (
    fields_row,
    language_names,
    signature_blocks,
    tick_questions_row,
)
from homestart_desktop.i18n import LANGUAGES, N_, format_days, format_short_date

if TYPE_CHECKING:  # a blank form never reads a family file: not loaded for `print intake-form`
    from homestart_desktop.data.families.file import FamilyFile
    from homestart_desktop.data.settings import BranchSettings

BLANK_CAREGIVERS = 2
BLANK_CHILDREN = 4
# A reader of the English form does not know the Flemish services by their acronyms.
ACRONYMS_EXPLAINED = {
    ReferrerCategory.ocmw: N_("OCMW (public centre for social welfare)"),
    ReferrerCategory.caw: N_("CAW (general social work centre)"),
    ReferrerCategory.ckg: N_("CKG (centre for child and family support)"),
    ReferrerCategory.ocj: N_("OCJ (youth support office)"),
}


def _date(value: dt.date | None) -> str:
    return format_short_date(value)


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _yes_no(_: Translate, label: str, value: bool | None) -> Flowable:
    ticked = [] if value is None else [_("yes") if value else _("no")]
    return tick_question(label, [_("yes"), _("no")], ticked=ticked)


def _file_part(_: Translate, file: FamilyFile | None, *, lang: str) -> list[Flowable]:
    f = file.family if file else None
    # As on every screen and in the figures: the wait as domain.waiting counts it; the day
    # the intake put the family on the list is a fact of its own, named as in the family file.
    waiting = (
        f"{_date(file.waiting_since)} ({format_days(file.waiting_days, lang=lang)})"
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
                (_("Referral date"), _date(referral.referred_on) if referral else ""),
                (_("Intake date"), _date(intake.done_on or intake.planned_on) if intake else ""),
                (_("Put on the waiting list on"), _date(f.waiting_since) if f else ""),
            ]
        ),
    ]
    if waiting:  # the app counts it; a blank form has nothing to write in
        rows.append(fields_row([(_("Waiting since"), waiting)], width=CONTENT_WIDTH * 2 / 3))
    return rows


def _referral_part(_: Translate, file: FamilyFile | None, *, lang: str) -> list[Flowable]:
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
                (_("Birth year"), _number(p.birth_year) if p else ""),
            ]
        ),
        fields_row(
            [
                (_("Languages"), language_names(list(p.languages), lang, _) if p else ""),
                (_("Year of arrival in Belgium"), _number(p.arrival_year) if p else ""),
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


def _household_part(_: Translate, file: FamilyFile | None, lang: str) -> list[Flowable]:
    f = file.family if file else None
    story: list[Flowable] = [
        heading(_("Household")),
        _yes_no(_, _("Single-parent household"), f.single_parent if f else None),
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
                    (_("Birth date"), _date(child.birth_date) if child else ""),
                    (_("Due date"), _date(child.due_date) if child else ""),
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


def _situation_part(_: Translate, file: FamilyFile | None) -> list[Flowable]:
    f = file.family if file else None

    def ticks(pairs: tuple[tuple[str, str], ...], columns: int) -> Flowable:
        labels = [_(label) for _name, label in pairs]
        ticked = [_(label) for name, label in pairs if f and getattr(f, name)]
        return tick_list(labels, ticked=ticked, columns=columns)

    return [
        heading(_("Situation")),
        Paragraph(
            escape(_("Kind & Gezin criteria: tick where the family is weak")),
            styles()["label"],
        ),
        ticks(lists.KG_CRITERIA, 3),
        Spacer(1, 2 * mm),
        ticks(lists.SITUATION_FLAGS, 2),
        write_in_box(_("Major life events"), f.life_events if f else "", height=45 * mm),
        write_in_box(
            _("Services already involved"), f.services_involved if f else "", height=35 * mm
        ),
    ]


def _support_part(_: Translate, file: FamilyFile | None) -> list[Flowable]:
    f = file.family if file else None
    chosen = set(f.support_questions) if f else set()
    story: list[Flowable] = [heading(_("Support questions"))]
    for domain, items in lists.SUPPORT_DOMAINS:
        story.append(Paragraph(escape(_(domain)), styles()["h3"]))
        labels = [_(label) for _code, label in items]
        ticked = [_(label) for code, label in items if code in chosen]
        story.append(tick_list(labels, ticked=ticked, columns=2))
    story.append(
        write_in_box(
            _("The question in the family's own words"),
            f.support_question_text if f else "",
            height=70 * mm,
        )
    )
    return story


def _practical_part(_: Translate, file: FamilyFile | None) -> list[Flowable]:
    f = file.family if file else None
    slots = set(f.preferred_slots) if f else set()
    days = [_(label) for _code, label in lists.WEEKDAYS]
    rows = [
        (_(label), [lists.slot_code(code, half) in slots for code, _l in lists.WEEKDAYS])
        for half, label in lists.HALF_DAYS.items()
    ]
    preferences = [_(label) for label in lists.GENDER_PREFERENCES.values()]
    preferred = [_(lists.GENDER_PREFERENCES[f.volunteer_gender_preference])] if f else []
    return [
        KeepTogether(
            [
                heading(_("Practicalities for the match")),
                Paragraph(escape(_("Preferred days and half-days")), styles()["label"]),
                grid(days, rows),
                Spacer(1, 2 * mm),
            ]
        ),
        # The questions may go to the next page apart from the days: the form then keeps its
        # signatures on page 4 even with long names in the signature blocks.
        KeepTogether(
            [
                tick_question(
                    _("Would the family rather have a female or a male volunteer?"),
                    preferences,
                    ticked=preferred,
                ),
                _yes_no(_, _("Smoking at home"), f.smoking_at_home if f else None),
                _yes_no(_, _("Pets at home"), f.pets_at_home if f else None),
                write_in(_("Which pets"), f.pets_description if f else ""),
            ]
        ),
    ]


def _scores_part(_: Translate, file: FamilyFile | None) -> list[Flowable]:
    intake = file.intake if file else None
    rows = []
    for area in OUTCOME_AREAS:
        score = getattr(intake, f"score_{area}") if intake else None
        rows.append((_(OUTCOME_AREA_LABELS[area]), [score == n for n in range(6)]))
    return [
        KeepTogether(
            [
                heading(_("How the family sees it now (0 = not at all, 5 = very well)")),
                grid([str(n) for n in range(6)], rows, first_width=80 * mm),
            ]
        )
    ]


def _informs_referrer(file: FamilyFile | None) -> bool | None:
    """Yes or no from the consent record (a withdrawal prints *no*); blank on a blank form."""
    if file is None:
        return None
    return file.consent.agrees(ConsentItem.inform_referrer)


def _consent_part(
    _: Translate, file: FamilyFile | None, *, statement: PrivacyStatement
) -> list[Flowable]:
    signed = file.consent.statement if file else None
    version = signed.statement_version if signed else statement.version
    dated = signed.statement_dated if signed else statement.dated
    intake = file.intake if file else None
    outcomes = [_(label) for label in lists.INTAKE_OUTCOMES.values()]
    outcome = [_(lists.INTAKE_OUTCOMES[intake.outcome])] if intake and intake.outcome else []
    return [
        KeepTogether(
            [
                heading(_("Consent")),
                fields_row(
                    [
                        (
                            _("Privacy statement"),
                            _("version {version} of {dated}").format(
                                version=version, dated=_date(dated)
                            )
                            if version
                            else "",
                        ),
                        (_("Received and signed on"), _date(signed.on) if signed else ""),
                    ]
                ),
                _yes_no(
                    _,
                    _("The family agrees that the referrer is told when support starts and ends"),
                    _informs_referrer(file),
                ),
                Paragraph(
                    escape(
                        _(
                            "The family may withdraw this consent at any time. Anonymous figures "
                            "(numbers without names or notes) count every family."
                        )
                    ),
                    styles()["small"],
                ),
            ]
        ),
        KeepTogether(
            [
                heading(_("Outcome of the intake")),
                tick_list(outcomes, ticked=outcome, columns=2),
                write_in(_("Explanation"), intake.outcome_reason if intake else "", lines=1),
            ]
        ),
        # The blocks name their signers: no heading above them, so the form ends on its
        # fourth page with the signatures instead of a fifth page holding only them.
        Spacer(1, 2 * mm),
        KeepTogether(
            [
                signature_blocks(
                    _,
                    [_("The parent or caregiver"), _("The coordinator")],
                    [_parent_name(file), intake.coordinator if intake else ""],
                ),
            ]
        ),
    ]


def _parent_name(file: FamilyFile | None) -> str:
    people = list(file.caregivers) if file else []
    if not people:
        return ""
    return " ".join(p for p in (people[0].first_name, people[0].last_name) if p)


def intake_form_pdf(
    *,
    branch: BranchSettings,
    lang: str,
    file: FamilyFile | None = None,
    out: Path | None = None,
) -> bytes:
    """The intake form as PDF bytes: blank without ``file``, pre-filled with it."""
    _ = translator(lang)
    title = _("Intake form")
    subtitle = (
        _("Pre-filled from the family file: check it with the family and correct by hand.")
        if file
        else _("To fill in during the intake conversation at home.")
    )
    story: list[Flowable] = [
        Paragraph(escape(title), styles()["title"]),
        Paragraph(escape(subtitle), styles()["subtitle"]),
        Spacer(1, 3 * mm),
    ]
    for part in (
        functools.partial(_file_part, lang=lang),
        functools.partial(_referral_part, lang=lang),
        functools.partial(_household_part, lang=lang),
        _situation_part,
        _support_part,
        _practical_part,
        _scores_part,
        functools.partial(_consent_part, statement=current_statement(branch)),
    ):
        story += part(_, file)
    reference = file.family.reference if file else ""
    return render_pdf(
        story,
        title=title,
        branch=branch,
        lang=lang,
        reference=reference,
        subject=subtitle,
        out=out,
    )


def intake_form_for(
    *, session: Any, today: dt.date, family_id: int | None = None, lang: str | None = None
) -> bytes:
    """Read what the form needs from the case file and print it (for the app and the CLI).

    Without ``lang``: the family's language for a pre-filled form, the branch's for a blank one.
    """
    from homestart_desktop.data.settings import load_settings

    branch = load_settings(session=session)
    file = None
    if family_id is not None:
        from homestart_desktop.data.families.file import load_family  # not for a blank form

        file = load_family(session=session, family_id=family_id, today=today)
    language = lang or (file.family.language if file else branch.language)
    return intake_form_pdf(branch=branch, lang=language, file=file)
