"""The shared widgets every screen uses: record table, search, date field, form errors."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from homestart_desktop.i18n import N_, format_date
from homestart_desktop.ui.common.widgets.date_edit import DateEdit
from homestart_desktop.ui.common.widgets.form_error import FormErrors
from homestart_desktop.ui.common.widgets.status_table import Column, RecordTable
from homestart_desktop.ui.shell.unlock import recent_files, remember_file
from tests.ui.typing_helpers import type_into, type_text


@dataclasses.dataclass(frozen=True)
class Row:
    reference: str
    name: str
    since: dt.date | None


ROWS = [
    Row("GZ-2025-003", "Özlem Yılmaz", dt.date(2025, 3, 1)),
    Row("GZ-2024-011", "Łukasz Wróbel", dt.date(2024, 11, 20)),
    Row("GZ-2026-001", "Наталія Коваленко", None),
    Row("GZ-2025-017", "Jef Van den Broeck", dt.date(2025, 1, 9)),
]


def _table(qtbot) -> RecordTable:
    table = RecordTable(
        [
            Column(N_("Family"), lambda r: r.reference),
            Column(N_("Name"), lambda r: r.name),
            Column(
                N_("Waiting since"), lambda r: r.since, lambda d: format_date(d, format="short")
            ),
        ],
        placeholder="Zoek gezin",
        empty_text="Nog geen gezinnen.",
        object_name="families",
    )
    qtbot.addWidget(table)
    return table


def test_the_record_model_passes_the_model_tester(qtbot, qtmodeltester) -> None:
    table = _table(qtbot)
    table.set_records(ROWS)
    qtmodeltester.check(table.model)
    qtmodeltester.check(table.proxy)


def test_search_ignores_case_and_accents_and_the_count_follows(qtbot) -> None:
    table = _table(qtbot)
    table.set_records(ROWS)
    assert table.count_label.text() == "4 rijen"
    with qtbot.waitSignal(table.search.sig_search):
        qtbot.keyClicks(table.search, "ozlem yilmaz")
    assert table.visible_count() == 1
    assert table.count_label.text() == "1 van 4"
    table.search.clear()
    with qtbot.waitSignal(table.search.sig_search):
        type_text(qtbot, table.search, "наталія")
    assert table.proxy.index(0, 1).data() == "Наталія Коваленко"
    qtbot.keyClick(table.search, Qt.Key.Key_Escape)
    assert table.search.text() == "" and table.visible_count() == 4


def test_dates_sort_as_dates_and_the_empty_state_shows_when_there_is_nothing(qtbot) -> None:
    table = _table(qtbot)
    table.set_records(ROWS)
    table.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    shown = [table.proxy.index(row, 0).data() for row in range(4)]
    assert shown == ["GZ-2026-001", "GZ-2024-011", "GZ-2025-017", "GZ-2025-003"]
    assert table.proxy.index(1, 2).data() == "20/11/2024"
    table.clear()
    assert table.stack.currentWidget() is table.empty_label
    assert table.empty_label.text() == "Nog geen gezinnen."


def test_an_optional_date_field_may_stay_empty(qtbot) -> None:
    field = DateEdit(optional=True)
    qtbot.addWidget(field)
    assert field.date_value() is None and field.displayFormat() == "dd/MM/yyyy"
    # set_date is the field's API that forms use to show a stored value: tested as such here.
    field.set_date(dt.date(2026, 2, 14))
    assert field.date_value() == dt.date(2026, 2, 14) and field.text() == "14/02/2026"
    field.set_date(None)
    assert field.date_value() is None


def test_a_date_is_typed_as_written_also_into_an_empty_optional_field(qtbot) -> None:

    page = QWidget()
    qtbot.addWidget(page)
    form = QFormLayout(page)
    required = DateEdit(page, object_name="required")
    optional = DateEdit(page, optional=True, object_name="optional")
    form.addRow("Van", required)
    form.addRow("Tot", optional)
    page.show()
    type_into(qtbot, page, "required", "14/02/2026")
    assert required.date_value() == dt.date(2026, 2, 14)
    type_into(qtbot, page, "required", "03032027")  # digits only, Qt moves on by itself
    assert required.date_value() == dt.date(2027, 3, 3)
    type_into(qtbot, page, "optional", "01/09/2026")
    assert optional.date_value() == dt.date(2026, 9, 1)
    type_into(qtbot, page, "optional", "")  # select all, Delete: empty again
    assert optional.date_value() is None


def test_form_errors_stand_beside_their_fields(qtbot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    form = QFormLayout(page)
    errors = FormErrors(form)
    postcode = QLineEdit()
    errors.add_row("Postcode", postcode, "postcode")
    page.show()
    errors.show({"postcode": "Vier cijfers.", "elsewhere": "Iets anders."})
    assert errors.message("postcode") == "Vier cijfers."
    assert postcode.property("invalid") is True
    assert errors.general.text() == "Iets anders."
    # In the form, under its fields: never a window of its own (nobody placed the label here).
    assert errors.general.window() is page and errors.general.isVisible()
    errors.clear()
    assert errors.message("postcode") == "" and postcode.property("invalid") is False


def test_recent_files_keep_paths_only_newest_first(tmp_path) -> None:
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    first, second = tmp_path / "Gent.hscase", tmp_path / "Brugge.hscase"
    first.write_bytes(b"x")
    second.write_bytes(b"x")
    remember_file(first)
    remember_file(second)
    remember_file(first)
    assert recent_files() == [first, second]
    second.unlink()
    assert recent_files() == [first]  # a file that is gone is not offered


def test_a_number_field_takes_no_letters_steps_with_the_arrows_and_says_what_to_type(qtbot):
    from decimal import Decimal

    from homestart_desktop.ui.common.widgets.number_edit import NumberEdit, NumberProblem

    hours = NumberEdit(decimals=1, maximum=24, step=0.5, unit="uur")
    qtbot.addWidget(hours)
    qtbot.keyClicks(hours, "zes uur")
    assert hours.text() == " "  # letters never get in; only the space did
    hours.clear()
    qtbot.keyClicks(hours, "2,5")
    qtbot.keyClick(hours, Qt.Key.Key_Up)
    assert (hours.text(), hours.value()) == ("3,0", Decimal("3.0"))
    qtbot.keyClick(hours, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(hours, "30")
    with pytest.raises(NumberProblem) as refused:
        hours.value()
    assert str(refused.value) == "Typ een getal van 0 tot 24, bijvoorbeeld 12,5."
