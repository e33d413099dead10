"""Which column fills which field, and which typed value means which code: the mapping.

A mapping is a small JSON document with a version, so that a branch keeps it beside its lists
and uses it again next month; saved mappings live in the case file under a name the coordinator
chooses (settings rows ``import-mapping:<name>``, so no new table is needed).
"""

from __future__ import annotations

import dataclasses
import json

from sqlmodel import Session, col, select

from homestart_desktop.data.importing.cells import text
from homestart_desktop.data.importing.fields import FIELDS, LISTS, Kind, fold, suggest_value
from homestart_desktop.data.importing.reading import Table
from homestart_desktop.data.models import Setting
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.domain.matching_words import experience_words
from homestart_desktop.i18n import _

MAPPING_VERSION = 1
_PREFIX = "import-mapping:"


@dataclasses.dataclass
class Mapping:
    """``columns[kind][field] = header``; ``values[list][folded value] = code``."""

    columns: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)
    values: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)

    def header_for(self, kind: Kind, key: str) -> str | None:
        return self.columns.get(kind.value, {}).get(key)

    def code_for(self, list_name: str, raw: object) -> str | None:
        return self.values.get(list_name, {}).get(fold(text(raw)))

    def to_json(self) -> str:
        """The versioned JSON document."""
        document = {"version": MAPPING_VERSION, "columns": self.columns, "values": self.values}
        return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, document: str) -> Mapping:
        """Read a mapping; a newer version or a damaged document is refused in words."""
        try:
            data = json.loads(document)
        except (ValueError, TypeError) as error:
            raise ValidationError({"mapping": _("This mapping file is damaged.")}) from error
        if not isinstance(data, dict) or data.get("version") != MAPPING_VERSION:
            raise ValidationError(
                {"mapping": _("This mapping was made by another version of the app.")}
            )
        columns = {
            str(kind): {str(k): str(v) for k, v in fields.items()}
            for kind, fields in (data.get("columns") or {}).items()
            if kind in Kind.__members__ and isinstance(fields, dict)
        }
        values = {
            str(name): {fold(str(k)): str(v) for k, v in codes.items()}
            for name, codes in (data.get("values") or {}).items()
            if name in LISTS and isinstance(codes, dict)
        }
        return cls(columns, values)


# ---- Suggestions


def suggest_columns(table: Table, kind: Kind) -> dict[str, str]:
    """field → header, from the headers' words in Dutch, French or English (hidden columns are
    never suggested: a branch hides what it does not use)."""
    candidates = []
    for column in table.columns:
        if column.hidden:
            continue
        header = fold(column.header)
        for position, field in enumerate(FIELDS[kind]):
            for word in field.all_headers():
                if header == word:
                    score = 3
                elif f" {word} " in f" {header} ":
                    score = 2
                else:
                    continue
                candidates.append((score, len(word), -position, column.header, field.key))
    chosen: dict[str, str] = {}
    used: set[str] = set()
    for *_rank, header, key in sorted(candidates, reverse=True):
        if key not in chosen and header not in used:
            chosen[key] = header
            used.add(header)
    # 'Voornaam' beside 'Naam': the name column then holds the last name only.
    if "first_name" in chosen and "full_name" in chosen and "last_name" not in chosen:
        chosen["last_name"] = chosen.pop("full_name")
    return chosen


def distinct_values(table: Table, kind: Kind, header: str, *, tags: bool = False) -> list[str]:
    """The different values of one column, in the order they first appear; with ``tags``,
    the words of each cell ("baby's, tieners" is two values), as the rows are read."""
    column = table.column(header)
    if column is None:
        return []
    seen: dict[str, str] = {}
    for row in table.rows:
        cell = text(row[column.index])
        for raw in experience_words(cell) if tags else [cell]:
            if raw and fold(raw) not in seen:
                seen[fold(raw)] = raw
    return list(seen.values())


def suggest_mapping(tables: dict[Kind, Table], start: Mapping | None = None) -> Mapping:
    """Columns suggested where ``start`` has none, and a code suggested for every value met."""
    mapping = Mapping(
        {k: dict(v) for k, v in (start.columns if start else {}).items()},
        {k: dict(v) for k, v in (start.values if start else {}).items()},
    )
    for kind, table in tables.items():
        columns = mapping.columns.setdefault(kind.value, {})
        known = {header for header in columns.values()}
        if not columns or not known <= {c.header for c in table.columns}:
            columns.clear()
            columns.update(suggest_columns(table, kind))
        for field in FIELDS[kind]:
            if not field.choices or field.key not in columns:
                continue
            codes = mapping.values.setdefault(field.choices, {})
            tags = field.reads == "tags"
            for raw in distinct_values(table, kind, columns[field.key], tags=tags):
                if fold(raw) not in codes:
                    code = suggest_value(field.choices, raw)
                    if code is not None:
                        codes[fold(raw)] = code
    return mapping


# ---- Saved mappings


def save_mapping(*, session: Session, name: str, mapping: Mapping) -> None:
    """Keep the mapping in the case file under ``name`` (the same name replaces it)."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the mapping a name.")})
    row = session.get(Setting, _PREFIX + name) or Setting(key=_PREFIX + name)
    row.value = mapping.to_json()
    session.add(row)


def saved_mappings(*, session: Session) -> dict[str, Mapping]:
    """Every saved mapping by name, in alphabetical order."""
    rows = session.exec(select(Setting).where(col(Setting.key).startswith(_PREFIX)))
    found = {}
    for row in sorted(rows, key=lambda r: r.key.casefold()):
        try:
            found[row.key[len(_PREFIX) :]] = Mapping.from_json(row.value)
        except ValidationError:
            continue  # made by a newer version: not offered
    return found
