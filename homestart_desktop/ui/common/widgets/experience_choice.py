"""Check boxes for experience with a family's situation: babies, teenagers, single fathers, ...

The same codes on both sides of matching: what a volunteer brings (the volunteer's file) and what
a family's situation asks for (the intake's matching wishes). A code the list no longer knows (an
older file, the demo's "school") is kept as it is, so saving never drops it silently.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from homestart_desktop.domain.matching_words import EXPERIENCE_CHOICES
from homestart_desktop.i18n import _

COLUMNS = 2


class ExperienceChoice(QWidget):
    """One check box per experience code, in two columns."""

    def __init__(self, parent: QWidget | None, accessible_name: str, box_prefix: str) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.boxes: dict[str, QCheckBox] = {}
        self._unknown: tuple[str, ...] = ()
        grid = QGridLayout(self)
        # A little room below, so the check boxes of the next row do not read as part of the list.
        grid.setContentsMargins(0, 0, 0, 6)
        grid.setHorizontalSpacing(24)
        for index, (code, label) in enumerate(EXPERIENCE_CHOICES.items()):
            box = QCheckBox(_(label), self, objectName=f"{box_prefix}_{code}")
            grid.addWidget(box, index // COLUMNS, index % COLUMNS)
            self.boxes[code] = box
        grid.setColumnStretch(COLUMNS, 1)  # the columns side by side, not spread over the width

    def codes(self) -> tuple[str, ...]:
        """The codes ticked, in the list's order (and any code the list does not know)."""
        return tuple(c for c, box in self.boxes.items() if box.isChecked()) + self._unknown

    def set_codes(self, codes: Iterable[str]) -> None:
        """Tick exactly ``codes``."""
        codes = tuple(codes)
        for code, box in self.boxes.items():
            box.setChecked(code in codes)
        self._unknown = tuple(c for c in codes if c not in self.boxes)
