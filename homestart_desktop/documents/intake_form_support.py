"""The intake form's last pages: the situation, the support questions, the practicalities of the
match, how the family sees it now, consent and the outcome of the intake."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from homestart_desktop.data.codes import OUTCOME_AREA_LABELS, OUTCOME_AREAS, ConsentItem
from homestart_desktop.data.families import intake_choices as lists
from homestart_desktop.data.privacy.statements import PrivacyStatement
from homestart_desktop.documents.common import (
    Translate,
    escape,
    grid,
    heading,
    styles,
    tick_list,
    tick_question,
    write_in,
    write_in_box,
)
from homestart_desktop.documents.form_parts import fields_row, signature_blocks
from homestart_desktop.documents.intake_form_household import date_text, yes_no

if TYPE_CHECKING:  # a blank form never reads a family file: not loaded for `print intake-form`
    from homestart_desktop.data.families.file import FamilyFile


def situation_part(_: Translate, file: FamilyFile | None) -> list[Flowable]:
    """The Kind & Gezin criteria, the situation's flags, life events and services involved."""
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


def support_part(_: Translate, file: FamilyFile | None) -> list[Flowable]:
    """The support questions by domain, and the question in the family's own words."""
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


def practical_part(_: Translate, file: FamilyFile | None) -> list[Flowable]:
    """Preferred half-days and what the match must respect (volunteer's gender, smoking, pets)."""
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
                yes_no(_, _("Smoking at home"), f.smoking_at_home if f else None),
                yes_no(_, _("Pets at home"), f.pets_at_home if f else None),
                write_in(_("Which pets"), f.pets_description if f else ""),
            ]
        ),
    ]


def scores_part(_: Translate, file: FamilyFile | None) -> list[Flowable]:
    """The family's own score, 0 to 5, for each outcome area."""
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


def consent_part(
    _: Translate, file: FamilyFile | None, *, statement: PrivacyStatement
) -> list[Flowable]:
    """The privacy statement signed, the consent to inform the referrer, the outcome and the
    signatures."""
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
                                version=version, dated=date_text(dated)
                            )
                            if version
                            else "",
                        ),
                        (_("Received and signed on"), date_text(signed.on) if signed else ""),
                    ]
                ),
                yes_no(
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
