"""A field's problem in words, right beside the field (never a pop-up).

Usage with a ``QFormLayout`` and a ``ValidationError`` from ``data/``::

    errors = FormErrors(form)                 # form: QFormLayout
    errors.add_row(_("Postcode"), postcode_edit, "postcode")
    ...
    except ValidationError as error:
        errors.show(error.problems)           # each message under its field, field outlined
    errors.clear()                             # after a good save

Problems for fields the form doesn't know go to ``errors.general`` (a label you place yourself,
e.g. above the buttons).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from homestart_desktop.ui.common.dialog import Dialog, grow_to_show
from homestart_desktop.ui.common.theme import mark_invalid


class FormErrorLabel(QLabel):
    """Red, word-wrapped, hidden while empty."""

    def __init__(self, parent: QWidget | None = None, *, object_name: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("formError")
        if object_name:
            self.setAccessibleName(object_name)
            self.setProperty("field", object_name)
        self.setWordWrap(True)
        # Right under its field; any spare height of the row goes below the words.
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.hide()

    def set_message(self, message: str) -> None:
        """Show ``message`` (or hide the label when it is empty)."""
        self.setText(message)
        self.setVisible(bool(message))


class FormErrors:
    """The error labels of one form, keyed by the field names ``data/`` uses."""

    def __init__(self, form: QFormLayout) -> None:
        self._form = form
        self._fields: dict[str, tuple[QWidget, FormErrorLabel]] = {}
        self._rows: dict[str, int] = {}
        self.general = FormErrorLabel(object_name="general_error")

    def add_row(self, label: str, field: QWidget, name: str) -> FormErrorLabel:
        """Add ``field`` to the form with an error row beneath it; return the error label."""
        self._form.addRow(label, field)
        error = FormErrorLabel(object_name=f"{name}_error")
        error.show()  # visibility belongs to the row (setRowVisible) from here on
        # A row of its own, hidden while empty: QFormLayout then gives a wrapped message all
        # the height it needs (a label tucked under the field in a box got clipped).
        self._form.addRow("", error)
        self._rows[name] = self._form.rowCount() - 1
        self._form.setRowVisible(self._rows[name], False)
        self._fields[name] = (field, error)
        return error

    def labels(self) -> list[QWidget]:
        """The row labels (e.g. to give several forms one label width)."""
        return [self._form.labelForField(field) for field, _ in self._fields.values()]

    def knows(self, name: str) -> bool:
        """True when field ``name`` is in this form."""
        return name in self._fields

    def show(self, problems: dict[str, str]) -> None:
        """Show each problem beside its field; unknown fields go to ``general``."""
        self.clear()
        leftovers = []
        for name, message in problems.items():
            if name in self._fields:
                field, label = self._fields[name]
                label.setText(message)  # the row shows or hides it, not the label itself
                self._form.setRowVisible(self._rows[name], True)
                mark_invalid(field, True)
            else:
                leftovers.append(message)
        if leftovers and self.general.parentWidget() is None:
            # Never a window of its own: a form whose owner did not place the label shows it
            # as its last row.
            self._form.addRow(self.general)
        self.general.set_message("\n".join(leftovers))
        if leftovers and isinstance(self.general.window(), Dialog):  # seen without scrolling
            grow_to_show(self.general)
        first = next((self._fields[n][0] for n in problems if n in self._fields), None)
        if first is not None:
            first.setFocus()

    def clear(self) -> None:
        """Take every message away."""
        for name, (field, label) in self._fields.items():
            label.setText("")
            self._form.setRowVisible(self._rows[name], False)
            mark_invalid(field, False)
        self.general.set_message("")

    def message(self, name: str) -> str:
        """The message shown for field ``name`` ('' when none): for tests."""
        return self._fields[name][1].text() if name in self._fields else self.general.text()
