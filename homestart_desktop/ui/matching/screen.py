"""Matching: a waiting family's volunteers ranked and explained, the whole waiting list at once,
and the matches under way (introduction visit, confirm, withdraw).

The app proposes and explains; the coordinator decides. Nothing is stored until the coordinator
proposes a match (one family, or the accepted lines of the whole-list proposal).
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.matching import candidates, steps, under_way
from homestart_desktop.data.people import PersonName, names_by_reference
from homestart_desktop.domain import matching, matching_whole_list
from homestart_desktop.i18n import _, format_date
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.status_table import RECORD_ROLE
from homestart_desktop.ui.common.window_place import keep_splitter
from homestart_desktop.ui.matching import tables as tables
from homestart_desktop.ui.matching.dialogs import (
    ConfirmDialog,
    IntroductionDialog,
    ProposeDialog,
    WithdrawDialog,
)


class MatchingScreen(QWidget):
    """Per family | Whole waiting list | Matches under way."""

    sig_loaded = Signal()
    """The waiting list and the matches under way are on screen."""

    sig_ranking_shown = Signal()
    """The ranking of the selected family is on screen."""

    sig_whole_list_shown = Signal()
    """A whole-list proposal is on screen."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matchingScreen")
        self.ops = ops
        self.today = self.ops.today()
        self.family: candidates.WaitingFamily | None = None
        self.ranking: matching.Ranking | None = None
        self.dialog: QDialog | None = None  # the dialog open now (tests fill it in)
        self.data: candidates.MatchingScreenData | None = None
        self.names: dict[str, PersonName] = {}  # filled in place by each load
        self.title = QLabel(self, objectName="pageTitle")
        self.tabs = QTabWidget(self, objectName="matchingTabs")
        self.tabs.addTab(self._build_family_tab(), "")
        self.tabs.addTab(self._build_whole_list_tab(), "")
        self.tabs.addTab(self._build_matches_tab(), "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        ops.sig_changes.connect(self._changed)
        self.retranslate()

    # ---- Building

    def _build_family_tab(self) -> QWidget:
        tab = QWidget(self)
        self.families = tables.waiting_table(tab, self.names)
        self.families.sig_selected.connect(self._family_selected)
        self.family_label = QLabel(tab, objectName="sectionTitle")
        self.family_label.setWordWrap(True)
        self.suggestions = tables.suggestions_table(tab, self.names)
        self.suggestions.sig_selected.connect(self._suggestion_selected)
        self.suggestions.sig_activated.connect(lambda _s: self.propose_selected())
        self.explanation = QLabel(tab, objectName="explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.explanation.setMinimumHeight(150)
        self.propose_button = QPushButton(tab, objectName="proposeButton")
        self.propose_button.setProperty("primary", True)
        self.propose_button.clicked.connect(self.propose_selected)
        self.propose_button.setEnabled(False)  # until a volunteer is chosen
        self.show_excluded = QCheckBox(tab, objectName="showExcluded")
        self.show_excluded.toggled.connect(lambda on: self.excluded.setVisible(on))
        self.excluded = tables.excluded_table(tab, self.names)
        self.excluded.hide()
        right = QWidget(tab)
        column = QVBoxLayout(right)
        column.setContentsMargins(8, 0, 0, 0)
        column.addWidget(self.family_label)
        column.addWidget(self.suggestions, 3)
        column.addWidget(self.explanation)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_excluded)
        buttons.addStretch(1)
        buttons.addWidget(self.propose_button)
        column.addLayout(buttons)
        column.addWidget(self.excluded, 2)
        splitter = QSplitter(tab)
        splitter.addWidget(self.families)
        splitter.addWidget(right)
        keep_splitter(splitter, "matching/per_family", shares=[45, 55])
        QVBoxLayout(tab).addWidget(splitter)
        return tab

    def _build_whole_list_tab(self) -> QWidget:
        tab = QWidget(self)
        self.whole_intro = QLabel(tab, objectName="hint")
        self.whole_intro.setWordWrap(True)
        self.make_whole_list = QPushButton(tab, objectName="wholeListButton")
        # Up front, so a proposal that found few volunteers does not look like a broken screen.
        self.whole_summary = QLabel(tab, objectName="wholeListSummary")
        self.whole_summary.setWordWrap(True)
        self.whole_summary.hide()
        self.whole_list = tables.whole_list_table(tab, self.names)
        self.whole_list.sig_selected.connect(
            lambda w: self.whole_explanation.setText(
                tables.explanation_html(w.line.suggestion) if w else ""
            )
        )
        self.whole_explanation = QLabel(tab, objectName="wholeExplanation")
        self.whole_explanation.setWordWrap(True)
        self.whole_explanation.setTextFormat(Qt.TextFormat.RichText)
        self.whole_explanation.setMinimumHeight(120)
        self.accept_line = QPushButton(tab, objectName="acceptLine")
        self.reject_line = QPushButton(tab, objectName="rejectLine")
        self.save_whole_list = QPushButton(tab, objectName="saveWholeList")
        self.save_whole_list.setProperty("primary", True)
        self.make_whole_list.clicked.connect(self.propose_whole_list)
        self.accept_line.clicked.connect(lambda: self._decide("accepted"))
        self.reject_line.clicked.connect(lambda: self._decide("rejected"))
        self.save_whole_list.clicked.connect(self.save_accepted_lines)
        self.save_whole_list.setEnabled(False)  # until a line is accepted
        top = QHBoxLayout()
        top.addWidget(self.whole_intro, 1)
        top.addWidget(self.make_whole_list)
        bottom = QHBoxLayout()
        for button in (self.accept_line, self.reject_line):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(self.save_whole_list)
        column = QVBoxLayout(tab)
        column.addLayout(top)
        column.addWidget(self.whole_summary)
        column.addWidget(self.whole_list, 1)
        column.addWidget(self.whole_explanation)
        column.addLayout(bottom)
        return tab

    def _build_matches_tab(self) -> QWidget:
        tab = QWidget(self)
        self.matches = tables.matches_table(tab, self.names)
        self.plan_intro = QPushButton(tab, objectName="planIntroduction")
        self.record_intro = QPushButton(tab, objectName="recordIntroduction")
        self.confirm_button = QPushButton(tab, objectName="confirmMatch")
        self.confirm_button.setProperty("primary", True)
        self.withdraw_button = QPushButton(tab, objectName="withdrawMatch")
        self.plan_intro.clicked.connect(lambda: self._open(IntroductionDialog, done=False))
        self.record_intro.clicked.connect(lambda: self._open(IntroductionDialog, done=True))
        self.confirm_button.clicked.connect(lambda: self._open(ConfirmDialog))
        self.withdraw_button.clicked.connect(lambda: self._open(WithdrawDialog))
        buttons = QHBoxLayout()
        for button in (self.plan_intro, self.record_intro, self.confirm_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.withdraw_button)
        column = QVBoxLayout(tab)
        column.addWidget(self.matches, 1)
        column.addLayout(buttons)
        return tab

    # ---- Public API (the shell's contract)

    def reload(self) -> None:
        """Load the waiting list, the matches under way and the facts for ranking."""
        self.today = self.ops.today()
        # Queued first, so the names are in before the lists that show them.
        self.ops.query(names_by_reference, success=self._set_names, owner=self)
        self.ops.query(
            candidates.load_matching_screen,
            today=self.today,
            success=self._show_data,
            owner=self,
        )

    def clear(self) -> None:
        """Forget everything on screen (the case file locks)."""
        for table in (
            self.families,
            self.suggestions,
            self.excluded,
            self.whole_list,
            self.matches,
        ):
            table.clear()
        self.family, self.ranking, self.data = None, None, None
        self.names.clear()
        self.family_label.clear()
        self.explanation.clear()
        self.whole_explanation.clear()
        self.whole_summary.clear()
        self.whole_summary.hide()

    def open_record(self, target: object) -> None:
        """Show the family a reminder is about: waiting (per family) or a match under way."""
        family_id = getattr(target, "family_id", None)
        if getattr(target, "trajectory_id", None) is not None:
            self.tabs.setCurrentIndex(2)
            return
        self.tabs.setCurrentIndex(0)
        self.families.select_where(lambda row: getattr(row, "family_id", None) == family_id)

    def retranslate(self) -> None:
        self.title.setText(_("Matching"))
        for index, label in enumerate(
            (_("Per family"), _("Whole waiting list"), _("Matches under way"))
        ):
            self.tabs.setTabText(index, label)
        self.propose_button.setText(_("Propose this volunteer…"))
        self.show_excluded.setText(_("Show who is excluded, and why"))
        self.whole_intro.setText(
            _(
                "A volunteer for every waiting family at once, with the best total fit; "
                "long-waiting families weigh more. Accept or reject each line, then propose "
                "the accepted ones."
            )
        )
        self.make_whole_list.setText(_("Make a proposal"))
        self.accept_line.setText(_("Accept line"))
        self.reject_line.setText(_("Reject line"))
        self.save_whole_list.setText(_("Propose the accepted matches"))
        self.plan_intro.setText(_("Plan introduction visit…"))
        self.record_intro.setText(_("Introduction visit took place…"))
        self.confirm_button.setText(_("Confirm match…"))
        self.withdraw_button.setText(_("Withdraw…"))

    # ---- Actions

    def propose_selected(self) -> None:
        suggestion = self.suggestions.selected_record()
        if self.family is None or suggestion is None:
            prompts.inform(self, _("Propose a match"), _("First choose a family and a volunteer."))
            return
        family = (self.family.family_id, f"{self.family.reference} {self.family.name}".strip())
        volunteer = (suggestion.volunteer_id, f"{suggestion.reference} {suggestion.name}")
        dialog = ProposeDialog(self.ops, family, volunteer, self, today=self.today)
        # Next step after a proposal: the introduction visit, on the third tab.
        dialog.accepted.connect(lambda: self.tabs.setCurrentIndex(2))
        self._show_dialog(dialog)

    def propose_whole_list(self) -> None:
        if self.data is None:
            return
        self.ops.run(
            matching_whole_list.propose_for_waiting_list,
            families=list(self.data.families.values()),
            pool=self.data.pool,
            rules=self.data.rules,
            today=self.today,
            success=self._show_whole_list,
            owner=self,
        )

    def save_accepted_lines(self) -> None:
        accepted = [
            w.line
            for w in tables.records(self.whole_list)
            if w.decision == "accepted" and w.line.suggestion
        ]
        if not accepted:
            prompts.inform(self, _("Whole waiting list"), _("Accept at least one line first."))
            return
        pairs = [
            (
                line.family_id,
                line.suggestion.volunteer_id,
                _("Whole-list proposal, score {score}").format(score=round(line.suggestion.score)),
            )
            for line in accepted
        ]
        self.ops.write(
            steps.propose_matches,
            pairs=pairs,
            today=self.today,
            success=self._whole_list_proposed,
            failure=lambda error: prompts.warn(self, _("Whole waiting list"), str(error)),
            owner=self,
        )

    # ---- Internals

    def _whole_list_proposed(self, _saved: object) -> None:
        self.whole_list.set_records([])
        self.whole_explanation.clear()
        self.whole_summary.hide()
        self._enable_save_whole_list()
        self.tabs.setCurrentIndex(2)

    def _set_names(self, names: dict[str, PersonName]) -> None:
        self.names.clear()
        self.names.update(names)

    def _show_data(self, data: candidates.MatchingScreenData) -> None:
        self.data = data
        self.families.set_records(data.waiting)
        self._show_matches(data.matches)

    def _show_matches(self, rows: list[under_way.MatchRow]) -> None:
        self.matches.set_records(rows)
        chosen = self.family.family_id if self.family is not None else None
        row = next(
            (
                r
                for r in range(self.families.proxy.rowCount())
                if self.families.proxy.index(r, 0).data(RECORD_ROLE).family_id == chosen
            ),
            None,
        )
        if row is None:
            self._family_selected(None)
        else:  # the same family again, selected in the list and ranked afresh
            self.families.blockSignals(True)  # one ranking query, not two
            self.families.view.selectRow(row)
            self.families.blockSignals(False)
            self._family_selected(self.families.selected_record())
        self.sig_loaded.emit()

    def _family_selected(self, family: candidates.WaitingFamily | None) -> None:
        self.family = family
        if family is None:
            self.suggestions.empty_label.setText(
                _("Choose a family on the left to see which volunteers fit.")
            )
            self.family_label.clear()
            self.propose_button.setEnabled(False)
            self.suggestions.set_records([])
            self.excluded.set_records([])
            self.explanation.clear()
            return
        self.family_label.setText(
            _("Volunteers for {family}, waiting since {since}").format(
                family=f"{family.reference} {family.name}".strip(),
                since=format_date(family.waiting_since),
            )
        )
        facts = self.data.families.get(family.family_id) if self.data else None
        if facts is None:
            return
        # The facts are loaded already: ranking is pure work, off the UI thread all the same.
        self.ops.run(
            matching.rank_volunteers,
            family=facts,
            pool=self.data.pool,
            rules=self.data.rules,
            today=self.today,
            success=self._show_ranking,
            owner=self,
        )

    def _show_ranking(self, ranking: matching.Ranking) -> None:
        if self.family is None or ranking.family_id != self.family.family_id:
            return  # an older answer for a family no longer selected
        self.ranking = ranking
        self.suggestions.set_records(ranking.suggestions)
        self.excluded.set_records(ranking.excluded)
        self.show_excluded.setText(
            _("Show who is excluded, and why ({count})").format(count=len(ranking.excluded))
        )
        self.suggestions.empty_label.setText(
            _("No volunteer fits this family now. Below: who is excluded, and why.")
        )
        if ranking.suggestions:
            self.suggestions.view.selectRow(0)
        self._suggestion_selected(self.suggestions.selected_record())
        self.sig_ranking_shown.emit()

    def _suggestion_selected(self, suggestion: matching.Suggestion | None) -> None:
        self.explanation.setText(tables.explanation_html(suggestion))
        self.propose_button.setEnabled(suggestion is not None)

    def _show_whole_list(self, lines: tuple[matching.ProposalLine, ...]) -> None:
        self.whole_list.set_records([tables.WholeListLine(line) for line in lines])
        self.whole_explanation.clear()
        self.whole_summary.setText(tables.whole_list_summary(lines))
        self.whole_summary.show()
        self._enable_save_whole_list()
        self.sig_whole_list_shown.emit()

    def _decide(self, decision: str) -> None:
        chosen = self.whole_list.selected_record()
        if chosen is None or chosen.line.suggestion is None:
            return
        records = [
            dataclasses.replace(w, decision=decision) if w is chosen else w
            for w in tables.records(self.whole_list)
        ]
        row = self.whole_list.view.currentIndex().row()
        self.whole_list.set_records(records)
        self.whole_list.view.selectRow(min(row + 1, self.whole_list.visible_count() - 1))
        self._enable_save_whole_list()

    def _enable_save_whole_list(self) -> None:
        # Nothing to propose while no line is accepted: say so by a greyed button, not a prompt.
        accepted = any(w.decision == "accepted" for w in tables.records(self.whole_list))
        self.save_whole_list.setEnabled(accepted)

    def _open(self, dialog_class: type, **kwargs: object) -> None:
        row = self.matches.selected_record()
        if row is None:
            prompts.inform(self, _("Matches under way"), _("First choose a match in the list."))
            return
        self._show_dialog(dialog_class(self.ops, row, self, today=self.today, **kwargs))

    def _show_dialog(self, dialog: QDialog) -> None:
        # Window-modal but not a nested event loop: the screen keeps answering the worker.
        # The closed dialog stays until the next one opens (its result can still be read).
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

    def _changed(self, changes: Changes) -> None:
        if changes.families or changes.volunteers or changes.trajectories or changes.settings:
            self.reload()
