"""full-text search over intervision and coaching notes

Revision ID: 0002
Revises: 0001

One FTS5 table, ``note_search``, inside the encrypted file. It is contentless (the text itself
stays only in its own table) and kept in step by triggers, so every write is indexed, whichever
code makes it, and standard SQLCipher tools can still change rows. The row id says what a hit is:
``record id * 4 + kind`` (1 intervision session, 2 follow-up action, 3 coaching talk).

unicode61 folds case and accents but not the letters that are not "a letter plus an accent"
(Polish ł, Turkish dotless ı, Danish ø, ...): the triggers fold those with ``replace()`` so that
"Lukasz" finds "Łukasz"; ``notes_search.fold_for_index`` does the same to a query.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Same table as homestart_desktop.data.intervision.notes_search.EXTRA_FOLDS (kept here so that this
# migration never changes when the module does).
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

SOURCES = {
    # table: (kind, columns indexed)
    "intervisionsession": (1, ("theme", "facilitator", "notes", "agreements")),
    "followupaction": (2, ("description", "who")),
    "coachingtalk": (3, ("notes", "agreements")),
}


def _folded(prefix: str, columns: Sequence[str]) -> str:
    text = " || char(10) || ".join(f"coalesce({prefix}{c}, '')" for c in columns)
    for letter, plain in EXTRA_FOLDS:
        text = f"replace({text}, '{letter}', '{plain}')"
    return text


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE note_search USING fts5("
        "body, content='', contentless_delete=1, "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
    for table, (kind, columns) in SOURCES.items():
        insert = (
            f"INSERT INTO note_search(rowid, body) VALUES (new.id * 4 + {kind}, "
            f"{_folded('new.', columns)});"
        )
        remove = f"DELETE FROM note_search WHERE rowid = old.id * 4 + {kind};"
        op.execute(
            f"CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} BEGIN {insert} END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_search_update AFTER UPDATE ON {table} BEGIN {remove} {insert} END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_search_delete AFTER DELETE ON {table} BEGIN {remove} END"
        )
        op.execute(
            f"INSERT INTO note_search(rowid, body) SELECT id * 4 + {kind}, {_folded('', columns)} "
            f"FROM {table}"
        )


def downgrade() -> None:
    for table in SOURCES:
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_search_{event}")
    op.execute("DROP TABLE IF EXISTS note_search")
