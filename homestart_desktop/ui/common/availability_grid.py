"""The week as a grid of half-days (morning, afternoon, evening × Monday–Sunday), each a toggle."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QToolButton, QWidget

from homestart_desktop.data.models import HalfDay
from homestart_desktop.i18n import N_, _

Slot = tuple[int, HalfDay]

WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)
SHORT_WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
HALF_DAYS = {
    HalfDay.morning: N_("morning"),
    HalfDay.afternoon: N_("afternoon"),
    HalfDay.evening: N_("evening"),
}
SHORT_HALF_DAYS = {
    HalfDay.morning: N_("am"),
    HalfDay.afternoon: N_("pm"),
    HalfDay.evening: N_("eve"),
}


class AvailabilityGrid(QWidget):
    """21 toggles; ``slots()`` and ``set_slots()`` speak in (weekday, half-day) pairs."""

    sig_changed = Signal()
    """A half-day was switched on or off by the coordinator."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("availability_grid")
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(4)
        self.buttons: dict[Slot, QToolButton] = {}
        for column, short in enumerate(SHORT_WEEKDAYS, start=1):
            grid.addWidget(QLabel(_(short), self), 0, column)
        for row, (half_day, word) in enumerate(HALF_DAYS.items(), start=1):
            grid.addWidget(QLabel(_(word), self), row, 0)
            for weekday in range(7):
                button = QToolButton(self)
                button.setCheckable(True)
                button.setMinimumSize(52, 30)
                name = f"slot_{weekday}_{half_day.value}"
                button.setObjectName(name)
                button.setAccessibleName(f"{_(WEEKDAYS[weekday])} {_(word)}")
                button.setToolTip(button.accessibleName())
                button.toggled.connect(self._toggled)
                grid.addWidget(button, row, weekday + 1)
                self.buttons[(weekday, half_day)] = button
        grid.setColumnStretch(8, 1)

    # ---- Public API

    def slots(self) -> frozenset[Slot]:
        """The half-days switched on."""
        return frozenset(slot for slot, button in self.buttons.items() if button.isChecked())

    def set_slots(self, slots: frozenset[Slot] | set[Slot]) -> None:
        """Show these half-days as free (without counting it as the coordinator's change)."""
        for slot, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(slot in slots)
            button.setText("✓" if slot in slots else "")
            button.blockSignals(False)

    # ---- Internals

    def _toggled(self, checked: bool) -> None:
        button = self.sender()
        if isinstance(button, QToolButton):
            button.setText("✓" if checked else "")
        self.sig_changed.emit()
