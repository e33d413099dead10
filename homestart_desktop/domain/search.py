"""Finding a family as you type: accent- and case-insensitive, on every household member's name.

Pure functions on plain strings, no session and no Qt: the family list loads once with a prepared
search key per family (see ``families.list_families``) and every keystroke filters in memory,
which stays far below 30 ms for thousands of families and never writes a search index outside
the encrypted case file.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSED = str.maketrans(
    {
        "ł": "l",
        "ı": "i",
        "ø": "o",
        "đ": "d",
        "ħ": "h",
        "ŀ": "l",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "’": "'",
        "‘": "'",
        "‐": "-",
        "–": "-",
    }
)


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Lower case without accents: 'Özlem' → 'ozlem', 'Łukasz' → 'lukasz', 'Țurcanu' → 'turcanu'.

    Non-Latin scripts keep their letters (Cyrillic 'Наталія' → 'наталия' is folded the same way
    on both sides, so typing 'натал' finds it).
    """
    if text.isascii():  # most names: nothing to fold but the case
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # casefold again: a few letters only decompose into a capital (ϒ → Υ).
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return stripped.translate(_UNDECOMPOSED)


def search_key(parts: Iterable[str]) -> str:
    """One normalised string holding every searchable part of a family, space separated."""
    return " ".join(normalise(part) for part in parts if part)


def query_terms(query: str) -> tuple[str, ...]:
    """The normalised words of what was typed ('  Özlem  9000 ' → ('ozlem', '9000'))."""
    return tuple(normalise(query).split())


def matches(key: str, terms: tuple[str, ...]) -> bool:
    """Whether every typed word occurs somewhere in the family's search key."""
    return all(term in key for term in terms)
