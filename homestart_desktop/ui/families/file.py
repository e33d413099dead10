"""One family's file: who they are, their situation and questions, the intake and the timeline,
with the next steps as buttons (plan or record the intake, correct, change status, print)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.audit.events import opened_family_file
from homestart_desktop.data.changes import Changes
from homestart_desktop.data.families import intake_choices as lists
from homestart_desktop.data.families.file import FamilyFile, load_family
from homestart_desktop.data.families.referrals import REOPENABLE
from homestart_desktop.data.models import (
    OUTCOME_AREA_LABELS,
    OUTCOME_AREAS,
    ConsentItem,
    FamilyStatus,
)
from homestart_desktop.data.planning.referrer_letters import (
    LetterFacts,
    LetterKind,
    family_letter_facts,
)
from homestart_desktop.data.workflow import reason_label, status_label
from homestart_desktop.domain import days
from homestart_desktop.domain.languages import languages_text
from homestart_desktop.domain.matching_words import EXPERIENCE_CHOICES
from homestart_desktop.i18n import (
    LANGUAGES,
    N_,
    _,
    format_short_date,
    join_words,
    ngettext,
    pgettext,
)
from homestart_desktop.ui.access.save_all_data import BUTTON_LABELS, BUTTON_TIPS, save_all_data
from homestart_desktop.ui.common.dialog import Dialog
from homestart_desktop.ui.common.document_preview import DocumentPreview, PrintRecord, later
from homestart_desktop.ui.common.erasure import erase_with_questions
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.copy_button import copyable_text
from homestart_desktop.ui.common.widgets.status_table import Column, RecordTable
from homestart_desktop.ui.families.consent_dialog import (
    ITEM_LABELS,
    ConsentDialog,
    history_table,
    referrer_text,
    statement_text,
)
from homestart_desktop.ui.families.intake_dialog import IntakeDialog
from homestart_desktop.ui.families.referral_dialog import AGAIN, CORRECT, ReferralDialog
from homestart_desktop.ui.families.status_dialogs import (
    BackOnListDialog,
    PlanIntakeDialog,
    StatusDialog,
)
from homestart_desktop.ui.planning.referrer_letter import LetterMenu, ReferrerLetterFlow

intake_form_for = later("homestart_desktop.documents.intake_form", "intake_form_for")


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


class FamilyFileDialog(Dialog):
    """Shows one family; every change goes through a dialog and comes back via ``sig_changes``."""

    sig_loaded = Signal()
    """The file is on screen (for tests and benchmarks)."""

    def __init__(
        self,
        ops: Ops,
        family_id: int,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("familyFile")
        self.ops, self.family_id = ops, family_id
        self.today = today or ops.today()
        self.file: FamilyFile | None = None
        self.child_dialog: QDialog | None = None
        self.title = QLabel(self, objectName="pageTitle")
        self.summary = QLabel(self, objectName="familySummary")
        self.summary.setWordWrap(True)
        self.actions = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label in (
            ("plan", N_("Plan intake…")),
            ("intake", N_("Record intake…")),
            ("correct", N_("Correct referral…")),
            ("status", N_("Change status…")),
            ("again", N_("Refer again…")),
            ("back", N_("Back on the waiting list…")),
            ("print", N_("Intake form…")),
        ):
            button = QPushButton(_(label), self, objectName=f"{key}Button")
            if key != "print":  # printing asks the language from its menu
                button.clicked.connect(lambda _c=False, k=key: self.do(k))
            self.actions.addWidget(button)
            self.buttons[key] = button
        self.print_menu = QMenu(self.buttons["print"])
        self.buttons["print"].setMenu(self.print_menu)
        # The letters of the family's latest trajectory, the end letter long after closing too.
        self.letter = QPushButton(_("Letter to the referrer"), self, objectName="letterButton")
        self.letter_menu = LetterMenu(self.letter, self.referrer_letter)
        self.letter_flow: ReferrerLetterFlow | None = None
        self.letter.hide()  # until the family's support has started
        self.actions.addWidget(self.letter)
        self.actions.addStretch(1)
        self.tabs = QTabWidget(self, objectName="familyTabs")
        self.timeline = RecordTable(
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
            self,
            object_name="timeline",
            empty_text=_("No steps yet."),
        )
        self.timeline.search.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(self.actions)
        layout.addWidget(self.tabs, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        # Apart from the everyday actions: erasing is rare and for good.
        self.erase_button = QPushButton(_("Erase data…"), self, objectName="eraseButton")
        self.erase_button.clicked.connect(self.erase)
        self.erase_button.setAutoDefault(False)  # Enter never starts an erasure
        # Qt's own word would stay English where its catalogue is not loaded (tests, a bare run).
        close.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        # The right of access sits apart from the daily work, at the left of Close.
        self.all_data = QPushButton(_(BUTTON_LABELS["family"]), self, objectName="allDataButton")
        self.all_data.setAutoDefault(False)  # Enter in the file never starts an export
        self.all_data.setToolTip(_(BUTTON_TIPS["family"]))
        self.all_data.clicked.connect(
            lambda: save_all_data(self, self.ops, kind="family", subject_id=self.family_id)
        )
        row = QHBoxLayout()
        row.addWidget(self.all_data)
        row.addWidget(self.erase_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        ops.sig_changes.connect(self._changed)
        self.resize(860, 640)
        ops.write(opened_family_file, family_id=family_id)  # the Logboek notes every opening
        self.reload()

    # ---- Public API

    def reload(self) -> None:
        self.ops.query(
            load_family,
            family_id=self.family_id,
            today=self.today,
            success=self.show_file,
            owner=self,
        )
        self.ops.query(
            family_letter_facts, family_id=self.family_id, success=self._show_letters, owner=self
        )

    def referrer_letter(self, kind: LetterKind, lang: str | None = None) -> None:
        """Preview the start or end letter of the family's latest trajectory in ``lang``."""
        facts = self.letter_menu.facts
        if facts is None:
            return
        self.letter_flow = ReferrerLetterFlow(
            self.ops, self, trajectory_id=facts.trajectory_id, kind=kind, quiet=False, lang=lang
        )
        self.letter_flow.start()

    def show_file(self, file: FamilyFile) -> None:
        """Fill every tab from ``file``."""
        self.file = file
        f = file.family
        # The code and name show in the dialog, never in the title (task bar, window switcher).
        self.setWindowTitle(_("Family file"))
        if f.erased_on is not None:
            self.title.setText(f"{f.reference} · {pgettext('person', 'erased')}")
        else:
            self.title.setText(f"{f.reference} · {file.name}")
        self.erase_button.setEnabled(f.erased_on is None)
        waiting = (
            ngettext(
                "waiting since {date} ({count} day)",
                "waiting since {date} ({count} days)",
                file.waiting_days,
            ).format(count=file.waiting_days, date=format_short_date(file.waiting_since))
            if file.waiting_days is not None
            else ""
        )
        self.summary.setText(
            join_words(
                [status_label(f.status), f"{f.postcode} {file.municipality}".strip(), waiting]
            )
        )
        status = f.status
        self.buttons["plan"].setEnabled(
            status in (FamilyStatus.referred, FamilyStatus.intake_planned)
        )
        self.buttons["intake"].setEnabled(
            status not in (FamilyStatus.archived, FamilyStatus.closed)
        )
        self.buttons["again"].setVisible(status in REOPENABLE)
        self.buttons["back"].setVisible(status == FamilyStatus.not_started)
        self.buttons["correct"].setEnabled(file.referral is not None)
        if f.erased_on is not None:  # nothing is left to plan, correct or print about them
            for button in self.buttons.values():
                button.setEnabled(False)
            self.letter.setEnabled(False)
        self._fill_print_menu(f.language)
        current = self.tabs.currentIndex()
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not self.timeline:
                widget.deleteLater()
        for page, title in (
            (self._household(file), _("Household")),
            (self._situation(file), _("Situation")),
            (self._support(file), _("Support questions")),
            (self._practical(file), _("Practicalities")),
            (self._intake(file), _("Referral and intake")),
            (self._consent(file), _("Consent")),
        ):
            self.tabs.addTab(page, title)
        self.timeline.set_records(list(reversed(file.timeline)))
        self.tabs.addTab(self.timeline, _("Timeline"))
        self.tabs.setCurrentIndex(max(0, current))
        self.sig_loaded.emit()

    def do(self, action: str, lang: str | None = None) -> None:
        """Open the dialog for ``action`` (plan, intake, correct, status, again, back, consent,
        print)."""
        if self.file is None:
            return
        if action == "print":
            self.ops.query(
                intake_form_for,
                family_id=self.family_id,
                lang=lang or self.file.family.language,
                today=self.today,
                success=self._preview,
                owner=self,
            )
            return
        makers = {
            "plan": lambda: PlanIntakeDialog(self.ops, self.file, self, today=self.today),
            "intake": lambda: IntakeDialog(self.ops, self.file, self, today=self.today),
            "correct": lambda: ReferralDialog(
                self.ops, self, mode=CORRECT, file=self.file, today=self.today
            ),
            "status": lambda: StatusDialog(self.ops, self.file, self, today=self.today),
            "again": lambda: ReferralDialog(
                self.ops, self, mode=AGAIN, file=self.file, today=self.today
            ),
            "back": lambda: BackOnListDialog(self.ops, self.file, self, today=self.today),
            "consent": lambda: ConsentDialog(self.ops, self.file, self, today=self.today),
        }
        self.child_dialog = makers[action]()
        self.child_dialog.open()

    def erase(self) -> None:
        """*Erase data…*: name what goes, ask twice, erase (ui/common/erasure.py)."""
        if self.file is not None:
            erase_with_questions(self, self.ops, self.file.family.reference, self.reload)

    # ---- The tabs

    def _household(self, file: FamilyFile) -> QWidget:
        rows = []
        for index, p in enumerate(file.caregivers, start=1):
            details = join_words(
                [
                    f"{p.first_name} {p.last_name}".strip(),
                    str(p.birth_year or ""),
                    _(lists.GENDERS[p.gender]) if p.gender else "",
                    languages_text(p.languages),
                    _("interpreter needed") if p.interpreter_needed else "",
                    _("in Belgium since {year}").format(year=p.arrival_year)
                    if p.arrival_year
                    else "",
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
            rows.append(
                (_("Child {number}").format(number=index), join_words([c.first_name, when]))
            )
        f = file.family
        rows += [
            (_("Single-parent household"), _yes(f.single_parent)),
            (_("Address"), join_words([f.street, f"{f.postcode} {file.municipality}".strip()])),
            (_("Phone"), f.phone),
            (_("E-mail"), f.email),
            (_("Language for letters and forms"), LANGUAGES.get(f.language, f.language)),
        ]
        return _info(rows, "householdPage", copyable={_("Address"): "address", _("Phone"): "phone"})

    def _situation(self, file: FamilyFile) -> QWidget:
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

    def _support(self, file: FamilyFile) -> QWidget:
        chosen = set(file.family.support_questions)
        rows = [
            (_(domain), join_words(_(label) for code, label in items if code in chosen))
            for domain, items in lists.SUPPORT_DOMAINS
        ]
        rows.append((_("In the family's own words"), file.family.support_question_text))
        return _info(rows, "supportPage")

    def _practical(self, file: FamilyFile) -> QWidget:
        f = file.family
        return _info(
            [
                (_("Preferred half-days"), slots_text(f.preferred_slots)),
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

    def _intake(self, file: FamilyFile) -> QWidget:
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

    def _consent(self, file: FamilyFile) -> QWidget:
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
        change.clicked.connect(lambda: self.do("consent"))
        row = QHBoxLayout()
        row.addWidget(change)
        row.addStretch(1)
        column.addLayout(row)
        history = history_table(page)
        history.set_records(list(reversed(file.consent.history)))
        column.addWidget(history, 1)
        return page

    # ---- Internals

    def _fill_print_menu(self, family_language: str) -> None:
        self.print_menu.clear()
        for code, name in LANGUAGES.items():
            label = name
            if code == family_language:
                label = _("{language} (the family's language)").format(language=name)
            action = self.print_menu.addAction(label)
            action.setObjectName(f"print_{code}")
            action.triggered.connect(lambda _c=False, c=code: self.do("print", c))

    def _preview(self, pdf: bytes) -> None:
        reference = self.file.family.reference if self.file else ""
        self.child_dialog = DocumentPreview(
            pdf,
            title=_("Intake form"),
            suggested_name=_("intake-form-{reference}.pdf").format(reference=reference),
            record=PrintRecord(self.ops, "intake_form", family_code=reference or None),
            parent=self,
        )
        self.child_dialog.open()

    def _show_letters(self, facts: LetterFacts | None) -> None:
        self.letter_menu.set_facts(facts)
        self.letter.setVisible(facts is not None)
        self.letter.setEnabled(facts is not None and facts.agreed)
        self.letter.setToolTip(
            ""
            if facts is None or facts.agreed
            else _(
                "The family did not agree that the referrer is told when support starts and ends."
            )
        )

    def _changed(self, changes: Changes) -> None:
        if changes.families or changes.trajectories:
            self.reload()


def slots_text(slots: Any) -> str:
    """``tue-morning`` codes as 'di vm, do nm' (domain/days.py writes every half-day)."""
    return days.slots_text(slots)
