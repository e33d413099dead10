"""Register a referral in under a minute: today's date, the referrer, the question, the first
caregiver and a postcode. The same dialog corrects a referral or refers a family again."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.families import referrals
from homestart_desktop.data.families.intake_choices import REFERRER_CATEGORIES
from homestart_desktop.data.models import ReferrerCategory
from homestart_desktop.data.postcodes import municipality_name
from homestart_desktop.data.settings import load_settings
from homestart_desktop.i18n import DEFAULT_LANGUAGE, LANGUAGES, _, current_language
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.saving_dialog import SavingDialog
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.form_error import FormErrors

NEW, CORRECT, AGAIN = "new", "correct", "again"


def _enum(kind: type, value: object) -> Any:
    """Combo boxes hand back a StrEnum as plain text; make it the enum again."""
    return None if value is None else kind(value)


class ReferralDialog(SavingDialog):
    """``mode``: NEW family, CORRECT the current referral, or refer AGAIN (closed families)."""

    def __init__(
        self,
        ops: Ops,
        parent: QWidget | None = None,
        *,
        mode: str = NEW,
        file: Any | None = None,  # FamilyFile, for CORRECT and AGAIN
        today: dt.date | None = None,
    ) -> None:
        super().__init__(ops, parent, object_name="referralDialog")
        self.mode, self.file, self.today = mode, file, today or ops.today()
        titles = {
            NEW: _("New referral"),
            CORRECT: _("Correct the referral"),
            AGAIN: _("Refer again"),
        }
        self.setWindowTitle(titles[mode])

        self.referred_on = DateEdit(self, object_name="referred_on")
        self.referred_on.set_date(self.today)
        self.category = QComboBox(self, objectName="category")
        self.category.addItem(_("Choose the referrer…"), None)
        for code, label in REFERRER_CATEGORIES.items():
            self.category.addItem(_(label), code)
        self.organisation = QLineEdit(self, objectName="organisation")
        self.contact = QLineEdit(self, objectName="contact")
        self.contact.setPlaceholderText(_("Name and phone or e-mail"))
        self.question = QPlainTextEdit(self, objectName="question")
        self.question.setTabChangesFocus(True)
        self.question.setFixedHeight(70)
        self.inform_referrer = QCheckBox(
            _("The family agrees that the referrer is told when support starts and ends"),
            self,
            objectName="inform_referrer",
        )
        self.first_name = QLineEdit(self, objectName="first_name")
        self.last_name = QLineEdit(self, objectName="last_name")
        self.phone = QLineEdit(self, objectName="phone")
        self.phone.setPlaceholderText("0470 12 34 56")
        self.postcode = QLineEdit(self, objectName="postcode")
        self.postcode.setMaxLength(4)
        self.postcode.setFixedWidth(80)
        self.municipality = QLabel(self, objectName="municipality")
        self.municipality.setProperty("class", "hint")
        self.language = QComboBox(self, objectName="language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        # Letters go out in the branch's language (settings), whatever language the app shows.
        self.language.setCurrentIndex(list(LANGUAGES).index(DEFAULT_LANGUAGE))

        form = QFormLayout()
        self.errors = FormErrors(form)
        rows = (
            _("The referrer"),
            (_("Referral date"), self.referred_on, "referred_on"),
            (_("Referrer"), self.category, "category"),
            (_("Organisation"), self.organisation, "organisation"),
            (_("Contact at the referrer"), self.contact, "contact"),
            (_("The referrer's question"), self.question, "question"),
            ("", self.inform_referrer, "inform_referrer"),
            _("The family"),
            (_("First name of the parent"), self.first_name, "first_name"),
            (_("Last name"), self.last_name, "last_name"),
            (_("Phone"), self.phone, "phone"),
            (_("Postcode"), self.postcode, "postcode"),
            ("", self.municipality, "municipality"),
            (_("Language for letters and forms"), self.language, "language"),
        )
        for row in rows:
            if isinstance(row, str):  # a heading over the fields that follow
                heading = QLabel(row, self, objectName="sectionTitle")
                form.addRow(heading)
                continue
            label, widget, name = row
            self.errors.add_row(label, widget, name)
            widget.setAccessibleName(label or widget.objectName())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        self.postcode.textChanged.connect(self._show_municipality)
        self._fill()
        if mode == NEW:
            ops.query(load_settings, success=self._default_language, owner=self)
        self.watch(
            self.referred_on, self.category, self.organisation, self.contact, self.question,
            self.inform_referrer, self.first_name, self.last_name, self.phone, self.postcode,
            self.language,
        )  # fmt: skip
        # Focus order follows the phone call: who refers, why, then who the family is.
        self.category.setFocus()
        self.resize(560, self.sizeHint().height())

    # ---- Public API

    def referral(self) -> referrals.ReferralIn:
        """What the form holds now, exactly as typed."""
        return referrals.ReferralIn(
            referred_on=self.referred_on.date_value(),
            category=_enum(ReferrerCategory, self.category.currentData()),
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            phone=self.phone.text(),
            postcode=self.postcode.text(),
            organisation=self.organisation.text(),
            contact=self.contact.text(),
            question=self.question.toPlainText(),
            inform_referrer=self.inform_referrer.isChecked(),
            language=self.language.currentData(),
        )

    def save(self) -> None:
        self.errors.clear()
        referral = self.referral()
        if self.mode == NEW:
            self.submit(referrals.register_referral, referral=referral, today=self.today)
        elif self.mode == CORRECT:
            self.submit(
                referrals.correct_referral,
                family_id=self.file.family.id,
                referral_id=self.file.referral.id,
                referral=referral,
                today=self.today,
            )
        else:
            self.submit(
                referrals.re_refer,
                family_id=self.file.family.id,
                referral=referral,
                today=self.today,
            )

    def show_problems(self, problems: dict[str, str]) -> None:
        self.show_in_forms(problems, self.errors)

    # ---- Internals

    def _show_municipality(self, text: str) -> None:
        self.municipality.setText(municipality_name(text.strip(), current_language()))

    def _default_language(self, settings: Any) -> None:
        # Only while the coordinator has not chosen a language already.
        if self.language.currentData() == DEFAULT_LANGUAGE:
            self.language.blockSignals(True)
            self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
            self.language.blockSignals(False)

    def _fill(self) -> None:
        if self.file is None:
            return
        first = self.file.caregivers[0] if self.file.caregivers else None
        if first is not None:
            self.first_name.setText(first.first_name)
            self.last_name.setText(first.last_name)
            self.phone.setText(first.phone or self.file.family.phone)
        self.postcode.setText(self.file.family.postcode)
        self.language.setCurrentIndex(max(0, self.language.findData(self.file.family.language)))
        referral = self.file.referral
        if self.mode == CORRECT and referral is not None:
            self.referred_on.set_date(referral.referred_on)
            self.category.setCurrentIndex(self.category.findData(referral.category))
            self.organisation.setText(referral.organisation)
            self.contact.setText(referral.contact)
            self.question.setPlainText(referral.question)
            self.inform_referrer.setChecked(referral.inform_referrer)
