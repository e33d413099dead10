"""The waiting list: who waits, since when, longest first, with what they need at a glance
(half-days, languages, where they live) so the coordinator can think of a volunteer."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from homestart_desktop.data.families.register import FamilyRow
from homestart_desktop.domain.languages import languages_text
from homestart_desktop.domain.search import normalise
from homestart_desktop.i18n import N_, _, format_days, format_short_date
from homestart_desktop.ui.families.file import slots_text
from homestart_desktop.ui.families.table import FamilyColumn, FamilyTable


def _languages(row: FamilyRow) -> str:
    return languages_text(row.languages)


def _slots(row: FamilyRow) -> str:
    return slots_text(row.preferred_slots)


class WaitingListView(QWidget):
    """Families with status *waiting*, longest waiting first (``domain.waiting``)."""

    sig_open = Signal(object)
    """Open this family's file (a ``FamilyRow``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waitingList")
        self.table = FamilyTable(
            [
                FamilyColumn(
                    N_("Waiting"),
                    lambda r: format_days(r.waiting_days),
                    lambda r: r.waiting_days or 0,
                    align_right=True,
                ),
                FamilyColumn(N_("Reference"), lambda r: r.reference, lambda r: r.reference),
                FamilyColumn(N_("Name"), lambda r: r.name, lambda r: normalise(r.name)),
                FamilyColumn(
                    N_("Waiting since"),
                    lambda r: format_short_date(r.waiting_since),
                    lambda r: r.waiting_since.toordinal() if r.waiting_since else 0,
                ),
                FamilyColumn(
                    N_("Municipality"),
                    lambda r: r.municipality,
                    lambda r: normalise(r.municipality),
                ),
                FamilyColumn(N_("Languages"), _languages, _languages),
                FamilyColumn(N_("Preferred half-days"), _slots, _slots),
            ],
            self,
            empty_text=_(
                "Nobody is waiting. A family comes onto the waiting list when its intake ends "
                "with “Accepted”."
            ),
            object_name="waiting_table",
        )
        self.table.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # longest waiting first
        self.table.sig_activated.connect(self.sig_open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.table)

    def set_rows(self, rows: Sequence[FamilyRow]) -> None:
        """Show ``rows`` from ``register.waiting_list``: who waits, longest waiting first."""
        self.table.set_rows(list(rows))

    def clear(self) -> None:
        self.table.clear()
