"""The family file's tabs, built from the loaded file: household, situation, support questions,
practicalities, referral and intake, consent, and the timeline of status steps."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.families import intake_choices as lists
from homestart_desktop.data.families.file import FamilyFile
from homestart_desktop.data.models import OUTCOME_AREA_LABELS, OUTCOME_AREAS, ConsentItem
from homestart_desktop.data.workflow import reason_label, status_label
from homestart_desktop.domain import days
from homestart_desktop.domain.languages import languages_text
from homestart_desktop.domain.matching_words import EXPERIENCE_CHOICES
from homestart_desktop.i18n import LANGUAGES, N_, _, format_short_date, join_words
from homestart_desktop.ui.common.widgets.copy_button import copyable_text
from homestart_desktop.ui.common.widgets.status_table import Column, RecordTable
from homestart_desktop.ui.families.consent_dialog import (
    ITEM_LABELS,
    history_table,
    referrer_text,
    statement_text,
)


def file_pages(
    file: FamilyFile, *, change_consent: Callable[[], None]
) -> list[tuple[QWidget, str]]:
    """The tabs before the timeline, each with its title; ``change_consent`` runs on
    *Toestemming wijzigen…*."""
    return [
        (_household(file), _("Household")),
        (_situation(file), _("Situation")),
        (_support(file), _("Support questions")),
        (_practical(file), _("Practicalities")),
        (_intake(file), _("Referral and intake")),
        (_consent(file, change_consent), _("Consent")),
    ]


def timeline_table(parent: QWidget) -> RecordTable:
    """The family's status steps; the dialog keeps it and refills it on each reload."""
    timeline = RecordTable(
        [
            Column(N_("Date"), lambda c: c.on, format_short_date),
            Column(
                N_("Previous status"),
                lambda c: c.from_status,
                lambda s: status_label(s) if s else "",
            ),
            Column(N_("New status"), lambda c: c.to_status, status_label),
            Column(N_("Reason"), lambda c: reason_label(c.reason)),
        ],
        parent,
        object_name="timeline",
        empty_text=_("No steps yet."),
    )
    timeline.search.hide()
    return timeline


def _yes(value: bool) -> str:
    return _("yes") if value else _("no")


def _info(
    rows: list[tuple[str, str]], name: str, copyable: dict[str, str] | None = None
) -> QWidget:
    """A form of read-only rows; a row whose label is in ``copyable`` (label → object name)
    gets *Kopiëren* when it has a value."""
    copyable = copyable or {}
    page = QWidget(objectName=name)
    form = QFormLayout(page)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    form.setVerticalSpacing(10)
    for label, value in rows:
        text = QLabel(value or "—", page)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if label in copyable and value:
            text.setObjectName(copyable[label])
            form.addRow(label, copyable_text(text, object_name=copyable[label]))
            continue
        form.addRow(label, text)
    area = QScrollArea()  # a long household or intake scrolls instead of squeezing
    area.setObjectName(f"{name}Scroll")
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def _household(file: FamilyFile) -> QWidget:
    rows = []
    for index, p in enumerate(file.caregivers, start=1):
        details = join_words(
            [
                f"{p.first_name} {p.last_name}".strip(),
                str(p.birth_year or ""),
                _(lists.GENDERS[p.gender]) if p.gender else "",
                languages_text(p.languages),
                _("interpreter needed") if p.interpreter_needed else "",
                _("in Belgium since {year}").format(year=p.arrival_year) if p.arrival_year else "",
                p.phone,
            ]
        )
        rows.append((_("Parent {number}").format(number=index), details))
    for index, c in enumerate(file.children, start=1):
        when = (
            _("born {date}").format(date=format_short_date(c.birth_date))
            if c.birth_date
            else _("expected {date}").format(date=format_short_date(c.due_date))
        )
        rows.append((_("Child {number}").format(number=index), join_words([c.first_name, when])))
    f = file.family
    rows += [
        (_("Single-parent household"), _yes(f.single_parent)),
        (_("Address"), join_words([f.street, f"{f.postcode} {file.municipality}".strip()])),
        (_("Phone"), f.phone),
        (_("E-mail"), f.email),
        (_("Language for letters and forms"), LANGUAGES.get(f.language, f.language)),
    ]
    return _info(rows, "householdPage", copyable={_("Address"): "address", _("Phone"): "phone"})


def _situation(file: FamilyFile) -> QWidget:
    f = file.family
    weak = [_(label) for name, label in lists.KG_CRITERIA if getattr(f, name)]
    flags = [_(label) for name, label in lists.SITUATION_FLAGS if getattr(f, name)]
    return _info(
        [
            (_("Kind & Gezin criteria (weak)"), join_words(weak)),
            (_("Situation"), join_words(flags)),
            (_("Major life events"), f.life_events),
            (_("Services already involved"), f.services_involved),
        ],
        "situationPage",
    )


def _support(file: FamilyFile) -> QWidget:
    chosen = set(file.family.support_questions)
    rows = [
        (_(domain), join_words(_(label) for code, label in items if code in chosen))
        for domain, items in lists.SUPPORT_DOMAINS
    ]
    rows.append((_("In the family's own words"), file.family.support_question_text))
    return _info(rows, "supportPage")


def _practical(file: FamilyFile) -> QWidget:
    f = file.family
    return _info(
        [
            (_("Preferred half-days"), days.slots_text(f.preferred_slots)),
            (
                _("Volunteer preferred"),
                _(lists.GENDER_PREFERENCES[f.volunteer_gender_preference]),
            ),
            (
                _("Experience the volunteer should bring"),
                join_words(
                    _(label)
                    for code, label in EXPERIENCE_CHOICES.items()
                    if code in f.wished_experience
                ),
            ),
            (_("Smoking at home"), _yes(f.smoking_at_home)),
            (_("Pets at home"), join_words([_yes(f.pets_at_home), f.pets_description])),
            (
                _("Languages"),
                languages_text(sorted({c for p in file.caregivers for c in p.languages})),
            ),
        ],
        "practicalPage",
    )


def _intake(file: FamilyFile) -> QWidget:
    r, i, f = file.referral, file.intake, file.family
    rows = []
    if r is not None:
        rows += [
            (_("Referral date"), format_short_date(r.referred_on)),
            (
                _("Referrer"),
                join_words([_(lists.REFERRER_CATEGORIES[r.category]), r.organisation]),
            ),
            (_("Contact at the referrer"), r.contact),
            (_("The referrer's question"), r.question),
            (_("Referrer may be informed"), _yes(r.inform_referrer)),
        ]
    if i is not None:
        outcome = _(lists.INTAKE_OUTCOMES[i.outcome]) if i.outcome else ""
        rows += [
            (_("Intake planned"), format_short_date(i.planned_on)),
            (_("Intake done"), format_short_date(i.done_on)),
            (_("Coordinator"), i.coordinator),
            (_("Outcome"), join_words([outcome, i.outcome_reason])),
        ]
        for area in OUTCOME_AREAS:
            score = getattr(i, f"score_{area}")
            rows.append((_(OUTCOME_AREA_LABELS[area]), "" if score is None else str(score)))
    rows += [
        # The day the intake put the family on the list; its wait counts from the referral.
        (_("Put on the waiting list on"), format_short_date(f.waiting_since)),
    ]
    return _info(rows, "intakePage")


def _consent(file: FamilyFile, change_consent: Callable[[], None]) -> QWidget:
    page = QWidget(objectName="consentPage")
    column = QVBoxLayout(page)
    # Two lines, then the history: the table takes the height, not the summary.
    summary = QFormLayout()
    summary.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
    for label, value in (
        (_("Privacy statement"), statement_text(file.consent.statement)),
        (_(ITEM_LABELS[ConsentItem.inform_referrer]), referrer_text(file.consent)),
    ):
        text = QLabel(value, page, objectName="consentSummary")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary.addRow(label, text)
    column.addLayout(summary)
    change = QPushButton(_("Change consent…"), page, objectName="consentButton")
    change.clicked.connect(change_consent)
    row = QHBoxLayout()
    row.addWidget(change)
    row.addStretch(1)
    column.addLayout(row)
    history = history_table(page)
    history.set_records(list(reversed(file.consent.history)))
    column.addWidget(history, 1)
    return page
