"""Where the command line's passphrases come from: a file, a terminal prompt, or standard input.

Never from the command line itself, where other users and the shell history would see them.
From standard input (when it is not a terminal) each passphrase is one line, in the order the
command asks for them; from a file, its first line.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import TextIO

from homestart_desktop.i18n import _


class UsageProblem(Exception):
    """The command cannot run as typed; the message says what to change (exit code 2)."""

    exit_code = 2


def _stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


class Passphrases:
    """Where one command's passphrases come from: a file, a terminal prompt, or stdin lines."""

    def __init__(self, stdin: TextIO | None = None) -> None:
        self._stdin = stdin if stdin is not None else sys.stdin
        self._interactive = stdin is None and _stdin_is_terminal()

    def existing(self, file: Path | None, prompt: str | None = None) -> str:
        """The passphrase of an existing case file."""
        if file is not None:
            return read_passphrase_file(file)
        if self._interactive:
            return getpass.getpass(prompt or _("Passphrase of the case file: "))
        return self._next_line()

    def new(self, file: Path | None) -> tuple[str, str | None]:
        """A new passphrase and, when typed at a prompt, its repetition (to compare)."""
        if file is not None:
            return read_passphrase_file(file), None
        if self._interactive:
            first = getpass.getpass(_("New passphrase (at least 12 characters): "))
            return first, getpass.getpass(_("Type the new passphrase again: "))
        return self._next_line(), None

    def _next_line(self) -> str:
        line = self._stdin.readline() if self._stdin is not None else ""
        passphrase = line.rstrip("\r\n")
        if not passphrase:
            raise UsageProblem(
                _(
                    "No passphrase was given. Type it at the prompt, or give "
                    "--passphrase-file, or one line on standard input."
                )
            )
        return passphrase


def read_passphrase_file(file: Path) -> str:
    """The first line of a passphrase file (Notepad's byte order mark and line end removed)."""
    try:
        text = Path(file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageProblem(
            _("The passphrase file could not be read: {file}").format(file=file)
        ) from error
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise UsageProblem(_("The passphrase file is empty: {file}").format(file=file))
    return lines[0]
