"""The anonymisation declaration speaks of every table and every column that could hold
personal data: a new text, date or list column in data/models.py fails here until it is
declared (kept, blanked, rounded...) in data/retention/declaration.py."""

from __future__ import annotations

from sqlalchemy import JSON, Date, DateTime, Enum, LargeBinary, String, Text

from homestart_desktop.data import models
from homestart_desktop.data.retention.declaration import (
    FAMILY_RULES,
    NOT_ABOUT_ONE,
    VOLUNTEER_RULES,
    declared_columns,
)

MAY_HOLD_PERSONAL_DATA = (String, Text, Date, DateTime, JSON, LargeBinary, Enum)


def _columns_that_may_hold_personal_data(metadata=models.SQLModel.metadata) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for table in metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, MAY_HOLD_PERSONAL_DATA) and not column.primary_key:
                found.setdefault(table.name, set()).add(column.name)
    return found


def test_every_text_date_or_list_column_of_the_models_is_declared():
    declared = declared_columns()
    missing = {
        table: sorted(columns - declared.get(table, set()))
        for table, columns in _columns_that_may_hold_personal_data().items()
        if columns - declared.get(table, set())
    }
    assert missing == {}, "declare these in data/retention/declaration.py"


def test_every_table_is_declared_even_without_such_columns():
    declared = set(declared_columns())
    assert {t.name for t in models.SQLModel.metadata.sorted_tables} - declared == set()


def test_the_declaration_names_only_columns_that_exist():
    tables = {t.name: set(t.columns.keys()) for t in models.SQLModel.metadata.sorted_tables}
    for rule in (*FAMILY_RULES, *VOLUNTEER_RULES):
        assert set(rule.columns) <= tables[rule.table], rule.table
    for table in NOT_ABOUT_ONE:
        assert set(table.columns) <= tables[table.table], table.table


def test_the_check_would_see_a_new_column():
    from sqlalchemy import Column, MetaData

    copy = MetaData()
    family = models.Family.__table__.to_metadata(copy)
    family.append_column(Column("instagram", String))
    assert "instagram" in _columns_that_may_hold_personal_data(copy)["family"]
    assert "instagram" not in declared_columns()["family"]
