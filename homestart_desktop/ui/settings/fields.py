"""The editors of the Settings screen: one per ``BranchSettings`` field, grouped as on paper.

Each :class:`Field` knows how to show a stored value and how to read it back (amounts in euro
on screen, cents in the file; km rates in euro with four decimals, stored ×10 000).
"""

from __future__ import annotations

import dataclasses
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

from homestart_desktop.i18n import LANGUAGES, N_, _
from homestart_desktop.ui.common.widgets.number_edit import NumberEdit, NumberProblem
from homestart_desktop.ui.settings.legal_amounts import AmountsProblem, LegalAmountsEdit
from homestart_desktop.ui.settings.per_language import PerLanguageEdit, stored_names
from homestart_desktop.ui.settings.privacy_statements import (
    PrivacyStatementsEdit,
    StatementsProblem,
)


class BadValue(ValueError):
    """A value typed that cannot even be read (the message goes beside the field)."""


@dataclasses.dataclass(frozen=True)
class Field:
    name: str
    label: str  # msgid
    kind: str = (
        "text"  # text, password, long_text, money, km_rate, int, bool, regime, language, months
    )
    low: int = 0
    high: int = 0
    suffix: str = ""  # msgid


GROUPS: tuple[tuple[str, tuple[Field, ...]], ...] = (
    (
        N_("The branch"),
        (
            Field("branch_name", N_("Name")),
            Field("branch_code", N_("Code at the central office")),
            Field("coordinator", N_("Coordinator")),
            Field("founded_year", N_("Working since (year)"), "int", 1970, 2100),
            Field("street", N_("Street and number")),
            Field("postcode", N_("Postcode")),
            Field("municipality", N_("Municipality")),
            Field("phone", N_("Phone")),
            Field("email", N_("E-mail")),
        ),
    ),
    (
        N_("Organisation and insurance"),
        (
            Field("organisation", N_("Organisation")),
            Field("legal_form", N_("Legal form")),
            Field("company_number", N_("Company number")),
            Field("non_profit_aim", N_("Non-profit aim"), "per_language_long"),
            Field("insurer", N_("Insurer (civil liability)")),
            Field("policy_number", N_("Policy number")),
            Field("other_cover", N_("Other cover"), "per_language"),
            Field("signature_place", N_("Place of signing"), "per_language"),
        ),
    ),
    (
        N_("Volunteer expenses"),
        (
            Field("expense_regime", N_("Usual regime"), "regime"),
            Field("flat_rate_day_cents", N_("Flat rate: ceiling per day"), "money"),
            Field("flat_rate_year_cents", N_("Flat rate: ceiling per year"), "money"),
            Field("car_km_rate_e4", N_("Car: per km"), "km_rate"),
            Field("bicycle_km_rate_e4", N_("Bicycle: per km"), "km_rate"),
            Field(
                "combined_km_limit", N_("Combined regimes: km limit"), "int", 0, 100_000, N_("km")
            ),
            Field("legal_amounts_added", N_("Legal amounts per year"), "legal_amounts"),
        ),
    ),
    (
        N_("Reviews and reminders"),
        (
            Field("first_reviews_months", N_("First reviews (months after the start)"), "months"),
            Field("review_every_months", N_("Then a review every"), "int", 1, 24, N_("months")),
            Field(
                "extract_max_age_days", N_("Extract 596.2 at most"), "int", 1, 365, N_("days old")
            ),
            Field(
                "extract_renewal_years", N_("Renew the extract every"), "int", 1, 10, N_("years")
            ),
            Field("no_visit_alert_days", N_("Warn after no visit for"), "int", 1, 365, N_("days")),
            Field(
                "coaching_alert_weeks", N_("Warn after no coaching for"), "int", 1, 104, N_("weeks")
            ),
            Field("waiting_alert_days", N_("Warn after waiting for"), "int", 1, 730, N_("days")),
        ),
    ),
    (
        N_("Matching"),
        (
            Field("match_weight_distance", N_("Weight: distance"), "int", 0, 100, N_("points")),
            Field("match_weight_languages", N_("Weight: languages"), "int", 0, 100, N_("points")),
            Field("match_weight_half_days", N_("Weight: half-days"), "int", 0, 100, N_("points")),
            Field("match_weight_experience", N_("Weight: experience"), "int", 0, 100, N_("points")),
            Field("match_weight_wishes", N_("Weight: wishes"), "int", 0, 100, N_("points")),
            Field(
                "match_weight_volunteer_waiting",
                N_("Weight: volunteer waiting"),
                "int",
                0,
                100,
                N_("points"),
            ),
            Field("match_neighbourhood_km", N_("Own neighbourhood within"), "int", 0, 50, N_("km")),
            Field(
                "match_family_wait_priority",
                N_("Priority for a year of waiting"),
                "int",
                0,
                1000,
                N_("points"),
            ),
            Field("match_several_families", N_("A volunteer may visit several families"), "bool"),
        ),
    ),
    (
        N_("Quarterly figures"),
        (
            Field(
                "around_birth_months_after",
                N_("Around birth: up to"),
                "int",
                0,
                24,
                N_("months after the birth"),
            ),
            Field(
                "young_parent_under", N_("Young parent: younger than"), "int", 14, 30, N_("years")
            ),
        ),
    ),
    (
        N_("Central office"),
        (
            Field("central_office_public_key", N_("Public key (age1…)")),
            Field("webdav_url", N_("Upload share (web address)")),
            Field("webdav_password", N_("Password of the share"), "password"),
        ),
    ),
    (
        N_("This app"),
        (
            Field("language", N_("Language"), "language"),
            Field(
                "autolock_minutes", N_("Lock after no activity for"), "int", 1, 120, N_("minutes")
            ),
            Field(
                "lock_with_screen", N_("Lock when the screen locks or the laptop sleeps"), "bool"
            ),
            Field("backups_to_keep", N_("Backups to keep"), "int", 1, 100),
            Field(
                "audit_retention_years",
                N_("Keep who and whom in the log for"),
                "int",
                1,
                50,
                N_("years"),
            ),
        ),
    ),
    (
        N_("Privacy"),
        (Field("privacy_statements", N_("Privacy statement versions"), "privacy_statements"),),
    ),
    (
        N_("Retention"),
        (
            Field(
                "retention_years",
                N_("Keep personal data for"),
                "int",
                1,
                30,
                N_("years after support ended"),
            ),
        ),
    ),
)

REGIMES = (("flat_rate", N_("Flat rate")), ("actual_costs", N_("Actual costs")))


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
