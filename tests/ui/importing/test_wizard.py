"""The import wizard driven like a coordinator: choose the lists, check the columns and values,
read the preview, import, save the skipped rows — then look at what the file holds."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSpinBox, QTableWidget, QWizard

from homestart_desktop.data.families.register import list_families
from homestart_desktop.data.importing.mapping import saved_mappings
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.importing.wizard import ImportWizard
from tests.cli_helpers import row_counts
from tests.clock import TEST_TODAY
from tests.data.importing.workbooks import families_workbook, matches_csv, volunteers_workbook


@pytest.fixture
def lists(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "lijsten"
    folder.mkdir()
    return {
        "families": families_workbook(folder / "gezinnen.xlsx"),
        "volunteers": volunteers_workbook(folder / "vrijwilligers.xlsx"),
        "matches": matches_csv(folder / "koppelingen.csv"),
    }


@pytest.fixture
def wizard(qtbot, empty_case_file):
    prompts.clear_answers()
    ops = Ops()
    ops.case_file = empty_case_file
    widget = ImportWizard(ops)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    yield widget
    ops.wait_idle()
    ops.shutdown()
    prompts.clear_answers()


def _button(wizard: ImportWizard, which: QWizard.WizardButton) -> QPushButton:
    return wizard.button(which)


def _next(qtbot, wizard: ImportWizard) -> None:
    button = _button(wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(button.isEnabled, timeout=20_000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose_lists(qtbot, wizard: ImportWizard, lists: dict[str, Path]) -> None:
    for kind, path in lists.items():
        prompts.set_next_answers([path])
        qtbot.mouseClick(
            wizard.findChild(QPushButton, f"import_choose_{kind}"), Qt.MouseButton.LeftButton
        )
        qtbot.waitUntil(lambda k=kind: k in {c.value for c in wizard.state.chosen}, timeout=20_000)


def test_a_coordinator_imports_the_branch_lists_with_the_wizard(qtbot, wizard, lists, tmp_path):
    choose_lists(qtbot, wizard, lists)
    # The header row is found under the merged title; the CSV's is its first row.
    assert wizard.findChild(QSpinBox, "import_header_families").value() == 4
    assert wizard.findChild(QSpinBox, "import_header_matches").value() == 1
    _next(qtbot, wizard)

    # Columns: suggested from the Dutch and French headers, with their first values.
    qtbot.waitUntil(
        lambda: wizard.findChild(QComboBox, "import_column_families_full_name") is not None
    )
    name = wizard.findChild(QComboBox, "import_column_families_full_name")
    assert name.currentData() == "Naam moeder"
    first_name = wizard.findChild(QComboBox, "import_column_volunteers_first_name")
    assert first_name.currentData() == "Prénom"
    grid = wizard.findChild(QTableWidget, "import_columns_families")
    assert "Özlem Yılmaz" in grid.item(3, 2).text()
    # The coordinator names the mapping and saves it for next month.
    qtbot.keyClicks(wizard.columns.name_field, "Excel Teststad")
    qtbot.mouseClick(
        wizard.findChild(QPushButton, "import_save_mapping"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: wizard.columns.saved_box.count() == 2, timeout=10_000)
    _next(qtbot, wizard)

    # Values: every distinct value once, suggestions chosen.
    values = wizard.findChild(QTableWidget, "import_values")
    qtbot.waitUntil(lambda: values.rowCount() > 0, timeout=10_000)
    shown = {
        values.item(r, 1).text(): values.cellWidget(r, 2).currentText()
        for r in range(values.rowCount())
    }
    assert shown["ocmw Gent"] == "OCMW"
    assert shown["K&G"] == "Kind & Gezin"
    assert shown["néerlandais"] == "Nederlands"
    _next(qtbot, wizard)

    # Preview: counts and every problem in words; nothing written yet.
    before = row_counts(wizard.importing.ops.case_file)
    summary = wizard.findChild(QLabel, "import_summary")
    qtbot.waitUntil(lambda: wizard.state.plan is not None, timeout=20_000)
    assert "Gezinnen: 4 nieuw, 4 rijen met een probleem" in summary.text()
    problems = wizard.findChild(QTableWidget, "import_problems")
    reasons = [problems.item(r, 2).text() for r in range(problems.rowCount())]
    assert "Geboortedatum kind 2: 31/02/2019 bestaat niet" in reasons
    assert "dubbel met rij 5" in reasons
    assert row_counts(wizard.importing.ops.case_file) == before
    _next(qtbot, wizard)

    # Import: backup, then everything valid at once.
    with qtbot.waitSignal(wizard.importing.completeChanged, timeout=60_000):
        qtbot.mouseClick(wizard.findChild(QPushButton, "import_start"), Qt.MouseButton.LeftButton)
    report = wizard.findChild(QLabel, "import_report").text()
    assert report.startswith("Ingelezen.")
    case_file = wizard.importing.ops.case_file
    assert list(case_file.path.parent.glob("*-backups/*-import.hscase"))
    with case_file.session() as session:
        families = {
            row.name: row.status for row in list_families(session=session, today=TEST_TODAY)
        }
        assert saved_mappings(session=session)["Excel Teststad"].columns["families"]
    assert families["Fatima El Amrani"] == "active"
    assert len(families) == 4

    # The skipped rows, to correct and import again.
    target = tmp_path / "te-verbeteren.xlsx"
    prompts.set_next_answers([target, None])
    qtbot.mouseClick(
        wizard.findChild(QPushButton, "import_save_skipped"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(
        lambda: ("Overgeslagen rijen bewaard", "") in {(t, "") for t, _text in prompts.shown},
        timeout=10_000,
    )
    rows = list(openpyxl.load_workbook(target)["Gezinnen"].iter_rows(values_only=True))
    assert rows[0][1] == "Probleem" and len(rows) == 5


def test_going_back_keeps_the_choices_and_cancel_leaves_the_file_as_it_was(
    qtbot, wizard, lists, tmp_path
):
    choose_lists(qtbot, wizard, {"families": families_workbook(tmp_path / "groot.xlsx", extra=600)})
    _next(qtbot, wizard)
    qtbot.waitUntil(
        lambda: wizard.findChild(QComboBox, "import_column_families_street") is not None
    )
    street = wizard.findChild(QComboBox, "import_column_families_street")
    street.setFocus()
    qtbot.keyClick(street, Qt.Key.Key_Home)  # the coordinator leaves the street out
    _next(qtbot, wizard)
    qtbot.mouseClick(_button(wizard, QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    street = wizard.findChild(QComboBox, "import_column_families_street")
    assert street.currentData() == ""  # still left out after going back
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.state.plan is not None, timeout=20_000)
    _next(qtbot, wizard)
    case_file = wizard.importing.ops.case_file
    before = row_counts(case_file)
    qtbot.mouseClick(wizard.findChild(QPushButton, "import_start"), Qt.MouseButton.LeftButton)
    # The coordinator changes her mind at once, while the backup is being made.
    qtbot.mouseClick(wizard.findChild(QPushButton, "import_cancel"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.importing.running, timeout=60_000)
    assert "Geannuleerd" in wizard.findChild(QLabel, "import_report").text()
    assert row_counts(case_file) == before


def test_a_value_without_a_meaning_is_a_problem_until_the_coordinator_gives_it_one(
    qtbot, wizard, tmp_path
):
    path = families_workbook(tmp_path / "gezinnen.xlsx")
    book = openpyxl.load_workbook(path)
    book.active["G5"] = "Gezinsbond"  # Özlem's referrer: nothing in the app's words for it
    book.save(path)
    choose_lists(qtbot, wizard, {"families": path})
    _next(qtbot, wizard)
    qtbot.waitUntil(
        lambda: wizard.findChild(QComboBox, "import_column_families_street") is not None
    )
    _next(qtbot, wizard)
    values = wizard.findChild(QTableWidget, "import_values")
    qtbot.waitUntil(lambda: values.rowCount() > 0, timeout=10_000)
    row = next(r for r in range(values.rowCount()) if values.item(r, 1).text() == "Gezinsbond")
    assert values.cellWidget(row, 2).currentText() == "— kies —"
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.state.plan is not None, timeout=20_000)
    problems = wizard.findChild(QTableWidget, "import_problems")
    reasons = [problems.item(r, 2).text() for r in range(problems.rowCount())]
    assert "Verwezen door: “Gezinsbond” is nog aan geen waarde van de app gekoppeld" in reasons
    qtbot.mouseClick(_button(wizard, QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    meaning = values.cellWidget(row, 2)
    meaning.setFocus()
    qtbot.keyClick(meaning, Qt.Key.Key_End)  # "Andere", the last of the list
    assert meaning.currentText() == "Andere"
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.state.plan is not None, timeout=20_000)
    reasons = [problems.item(r, 2).text() for r in range(problems.rowCount())]
    assert not any("Gezinsbond" in reason for reason in reasons)
    assert wizard.state.mapping.values["referrer"]["gezinsbond"] == "andere"
