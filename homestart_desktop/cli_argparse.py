"""Reading the ``homestart`` command line: a usage problem is our exception, argparse's own
words (usage, options, its errors) come from our catalogs in the coordinator's language, and
the few words read before the parser is built (``--lang``, a double-clicked case file)."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from homestart_desktop.cli_input import UsageProblem
from homestart_desktop.i18n import LANGUAGES, N_, _, set_language


class ShowVersion(argparse.Action):
    """``--version``: the version is looked up only when asked for."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        kwargs.update(nargs=0, default=argparse.SUPPRESS)
        super().__init__(option_strings, argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from homestart_desktop import __version__

        print(f"{parser.prog} {__version__}", flush=True)
        parser.exit()


class Parser(argparse.ArgumentParser):
    """argparse, but a usage problem is an exception with our message, not an exit."""

    def error(self, message: str) -> Any:
        raise UsageProblem(
            _("{problem}. See: {command} --help").format(problem=message, command=self.prog)
        )


# argparse asks gettext for these words itself (hooked below), so no ``_()`` in our code names
# them: listed here, as argparse spells them, so the translators' extraction keeps them.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    N_("expected one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
)


@contextlib.contextmanager
def argparse_in_our_language() -> Iterator[None]:
    """argparse's own words (usage, options, errors) through our catalogs while parsing."""
    original = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = lambda one, many, n: _(one) if n == 1 else _(many)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = original  # type: ignore[attr-defined]


def early_language(argv: list[str]) -> None:
    """Set ``--lang`` before the parser is built, so its help is in that language too."""
    for index, word in enumerate(argv):
        value = None
        if word.startswith("--lang="):
            value = word.split("=", 1)[1]
        elif word == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value in LANGUAGES:
            set_language(value)


def case_file_to_open(argv: list[str], commands: set[str]) -> tuple[Path | None, list[str]]:
    """``homestart Gent.hscase`` (a double-clicked case file): the app, on that file.

    The first word that is neither an option, nor ``--lang``'s value, nor a command is the file.
    """
    skip_next = False
    for index, word in enumerate(argv):
        if skip_next:
            skip_next = False
        elif word == "--lang":
            skip_next = True
        elif not word.startswith("-"):
            if word in commands:
                return None, argv
            return Path(word), argv[:index] + argv[index + 1 :]
    return None, argv


def command_names(parser: argparse.ArgumentParser) -> set[str]:
    return {
        name
        for action in parser._actions  # argparse keeps its subcommands only here
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }
