"""A volunteer's file: identity and contact, profile and preferences, the week's free half-days,
the onboarding checklist with the status and the agreement, matches and expenses.

Ctrl+S saves everything at once (nothing half-saved); the file stays open after a save so the
coordinator sees the status move and can print the agreement. Esc closes, asking first when
something typed is not saved.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.audit.events import opened_volunteer_file
from homestart_desktop.data.models import Gender, VolunteerStatus
from homestart_desktop.data.postcodes import municipality_name
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.data.volunteers.onboarding import FileSaved, save_volunteer_file
from homestart_desktop.data.volunteers.register import VolunteerFile, VolunteerIn, get_volunteer
from homestart_desktop.data.workflow import reason_label, status_label
from homestart_desktop.i18n import LANGUAGES, N_, _, format_short_date, pgettext
from homestart_desktop.ui.access.save_all_data import BUTTON_LABELS, BUTTON_TIPS, save_all_data
from homestart_desktop.ui.common.availability_grid import AvailabilityGrid
from homestart_desktop.ui.common.erasure import erase_with_questions
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.copy_button import add_copy_to_field
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.experience_choice import ExperienceChoice
from homestart_desktop.ui.common.widgets.form_error import FormErrorLabel, FormErrors
from homestart_desktop.ui.common.widgets.language_picker import LanguagePicker
from homestart_desktop.ui.common.widgets.number_edit import NumberEdit, read_numbers
from homestart_desktop.ui.common.widgets.status_table import Column, RecordTable
from homestart_desktop.ui.families.dialog_base import SavingDialog
from homestart_desktop.ui.intervision.coaching import CoachingTalksPanel
from homestart_desktop.ui.volunteers.expenses import ExpensesPanel
from homestart_desktop.ui.volunteers.onboarding import OnboardingForm
from homestart_desktop.ui.volunteers.status import StatusBox
from homestart_desktop.ui.volunteers.visit_plan import VisitPlanBox

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
MATCH_COLUMNS = [
    Column(N_("Family"), lambda m: m.family_reference),
    Column(N_("Status"), lambda m: m.status, status_label, whole=True),
    Column(N_("Proposed"), lambda m: m.proposed_on, format_short_date),
    Column(N_("Start"), lambda m: m.start_on, format_short_date),
    Column(N_("End"), lambda m: m.ended_on, format_short_date),
]

HISTORY_COLUMNS = [
    Column(N_("Date"), lambda h: h.on, format_short_date),
    Column(N_("Status"), lambda h: h.to_status, status_label, whole=True),
    Column(N_("Reason"), lambda h: reason_label(h.reason)),
]


class VolunteerFileDialog(SavingDialog):
    """Open with a volunteer's id, or with None for a new candidate."""

    sig_loaded = Signal()
    """The saved file is on screen (after opening and after each save)."""

    # The tabs, in the order they are added below.
    IDENTITY, PROFILE, AVAILABILITY, ONBOARDING, MATCHES, EXPENSES, COACHING = range(7)

    def __init__(self, ops: Ops, volunteer_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent, object_name="volunteer_file")
        self.volunteer_id = volunteer_id
        self.file: VolunteerFile | None = None
        self.setWindowTitle(_("New volunteer") if volunteer_id is None else _("Volunteer"))
        self.tabs = QTabWidget(self, objectName="volunteer_tabs")
        self.tabs.addTab(self._identity_tab(), _("Identity and contact"))
        self.tabs.addTab(self._profile_tab(), _("Profile and preferences"))
        self.grid = AvailabilityGrid(self)
        self.availability_error = FormErrorLabel(self, object_name="availability_error")
        grid_hint = QLabel(_("Tick the half-days this volunteer is free, every week."), self)
        self.tabs.addTab(
            self._column(grid_hint, self.grid, self.availability_error), _("Availability")
        )
        self.onboarding = OnboardingForm(self, today=ops.today)
        self.status = StatusBox(ops, self)
        self.tabs.addTab(self._column(self.status, self.onboarding), _("Onboarding"))
        self.tabs.widget(self.ONBOARDING).setObjectName("onboarding_tab")
        self.matches = RecordTable(
            MATCH_COLUMNS,
            self,
            empty_text=_("No matches yet. Matching proposes this volunteer once available."),
            object_name="matches_table",
            searchable=False,
            sort_column=None,  # newest first, as data/ gives them
        )
        self.history = RecordTable(
            HISTORY_COLUMNS,
            self,
            object_name="status_history",
            searchable=False,
            sort_column=None,
        )
        # The schedule and the calendar file sit with the matches: the trajectories they come from.
        self.visit_plan = VisitPlanBox(ops, self)
        self.tabs.addTab(
            self._column(
                self.matches,
                self.visit_plan,
                QLabel(_("Status history"), self),
                self.history,
                stretch=False,
            ),
            _("Matches"),
        )
        self.expenses = ExpensesPanel(ops, self)
        self.tabs.addTab(self.expenses, _("Expenses"))
        # Coaching talks in time order (kept by the Intervision section's panel).
        self.coaching = CoachingTalksPanel(ops, self)
        self.tabs.addTab(self.coaching, _("Coaching talks"))
        self.heading = QLabel(self, objectName="pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        # The right of access sits apart from Save and Close, at the left of their row.
        row = QHBoxLayout()
        if volunteer_id is not None:
            all_data = QPushButton(_(BUTTON_LABELS["volunteer"]), self, objectName="allDataButton")
            all_data.setAutoDefault(False)  # Enter in the file never starts an export
            all_data.setToolTip(_(BUTTON_TIPS["volunteer"]))
            all_data.clicked.connect(
                lambda: save_all_data(self, self.ops, kind="volunteer", subject_id=volunteer_id)
            )
            row.addWidget(all_data)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout.addLayout(row)
        self.watch(*self._watched())
        self.grid.sig_changed.connect(self._touched)
        self.onboarding.sig_changed.connect(self._touched)
        self.status.sig_changed.connect(self._status_changed)
        # Expense lines, coaching talks and status steps are saved at once: no Cancel.
        self.parts_save_at_once()
        self.resize(860, 720)
        self.expenses.show_volunteer(volunteer_id)
        self.coaching.set_volunteer(volunteer_id)
        if volunteer_id is not None:  # the Logboek notes every opening
            ops.write(opened_volunteer_file, volunteer_id=volunteer_id)
        self.status.show_file(None)
        self.reload()

    # ---- Public API

    def show_tab(self, index: int) -> None:
        """Bring one tab forward (ONBOARDING, COACHING) for the task that opened the file."""
        self.tabs.setCurrentIndex(index)

    def reload(self) -> None:
        """Load the saved file again (nothing to load for a new volunteer)."""
        if self.volunteer_id is None:
            return
        self.ops.query(
            get_volunteer, success=self._show, owner=self, volunteer_id=self.volunteer_id
        )

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

    def save(self) -> None:
        """Save the whole file in one transaction (never an erased volunteer's: Ctrl+S too)."""
        if self.file is not None and self.file.erased:
            return
        try:  # a number that cannot be read stands beside its field, as a refusal would
            volunteer_in, onboarding = self.details(), self.onboarding.value()
        except ValidationError as unreadable:
            self.show_problems(unreadable.problems)
            self.sig_refused.emit(unreadable)
            return
        self.submit(
            save_volunteer_file,
            volunteer_id=self.volunteer_id,
            volunteer_in=volunteer_in,
            slots=self.grid.slots(),
            onboarding=onboarding,
            today=self.ops.today(),
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each problem beside its field, on the tab that holds it."""
        forms = (self.identity_errors, self.profile_errors, self.onboarding.errors)
        for errors in forms:
            errors.show({k: v for k, v in problems.items() if errors.knows(k)})
        self.availability_error.set_message(problems.get("availability", ""))
        known = {k for k in problems if any(f.knows(k) for f in forms) or k == "availability"}
        self.general_error.set_message("\n".join(v for k, v in problems.items() if k not in known))
        first = next(iter(problems), "")
        tab = next(
            (i for i, f in enumerate(forms[:2]) if f.knows(first)),
            2 if first == "availability" else 3 if self.onboarding.errors.knows(first) else None,
        )
        if tab is not None:
            self.tabs.setCurrentIndex(tab)

    # ---- Internals

    def _saved(self, result: FileSaved) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.dirty = False
        for errors in (self.identity_errors, self.profile_errors, self.onboarding.errors):
            errors.clear()
        self.availability_error.set_message("")
        self.volunteer_id = result.id
        self.coaching.set_volunteer(result.id)
        self.expenses.show_volunteer(result.id)
        self.sig_saved.emit(result)
        self.reload()

    def _status_changed(self) -> None:
        """A status step is saved at once; what is typed but not saved yet stays on screen."""
        if not self.dirty:
            self.reload()
            return
        self.ops.query(
            get_volunteer, success=self._show_status, owner=self, volunteer_id=self.volunteer_id
        )

    def _show_status(self, file: VolunteerFile) -> None:
        self.file = file
        self.status.show_file(file)
        self.visit_plan.show_file(file)
        onboarding = file.status in (VolunteerStatus.candidate, VolunteerStatus.in_training)
        self.onboarding.show_missing(self.status.missing if onboarding else ())
        self.matches.set_records(file.matches)
        self.history.set_records(tuple(reversed(file.status_history)))

    def _show(self, file: VolunteerFile) -> None:
        self.file = file
        d = file.details
        # The code and name show in the dialog, never in the title (task bar, window switcher).
        self.setWindowTitle(_("Volunteer"))
        name = pgettext("person", "erased") if file.erased else file.name
        self.heading.setText(f"{file.reference} · {name}")
        self.erase_button.setVisible(True)  # a saved volunteer's file
        self.erase_button.setEnabled(not file.erased)
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
        self.grid.set_slots(file.availability)
        self.onboarding.set_value(file.onboarding)
        self._show_status(file)
        self._read_only_when_erased(file.erased)
        self.dirty = False
        self.sig_loaded.emit()

    def _read_only_when_erased(self, erased: bool) -> None:
        # Erased on request: the code and the figures are what is left; nothing is typed in,
        # planned or paid again for this person (data/ refuses it too).
        for index in (self.IDENTITY, self.PROFILE, self.AVAILABILITY, self.ONBOARDING):
            self.tabs.widget(index).setEnabled(not erased)
        for part in (self.expenses, self.coaching):
            part.setEnabled(not erased)
        self.save_button.setEnabled(not erased)
        self.general_error.set_message(
            _("This volunteer's data were erased on request: the file can no longer be changed.")
            if erased
            else ""
        )

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

    def erase(self) -> None:
        """*Erase data…*: name what goes, ask twice, erase (ui/common/erasure.py)."""
        if self.file is not None:
            erase_with_questions(self, self.ops, self.file.reference, self.reload)

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


def open_volunteer_file(
    ops: Ops, volunteer_id: int | None, parent: QWidget | None
) -> VolunteerFileDialog:
    """Show the file (non-modal) and return the dialog."""
    dialog = VolunteerFileDialog(ops, volunteer_id, parent)
    dialog.open()
    return dialog
