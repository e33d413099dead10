"""Record the intake conversation: one tab per part of the paper form, saved in one go.

Opened from the family file, filled with what the file holds already (the referral's first
parent and postcode for a new intake). A refusal shows each problem beside its field and opens
the first tab that has one; nothing typed is lost and nothing is saved half.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.families import intake_choices as lists
from homestart_desktop.data.families.file import FamilyFile
from homestart_desktop.data.families.intake import FLAGS, IntakeIn, record_intake
from homestart_desktop.data.models import (
    OUTCOME_AREA_LABELS,
    OUTCOME_AREAS,
    ConsentItem,
    GenderPreference,
    IntakeOutcome,
)
from homestart_desktop.data.postcodes import municipality_name
from homestart_desktop.i18n import LANGUAGES, _, current_language
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.saving_dialog import SavingDialog
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.experience_choice import ExperienceChoice
from homestart_desktop.ui.common.widgets.form_error import FormErrors
from homestart_desktop.ui.common.widgets.language_picker import LanguagePicker
from homestart_desktop.ui.families.consent_dialog import (
    INFORM_REFERRER,
    statement_choice,
    statement_text,
)
from homestart_desktop.ui.families.intake_household import PeopleList
from homestart_desktop.ui.families.referral_dialog import _enum

SCORE_CHOICES = ["—", "0", "1", "2", "3", "4", "5"]


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    return area


class IntakeDialog(SavingDialog):
    """Conversation | Household | Situation | Support questions | Practicalities | Scores."""

    def __init__(
        self,
        ops: Ops,
        file: FamilyFile,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(ops, parent, object_name="intakeDialog")
        self.file, self.today = file, today or ops.today()
        self.setWindowTitle(_("Intake"))  # no code in the title: task bars and switchers show it
        self.tabs = QTabWidget(self, objectName="intakeTabs")
        self.forms: list[tuple[QWidget, FormErrors]] = []
        self.field_pages: dict[str, QWidget] = {}
        self._build_conversation()
        self._build_household()
        self._build_situation()
        self._build_support()
        self._build_practical()
        self._build_scores()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self._fill()
        self.watch(*self.findChildren(QLineEdit), *self.findChildren(QPlainTextEdit))
        self.watch(*self.findChildren(QCheckBox), *self.findChildren(QComboBox))
        self.watch(*self.findChildren(LanguagePicker))
        self.resize(940, 720)

    # ---- Building the tabs

    def _page(self, title: str, name: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget(objectName=name)
        layout = QVBoxLayout(page)
        self.tabs.addTab(_scrolling(page), title)
        return page, layout

    def _form(self, page: QWidget, layout: QVBoxLayout) -> tuple[QFormLayout, FormErrors]:
        form = QFormLayout()
        layout.addLayout(form)
        errors = FormErrors(form)
        self.forms.append((page, errors))
        return form, errors

    def _field(self, errors: FormErrors, label: str, widget: QWidget, name: str) -> Any:
        self.field_pages[name] = self.forms[-1][0]
        widget.setObjectName(name)
        widget.setAccessibleName(label or name)
        errors.add_row(label, widget, name)
        return widget

    def _build_conversation(self) -> None:
        page, layout = self._page(_("Conversation"), "conversationTab")
        _form, e = self._form(page, layout)
        self.done_on = self._field(e, _("Date of the intake"), DateEdit(page), "done_on")
        self.done_on.set_date(self.today)
        self.coordinator = self._field(e, _("Coordinator"), QLineEdit(page), "coordinator")
        self.outcome = self._field(e, _("Outcome"), QComboBox(page), "outcome")
        self.outcome.addItem(_("Choose the outcome…"), None)
        for code, label in lists.INTAKE_OUTCOMES.items():
            self.outcome.addItem(_(label), code)
        self.outcome_reason = self._field(e, _("Explanation"), QLineEdit(page), "outcome_reason")
        self.statement_version = self._field(
            e,
            _("Privacy statement signed"),
            statement_choice(page, self.file.statements),
            "statement_version",
        )
        self.statement_signed_on = self._field(
            e, _("Received and signed on"), DateEdit(page, optional=True), "statement_signed_on"
        )
        self.inform_referrer = self._field(
            e, "", QCheckBox(_(INFORM_REFERRER), page), "inform_referrer"
        )
        self.language = self._field(
            e, _("Language for letters and forms"), QComboBox(page), "language"
        )
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        layout.addStretch(1)

    def _build_household(self) -> None:
        page, layout = self._page(_("Household"), "householdTab")
        self.household_page = page
        self.caregivers = PeopleList(
            page, kind="caregivers", add_label=_("Add a parent or caregiver")
        )
        self.children = PeopleList(page, kind="children", add_label=_("Add a child"))
        _form, e = self._form(page, layout)
        self.single_parent = self._field(
            e, "", QCheckBox(_("Single-parent household"), page), "single_parent"
        )
        self.street = self._field(e, _("Street and number"), QLineEdit(page), "street")
        self.postcode = self._field(e, _("Postcode"), QLineEdit(page), "postcode")
        self.postcode.setMaxLength(4)
        self.postcode.setFixedWidth(80)
        self.municipality = QLabel(page, objectName="municipality")
        e.add_row("", self.municipality, "municipality")
        self.phone = self._field(e, _("Phone"), QLineEdit(page), "phone")
        self.email = self._field(e, _("E-mail"), QLineEdit(page), "email")
        self.postcode.textChanged.connect(
            lambda text: self.municipality.setText(municipality_name(text, current_language()))
        )
        self.people_error = QLabel(page, objectName="formError")
        layout.addWidget(self.people_error)
        layout.addWidget(self.caregivers)
        layout.addWidget(self.children)
        layout.addStretch(1)

    def _build_situation(self) -> None:
        page, layout = self._page(_("Situation"), "situationTab")
        self.flags: dict[str, QCheckBox] = {}
        for title, pairs in (
            (_("Kind & Gezin criteria: tick where the family is weak"), lists.KG_CRITERIA),
            (_("The family's situation"), lists.SITUATION_FLAGS),
        ):
            box = QGroupBox(title, page)
            grid = QGridLayout(box)
            for index, (name, label) in enumerate(pairs):
                check = QCheckBox(_(label), box, objectName=name)
                grid.addWidget(check, index // 2, index % 2)
                self.flags[name] = check
            layout.addWidget(box)
        _form, e = self._form(page, layout)
        self.life_events = self._field(
            e, _("Major life events"), QPlainTextEdit(page), "life_events"
        )
        self.services_involved = self._field(
            e, _("Services already involved"), QPlainTextEdit(page), "services_involved"
        )
        for edit in (self.life_events, self.services_involved):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(70)
        layout.addStretch(1)

    def _build_support(self) -> None:
        page, layout = self._page(_("Support questions"), "supportTab")
        self.questions: dict[str, QCheckBox] = {}
        for domain, items in lists.SUPPORT_DOMAINS:
            box = QGroupBox(_(domain), page)
            grid = QGridLayout(box)
            for index, (code, label) in enumerate(items):
                check = QCheckBox(_(label), box, objectName=f"question_{code}")
                grid.addWidget(check, index // 2, index % 2)
                self.questions[code] = check
            layout.addWidget(box)
        _form, e = self._form(page, layout)
        self.question_text = self._field(
            e, _("In the family's own words"), QPlainTextEdit(page), "support_question_text"
        )
        self.question_text.setTabChangesFocus(True)
        layout.addStretch(1)

    def _build_practical(self) -> None:
        page, layout = self._page(_("Practicalities"), "practicalTab")
        box = QGroupBox(_("Preferred days and half-days"), page)
        grid = QGridLayout(box)
        self.slots: dict[str, QCheckBox] = {}
        for column, (_day, day_label) in enumerate(lists.WEEKDAYS, start=1):
            grid.addWidget(QLabel(_(day_label), box), 0, column)
        for row, (half, half_label) in enumerate(lists.HALF_DAYS.items(), start=1):
            grid.addWidget(QLabel(_(half_label), box), row, 0)
            for column, (day, day_label) in enumerate(lists.WEEKDAYS, start=1):
                code = lists.slot_code(day, half)
                check = QCheckBox(box, objectName=f"slot_{code}")
                check.setAccessibleName(f"{_(day_label)} {_(half_label)}")
                grid.addWidget(check, row, column)
                self.slots[code] = check
        layout.addWidget(box)
        _form, e = self._form(page, layout)
        self.gender_preference = self._field(
            e, _("Volunteer preferred"), QComboBox(page), "volunteer_gender_preference"
        )
        for code, label in lists.GENDER_PREFERENCES.items():
            self.gender_preference.addItem(_(label), code)
        self.experience = ExperienceChoice(
            page, _("Experience the volunteer should bring"), "wishedExperience"
        )
        self._field(e, _("Volunteer's experience"), self.experience, "wished_experience")
        self.smoking = self._field(e, "", QCheckBox(_("Smoking at home"), page), "smoking_at_home")
        self.pets = self._field(e, "", QCheckBox(_("Pets at home"), page), "pets_at_home")
        self.pets_description = self._field(e, _("Which pets"), QLineEdit(page), "pets_description")
        layout.addStretch(1)

    def _build_scores(self) -> None:
        page, layout = self._page(_("Baseline scores"), "scoresTab")
        layout.addWidget(
            QLabel(_("How the family sees it now (0 = not at all, 5 = very well)"), page)
        )
        _form, e = self._form(page, layout)
        self.scores: dict[str, QComboBox] = {}
        for area in OUTCOME_AREAS:
            box = QComboBox(page)
            box.addItems(SCORE_CHOICES)
            self.scores[area] = self._field(e, _(OUTCOME_AREA_LABELS[area]), box, f"scores.{area}")
        layout.addStretch(1)

    # ---- Public API

    def intake(self) -> IntakeIn:
        """What the form holds now, exactly as typed."""
        signed_on = self.statement_signed_on.date_value()
        return IntakeIn(
            done_on=self.done_on.date_value(),
            coordinator=self.coordinator.text(),
            caregivers=self.caregivers.values(),
            children=self.children.values(),
            outcome=_enum(IntakeOutcome, self.outcome.currentData()),
            outcome_reason=self.outcome_reason.text(),
            single_parent=self.single_parent.isChecked(),
            street=self.street.text(),
            postcode=self.postcode.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            language=self.language.currentData(),
            flags=frozenset(name for name, box in self.flags.items() if box.isChecked()),
            life_events=self.life_events.toPlainText(),
            services_involved=self.services_involved.toPlainText(),
            support_questions=tuple(c for c, box in self.questions.items() if box.isChecked()),
            support_question_text=self.question_text.toPlainText(),
            preferred_slots=tuple(c for c, box in self.slots.items() if box.isChecked()),
            volunteer_gender_preference=GenderPreference(self.gender_preference.currentData()),
            wished_experience=self.experience.codes(),
            smoking_at_home=self.smoking.isChecked(),
            pets_at_home=self.pets.isChecked(),
            pets_description=self.pets_description.text(),
            scores={
                area: None if box.currentIndex() == 0 else box.currentIndex() - 1
                for area, box in self.scores.items()
            },
            # A signature only with its date; the referrer's consent as ticked (a change is a
            # step of the record on the day of the intake).
            statement_version=self.statement_version.currentData() if signed_on else None,
            statement_signed_on=signed_on,
            inform_referrer=self.inform_referrer.isChecked(),
        )

    def save(self) -> None:
        self.submit(
            record_intake, family_id=self.file.family.id, intake=self.intake(), today=self.today
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        for _page, errors in self.forms:
            errors.show({k: v for k, v in problems.items() if k in self.field_pages})
        self.caregivers.show_problems(problems)
        self.children.show_problems(problems)
        self.people_error.setText(problems.get("caregivers", ""))
        pages = []
        for name, message in problems.items():
            if name in self.field_pages:
                pages.append(self.field_pages[name])
            elif name.startswith(("caregivers", "children")):
                pages.append(self.household_page)
            else:
                self.general_error.set_message(message)
        if pages:
            for index in range(self.tabs.count()):
                if self.tabs.widget(index).widget() is pages[0]:
                    self.tabs.setCurrentIndex(index)
                    break

    # ---- Internals

    def _fill(self) -> None:
        f, intake = self.file.family, self.file.intake
        for person in self.file.caregivers or (None,):
            self.caregivers.add_person(person)
        for child in self.file.children:
            self.children.add_person(child)
        if intake is not None:
            self.done_on.set_date(intake.done_on or intake.planned_on or self.today)
            self.coordinator.setText(intake.coordinator)
            if intake.outcome is not None:
                self.outcome.setCurrentIndex(self.outcome.findData(intake.outcome))
            self.outcome_reason.setText(intake.outcome_reason)
            for area, box in self.scores.items():
                score = getattr(intake, f"score_{area}")
                box.setCurrentIndex(0 if score is None else score + 1)
        signed = self.file.consent.statement
        if signed is not None:  # the signature on record, shown; saved again only when changed
            self.statement_signed_on.set_date(signed.on)
            found = self.statement_version.findData(signed.statement_version)
            if found < 0:  # a version no longer listed (or not recorded) stays as it was
                self.statement_version.addItem(statement_text(signed), signed.statement_version)
                found = self.statement_version.count() - 1
            self.statement_version.setCurrentIndex(found)
        self.inform_referrer.setChecked(self.file.consent.agrees(ConsentItem.inform_referrer))
        self.language.setCurrentIndex(max(0, self.language.findData(f.language)))
        self.single_parent.setChecked(f.single_parent)
        self.street.setText(f.street)
        self.postcode.setText(f.postcode)
        self.phone.setText(f.phone)
        self.email.setText(f.email)
        for name in FLAGS:
            self.flags[name].setChecked(bool(getattr(f, name)))
        self.life_events.setPlainText(f.life_events)
        self.services_involved.setPlainText(f.services_involved)
        for code in f.support_questions:
            if code in self.questions:
                self.questions[code].setChecked(True)
        self.question_text.setPlainText(f.support_question_text)
        for code in f.preferred_slots:
            if code in self.slots:
                self.slots[code].setChecked(True)
        self.gender_preference.setCurrentIndex(
            max(0, self.gender_preference.findData(f.volunteer_gender_preference))
        )
        self.experience.set_codes(f.wished_experience)
        self.smoking.setChecked(f.smoking_at_home)
        self.pets.setChecked(f.pets_at_home)
        self.pets_description.setText(f.pets_description)
