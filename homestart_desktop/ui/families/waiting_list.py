"""The waiting list: who waits, since when, longest first, with what they need at a glance
(half-days, languages, where they live) so the coordinator can think of a volunteer."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from homestart_desktop.data.families.register import FamilyRow
from homestart_desktop.domain import days
from homestart_desktop.domain.languages import languages_text
from homestart_desktop.i18n import N_, _, format_days, format_short_date, ngettext
from homestart_desktop.ui.common.widgets.status_table import Column, RecordTable


def families_counted(count: int) -> str:
    """The count of both family lists, in their own word: "3 families"."""
    return ngettext("{count} family", "{count} families", count).format(count=count)


def _languages(row: FamilyRow) -> str:
    return languages_text(row.languages)


def _slots(row: FamilyRow) -> str:
    return days.slots_text(row.preferred_slots)


class WaitingListView(QWidget):
    """Families with status *waiting*, longest waiting first (``domain.waiting``)."""

    sig_open = Signal(object)
    """Open this family's file (a ``FamilyRow``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waitingList")
        self.table = RecordTable(
            [
                Column(N_("Waiting"), lambda r: r.waiting_days, format_days, align_right=True),
                Column(N_("Reference"), lambda r: r.reference),
                Column(N_("Name"), lambda r: r.name),
                Column(N_("Waiting since"), lambda r: r.waiting_since, format_short_date),
                Column(N_("Municipality"), lambda r: r.municipality, optional=True),
                Column(N_("Languages"), _languages, optional=True),
                Column(N_("Preferred half-days"), _slots, optional=True),
            ],
            self,
            placeholder=_("Search family, child, postcode…"),
            empty_text=_(
                "Nobody is waiting. A family comes onto the waiting list when its intake ends "
                "with “Accepted”."
            ),
            object_name="waiting_table",
            search_key=lambda r: r.search_key,
            count_text=families_counted,
            measure_once=True,  # 3,000 families: a reload keeps the widths
        )
        self.table.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # longest waiting first
        self.table.sig_activated.connect(self.sig_open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.table)

    def set_rows(self, rows: Sequence[FamilyRow]) -> None:
        """Show ``rows`` from ``register.waiting_list``: who waits, longest waiting first."""
        self.table.set_records(rows)

    def clear(self) -> None:
        self.table.clear()
