"""A number field that reads and writes numbers as the coordinator does, in the app's language.

Qt's spin boxes read what is typed in Qt's own locale (the C locale on most machines), where the
comma groups thousands: ``6,5`` km became 65 km. Every number, amount, km and hour a person types
goes through this one field instead: it reads with :func:`i18n.parse_number` (``6,5`` in Dutch
and French, ``6.5`` in English) and shows with :func:`i18n.format_number`.

``value()`` gives a ``Decimal`` (None for an empty optional field) or raises :class:`NumberProblem`
with a sentence to show beside the field; :func:`read_numbers` reads several at once for a
``FormErrors`` form. Up and Down step the value, as in a spin box.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator, QResizeEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from homestart_desktop.i18n import N_, _, format_number, parse_number

# Said in words, as a person would ("two decimals", not "2 decimals").
_DECIMALS = {
    0: N_("Type a whole number."),
    1: N_("Give at most one decimal."),
    2: N_("Give at most two decimals."),
}
_MANY_DECIMALS = N_("Give at most {count} decimals.")


class NumberProblem(ValueError):
    """What was typed is no number the field takes; the message goes beside the field."""


class NumberEdit(QLineEdit):
    """Type ``6,5`` (``6.5`` in English); ``value()`` is Decimal('6.5')."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        object_name: str = "",
        decimals: int = 0,
        minimum: float = 0,
        maximum: float = 1_000_000,
        unit: str = "",
        step: float = 1,
        optional: bool = False,
        trailing_zeros: bool = True,
        grouping: bool = True,
    ) -> None:
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self.decimals, self.minimum, self.maximum = decimals, minimum, maximum
        self.step, self.optional = Decimal(str(step)), optional
        self.trailing_zeros = trailing_zeros  # False: 3 and 2,5 hours rather than 3,00 and 2,50
        self.grouping = grouping  # False for a year: 2016, never 2.016
        # Digits, separators and spaces only (a sign where the field takes negatives): a letter
        # never gets in, and the meaning of the separators is left to parse_number.
        sign = "[-+]?" if minimum < 0 else "[+]?"
        self.setValidator(
            QRegularExpressionValidator(QRegularExpression(sign + "[0-9.,\\s\u00a0\u202f€]*"), self)
        )
        self.setPlaceholderText(self._example())  # shows the separator of the app's language
        self._unit = QLabel(unit, self, objectName="numberUnit")
        self._unit.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._unit.setStyleSheet("color: #5f6b7a; background: transparent;")
        self._unit.setVisible(bool(unit))
        self.setMinimumWidth(90 + (self._unit.sizeHint().width() if unit else 0))
        self.setMaximumWidth(220)  # a number, not a sentence: a short field reads as one

    # ---- Public API

    def value(self) -> Decimal | None:
        """The number typed (None: an optional field left empty); NumberProblem if it is none."""
        text = self.text().strip()
        if not text:
            if self.optional:
                return None
            raise NumberProblem(self._what_to_type())
        try:
            value = parse_number(text)
        except ValueError:
            raise NumberProblem(self._what_to_type()) from None
        if not self.minimum <= value <= self.maximum:
            raise NumberProblem(self._what_to_type())
        if value != round(value, self.decimals):
            raise NumberProblem(
                _(_DECIMALS.get(self.decimals, _MANY_DECIMALS)).format(count=self.decimals)
            )
        return value

    def set_value(self, value: float | Decimal | None) -> None:
        """Show ``value`` as the app's language writes it (None: empty)."""
        if value is None:
            self.setText("")
        elif not self.grouping and self.decimals == 0:
            self.setText(str(int(value)))
        elif self.trailing_zeros:
            self.setText(format_number(value, decimals=self.decimals))
        else:
            self.setText(format_number(round(Decimal(str(value)), self.decimals).normalize()))

    def set_unit(self, unit: str) -> None:
        self._unit.setText(unit)
        self._unit.setVisible(bool(unit))
        self._place_unit()

    # ---- Qt methods

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        steps = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}
        if event.key() in steps:
            try:
                current = self.value() or Decimal(0)
            except NumberProblem:
                current = Decimal(0)
            stepped = current + steps[event.key()] * self.step
            clamped = min(max(stepped, Decimal(str(self.minimum))), Decimal(str(self.maximum)))
            self.set_value(clamped)
            self.textEdited.emit(self.text())
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._place_unit()

    # ---- Internals

    def _place_unit(self) -> None:
        """The unit sits inside the field on the right, and the text never runs under it."""
        if self._unit.isHidden():
            self.setTextMargins(0, 0, 0, 0)
            return
        hint = self._unit.sizeHint()
        self._unit.setGeometry(
            self.width() - hint.width() - 6, (self.height() - hint.height()) // 2, *hint.toTuple()
        )
        self.setTextMargins(0, 0, hint.width() + 6, 0)

    def _example(self) -> str:
        typical = Decimal("12.5") if self.decimals else Decimal(12)
        low, high = Decimal(str(self.minimum)), Decimal(str(self.maximum))
        return format_number(min(max(typical, low), high), decimals=self.decimals)

    def _what_to_type(self) -> str:
        return _("Type a number from {low} to {high}, e.g. {example}.").format(
            low=format_number(self.minimum),
            high=format_number(self.maximum),
            example=self._example(),
        )


def read_numbers(
    fields: Mapping[str, NumberEdit],
) -> tuple[dict[str, Decimal | None], dict[str, str]]:
    """The values of several fields by name, and a problem by name for each that is no number."""
    values: dict[str, Decimal | None] = {}
    problems: dict[str, str] = {}
    for name, field in fields.items():
        try:
            values[name] = field.value()
        except NumberProblem as problem:
            problems[name] = str(problem)
    return values, problems
