"""full-text search over visit notes and review agreements too

Revision ID: 0006
Revises: 0005

The search of 0002 found intervision and coaching notes only. Visit notes and the agreements of
interim and closing reviews are notes as well, so they join the same FTS5 table ``note_search``.
The row id leaves room for more kinds: it becomes ``record id * 8 + kind`` (1 intervision
session, 2 follow-up action, 3 coaching talk, 4 visit, 5 review), so every trigger is made anew
and the index is built again from the notes already in the file.

A visit or review without text is left out of the index (most visits have no note), and a row
is indexed again only when one of its indexed columns changes (marking a week's visits done
rewrites no index).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Same letters as migration 0002 and data.intervision.notes_search.EXTRA_FOLDS (kept here so that
# this migration never changes when the module does).
EXTRA_FOLDS = (
    ("ł", "l"),
    ("Ł", "L"),
    ("ı", "i"),
    ("ø", "o"),
    ("Ø", "O"),
    ("đ", "d"),
    ("Đ", "D"),
    ("ß", "ss"),
    ("æ", "ae"),
    ("Æ", "AE"),
    ("œ", "oe"),
    ("Œ", "OE"),
    ("ħ", "h"),
    ("ŧ", "t"),
    ("ð", "d"),
    ("þ", "th"),
)
KINDS = 8
SOURCES = {
    # table: (kind, columns indexed)
    "intervisionsession": (1, ("theme", "facilitator", "notes", "agreements")),
    "followupaction": (2, ("description", "who")),
    "coachingtalk": (3, ("notes", "agreements")),
    "visit": (4, ("note",)),
    "review": (5, ("agreements",)),
}
# The tables and row ids of 0002, for the way down.
OLD_KINDS = 4
OLD_SOURCES = {t: SOURCES[t] for t in ("intervisionsession", "followupaction", "coachingtalk")}


def _folded(prefix: str, columns: Sequence[str]) -> str:
    text = " || char(10) || ".join(f"coalesce({prefix}{c}, '')" for c in columns)
    for letter, plain in EXTRA_FOLDS:
        text = f"replace({text}, '{letter}', '{plain}')"
    return text


def _not_empty(prefix: str, columns: Sequence[str]) -> str:
    return " OR ".join(f"coalesce({prefix}{c}, '') <> ''" for c in columns)


def _drop_triggers(tables: Sequence[str]) -> None:
    for table in tables:
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_search_{event}")


def _make_index(sources: dict[str, tuple[int, Sequence[str]]], kinds: int) -> None:
    op.execute("DELETE FROM note_search")
    for table, (kind, columns) in sources.items():
        rowid = f"id * {kinds} + {kind}"
        insert = (
            f"INSERT INTO note_search(rowid, body) SELECT new.{rowid}, {_folded('new.', columns)} "
            f"WHERE {_not_empty('new.', columns)};"
        )
        remove = f"DELETE FROM note_search WHERE rowid = old.{rowid};"
        watched = ", ".join(columns)
        op.execute(
            f"CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} BEGIN {insert} END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_search_update AFTER UPDATE OF {watched} ON {table} "
            f"BEGIN {remove} {insert} END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_search_delete AFTER DELETE ON {table} BEGIN {remove} END"
        )
        op.execute(
            f"INSERT INTO note_search(rowid, body) SELECT {rowid}, {_folded('', columns)} "
            f"FROM {table} WHERE {_not_empty('', columns)}"
        )


def upgrade() -> None:
    _drop_triggers(list(SOURCES))
    _make_index(SOURCES, KINDS)


def downgrade() -> None:
    _drop_triggers(list(SOURCES))
    _make_index(OLD_SOURCES, OLD_KINDS)
