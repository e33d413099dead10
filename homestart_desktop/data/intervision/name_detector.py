"""Finds names of people from the branch's families in a note, to offer their reference code.

Notes about volunteers should name a family only by its reference (GZ-…). Matching ignores case
and accents ("ozlem" finds Özlem, "LUKASZ" finds Łukasz). To raise no false alarm on ordinary
words, a name that is also a Dutch, French or English word ("Roos", "Pierre", "De Vos",
"Bakker") or that is very short counts only when written with a capital in the middle of a
sentence ("met Roos gesproken") or together with another part of the person's name
("Roos Peeters"). Particles (van, de, el, ...) never count alone.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from sqlmodel import Session, col, select

from homestart_desktop.data.intervision.name_words import (
    ALWAYS_CAPITALISED,
    COMMON_WORDS,
    PARTICLES,
)
from homestart_desktop.data.intervision.notes_search import fold
from homestart_desktop.data.models import Caregiver, Child, Family, FamilyStatus

_LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)
_JOINERS = re.compile(r"[\s\-'’.]{1,3}")
_SENTENCE_END = set(".!?:;\n\r•*-–—")
MIN_DISTINCT_LENGTH = 3


@dataclasses.dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str = ""


@dataclasses.dataclass(frozen=True)
class FamilyPeople:
    reference: str
    people: tuple[Person, ...]


@dataclasses.dataclass(frozen=True)
class NameHit:
    """A name found at ``text[start:end]``; ``references`` of the families with that name."""

    start: int
    end: int
    found: str
    references: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class NameIndex:
    """Folded name sequences, by their first word: ``{first: ((words, strong, refs), ...)}``."""

    entries: dict[str, tuple[tuple[tuple[str, ...], bool, tuple[str, ...]], ...]]

    def __bool__(self) -> bool:
        return bool(self.entries)


# ---- Building the index


def _words(name: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in _LETTERS.findall(name))


def _is_strong(words: tuple[str, ...]) -> bool:
    """Would this sequence, found in any case, almost surely be the person's name?"""
    meaningful = [w for w in words if w not in PARTICLES]
    if not meaningful:
        return False
    if len(meaningful) >= 2:
        return True
    word = meaningful[0]
    return len(word) >= MIN_DISTINCT_LENGTH and word not in COMMON_WORDS


def build_index(families: Iterable[FamilyPeople]) -> NameIndex:
    """Every way a family member's name can appear: in full, first or last name alone."""
    found: dict[tuple[str, ...], set[str]] = {}
    for family in families:
        for person in family.people:
            first, last = _words(person.first_name), _words(person.last_name)
            candidates = {first, last, first + last}
            candidates.update((w,) for w in first + last)
            for words in candidates:
                if words and any(w not in PARTICLES for w in words):
                    found.setdefault(words, set()).add(family.reference)
    entries: dict[str, list] = {}
    for words, refs in found.items():
        entries.setdefault(words[0], []).append((words, _is_strong(words), tuple(sorted(refs))))
    return NameIndex({k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in entries.items()})


def load_name_index(*, session: Session) -> NameIndex:
    """The names of every caregiver and child of the branch's families."""
    references = dict(session.exec(select(Family.id, Family.reference)).all())
    people: dict[int, list[Person]] = {fid: [] for fid in references}
    for c in session.exec(select(Caregiver)):
        people[c.family_id].append(Person(c.first_name, c.last_name))
    for child in session.exec(select(Child)):
        if child.first_name:
            people[child.family_id].append(Person(child.first_name))
    return build_index(FamilyPeople(references[fid], tuple(p)) for fid, p in people.items())


@dataclasses.dataclass(frozen=True)
class FamilyChoice:
    """A family in the reference picker: its code, status and who is in it (to recognise it)."""

    reference: str
    status: FamilyStatus
    people: str

    @property
    def search_text(self) -> str:
        return f"{self.reference} {self.people}"


def list_family_choices(*, session: Session) -> list[FamilyChoice]:
    """Every family of the branch, newest reference first, with its members' first names."""
    families = session.exec(select(Family).order_by(col(Family.reference).desc())).all()
    names: dict[int, list[str]] = {f.id: [] for f in families}
    for c in session.exec(select(Caregiver).order_by(Caregiver.position, Caregiver.id)):
        names[c.family_id].append(" ".join(p for p in (c.first_name, c.last_name) if p))
    for child in session.exec(select(Child).order_by(Child.id)):
        if child.first_name:
            names[child.family_id].append(child.first_name)
    return [FamilyChoice(f.reference, f.status, ", ".join(names[f.id])) for f in families]


# ---- Finding names


def _at_sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“”‘’«»(":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _weak_counts(text: str, tokens: list[tuple[int, int, str]]) -> bool:
    """A weak name counts when its main word has a capital in the middle of a sentence."""
    start, end, word = next(t for t in tokens if t[2] not in PARTICLES)
    if word in ALWAYS_CAPITALISED:
        return False
    return text[start].isupper() and not _at_sentence_start(text, start)


def find_names(text: str, index: NameIndex) -> list[NameHit]:
    """Every family member's name in ``text``, in reading order, without overlaps."""
    if not index or not text:
        return []
    tokens = [(m.start(), m.end(), fold(m.group())) for m in _LETTERS.finditer(text)]
    hits: list[NameHit] = []
    i = 0
    while i < len(tokens):
        matched = None
        for words, strong, refs in index.entries.get(tokens[i][2], ()):
            n = len(words)
            if i + n > len(tokens) or tuple(t[2] for t in tokens[i : i + n]) != words:
                continue
            if any(
                not _JOINERS.fullmatch(text[tokens[j][1] : tokens[j + 1][0]])
                for j in range(i, i + n - 1)
            ):
                continue
            start, end = tokens[i][0], tokens[i + n - 1][1]
            if strong or _weak_counts(text, tokens[i : i + n]):
                matched = (n, NameHit(start, end, text[start:end], refs))
                break
        if matched:
            hits.append(matched[1])
            i += matched[0]
        else:
            i += 1
    return hits


def replace_names(text: str, hits: Iterable[NameHit], chosen: dict[int, str] | None = None) -> str:
    """``text`` with each hit replaced by its family's reference code.

    ``chosen`` maps a hit's ``start`` to the reference to use when more families share the name
    (otherwise the first); hits whose start maps to "" stay as written.
    """
    chosen = chosen or {}
    result = text
    for hit in sorted(hits, key=lambda h: h.start, reverse=True):
        reference = chosen.get(hit.start, hit.references[0] if hit.references else "")
        if reference:
            result = result[: hit.start] + reference + result[hit.end :]
    return result
