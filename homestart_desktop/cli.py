"""The ``homestart`` command: the app by default, and headless commands on a case file.

Passphrases come from a terminal prompt, a ``--passphrase-file``, or standard input when it is
not a terminal (one line each, in the order they are asked) — never from the command line, where
other users and the shell history would see them. Each outcome has its own exit code
(:data:`EXIT_CODES`) and one message on stderr in the user's language, never a traceback.
Heavy modules (SQLAlchemy, Qt, reportlab) are imported inside the commands, so ``--help`` is fast.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from homestart_desktop.cli_argparse import (
    ARGPARSE_WORDS,
    Parser,
    ShowVersion,
    argparse_in_our_language,
    case_file_to_open,
    command_names,
    early_language,
)
from homestart_desktop.cli_commands import (
    EXIT_CODES,
    EXIT_OK,
    EXIT_STOPPED,
    EXIT_UNEXPECTED,
    EXIT_USAGE,
    case_file_place,
    cmd_backup,
    cmd_check,
    cmd_demo_file,
    cmd_new,
    cmd_passwd,
    cmd_restore,
    complain,
    existing_file,
    folder_for_output,
    readable_text,
    unexpected_failure,
    unlocked,
)
from homestart_desktop.cli_input import Passphrases, UsageProblem
from homestart_desktop.i18n import LANGUAGES, _
from homestart_desktop.logs import setup_logging, where

log = logging.getLogger(__name__)

# The names other modules and the tests reach through ``cli`` (the exit codes, argparse's words).
__all__ = ["ARGPARSE_WORDS", "EXIT_CODES", "EXIT_OK", "build_parser", "main"]


# ---- The app


def _cmd_gui(args: argparse.Namespace) -> int:
    try:
        from homestart_desktop.ui.shell.app import run_gui
    except ImportError as error:
        log.error("app window unavailable: %s", where(error))
        complain(_("The app window cannot start: a part of the installation is missing."))
        return EXIT_UNEXPECTED
    return int(run_gui(getattr(args, "case_file", None), demo=args.demo))


def _cmd_self_test(args: argparse.Namespace) -> int:
    from homestart_desktop.ui.shell.app import run_self_test

    return int(run_self_test())


def _run_print_kind(target: str) -> Callable[[argparse.Namespace], int]:
    """Unlock the case file, then call ``module:function(args, case_file=...) -> int``; first
    ``module.without_unlocking(args, path=, passphrase=)`` where it has one (None: unlock)."""

    def run(args: argparse.Namespace) -> int:
        import importlib

        module_name, function_name = target.split(":")
        module = importlib.import_module(module_name)
        path = case_file_place(existing_file(args.file))
        folder_for_output(getattr(args, "out", None))
        folder_for_output(getattr(args, "to", None), is_folder=True)
        passphrase = Passphrases().existing(args.passphrase_file)
        # A module may do without unlocking in full (a blank intake form: no SQLAlchemy).
        quick = getattr(module, "without_unlocking", None)
        if (
            quick is not None
            and (code := quick(args, path=path, passphrase=passphrase)) is not None
        ):
            return int(code)
        with unlocked(path, passphrase) as case_file:
            code = int(getattr(module, function_name)(args, case_file=case_file))
            if code == 0:
                from homestart_desktop.cli_log import note_saved_document

                note_saved_document(case_file, function_name, args)
            return code

    return run


def add_print_kind(kinds: Any, name: str, help_text: str, target: str) -> argparse.ArgumentParser:
    """``homestart print NAME FILE [--passphrase-file P] [--out PDF]``; add your own options."""
    parser = kinds.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("file", type=Path, metavar="FILE", help=_("the case file"))
    _passphrase_option(parser)
    parser.add_argument("--out", type=Path, metavar="PDF", help=_("where to save the PDF"))
    parser.set_defaults(run=_run_print_kind(target))
    return parser


def add_plan_options(parser: argparse.ArgumentParser) -> None:
    """Options of a volunteer's visit plan (``print schedule`` and ``ics``)."""
    parser.add_argument(
        "--volunteer",
        required=True,
        type=readable_text,
        metavar="VW-…",
        help=_("the volunteer's reference"),
    )
    parser.add_argument(
        "--weeks", type=int, default=8, metavar="N", help=_("how many weeks, from this week on")
    )
    parser.add_argument(
        "--with-address", action="store_true", help=_("include the families' addresses")
    )
    parser.add_argument(
        "--with-first-name",
        action="store_true",
        help=_("name the family by its first name too (default: its reference only)"),
    )
    parser.add_argument(
        "--doc-lang",
        choices=["nl", "fr", "en"],
        help=_("language of the document (default: the volunteer's)"),
    )


def _add_print_kinds(kinds: Any) -> None:
    """The documents ``homestart print`` makes. Each helper adds its kind HERE, one block each:

    parser = add_print_kind(kinds, "intake-form", _("..."), "homestart_desktop.documents.x:cli")
    parser.add_argument("--family", metavar="CODE", help=_("..."))

    where ``cli(args, *, case_file) -> int`` writes ``args.out`` and returns an exit code.
    """
    # ==== print kinds: add yours below this line ====
    schedule = add_print_kind(
        kinds,
        "schedule",
        _("a volunteer's visit schedule"),
        "homestart_desktop.documents.visit_plan_cli:schedule_cli",
    )
    add_plan_options(schedule)
    agreement = add_print_kind(
        kinds,
        "agreement",
        _("a volunteer's agreement with its information note"),
        "homestart_desktop.documents.agreement_cli:agreement_cli",
    )
    agreement.add_argument(
        "--volunteer",
        required=True,
        type=readable_text,
        metavar="VW-…",
        help=_("the volunteer's reference"),
    )
    agreement.add_argument(
        "--lang",
        dest="doc_lang",
        choices=["nl", "fr", "en"],
        help=_("language of the document (default: the volunteer's)"),
    )
    intake_form = add_print_kind(
        kinds,
        "intake-form",
        _("the intake form: blank, or pre-filled for one family"),
        "homestart_desktop.documents.intake_form_cli:intake_form_cli",
    )
    intake_form.add_argument(
        "--family",
        type=readable_text,
        metavar="GZ-…",
        help=_("the family's reference (without it: a blank form)"),
    )
    intake_form.add_argument(
        "--lang",
        dest="doc_lang",
        choices=["nl", "fr", "en"],
        help=_("language of the form (default: the family's, or the branch's)"),
    )
    register = add_print_kind(
        kinds,
        "processing-register",
        _("the branch's register of processing (GDPR article 30)"),
        "homestart_desktop.documents.processing_register_cli:processing_register_cli",
    )
    register.add_argument(
        "--lang", dest="doc_lang", choices=["nl", "fr", "en"], help=_("language of the document")
    )
    # ==== print kinds: end ====


# ---- The parser


def _passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="PATH",
        help=_("read the passphrase from the first line of this file (not from the prompt)"),
    )


def build_parser() -> argparse.ArgumentParser:
    """Every command and option of ``homestart``, with help in the current language."""
    parser = Parser(
        prog="homestart",
        description=_("Home-Start Desktop: the case file of a Home-Start branch."),
        epilog=_("Without a command, the app opens."),
    )
    parser.add_argument("--lang", choices=sorted(LANGUAGES), help=_("language (default: nl)"))
    parser.add_argument(
        "--demo", action="store_true", help=_("open the app on a fresh demo case file")
    )
    parser.add_argument(
        "--version", action=ShowVersion, help=_("show program's version number and exit")
    )
    parser.set_defaults(run=_cmd_gui)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def command(name: str, help_text: str, run: Callable[[argparse.Namespace], int]) -> Any:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(run=run)
        return sub

    file_help = _("the case file")
    demo = command("demo-file", _("make a demo case file with invented families"), cmd_demo_file)
    demo.add_argument("file", type=Path, metavar="FILE", help=_("where to make it"))
    demo.add_argument("--families", type=int, metavar="N", help=_("how many families in all"))
    demo.add_argument("--years", type=int, metavar="Y", help=_("years of history"))
    demo.add_argument("--seed", type=int, metavar="S", help=_("the same seed makes the same file"))
    demo.add_argument("--size", choices=["realistic", "large"], default="realistic")
    _passphrase_option(demo)

    new = command("new", _("make a new, empty case file for a branch"), cmd_new)
    new.add_argument("file", type=Path, metavar="FILE", help=_("where to make it"))
    new.add_argument(
        "--branch", required=True, type=readable_text, metavar="NAME", help=_("the branch's name")
    )
    _passphrase_option(new)

    check = command(
        "check", _("check every page of a case file; exit 0 only when whole"), cmd_check
    )
    check.add_argument("file", type=Path, metavar="FILE", help=file_help)
    _passphrase_option(check)

    backup = command("backup", _("make an encrypted backup of a case file"), cmd_backup)
    backup.add_argument("file", type=Path, metavar="FILE", help=file_help)
    backup.add_argument("--to", type=Path, metavar="DIR", help=_("folder for the backup"))
    _passphrase_option(backup)

    restore = command("restore", _("put a backup in the place of a case file"), cmd_restore)
    restore.add_argument("backup", type=Path, metavar="BACKUP", help=_("the backup"))
    restore.add_argument("file", type=Path, metavar="FILE", help=file_help)
    _passphrase_option(restore)

    passwd = command("passwd", _("change the passphrase of a case file"), cmd_passwd)
    passwd.add_argument("file", type=Path, metavar="FILE", help=file_help)
    _passphrase_option(passwd)
    passwd.add_argument(
        "--new-passphrase-file",
        type=Path,
        metavar="PATH",
        help=_("read the new passphrase from the first line of this file"),
    )

    command(
        "self-test",
        _("open every screen on a demo file, headless; exit 0 when all is well"),
        _cmd_self_test,
    )

    ics = command(
        "ics",
        _("a volunteer's visits as a calendar file (.ics) for a phone"),
        _run_print_kind("homestart_desktop.documents.visit_plan_cli:ics_cli"),
    )
    ics.add_argument("file", type=Path, metavar="FILE", help=file_help)
    _passphrase_option(ics)
    ics.add_argument(
        "--out", type=Path, required=True, metavar="PATH", help=_("where to save the calendar file")
    )
    add_plan_options(ics)

    # ---- quarterly figures (sync/): figures, export, branch-key
    sync_cli = "homestart_desktop.sync.cli_commands:"
    for name, help_text, target in (
        ("figures", _("the quarter's figures as they will be sent"), "figures_cli"),
        ("export", _("make the quarter's figures package and save it in a folder"), "export_cli"),
        ("branch-key", _("save the branch's public key for the central office"), "branch_key_cli"),
    ):
        sub = command(name, help_text, _run_print_kind(sync_cli + target))
        sub.add_argument("file", type=Path, metavar="FILE", help=file_help)
        _passphrase_option(sub)
        if name == "branch-key":
            sub.add_argument("--out", type=Path, required=True, metavar="PATH")
            continue
        sub.add_argument("--quarter", type=_quarter, required=True, metavar="2026-Q3")
        if name == "figures":
            sub.add_argument("--json", action="store_true", help=_("print the package's payload"))
        else:
            sub.add_argument("--to", type=Path, required=True, metavar="DIR")

    # ---- the right of access (documents/access/cli.py)
    access = command(
        "access",
        _("everything the case file holds about one family or volunteer: a PDF and a JSON file"),
        _run_print_kind("homestart_desktop.documents.access.cli:access_cli"),
    )
    access.add_argument("file", type=Path, metavar="FILE", help=file_help)
    _passphrase_option(access)
    who = access.add_mutually_exclusive_group(required=True)
    who.add_argument("--family", type=readable_text, metavar="GZ-…", help=_("the family's code"))
    who.add_argument(
        "--volunteer", type=readable_text, metavar="VW-…", help=_("the volunteer's code")
    )
    access.add_argument(
        "--out", dest="to", type=Path, required=True, metavar="DIR", help=_("folder for the files")
    )

    from homestart_desktop.data.importing.command import add_import_options

    moving_in = command(
        "import",
        _("bring a branch's Excel lists (families, volunteers, matches) into a case file"),
        _cmd_import,
    )
    moving_in.add_argument("file", type=Path, metavar="FILE", help=file_help)
    _passphrase_option(moving_in)
    add_import_options(moving_in)

    from homestart_desktop.data.retention import command as retention

    for name, help_text, run, add in (
        (
            "retention",
            _("list who is due for anonymisation, and anonymise them"),
            retention.retention_command,
            retention.add_retention_options,
        ),
        (
            "erase",
            _("erase one family or volunteer for good (the code stays)"),
            retention.erase_command,
            lambda p: retention.add_erase_options(p, readable_text),
        ),
    ):
        sub = command(name, help_text, run)
        sub.add_argument("file", type=Path, metavar="FILE", help=file_help)
        _passphrase_option(sub)
        add(sub)

    printing = command("print", _("make a document as a PDF"), _no_print_kind)
    _add_print_kinds(printing.add_subparsers(dest="kind", metavar="KIND", parser_class=Parser))
    return parser


def _cmd_import(args: argparse.Namespace) -> int:
    from homestart_desktop.data.importing.command import import_command

    return import_command(args)


def _quarter(text: str) -> Any:
    """``--quarter 2026-Q3``; the figures' modules load only for the commands that use them."""
    from homestart_desktop.sync.cli_commands import quarter_argument

    return quarter_argument(text)


def _no_print_kind(args: argparse.Namespace) -> int:
    raise UsageProblem(_("Say which document to print. See: homestart print --help"))


# ---- Entry point


def main(argv: list[str] | None = None) -> int:
    """Run ``homestart`` with these arguments and return its exit code."""
    from homestart_desktop.data.casefile.errors import CaseFileError

    argv = [str(word) for word in (sys.argv[1:] if argv is None else argv)]
    _streams_carry_any_file_name()
    early_language(argv)
    try:
        with argparse_in_our_language():
            parser = build_parser()
            case_file, argv = case_file_to_open(argv, command_names(parser))
            args = parser.parse_args(argv)
            args.case_file = case_file
    except UsageProblem as problem:
        complain(str(problem))
        return EXIT_USAGE
    except SystemExit as done:  # --help and --version
        return int(done.code or 0)
    # The one place the command line decides what day it is; every command reads ``args.today``.
    args.today = dt.date.today()
    setup_logging()
    name = args.command or ("demo" if args.demo else "app")
    log.info("command %s started", name)
    try:
        code = args.run(args)
    except (UsageProblem, CaseFileError) as refused:
        complain(str(refused))
        code = refused.exit_code if refused.exit_code != EXIT_UNEXPECTED else EXIT_USAGE
        log.info("command %s refused: %s", name, type(refused).__name__)
    except KeyboardInterrupt:
        complain(_("Stopped."))
        code = EXIT_STOPPED
    except Exception as error:
        code = unexpected_failure(error, args)
    log.info("command %s ended with exit code %d", name, code)
    return code


def _streams_carry_any_file_name() -> None:
    """A file name that is not UTF-8 (``caf\xe9`` on Linux) is printed as its own bytes.

    Python reads such a name from the command line with surrogates; without this, printing it
    back ("Backup made: …") would raise instead.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="surrogateescape")  # type: ignore[union-attr]
