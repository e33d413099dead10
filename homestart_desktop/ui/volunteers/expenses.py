"""A volunteer's expenses for one calendar year: the regime, the entries, the totals against the
ceilings with a warning before one is passed, and the yearly statement as PDF."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.models import ExpenseRegime, Transport
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.data.volunteers.expenses import (
    REGIME_WORDS,
    TRANSPORT_WORDS,
    ExpenseIn,
    YearSummary,
    add_expense,
    delete_expense,
    set_regime,
    year_summary,
)
from homestart_desktop.i18n import (
    N_,
    _,
    format_money,
    format_number,
    format_short_date,
)
from homestart_desktop.ui.common.document_preview import DocumentPreview, PrintRecord, later
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.form_error import FormErrors
from homestart_desktop.ui.common.widgets.number_edit import NumberEdit, read_numbers
from homestart_desktop.ui.common.widgets.status_table import Column, RecordTable

COLUMNS = [
    Column(N_("Date"), lambda e: e.on, format_short_date),
    Column(N_("What for"), lambda e: e.purpose),
    Column(
        N_("Transport"),
        lambda e: e.transport if e.km else None,
        lambda t: _(TRANSPORT_WORDS[t]) if t else "",
    ),
    Column(N_("km"), lambda e: e.km or None, lambda k: format_number(k) if k else "", True),
    Column(N_("Amount"), lambda e: e.amount_cents, format_money, True),
]

statement_for = later("homestart_desktop.documents.expense_statement", "statement_for")


class ExpensesPanel(QWidget):
    """Shown in the volunteer's file once the volunteer is saved."""

    sig_loaded = Signal()
    """The year's summary is on screen."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("expenses_panel")
        self.ops = ops
        self.volunteer_id: int | None = None
        self.summary: YearSummary | None = None

        self.year = QSpinBox(self, objectName="expense_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(ops.today().year)
        self.year.setAccessibleName(_("Year"))
        self.regime = QComboBox(self, objectName="expense_regime")
        self.regime.setAccessibleName(_("Regime"))
        for regime in ExpenseRegime:
            self.regime.addItem(_(REGIME_WORDS[regime]), regime)
        self.statement = QPushButton(_("Yearly statement…"), self, objectName="print_statement")
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Year"), self))
        top.addWidget(self.year)
        top.addWidget(QLabel(_("Regime"), self))
        top.addWidget(self.regime, 1)
        top.addWidget(self.statement)
        self.regime_error = QLabel(self, objectName="formError")
        self.regime_error.setWordWrap(True)

        self.table = RecordTable(
            COLUMNS,
            self,
            empty_text=_("No expenses this year. Add the first entry below."),
            object_name="expenses_table",
            searchable=False,
        )
        self.totals = QLabel(self, objectName="expense_totals")
        self.totals.setWordWrap(True)
        self.warnings = QLabel(self, objectName="expense_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #9a5b00; font-weight: bold;")

        form = QFormLayout()
        self.errors = FormErrors(form)
        self.on = DateEdit(self, object_name="on")
        self.on.set_date(ops.today())
        # One of the two is filled in: km, or an amount.
        self.km = NumberEdit(
            self, object_name="km", decimals=1, maximum=1000, unit="km", optional=True
        )
        self.amount = NumberEdit(
            self, object_name="amount", decimals=2, maximum=100_000, unit="€", optional=True
        )
        self.transport = QComboBox(self, objectName="transport")
        for transport in Transport:
            self.transport.addItem(_(TRANSPORT_WORDS[transport]), transport)
        self.purpose = QLineEdit(self, objectName="purpose")
        for label, field, name in (
            (_("Date"), self.on, "on"),
            (_("Kilometres"), self.km, "km"),
            (_("or amount (€)"), self.amount, "amount"),
            (_("Transport"), self.transport, "transport"),
            (_("What for"), self.purpose, "purpose"),
        ):
            field.setAccessibleName(label)
            field.setMaximumWidth(420 if field is self.purpose else 200)
            self.errors.add_row(label, field, name)
        self.saved_at_once = QLabel(
            _("Each entry is saved as soon as you add or remove it."), self, objectName="hint"
        )
        self.saved_at_once.setWordWrap(True)
        self.add_button = QPushButton(_("Add entry"), self, objectName="add_expense")
        self.delete_button = QPushButton(_("Remove selected"), self, objectName="delete_expense")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.regime_error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.warnings)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        layout.addWidget(self.saved_at_once)

        self.year.valueChanged.connect(lambda _y: self.reload())
        self.regime.activated.connect(self._regime_chosen)
        self.add_button.clicked.connect(self.add_entry)
        self.delete_button.clicked.connect(self._delete)
        self.statement.clicked.connect(self.print_statement)

    # ---- Public API

    def show_volunteer(self, volunteer_id: int | None) -> None:
        """Load this volunteer's expenses (None: not saved yet, nothing to show)."""
        self.volunteer_id = volunteer_id
        self.setEnabled(volunteer_id is not None)
        self.reload()

    def reload(self) -> None:
        if self.volunteer_id is None:
            return
        self.ops.query(
            year_summary,
            success=self._show,
            owner=self,
            volunteer_id=self.volunteer_id,
            year=self.year.value(),
        )

    def add_entry(self) -> None:
        """Save the entry as typed; a refusal stands beside its field, nothing typed is lost."""
        self.errors.clear()
        numbers, problems = read_numbers({"km": self.km, "amount": self.amount})
        if problems:
            self.errors.show(problems)
            self.sig_loaded.emit()
            return
        entry = ExpenseIn(
            on=self.on.date_value() or self.ops.today(),
            km=numbers["km"] if numbers["km"] is not None else "",
            amount=numbers["amount"] if numbers["amount"] is not None else "",
            transport=self.transport.currentData(),
            purpose=self.purpose.text(),
        )
        self.errors.clear()
        self.ops.write(
            add_expense,
            success=self._added,
            failure=self._refused,
            owner=self,
            volunteer_id=self.volunteer_id,
            expense_in=entry,
            today=self.ops.today(),
        )

    def print_statement(self) -> None:
        self.ops.query(
            statement_for,
            success=self._preview,
            owner=self,
            volunteer_id=self.volunteer_id,
            year=self.year.value(),
        )

    # ---- Internals

    def _show(self, summary: YearSummary) -> None:
        self.summary = summary
        self.regime.setCurrentIndex(self.regime.findData(summary.regime))
        self.table.set_records(summary.lines)
        text = _("Total {total} · {km} km").format(
            total=format_money(summary.total_cents), km=format_number(summary.km_total)
        )
        if summary.regime == ExpenseRegime.flat_rate:
            text += " · " + _("flat rate {used} of {limit} a year").format(
                used=format_money(summary.flat_cents), limit=format_money(summary.year_limit_cents)
            )
        self.totals.setText(text)
        self.warnings.setText("\n".join(summary.warnings))
        self.sig_loaded.emit()

    def _added(self, saved) -> None:
        self.km.clear()
        self.amount.clear()
        self.purpose.clear()
        self.reload()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self.errors.show(error.problems)
        else:
            self.errors.general.set_message(_("This could not be saved. Try again."))
        self.sig_loaded.emit()

    def _regime_chosen(self, _index: int) -> None:
        self.regime_error.setText("")

        def refused(error: BaseException) -> None:
            if isinstance(error, ValidationError):
                self.regime_error.setText(error.problems.get("regime", ""))
            self.reload()

        self.ops.write(
            set_regime,
            success=lambda _c: self.reload(),
            failure=refused,
            owner=self,
            volunteer_id=self.volunteer_id,
            year=self.year.value(),
            regime=self.regime.currentData(),
        )

    def _delete(self) -> None:
        line = self.table.selected_record()
        if line is None or self.volunteer_id is None:
            return
        self.ops.write(
            delete_expense,
            success=lambda _c: self.reload(),
            owner=self,
            volunteer_id=self.volunteer_id,
            expense_id=line.id,
        )

    def _preview(self, result: tuple[bytes, str]) -> None:
        pdf, reference = result
        kind = _("expenses")  # outside the f-string, where the translators' extraction sees it
        name = f"{kind}-{reference}-{self.year.value()}.pdf"
        DocumentPreview(
            pdf,
            title=_("Expense statement"),
            suggested_name=name,
            record=PrintRecord(self.ops, "expense_statement", volunteer_code=reference),
            parent=self,
        ).open()
