"""Saved mappings and the template workbook."""

from __future__ import annotations

import openpyxl
import pytest

from homestart_desktop.data.importing.fields import FIELDS, Kind
from homestart_desktop.data.importing.mapping import (
    Mapping,
    save_mapping,
    saved_mappings,
    suggest_mapping,
)
from homestart_desktop.data.importing.plan import Action
from homestart_desktop.data.importing.run import Source, load_tables, run_import
from homestart_desktop.data.importing.template import write_template
from homestart_desktop.data.validation import ValidationError
from tests.data.importing.workbooks import TODAY, families_workbook


def test_a_mapping_is_saved_by_name_and_offered_again(empty_case_file, tmp_path):
    tables = load_tables([Source(Kind.families, families_workbook(tmp_path / "g.xlsx"))])
    mapping = suggest_mapping(tables)
    mapping.columns["families"]["street"] = "Gemeente"  # the coordinator's own choice
    with empty_case_file.session() as session:
        save_mapping(session=session, name="Gent 2025", mapping=mapping)
    with empty_case_file.session() as session:
        offered = saved_mappings(session=session)
    assert list(offered) == ["Gent 2025"]
    assert offered["Gent 2025"].columns == mapping.columns
    again = suggest_mapping(tables, offered["Gent 2025"])
    assert again.columns["families"]["street"] == "Gemeente"  # kept, not suggested over


def test_a_mapping_is_a_small_versioned_json_document():
    mapping = Mapping({"families": {"phone": "GSM"}}, {"yes_no": {"x": "yes"}})
    document = mapping.to_json()
    assert '"version": 1' in document
    assert Mapping.from_json(document) == mapping
    with pytest.raises(ValidationError):
        Mapping.from_json(document.replace('"version": 1', '"version": 9'))
    with pytest.raises(ValidationError):
        Mapping.from_json("{not json")


@pytest.mark.parametrize(("lang", "sheet"), [("nl", "Gezinnen"), ("fr", "Familles")])
def test_the_template_has_the_app_columns_and_drop_downs_and_maps_itself(
    lang, sheet, tmp_path, empty_case_file
):
    path = write_template(tmp_path / f"sjabloon-{lang}.xlsx", lang=lang)
    book = openpyxl.load_workbook(path)
    families = book[sheet]
    headers = [cell.value for cell in families[1]]
    assert len(headers) == len(FIELDS[Kind.families])
    lists = [v for v in families.data_validations.dataValidation if v.type == "list"]
    assert len(lists) == sum(1 for f in FIELDS[Kind.families] if f.choices)
    # A branch fills in one family with the drop-downs' own words.
    status_list = book.worksheets[-1]
    assert status_list.sheet_state == "hidden"
    typed = {
        "first_name": "Ana",
        "last_name": "Testfamilie",
        "postcode": "9000",
        "referrer": "OCMW",
        "status": "wachtlijst" if lang == "nl" else "liste d'attente",
        "child_birth_date_1": "2/2/2024",
        "referred_on": "1/9/2025",
    }
    for column, field in enumerate(FIELDS[Kind.families], start=1):
        assert headers[column - 1] == field.title(lang)
        families.cell(row=2, column=column, value=typed.get(field.key))
    book.save(path)
    tables = load_tables([Source(Kind.families, path, sheet=sheet)])
    mapping = suggest_mapping(tables)
    assert set(mapping.columns["families"]) == {f.key for f in FIELDS[Kind.families]}
    outcome = run_import(empty_case_file, tables=tables, mapping=mapping, today=TODAY)
    assert outcome.plan.problems == []
    assert outcome.plan.count(Kind.families, Action.create) == 1
