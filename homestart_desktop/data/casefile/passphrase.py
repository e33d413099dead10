"""Rules for a new passphrase: long, not common, typed twice the same."""

from __future__ import annotations

from homestart_desktop.i18n import _

MIN_LENGTH = 12
# zxcvbn's score 3 means "safely unguessable: moderate protection from offline attacks";
# below it the passphrase is a common password, a keyboard walk, a repeat or a date.
MIN_SCORE = 3


def passphrase_problems(passphrase: str, *, repeated: str | None = None) -> list[str]:
    """What is wrong with a new passphrase, in the coordinator's words; empty when it is fine."""
    problems: list[str] = []
    if len(passphrase) < MIN_LENGTH:
        problems.append(
            _(
                "Use at least {count} characters. A short sentence of ordinary words "
                "is easy to remember and hard to guess."
            ).format(count=MIN_LENGTH)
        )
    elif _guessability(passphrase[:100]) < MIN_SCORE:
        problems.append(
            _(
                "This passphrase is too common or too easy to guess. "
                "Try a sentence of four or five words that only you would think of."
            )
        )
    if repeated is not None and repeated != passphrase:
        problems.append(_("The two passphrases are not the same."))
    return problems


def _guessability(passphrase: str) -> int:
    # zxcvbn's word lists take ~13 MB: loaded only when a new passphrase is checked.
    from zxcvbn import zxcvbn

    return int(zxcvbn(passphrase)["score"])
