"""One family's file: who they are, their situation and questions, the intake and the timeline
(the tabs are built in file_tabs.py), with the next steps as buttons (plan or record the intake,
correct, change status, print)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.audit.events import opened_family_file
from homestart_desktop.data.changes import Changes
from homestart_desktop.data.families.file import FamilyFile, load_family
from homestart_desktop.data.families.referrals import REOPENABLE
from homestart_desktop.data.models import FamilyStatus
from homestart_desktop.data.planning.referrer_letters import (
    LetterFacts,
    LetterKind,
    family_letter_facts,
)
from homestart_desktop.data.workflow import status_label
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
from homestart_desktop.ui.families.consent_dialog import ConsentDialog
from homestart_desktop.ui.families.file_tabs import file_pages, timeline_table
from homestart_desktop.ui.families.intake_dialog import IntakeDialog
from homestart_desktop.ui.families.referral_dialog import AGAIN, CORRECT, ReferralDialog
from homestart_desktop.ui.families.status_dialogs import (
    BackOnListDialog,
    PlanIntakeDialog,
    StatusDialog,
)
from homestart_desktop.ui.planning.referrer_letter import LetterMenu, ReferrerLetterFlow

intake_form_for = later("homestart_desktop.documents.intake_form", "intake_form_for")


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
        self.timeline = timeline_table(self)
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
        for page, title in file_pages(file, change_consent=lambda: self.do("consent")):
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
