"""The Figures section: the quarter's anonymised figures, exactly as they will be sent; Send; outbox.

Pick a quarter; the table shows its true numbers (they stay here) beside what is sent, the
quarter before and the same quarter a year before; the charts show referrals by referrer,
families by indicator and the waiting list over the last quarters; "What will be sent" shows
the package's content word for word. Above them, the data-quality list names what makes the
figures wrong (double-click to fix). Send makes a new signed and encrypted package version and
puts it in the outbox, which sends it when it can; only a quarter that is over can be sent.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.figures.exports import ExportInfo
from homestart_desktop.i18n import _, ngettext
from homestart_desktop.sync.figures_view import (
    FiguresView,
    default_quarter,
    load_figures_view,
    quarter_choices,
)
from homestart_desktop.sync.labels import ORDER, row_label, value_of
from homestart_desktop.sync.outbox import make_package
from homestart_desktop.sync.quarter import Quarter
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.search_field import SearchField
from homestart_desktop.ui.figures.charts import BarChart, ColumnChart
from homestart_desktop.ui.figures.outbox import OutboxPanel
from homestart_desktop.ui.figures.package_view import PackageView
from homestart_desktop.ui.figures.quality import DataQualityList
from homestart_desktop.ui.figures.table import FiguresFilter, FiguresModel

FIGURE_AREAS = (
    "families",
    "trajectories",
    "visits",
    "volunteers",
    "intervision",
    "expenses",
    "settings",
)


@dataclasses.dataclass(frozen=True)
class Made:
    info: ExportInfo
    changes: Changes


def make_package_op(*, session: Session, quarter: Quarter) -> Made:
    """Make the package on the worker; the outbox refreshes from the changes."""
    return Made(make_package(session=session, quarter=quarter), Changes(outbox=True))


class FiguresScreen(QWidget):
    """Quarter picker, Send, and tabs: Figures | Charts | What will be sent | Outbox."""

    sig_loaded = Signal()
    """The figures of the chosen quarter are on screen (for tests)."""

    sig_open_elsewhere = Signal(str, object)
    """Open a record in another section (section key, target): a data-quality problem."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figuresScreen")
        self.ops = ops
        self.view: FiguresView | None = None
        self.title = QLabel(_("Figures"), self, objectName="pageTitle")
        self.quarter = QComboBox(self, objectName="figuresQuarter")
        self.quarter.setAccessibleName(_("Quarter"))
        for choice in quarter_choices(ops.today()):
            self.quarter.addItem(str(choice), choice)
        self.quarter.setCurrentText(str(default_quarter(ops.today())))
        self.send_button = QPushButton(
            _("Send to the central office…"), self, objectName="figuresSend"
        )
        self.send_button.setProperty("primary", True)
        self.status = QLabel("", self, objectName="hint")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(QLabel(_("Quarter:"), self))
        top.addWidget(self.quarter)
        top.addWidget(self.send_button)

        self.model = FiguresModel(self)
        self.proxy = FiguresFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self, objectName="figuresTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.search = SearchField(
            self, placeholder=_("Search a figure…"), object_name="figuresSearch"
        )
        self.search.sig_search.connect(self._search)
        self.count = QLabel("", self, objectName="hint")
        legend = QLabel(
            _(
                "The numbers sent carry a small random noise (at most 4 more or less, never 1 or "
                "2) so that no family can be recognised, also not by comparing quarters; the "
                "true numbers stay in this case file. “—”: fewer than 5 families or volunteers. "
                "Percentages only where at least 10 families count."
            ),
            self,
            objectName="hint",
        )
        legend.setWordWrap(True)
        figures_tab = QWidget(self)
        figures_layout = QVBoxLayout(figures_tab)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search)
        search_row.addWidget(self.count)
        search_row.addStretch(1)
        figures_layout.addLayout(search_row)
        figures_layout.addWidget(self.table, 1)
        figures_layout.addWidget(legend)

        self.referrals_chart = BarChart(
            _("New referrals by referrer"), self, object_name="chartReferrals"
        )
        self.families_chart = BarChart(
            _("Families by indicator"), self, object_name="chartFamilies"
        )
        self.waiting_chart = ColumnChart(
            _("Waiting list at the end of each quarter"), self, object_name="chartWaiting"
        )
        charts = QWidget(self)
        charts_layout = QVBoxLayout(charts)
        for chart in (self.waiting_chart, self.referrals_chart, self.families_chart):
            charts_layout.addWidget(chart)
        charts_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(charts)

        self.payload = PackageView(self)
        self.outbox = OutboxPanel(ops, self)
        self.tabs = QTabWidget(self, objectName="figuresTabs")
        self.tabs.addTab(figures_tab, _("Figures"))
        self.tabs.addTab(scroll, _("Charts"))
        self.tabs.addTab(self.payload, _("What will be sent"))
        self.tabs.addTab(self.outbox, _("Outbox"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        self.quality = DataQualityList(self)
        self.quality.sig_open.connect(
            lambda problem: self.sig_open_elsewhere.emit("planning", problem)
        )
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.quality)
        layout.addWidget(self.tabs, 1)

        self.quarter.currentIndexChanged.connect(lambda _i: self._load())
        self.send_button.clicked.connect(self.send)
        ops.sig_changes.connect(self._changed)

    # ---- Public API (the shell's contract)

    def reload(self) -> None:
        """Count the chosen quarter's figures and load the outbox."""
        self._load()
        self.outbox.reload()

    def clear(self) -> None:
        """Forget the figures (the case file locks)."""
        self.view = None
        self.model.set_view(None)
        self.quality.set_problems(())
        self.payload.clear()
        for chart in (self.referrals_chart, self.families_chart, self.waiting_chart):
            chart.set_items([])
        self.outbox.clear()

    def chosen_quarter(self) -> Quarter:
        return self.quarter.currentData()

    def send(self) -> None:
        """Ask, then make a new package version of the quarter; the outbox sends it."""
        view = self.view
        if view is None:
            return
        if view.not_over:
            prompts.warn(self, _("Figures"), view.not_over)
            return
        if view.payload is None:
            prompts.warn(
                self,
                _("Figures"),
                _("Fill in Settings first:") + "\n" + "\n".join(view.missing_settings.values()),
            )
            return
        text = _(
            "Send the figures of {quarter} to the central office? They leave signed and "
            "encrypted, exactly as shown under “What will be sent”."
        ).format(quarter=view.quarter)
        if view.versions_made:
            text += "\n\n" + _(
                "A package of this quarter was made before: this one is version {version} and "
                "replaces it at the central office."
            ).format(version=view.payload["version"])
        if view.problems:
            # One question, not two: the coordinator decides with the list in front of them.
            text += "\n\n" + ngettext(
                "The list above names {count} thing that makes these figures wrong. Send anyway?",
                "The list above names {count} things that make these figures wrong. Send anyway?",
                len(view.problems),
            ).format(count=len(view.problems))
        if prompts.confirm(self, _("Send figures"), text, yes=_("Send")):
            self.send_button.setEnabled(False)
            self.ops.write(
                make_package_op,
                quarter=self.chosen_quarter(),
                success=self._made,
                failure=self._failed,
                owner=self,
            )

    # ---- Internals

    def _load(self) -> None:
        self.status.setText(_("Counting the figures…"))
        self.send_button.setEnabled(False)
        self.ops.query(
            load_figures_view,
            quarter=self.chosen_quarter(),
            today=self.ops.today(),
            success=self._show,
            owner=self,
        )

    def _show(self, view: FiguresView) -> None:
        if view.quarter != str(self.chosen_quarter()):
            return  # an older request; the newer one is on its way
        self.view = view
        self.model.set_view(view)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._count()
        figures = view.figures
        self.referrals_chart.set_items(
            [
                (row_label(k, "referrals"), value_of(figures, "referrals", k))
                for k in ORDER["referrals"]
            ]
        )
        self.families_chart.set_items(
            [(row_label(k), value_of(figures, "families", k)) for k in ORDER["families"]]
        )
        self.waiting_chart.set_items(list(view.waiting_trend))
        self.quality.set_problems(view.problems)
        if view.not_over:
            self.payload.show_payload(view.payload or None)
            self.status.setText(view.not_over)
        elif view.payload is None:
            self.payload.show_payload(None)
            self.status.setText(
                _("Before sending, fill in Settings:")
                + " "
                + " ".join(view.missing_settings.values())
            )
        else:
            self.payload.show_payload(view.payload)
            self.status.setText(
                _(
                    "These are the figures of {quarter} as the central office will receive them: nothing else leaves."
                ).format(quarter=view.quarter)
            )
        self.send_button.setEnabled(view.payload is not None and not view.not_over)
        self.sig_loaded.emit()

    def _count(self) -> None:
        shown = sum(
            1
            for r in range(self.proxy.rowCount())
            if not self.model.line(self.proxy.mapToSource(self.proxy.index(r, 0)).row()).heading
        )
        self.count.setText(_("{count} figures").format(count=shown))

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._count()

    def _made(self, made: Made) -> None:
        self.send_button.setEnabled(True)
        self.tabs.setCurrentWidget(self.outbox)
        self.outbox.send_pending()
        self._load()

    def _failed(self, error: BaseException) -> None:
        self.send_button.setEnabled(True)
        message = " ".join(getattr(error, "problems", {}).values()) or _(
            "The package could not be made ({kind})."
        ).format(kind=type(error).__name__)
        prompts.warn(self, _("Send figures"), message)

    def _changed(self, changes: Changes) -> None:
        if any(getattr(changes, area) for area in FIGURE_AREAS) and self.view is not None:
            self._load()
