"""The access export as one machine-readable JSON file (``docs/access-export.md``).

Keys are English and stable (the table's column names); dates are ISO 8601; codes (statuses,
categories) are the stored values, not words. Every declared section is present, empty or not,
so a reader can rely on the keys.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from typing import Any

from homestart_desktop.data.access.declaration import SCHEMA_VERSION
from homestart_desktop.data.access.gather import AccessExport

SCHEMA = "homestart-desktop/access-export"


def _value(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_value(v) for v in value]
    return value


def access_json(export: AccessExport, *, made_on: dt.date, branch_name: str) -> str:
    """The export as JSON text (UTF-8, names as written, indented for a reader)."""
    document = {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "subject": {"kind": export.kind, "code": export.code, "language": export.language},
        "made_on": made_on.isoformat(),
        "branch": branch_name,
        "records": {
            section.key: [
                {name: _value(row[name]) for name in section.columns} for row in section.rows
            ]
            for section in export.sections
        },
        "withheld": {
            section.key: list(section.withheld) for section in export.sections if section.withheld
        },
        "mentions": [
            {
                "kind": mention.key,
                "table": mention.table,
                "id": mention.record_id,
                "on": _value(mention.on),
                "texts": dict(mention.texts),
            }
            for mention in export.mentions
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
