"""Families: every family with its code, name, place, status and waiting days; search as you
type, filter by status, counts per status, the waiting list, and a new referral in one click."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.families.register import FamilyRow, list_families, waiting_list
from homestart_desktop.data.models import FamilyStatus
from homestart_desktop.data.workflow import status_label
from homestart_desktop.i18n import (
    LANGUAGES,
    N_,
    _,
    format_days,
    format_short_date,
    join_words,
)
from homestart_desktop.ui.common.document_preview import DocumentPreview, PrintRecord, later
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.status_table import Column, RecordTable
from homestart_desktop.ui.families.file import FamilyFileDialog
from homestart_desktop.ui.families.referral_dialog import NEW, ReferralDialog
from homestart_desktop.ui.families.waiting_list import WaitingListView, families_counted

intake_form_for = later("homestart_desktop.documents.intake_form", "intake_form_for")


STATUS_ORDER = {status: index for index, status in enumerate(FamilyStatus)}


class FamiliesScreen(QWidget):
    """All families | Waiting list, with a status filter and a New referral button."""

    sig_loaded = Signal()
    """The families are on screen (for tests and benchmarks)."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("familiesScreen")
        self.ops = ops
        self.rows: list[FamilyRow] = []
        self.dialog: QWidget | None = None

        self.title = QLabel(self, objectName="pageTitle")
        self.status_filter = QComboBox(self, objectName="statusFilter")
        self.status_filter.setMinimumWidth(200)
        self.new_button = QPushButton(self, objectName="newReferral")
        self.new_button.setProperty("primary", True)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.status_filter)
        self.blank_form_button = QPushButton(self, objectName="blankIntakeForm")
        self.blank_form_menu = QMenu(self.blank_form_button)
        for code, name in LANGUAGES.items():
            action = self.blank_form_menu.addAction(name)
            action.setObjectName(f"blank_{code}")
            action.triggered.connect(lambda _c=False, c=code: self.print_blank_form(c))
        self.blank_form_button.setMenu(self.blank_form_menu)
        top.addWidget(self.blank_form_button)
        top.addWidget(self.new_button)
        self.counts = QLabel(self, objectName="statusCounts")
        self.counts.setProperty("class", "hint")
        self.counts.setWordWrap(True)

        self.table = RecordTable(
            [
                Column(N_("Reference"), lambda r: r.reference),
                Column(N_("Name"), lambda r: r.name),
                Column(N_("Municipality"), lambda r: r.municipality, optional=True),
                Column(
                    N_("Status"),
                    lambda r: r.status,
                    status_label,
                    whole=True,
                    order=lambda r: STATUS_ORDER[r.status],
                ),
                Column(N_("Referral date"), lambda r: r.referred_on, format_short_date),
                Column(N_("Waiting"), lambda r: r.waiting_days, format_days, align_right=True),
            ],
            self,
            placeholder=_("Search family, child, postcode…"),
            empty_text=_(
                "Here you find every family the branch knows, from referral to closure. "
                "Start with “New referral” when a referrer or a family calls."
            ),
            object_name="families_table",
            search_key=lambda r: r.search_key,
            count_text=families_counted,
            measure_once=True,  # 3,000 families: a reload keeps the widths
        )
        self.table.view.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # newest referral first
        self.waiting = WaitingListView(self)
        self.tabs = QTabWidget(self, objectName="familyTabs")
        self._waiting_stale = False
        self.tabs.addTab(self.table, "")
        self.tabs.addTab(self.waiting, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.tabs, 1)

        self.new_button.clicked.connect(self.new_referral)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_referral)
        self.status_filter.currentIndexChanged.connect(lambda _i: self._filter_status())
        self.table.sig_activated.connect(self.open_family)
        self.waiting.sig_open.connect(self.open_family)
        self.tabs.currentChanged.connect(lambda _i: self._fill_waiting())
        ops.sig_changes.connect(self._changed)
        self.retranslate()

    # ---- Public API (the shell's contract)

    def reload(self) -> None:
        """Load every family (once; searching and filtering then happen in memory)."""
        self.ops.query(list_families, today=self.ops.today(), success=self._show, owner=self)

    def clear(self) -> None:
        """Forget every family on screen (the case file locks)."""
        self.rows = []
        self.table.clear()
        self.waiting.clear()
        self.counts.clear()
        self._fill_filter(Counter())
        # Every open file, intake, preview: personal data must not stay on screen when locked.
        for dialog in self.findChildren(QDialog):
            dialog.hide()
            dialog.deleteLater()
        self.dialog = None

    def retranslate(self) -> None:
        self.title.setText(_("Families"))
        self.new_button.setText(_("New referral…"))
        self.blank_form_button.setText(_("Blank intake form"))
        self.blank_form_button.setToolTip(
            _("The intake form to fill in by hand at the kitchen table")
        )
        self.new_button.setToolTip(_("Register a new referral (Ctrl+N)"))
        self.tabs.setTabText(0, _("All families"))
        self.tabs.setTabText(1, _("Waiting list"))
        self._fill_filter(Counter(r.status for r in self.rows))

    # ---- Actions

    def new_referral(self) -> None:
        """Open the referral dialog; the family's file opens once it is saved."""
        dialog = ReferralDialog(self.ops, self, mode=NEW)
        dialog.sig_saved.connect(lambda saved: self.open_family(saved.family_id))
        self.dialog = dialog
        dialog.open()

    def print_blank_form(self, lang: str) -> None:
        """Preview the blank intake form in ``lang``, to print or save."""
        self.ops.query(
            intake_form_for,
            lang=lang,
            today=self.ops.today(),
            success=self._preview_blank,
            owner=self,
        )

    def open_family(self, row: FamilyRow | int | None) -> None:
        """Open a family's file (a list row or a family id)."""
        if row is None:
            return
        family_id = row if isinstance(row, int) else row.family_id
        self.dialog = FamilyFileDialog(self.ops, family_id, self)
        self.dialog.open()

    # ---- Internals

    def _preview_blank(self, pdf: bytes) -> None:
        self.dialog = DocumentPreview(
            pdf,
            title=_("Intake form"),
            suggested_name=_("intake-form-blank.pdf"),
            record=PrintRecord(self.ops, "intake_form"),
            parent=self,
        )
        self.dialog.open()

    def _show(self, rows: list[FamilyRow]) -> None:
        self.rows = rows
        counted = Counter(r.status for r in rows)
        self._fill_filter(counted)
        self.counts.setText(
            join_words(
                f"{status_label(s)}: {counted[s]}" for s in FamilyStatus if counted.get(s)
            ).replace(", ", " · ")
        )
        self.table.set_records(rows)
        self._waiting_stale = True
        self._fill_waiting()
        self.tabs.setTabText(
            1, _("Waiting list ({count})").format(count=counted.get(FamilyStatus.waiting, 0))
        )
        self.sig_loaded.emit()

    def _fill_waiting(self) -> None:
        # Filled when it is on screen: opening the section then costs only the main list.
        if self._waiting_stale and self.tabs.currentWidget() is self.waiting:
            self._waiting_stale = False
            self.ops.query(
                waiting_list, today=self.ops.today(), success=self.waiting.set_rows, owner=self
            )

    def _fill_filter(self, counted: Counter) -> None:
        chosen = self.status_filter.currentData()
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem(
            _("All statuses ({count})").format(count=sum(counted.values())), None
        )
        for status in FamilyStatus:
            self.status_filter.addItem(f"{status_label(status)} ({counted.get(status, 0)})", status)
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(chosen)))
        self.status_filter.blockSignals(False)
        self._filter_status()

    def _filter_status(self) -> None:
        status = self.status_filter.currentData()
        self.table.set_condition(None if status is None else lambda r: r.status == status)

    def _changed(self, changes: Changes) -> None:
        if changes.families:
            self.reload()
