"""The waiting list: who waits, since when, longest first, with what they need at a glance
(half-days, languages, where they live) so the coordinator can think of a volunteer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from homestart_desktop.data.families_list import FamilyRow
from homestart_desktop.data.models import FamilyStatus
from homestart_desktop.i18n import N_, _, format_date
from homestart_desktop.ui.family_file import slots_text
from homestart_desktop.ui.widgets.status_table import Column, RecordTable


def _days(value: int | None) -> str:
    return "" if value is None else str(value)


def _short(value: dt.date | None) -> str:
    return format_date(value, format="short")


class WaitingListView(QWidget):
    """Families with status *waiting*, ordered by waiting time (referral until today)."""

    sig_open = Signal(object)
    """Open this family's file (a ``FamilyRow``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waitingList")
        self.table = RecordTable(
            [
                Column(N_("Waiting days"), lambda r: r.waiting_days, _days, align_right=True),
                Column(N_("Reference"), lambda r: r.reference),
                Column(N_("Name"), lambda r: r.name),
                Column(N_("On the list since"), lambda r: r.waiting_since, _short),
                Column(N_("Municipality"), lambda r: r.municipality),
                Column(N_("Languages"), lambda r: ", ".join(r.languages)),
                Column(N_("Preferred half-days"), lambda r: slots_text(r.preferred_slots)),
            ],
            self,
            placeholder=_("Search family, child, postcode…"),
            empty_text=_(
                "Nobody is waiting. A family comes onto the waiting list when its intake ends "
                "with “Accepted”."
            ),
            object_name="waiting_table",
        )
        self.table.sig_activated.connect(self.sig_open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.table)

    def set_rows(self, rows: Sequence[FamilyRow]) -> None:
        """Show the waiting families among ``rows``, longest waiting first."""
        waiting = [r for r in rows if r.status == FamilyStatus.waiting]
        waiting.sort(key=lambda r: (-(r.waiting_days or 0), r.reference))
        self.table.set_records(waiting)
        self.table.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)

    def clear(self) -> None:
        self.table.clear()
