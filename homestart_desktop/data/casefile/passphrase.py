"""Rules for a new passphrase: long, not common, not built from what an attacker knows, typed twice."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from homestart_desktop.i18n import _

MIN_LENGTH = 12
# zxcvbn's score 3 means "safely unguessable: moderate protection from offline attacks";
# below it the passphrase is a common password, a keyboard walk, a repeat or a date.
MIN_SCORE = 3
# zxcvbn refuses longer input (ValueError). A longer passphrase is judged on its start: a long
# sentence only gets stronger after it.
CHECKER_LIMIT = 72
# Words anyone who finds a branch's case file knows: the app's own names.
APP_WORDS = ("homestart", "home-start", "home start", "Home-Start Desktop", "desktop", "hscase")
# Fewer letters than this once known words, digits and punctuation are taken out: the rest of
# the passphrase is names, years and dates, which are guessed first.
_MIN_OWN_LETTERS = 6


def context_words(*names: str, today: dt.date | None = None) -> list[str]:
    """What an attacker would try first: the app's names, the branch's names, the years."""
    year = (today or dt.date.today()).year
    words = [*APP_WORDS, *(str(y) for y in range(year - 2, year + 2))]
    for name in names:
        if name and name.strip():
            words.append(name.strip())
            words += [part for part in re.split(r"[\s\-_/]+", name) if len(part) > 2]
    return words


def passphrase_problems(
    passphrase: str, *, repeated: str | None = None, context: Iterable[str] = ()
) -> list[str]:
    """What is wrong with a new passphrase, in the coordinator's words; empty when it is fine.

    ``context``: the branch's name and municipality, so that they do not count as strength.
    """
    problems: list[str] = []
    words = context_words(*context)
    if len(passphrase) < MIN_LENGTH:
        problems.append(
            _(
                "Use at least {count} characters. A short sentence of ordinary words "
                "is easy to remember and hard to guess."
            ).format(count=MIN_LENGTH)
        )
    elif _repeats_itself(passphrase) or _only_known_words(passphrase, words):
        problems.append(
            _(
                "This passphrase is a repeat, dates or numbers, or the name of the app or the "
                "branch: these are guessed first. Try a sentence of four or five words that "
                "only you would think of."
            )
        )
    elif _guessability(passphrase[:CHECKER_LIMIT], words) < MIN_SCORE:
        problems.append(
            _(
                "This passphrase is too common or too easy to guess. "
                "Try a sentence of four or five words that only you would think of."
            )
        )
    if repeated is not None and repeated != passphrase:
        problems.append(_("The two passphrases are not the same."))
    return problems


def _letters_and_digits(text: str) -> str:
    return "".join(character for character in text.casefold() if character.isalnum())


def _repeats_itself(passphrase: str) -> bool:
    """``01/01/2000 01/01/2000``, ``kikker kikker kikker``: one part, said again."""
    core = _letters_and_digits(passphrase)
    return bool(re.fullmatch(r"(.+?)\1+", core))


def _only_known_words(passphrase: str, words: list[str]) -> bool:
    rest = passphrase.casefold()
    for word in sorted(words, key=len, reverse=True):
        rest = rest.replace(word.casefold(), " ")
    return sum(character.isalpha() for character in rest) < _MIN_OWN_LETTERS


def _guessability(passphrase: str, words: list[str]) -> int:
    # zxcvbn's word lists take ~13 MB: loaded only when a new passphrase is checked.
    from zxcvbn import zxcvbn

    return int(zxcvbn(passphrase, user_inputs=words)["score"])
