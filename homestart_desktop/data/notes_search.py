"""Full-text search over intervision and coaching notes, inside the encrypted case file.

The index is the FTS5 table ``note_search`` made by migration 0002 and kept in step by triggers
(see there). Nothing here writes a search term or a result anywhere but to the caller: no log,
no temporary file, no history. The SQLCipher build keeps its temporary tables in memory
(``SQLITE_TEMP_STORE=2``), so even sorting happens inside the process.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
import unicodedata

from sqlalchemy import text
from sqlmodel import Session, col, select

from homestart_desktop.data.models import (
    CoachingTalk,
    FollowUpAction,
    IntervisionSession,
    Volunteer,
)
from homestart_desktop.i18n import _

# Letters unicode61 does not fold by itself (they carry no separate accent); see migration 0002.
EXTRA_FOLDS: dict[str, str] = {
    "ł": "l",
    "Ł": "L",
    "ı": "i",
    "ø": "o",
    "Ø": "O",
    "đ": "d",
    "Đ": "D",
    "ß": "ss",
    "æ": "ae",
    "Æ": "AE",
    "œ": "oe",
    "Œ": "OE",
    "ħ": "h",
    "ŧ": "t",
    "ð": "d",
    "þ": "th",
}
_KIND_CODES = 4
MAX_TERMS = 8
EXCERPT_BEFORE = 50
EXCERPT_LENGTH = 160
_WORD = re.compile(r"\w+", re.UNICODE)


class NoteKind(enum.StrEnum):
    session = "session"
    follow_up = "follow_up"
    talk = "talk"


_KIND_BY_CODE = {1: NoteKind.session, 2: NoteKind.follow_up, 3: NoteKind.talk}


@dataclasses.dataclass(frozen=True)
class SearchHit:
    """One note that matches; ``session_id`` or ``talk_id`` says what to open."""

    kind: NoteKind
    record_id: int
    on: dt.date
    title: str
    excerpt: str
    session_id: int | None = None
    talk_id: int | None = None
    volunteer_id: int | None = None


# ---- Words


def fold_letter(letter: str) -> str:
    """One letter as search compares it: lower case, no accents, ł → l, ı → i, ß → ss."""
    letter = EXTRA_FOLDS.get(letter, letter)
    decomposed = unicodedata.normalize("NFKD", letter)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(value: str) -> str:
    """A text as search compares it (see :func:`fold_letter`)."""
    return "".join(fold_letter(c) for c in value)


def query_terms(typed: str) -> list[str]:
    """The words of what was typed, folded, without repeats (at most ``MAX_TERMS``)."""
    terms: list[str] = []
    for word in _WORD.findall(fold(typed)):
        word = word.replace("_", "")
        if word and word not in terms:
            terms.append(word)
    return terms[:MAX_TERMS]


def fts_query(typed: str) -> str | None:
    """An FTS5 query that finds notes holding every word typed, the last ones as prefixes.

    Every word is quoted, so nothing typed can be read as FTS5 syntax (AND, NEAR, quotes, *).
    """
    terms = query_terms(typed)
    if not terms:
        return None
    return " ".join(f'"{term}"*' for term in terms)


def excerpt(body: str, terms: list[str]) -> str:
    """A single line around the first word that starts with one of ``terms``."""
    folded_parts = [fold_letter(c) for c in body]
    starts, position = [], 0
    for part in folded_parts:
        starts.append(position)
        position += len(part)
    folded = "".join(folded_parts)
    first = None
    for term in terms:
        for match in re.finditer(r"(?<!\w)" + re.escape(term), folded):
            if first is None or match.start() < first:
                first = match.start()
            break
    raw_start = 0
    if first is not None:
        raw_start = next((i for i, s in enumerate(starts) if s >= first), 0)
    begin = max(0, raw_start - EXCERPT_BEFORE)
    piece = " ".join(body[begin : begin + EXCERPT_LENGTH].split())
    prefix = "…" if begin > 0 else ""
    suffix = "…" if begin + EXCERPT_LENGTH < len(body) else ""
    return prefix + piece + suffix


# ---- Search


def search_notes(*, session: Session, typed: str, limit: int = 200) -> list[SearchHit]:
    """Sessions, follow-up actions and coaching talks whose text holds every word typed.

    The best match comes first (FTS5's bm25 rank).
    """
    query = fts_query(typed)
    if query is None:
        return []
    rows = session.execute(
        text("SELECT rowid FROM note_search WHERE note_search MATCH :q ORDER BY rank LIMIT :n"),
        {"q": query, "n": limit},
    ).all()
    order = [(_KIND_BY_CODE.get(rowid % _KIND_CODES), rowid // _KIND_CODES) for (rowid,) in rows]
    ids = {kind: [i for k, i in order if k == kind] for kind in NoteKind}
    terms = query_terms(typed)
    found: dict[tuple[NoteKind, int], SearchHit] = {}
    sessions = _sessions(session, ids[NoteKind.session])
    for s in sessions.values():
        body = "\n".join((s.notes, s.agreements, s.facilitator))
        found[(NoteKind.session, s.id)] = SearchHit(
            NoteKind.session, s.id, s.on, s.theme, excerpt(body, terms), session_id=s.id
        )
    follow_ups = session.exec(
        select(FollowUpAction).where(col(FollowUpAction.id).in_(ids[NoteKind.follow_up]))
    ).all()
    parents = _sessions(session, [f.session_id for f in follow_ups])
    for f in follow_ups:
        parent = parents[f.session_id]
        found[(NoteKind.follow_up, f.id)] = SearchHit(
            NoteKind.follow_up,
            f.id,
            parent.on,
            _("Follow-up of “{theme}”").format(theme=parent.theme),
            excerpt("\n".join((f.description, f.who)), terms),
            session_id=parent.id,
        )
    talks = session.exec(
        select(CoachingTalk, Volunteer)
        .join(Volunteer, Volunteer.id == CoachingTalk.volunteer_id)
        .where(col(CoachingTalk.id).in_(ids[NoteKind.talk]))
    ).all()
    from homestart_desktop.data.coaching import talk_kind_label

    for t, v in talks:
        found[(NoteKind.talk, t.id)] = SearchHit(
            NoteKind.talk,
            t.id,
            t.on,
            _("{kind} with {name} ({reference})").format(
                kind=talk_kind_label(t.kind), name=v.first_name, reference=v.reference
            ),
            excerpt("\n".join((t.notes, t.agreements)), terms),
            talk_id=t.id,
            volunteer_id=v.id,
        )
    return [found[key] for key in order if key in found]


def _sessions(session: Session, ids: list[int]) -> dict[int, IntervisionSession]:
    if not ids:
        return {}
    rows = session.exec(select(IntervisionSession).where(col(IntervisionSession.id).in_(ids)))
    return {s.id: s for s in rows}


def rebuild_index(*, session: Session) -> int:
    """Index every note anew (after a repair); returns how many notes are indexed."""
    session.execute(text("DELETE FROM note_search"))
    # Touching each row fires its update trigger, which indexes it the one way triggers do.
    for table, column in (
        ("intervisionsession", "theme"),
        ("followupaction", "description"),
        ("coachingtalk", "notes"),
    ):
        session.execute(text(f"UPDATE {table} SET {column} = {column}"))
    return session.execute(text("SELECT count(*) FROM note_search")).scalar_one()
