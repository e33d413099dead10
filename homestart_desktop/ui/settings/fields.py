"""The editors of the Settings screen: one per ``BranchSettings`` field, grouped as on paper.

Each :class:`Field` knows how to show a stored value and how to read it back (amounts in euro
on screen, cents in the file; km rates in euro with four decimals, stored ×10 000).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from homestart_desktop.domain.setting_fields import REGIMES, Field
from homestart_desktop.i18n import LANGUAGES, _
from homestart_desktop.ui.common.widgets.number_edit import NumberEdit, NumberProblem
from homestart_desktop.ui.settings.legal_amounts import AmountsProblem, LegalAmountsEdit
from homestart_desktop.ui.settings.per_language import PerLanguageEdit, stored_names
from homestart_desktop.ui.settings.privacy_statements import (
    PrivacyStatementsEdit,
    StatementsProblem,
)


class BadValue(ValueError):
    """A value typed that cannot even be read (the message goes beside the field)."""


def value_of(settings: Any, field: Field) -> Any:
    """What ``field``'s editor shows from the settings (per language: a dict of three)."""
    if field.kind.startswith("per_language"):
        return {lang: getattr(settings, name) for lang, name in stored_names(field.name).items()}
    return getattr(settings, field.name)


def stored_values(field: Field, value: Any) -> dict[str, Any]:
    """The settings fields to store from an editor's value (inverse of :func:`value_of`)."""
    if field.kind.startswith("per_language"):
        return {name: value[lang] for lang, name in stored_names(field.name).items()}
    return {field.name: value}


def make_editor(field: Field, on_change: Callable[[], None]) -> QWidget:
    """The editor widget for ``field`` (objectName = the field's name)."""
    if field.kind.startswith("per_language"):
        box = PerLanguageEdit(field.name, long=field.kind.endswith("long"), on_change=on_change)
        box.setObjectName(f"{field.name}_languages")
        return box
    if field.kind == "legal_amounts":
        amounts = LegalAmountsEdit(on_change)
        amounts.setObjectName(field.name)
        return amounts
    if field.kind == "privacy_statements":
        statements = PrivacyStatementsEdit(on_change)
        statements.setObjectName(field.name)
        return statements
    if field.kind == "long_text":
        editor: Any = QPlainTextEdit()
        editor.setFixedHeight(64)
        editor.setTabChangesFocus(True)
        editor.textChanged.connect(on_change)
    elif field.kind in ("money", "km_rate"):
        decimals = 2 if field.kind == "money" else 4
        editor = NumberEdit(decimals=decimals, maximum=100_000, unit="€", step=0.01)
        editor.textEdited.connect(on_change)
    elif field.kind == "int":
        unit = _(field.suffix) if field.suffix else ""
        # A year is written without a thousands separator (2016, not 2.016).
        grouping = field.name != "founded_year"
        editor = NumberEdit(minimum=field.low, maximum=field.high, unit=unit, grouping=grouping)
        editor.textEdited.connect(on_change)
    elif field.kind in ("regime", "language"):
        editor = QComboBox()
        choices = REGIMES if field.kind == "regime" else tuple(LANGUAGES.items())
        for code, label in choices:
            editor.addItem(_(label) if field.kind == "regime" else label, code)
        editor.currentIndexChanged.connect(on_change)
    elif field.kind == "bool":
        editor = QCheckBox()
        editor.toggled.connect(on_change)
    else:
        editor = QLineEdit()
        editor.textChanged.connect(on_change)
        if field.kind == "password":
            editor.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        if field.kind == "months":
            editor.setPlaceholderText("3, 6")
    if field.kind in ("int", "money", "km_rate"):
        editor.setMaximumWidth(200)
    editor.setObjectName(field.name)
    editor.setAccessibleName(_(field.label))
    return editor


def show_value(field: Field, editor: Any, value: Any) -> None:
    """Put a stored value into its editor."""
    if field.kind.startswith("per_language") or field.kind in (
        "legal_amounts",
        "privacy_statements",
    ):
        editor.set_values(value)
        return
    editor.blockSignals(True)
    if field.kind == "long_text":
        editor.setPlainText(value)
    elif field.kind == "money":
        editor.set_value(Decimal(value) / 100)
    elif field.kind == "km_rate":
        editor.set_value(Decimal(value) / 10_000)
    elif field.kind == "int":
        editor.set_value(value)
    elif field.kind in ("regime", "language"):
        editor.setCurrentIndex(max(0, editor.findData(str(value))))
    elif field.kind == "months":
        editor.setText(", ".join(str(m) for m in value))
    elif field.kind == "bool":
        editor.setChecked(bool(value))
    else:
        editor.setText(value)
    editor.blockSignals(False)


def read_value(field: Field, editor: Any) -> Any:
    """The value to store from an editor; raises :class:`BadValue` when it cannot be read."""
    if field.kind.startswith("per_language"):
        return editor.values()
    if field.kind in ("legal_amounts", "privacy_statements"):
        try:
            return editor.values()
        except (AmountsProblem, StatementsProblem) as problem:
            raise BadValue(str(problem)) from None
    if field.kind == "long_text":
        return editor.toPlainText().strip()
    if field.kind in ("money", "km_rate", "int"):
        try:
            number = editor.value()
        except NumberProblem as problem:
            raise BadValue(str(problem)) from None
        scale = {"money": 100, "km_rate": 10_000, "int": 1}[field.kind]
        return int(number * scale)
    if field.kind == "regime":
        from homestart_desktop.data.models import ExpenseRegime

        return ExpenseRegime(editor.currentData())
    if field.kind == "language":
        return editor.currentData()
    if field.kind == "bool":
        return editor.isChecked()
    if field.kind == "months":
        parts = [p.strip() for p in editor.text().replace(";", ",").split(",") if p.strip()]
        if not parts or not all(p.isdigit() for p in parts):
            raise BadValue(_("Give months after the start in increasing order, e.g. 3, 6."))
        return tuple(int(p) for p in parts)
    return editor.text().strip()
