"""The volunteer's details on two tabs of their file, *Identiteit en contact* and *Profiel en
voorkeuren*: the fields, read back as typed, filled from the saved file, and watched for unsaved
work. The erase button sits on the first tab, with the identity it removes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.models import Gender
from homestart_desktop.data.postcodes import municipality_name
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.data.volunteers.register import VolunteerIn
from homestart_desktop.i18n import LANGUAGES, N_, _
from homestart_desktop.ui.common.widgets.copy_button import add_copy_to_field
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.experience_choice import ExperienceChoice
from homestart_desktop.ui.common.widgets.form_error import FormErrors
from homestart_desktop.ui.common.widgets.language_picker import LanguagePicker
from homestart_desktop.ui.common.widgets.number_edit import NumberEdit, read_numbers

GENDERS = {
    Gender.female: N_("female"),
    Gender.male: N_("male"),
    Gender.other: N_("other"),
    Gender.unknown: N_("not given"),
}
IDENTITY_FIELDS = (
    "first_name",
    "last_name",
    "birth_date",
    "gender",
    "language",
    "street",
    "postcode",
    "phone",
    "email",
    "languages",
)


class VolunteerDetailsTabs:
    """The two tabs as part of ``VolunteerFileDialog`` (a ``SavingDialog`` with ``volunteer_id``
    and ``erase``). A mixin rather than a widget of its own: the dialog's save, its problems
    beside the fields and its tests reach each field on the dialog (``dialog.first_name``)."""

    # ---- Public API

    def details(self) -> VolunteerIn:
        """Identity, contact, profile and preferences as typed."""
        numbers, problems = read_numbers(
            {
                "max_travel_km": self.travel,
                "child_age_min": self.age_min,
                "child_age_max": self.age_max,
            }
        )
        if problems:
            raise ValidationError(problems)
        ages = [
            None if n is None else int(n)
            for n in (numbers["child_age_min"], numbers["child_age_max"])
        ]
        return VolunteerIn(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            birth_date=self.birth_date.date_value(),
            gender=self.gender.currentData(),
            language=self.language.currentData(),
            street=self.street.text(),
            postcode=self.postcode.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            languages=self.languages.codes(),
            motivation=self.motivation.toPlainText(),
            experience_with_children=self.experience.toPlainText(),
            experience_tags=self.experience_tags.codes(),
            has_car=self.car.isChecked(),
            has_bike=self.bike.isChecked(),
            uses_public_transport=self.public_transport.isChecked(),
            max_travel_km=int(numbers["max_travel_km"] or 0),
            child_age_min=ages[0],
            child_age_max=ages[1],
            accepts_smoking=self.smoking.isChecked(),
            accepts_pets=self.pets.isChecked(),
        )

    def _show_details(self, d: VolunteerIn) -> None:
        """Fill both tabs from the saved details."""
        for widget, value in (
            (self.first_name, d.first_name),
            (self.last_name, d.last_name),
            (self.street, d.street),
            (self.postcode, d.postcode),
            (self.phone, d.phone),
            (self.email, d.email),
        ):
            widget.setText(value)
        self.birth_date.set_date(d.birth_date)
        self.languages.set_codes(d.languages)
        self.gender.setCurrentIndex(self.gender.findData(d.gender))
        self.language.setCurrentIndex(self.language.findData(d.language))
        self.motivation.setPlainText(d.motivation)
        self.experience.setPlainText(d.experience_with_children)
        self.experience_tags.set_codes(d.experience_tags)
        for box, value in (
            (self.car, d.has_car),
            (self.bike, d.has_bike),
            (self.public_transport, d.uses_public_transport),
            (self.smoking, d.accepts_smoking),
            (self.pets, d.accepts_pets),
        ):
            box.setChecked(value)
        self.travel.set_value(d.max_travel_km)
        self.age_min.set_value(d.child_age_min)
        self.age_max.set_value(d.child_age_max)

    def _watched(self) -> list[QWidget]:
        return [
            self.first_name,
            self.last_name,
            self.birth_date,
            self.gender,
            self.language,
            self.street,
            self.postcode,
            self.phone,
            self.email,
            self.languages,
            self.motivation,
            self.experience,
            *self.experience_tags.boxes.values(),
            self.car,
            self.bike,
            self.public_transport,
            self.travel,
            self.age_min,
            self.age_max,
            self.smoking,
            self.pets,
        ]

    # ---- The tabs

    def _identity_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.identity_errors = FormErrors(form)
        self.first_name = QLineEdit(page, objectName="first_name")
        self.last_name = QLineEdit(page, objectName="last_name")
        self.birth_date = DateEdit(page, optional=True, object_name="birth_date")
        self.gender = QComboBox(page, objectName="gender")
        for gender, word in GENDERS.items():
            self.gender.addItem(_(word), gender)
        self.gender.setCurrentIndex(self.gender.findData(Gender.unknown))
        self.language = QComboBox(page, objectName="language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.street = QLineEdit(page, objectName="street")
        self.postcode = QLineEdit(page, objectName="postcode", maxLength=4)
        self.municipality = QLabel(page, objectName="municipality")
        self.postcode.textChanged.connect(
            lambda code: self.municipality.setText(municipality_name(code))
        )
        self.phone = QLineEdit(page, objectName="phone")
        self.email = QLineEdit(page, objectName="email")
        for field in (self.street, self.phone, self.email):
            add_copy_to_field(field)
        self.languages = LanguagePicker(page, object_name="languages")
        labels = (
            N_("First name"),
            N_("Last name"),
            N_("Birth date"),
            N_("Gender"),
            N_("Language for documents"),
            N_("Street and number"),
            N_("Postcode"),
            N_("Phone"),
            N_("E-mail"),
            N_("Languages spoken"),
        )
        widgets = (
            self.first_name,
            self.last_name,
            self.birth_date,
            self.gender,
            self.language,
            self.street,
            self.postcode,
            self.phone,
            self.email,
            self.languages,
        )
        for name, label, widget in zip(IDENTITY_FIELDS, labels, widgets, strict=True):
            widget.setAccessibleName(_(label))
            self.identity_errors.add_row(_(label), widget, name)
            if name == "postcode":
                form.addRow("", self.municipality)
        # With the identity it removes; not among Save and Close, where it could be hit. A new
        # volunteer has nothing to erase yet: the button shows once the file is saved.
        self.erase_button = QPushButton(_("Erase data…"), page, objectName="eraseButton")
        self.erase_button.clicked.connect(self.erase)
        self.erase_button.setVisible(self.volunteer_id is not None)
        row = QHBoxLayout()
        row.addWidget(self.erase_button)
        row.addStretch(1)
        form.addRow("", row)
        return page

    def _profile_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.profile_errors = FormErrors(form)
        self.motivation = QPlainTextEdit(page, objectName="motivation")
        self.experience = QPlainTextEdit(page, objectName="experience_with_children")
        for box in (self.motivation, self.experience):
            box.setMaximumHeight(90)
        self.experience_tags = ExperienceChoice(
            page, _("Experience with families"), "experience_tag"
        )
        self.experience_tags.setObjectName("experience_tags")
        self.car = QCheckBox(_("Car"), page, objectName="has_car")
        self.bike = QCheckBox(_("Bicycle"), page, objectName="has_bike")
        self.public_transport = QCheckBox(_("Public transport"), page, objectName="uses_pt")
        self.travel = NumberEdit(page, object_name="max_travel_km", maximum=200, unit="km")
        self.age_min = NumberEdit(page, object_name="child_age_min", maximum=12, optional=True)
        self.age_max = NumberEdit(page, object_name="child_age_max", maximum=12, optional=True)
        for number in (self.travel, self.age_min, self.age_max):
            number.setMaximumWidth(180)
        self.travel.set_value(VolunteerIn.max_travel_km)
        for number in (self.age_min, self.age_max):
            number.setPlaceholderText(_("no preference"))
        self.smoking = QCheckBox(_("Accepts a family that smokes"), page, objectName="smoking")
        self.pets = QCheckBox(_("Accepts pets"), page, objectName="pets")
        self.pets.setChecked(True)
        rows = (
            (N_("Motivation"), self.motivation, "motivation"),
            (N_("Experience with children"), self.experience, "experience_with_children"),
            (N_("Experience with families"), self.experience_tags, "experience_tags"),
            (N_("Mobility"), self._column(self.car, self.bike, self.public_transport), "mobility"),
            (N_("Travels at most"), self.travel, "max_travel_km"),
            (N_("Children from (years)"), self.age_min, "child_age_min"),
            (N_("Children up to (years)"), self.age_max, "child_age_max"),
            (N_("Home"), self._column(self.smoking, self.pets), "home"),
        )
        for label, widget, name in rows:
            widget.setAccessibleName(_(label))
            self.profile_errors.add_row(_(label), widget, name)
        return page

    def _column(self, *widgets: QWidget, stretch: bool = True) -> QWidget:
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            column.addWidget(widget)
        if stretch:
            column.addStretch(1)
        return holder
