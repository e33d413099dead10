"""Full-text search over every note, inside the encrypted case file: intervision sessions,
follow-up actions, coaching talks, visit notes and review agreements.

The index is the FTS5 table ``note_search`` made by migration 0002 (0006 added visits and
reviews) and kept in step by triggers (see there). Nothing here writes a search term or a result anywhere but to the caller: no log,
no temporary file, no history. The SQLCipher build keeps its temporary tables in memory
(``SQLITE_TEMP_STORE=2``), so even sorting happens inside the process.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Collection

from sqlalchemy import text
from sqlmodel import Session, col, select

from homestart_desktop.data.models import (
    CoachingTalk,
    Family,
    FollowUpAction,
    IntervisionSession,
    Review,
    ReviewKind,
    Trajectory,
    Visit,
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
_KIND_CODES = 8  # row id = record id * 8 + kind (migration 0006)
MAX_TERMS = 8
EXCERPT_BEFORE = 50
EXCERPT_LENGTH = 160
_WORD = re.compile(r"\w+", re.UNICODE)


class NoteKind(enum.StrEnum):
    session = "session"
    follow_up = "follow_up"
    talk = "talk"
    visit = "visit"
    review = "review"


_KIND_BY_CODE = {
    1: NoteKind.session,
    2: NoteKind.follow_up,
    3: NoteKind.talk,
    4: NoteKind.visit,
    5: NoteKind.review,
}
_CODE_BY_KIND = {kind: code for code, kind in _KIND_BY_CODE.items()}


@dataclasses.dataclass(frozen=True)
class SearchHit:
    """One note that matches; ``session_id``, ``talk_id`` or ``trajectory_id`` says what to open."""

    kind: NoteKind
    record_id: int
    on: dt.date
    title: str
    excerpt: str
    session_id: int | None = None
    talk_id: int | None = None
    volunteer_id: int | None = None
    trajectory_id: int | None = None


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


class _LetterFold(dict):
    """``str.translate`` table folding each letter to ONE letter, so positions stay put."""

    def __missing__(self, codepoint: int) -> str:
        letter = chr(codepoint)
        folded = fold_letter(letter)[:1] or letter
        self[codepoint] = folded
        return folded


_LETTER_FOLD = _LetterFold()


def excerpt(body: str, terms: list[str]) -> str:
    """A single line around the first word that starts with one of ``terms``."""
    folded = body.lower() if body.isascii() else body.translate(_LETTER_FOLD)
    starts = [m.start() for t in terms if (m := re.search(r"(?<!\w)" + re.escape(t), folded))]
    begin = max(0, min(starts, default=0) - EXCERPT_BEFORE)
    piece = " ".join(body[begin : begin + EXCERPT_LENGTH].split())
    prefix = "…" if begin > 0 else ""
    suffix = "…" if begin + EXCERPT_LENGTH < len(body) else ""
    return prefix + piece + suffix


def matched_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where in ``text`` the words found by ``terms`` stand: (start, end) of each matched part.

    The same rule as the search: a word matches when it starts with a term, accents and case
    folded away; the span covers the typed part, so "verm" marks "verm" in "vermoeid".
    """
    folded = text.lower() if text.isascii() else text.translate(_LETTER_FOLD)
    spans = [
        (m.start(), m.end())
        for term in terms
        if term
        for m in re.finditer(r"(?<!\w)" + re.escape(term), folded)
    ]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# ---- Search


def _kind_filter(kinds: Collection[NoteKind] | None) -> tuple[str, dict[str, int]]:
    """The SQL condition (and its values) keeping only the notes of ``kinds`` (None: all)."""
    if kinds is None:
        return "", {}
    codes = sorted(_CODE_BY_KIND[k] for k in kinds) or [0]  # no kind: nothing matches
    names = [f"k{i}" for i in range(len(codes))]
    condition = f" AND rowid % {_KIND_CODES} IN ({', '.join(':' + n for n in names)})"
    return condition, dict(zip(names, codes, strict=True))


def search_notes(
    *,
    session: Session,
    typed: str,
    limit: int = 100,
    kinds: Collection[NoteKind] | None = None,
) -> list[SearchHit]:
    """Notes whose text holds every word typed: sessions, follow-up actions, coaching talks,
    visit notes and review agreements (only those of ``kinds``, when given).

    Newest first, among the ``limit`` notes recorded last. (Ranking by relevance, FTS5's bm25,
    costs 25–30 ms on a word found in most of 5,000 notes; this costs under 1 ms, and with
    every word required a coordinator looks for "when did we talk about this" anyway.)
    """
    query = fts_query(typed)
    if query is None:
        return []
    condition, values = _kind_filter(kinds)
    rows = session.execute(
        text(
            "SELECT rowid FROM note_search WHERE note_search MATCH :q"
            f"{condition} ORDER BY rowid DESC LIMIT :n"
        ),
        {"q": query, "n": limit, **values},
    ).all()
    order = [(_KIND_BY_CODE.get(rowid % _KIND_CODES), rowid // _KIND_CODES) for (rowid,) in rows]
    ids = {kind: [i for k, i in order if k == kind] for kind in NoteKind}
    terms = query_terms(typed)
    found: dict[tuple[NoteKind, int], SearchHit] = {}
    for kind, hits_of in _HITS.items():
        if ids[kind]:
            for hit in hits_of(session, ids[kind], terms):
                found[(kind, hit.record_id)] = hit
    hits = [found[key] for key in order if key in found]
    return sorted(hits, key=lambda h: h.on, reverse=True)  # stable: same day, last recorded first


def _session_hits(session: Session, ids: list[int], terms: list[str]) -> list[SearchHit]:
    S = IntervisionSession
    return [
        SearchHit(
            NoteKind.session,
            sid,
            on,
            theme,
            excerpt("\n".join((notes, agreements, facilitator)), terms),
            session_id=sid,
        )
        for sid, on, theme, notes, agreements, facilitator in session.exec(
            select(S.id, S.on, S.theme, S.notes, S.agreements, S.facilitator).where(
                col(S.id).in_(ids)
            )
        )
    ]


def _follow_up_hits(session: Session, ids: list[int], terms: list[str]) -> list[SearchHit]:
    S, F = IntervisionSession, FollowUpAction
    return [
        SearchHit(
            NoteKind.follow_up,
            fid,
            on,
            _("Follow-up of “{theme}”").format(theme=theme),
            excerpt("\n".join((description, who)), terms),
            session_id=sid,
        )
        for fid, description, who, sid, on, theme in session.exec(
            select(F.id, F.description, F.who, S.id, S.on, S.theme)
            .join(S, S.id == F.session_id)
            .where(col(F.id).in_(ids))
        )
    ]


def _talk_hits(session: Session, ids: list[int], terms: list[str]) -> list[SearchHit]:
    from homestart_desktop.data.intervision.coaching import talk_kind_label

    T, V = CoachingTalk, Volunteer
    talk_title, kind_labels, hits = _("{kind} with {name} ({reference})"), {}, []
    for tid, on, kind, notes, agreements, vid, first_name, reference in session.exec(
        select(T.id, T.on, T.kind, T.notes, T.agreements, V.id, V.first_name, V.reference)
        .join(V, V.id == T.volunteer_id)
        .where(col(T.id).in_(ids))
    ):
        if kind not in kind_labels:
            kind_labels[kind] = talk_kind_label(kind)
        title = talk_title.format(kind=kind_labels[kind], name=first_name, reference=reference)
        hits.append(
            SearchHit(
                NoteKind.talk,
                tid,
                on,
                title,
                excerpt("\n".join((notes, agreements)), terms),
                talk_id=tid,
                volunteer_id=vid,
            )
        )
    return hits


def _visit_hits(session: Session, ids: list[int], terms: list[str]) -> list[SearchHit]:
    # References only, as the rest of the planning screens show a visit: no family names.
    title = _("Visit to {family} by {volunteer}")
    return [
        SearchHit(
            NoteKind.visit,
            visit_id,
            on,
            title.format(family=family, volunteer=volunteer),
            excerpt(note, terms),
            trajectory_id=trajectory_id,
        )
        for visit_id, on, note, trajectory_id, family, volunteer in session.exec(
            select(
                Visit.id, Visit.on, Visit.note, Trajectory.id, Family.reference, Volunteer.reference
            )
            .join(Trajectory, Trajectory.id == Visit.trajectory_id)
            .join(Family, Family.id == Trajectory.family_id)
            .join(Volunteer, Volunteer.id == Trajectory.volunteer_id)
            .where(col(Visit.id).in_(ids))
        )
    ]


def _review_hits(session: Session, ids: list[int], terms: list[str]) -> list[SearchHit]:
    titles = {
        ReviewKind.interim: _("Interim review of {family}"),
        ReviewKind.closing: _("Closing review of {family}"),
    }
    R = Review
    return [
        SearchHit(
            NoteKind.review,
            review_id,
            # A review not (yet) held has no day of its own: its plan, else the match's start.
            held_on or planned_on or proposed_on,
            titles[kind].format(family=family),
            excerpt(agreements, terms),
            trajectory_id=trajectory_id,
        )
        for review_id, kind, held_on, planned_on, agreements, trajectory_id, proposed_on, family in (
            session.exec(
                select(
                    R.id,
                    R.kind,
                    R.held_on,
                    R.planned_on,
                    R.agreements,
                    Trajectory.id,
                    Trajectory.proposed_on,
                    Family.reference,
                )
                .join(Trajectory, Trajectory.id == R.trajectory_id)
                .join(Family, Family.id == Trajectory.family_id)
                .where(col(R.id).in_(ids))
            )
        )
    ]


_HITS = {
    NoteKind.session: _session_hits,
    NoteKind.follow_up: _follow_up_hits,
    NoteKind.talk: _talk_hits,
    NoteKind.visit: _visit_hits,
    NoteKind.review: _review_hits,
}


def count_matches(
    *, session: Session, typed: str, kinds: Collection[NoteKind] | None = None
) -> int:
    """How many notes (of ``kinds``, when given) hold every word typed, not only those shown."""
    query = fts_query(typed)
    if query is None:
        return 0
    condition, values = _kind_filter(kinds)
    return session.execute(
        text(f"SELECT count(*) FROM note_search WHERE note_search MATCH :q{condition}"),
        {"q": query, **values},
    ).scalar_one()


def rebuild_index(*, session: Session) -> int:
    """Index every note anew (after a repair); returns how many notes are indexed."""
    session.execute(text("DELETE FROM note_search"))
    # Touching each row fires its update trigger, which indexes it the one way triggers do.
    for table, column in (
        ("intervisionsession", "theme"),
        ("followupaction", "description"),
        ("coachingtalk", "notes"),
        ("visit", "note"),
        ("review", "agreements"),
    ):
        session.execute(text(f"UPDATE {table} SET {column} = {column}"))
    return session.execute(text("SELECT count(*) FROM note_search")).scalar_one()
