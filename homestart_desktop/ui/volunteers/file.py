"""A volunteer's file: identity and contact, profile and preferences (those two tabs are built in
details_tabs.py), the week's free half-days, the onboarding checklist with the status and the
agreement, matches and expenses.

Ctrl+S saves everything at once (nothing half-saved); the file stays open after a save so the
coordinator sees the status move and can print the agreement. Esc closes, asking first when
something typed is not saved.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.audit.events import opened_volunteer_file
from homestart_desktop.data.models import VolunteerStatus
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.data.volunteers.onboarding import FileSaved, save_volunteer_file
from homestart_desktop.data.volunteers.register import VolunteerFile, get_volunteer
from homestart_desktop.data.workflow import reason_label, status_label
from homestart_desktop.i18n import N_, _, format_short_date, pgettext
from homestart_desktop.ui.access.save_all_data import BUTTON_LABELS, BUTTON_TIPS, save_all_data
from homestart_desktop.ui.common.availability_grid import AvailabilityGrid
from homestart_desktop.ui.common.erasure import erase_with_questions
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.saving_dialog import SavingDialog
from homestart_desktop.ui.common.widgets.form_error import FormErrorLabel
from homestart_desktop.ui.common.widgets.status_table import Column, RecordTable
from homestart_desktop.ui.intervision.coaching import CoachingTalksPanel
from homestart_desktop.ui.volunteers.details_tabs import VolunteerDetailsTabs
from homestart_desktop.ui.volunteers.expenses import ExpensesPanel
from homestart_desktop.ui.volunteers.onboarding import OnboardingForm
from homestart_desktop.ui.volunteers.status import StatusBox
from homestart_desktop.ui.volunteers.visit_plan import VisitPlanBox

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


class VolunteerFileDialog(VolunteerDetailsTabs, SavingDialog):
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
        self._show_details(d)
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

    def erase(self) -> None:
        """*Erase data…*: name what goes, ask twice, erase (ui/common/erasure.py)."""
        if self.file is not None:
            erase_with_questions(self, self.ops, self.file.reference, self.reload)


def open_volunteer_file(
    ops: Ops, volunteer_id: int | None, parent: QWidget | None
) -> VolunteerFileDialog:
    """Show the file (non-modal) and return the dialog."""
    dialog = VolunteerFileDialog(ops, volunteer_id, parent)
    dialog.open()
    return dialog
