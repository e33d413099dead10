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
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from homestart_desktop.cli_input import Passphrases, UsageProblem, read_passphrase_file
from homestart_desktop.i18n import LANGUAGES, N_, _, set_language
from homestart_desktop.logs import log_file, setup_logging, where

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_USAGE = 2
EXIT_WRONG_PASSPHRASE = 3
EXIT_NOT_A_CASE_FILE = 4
EXIT_IN_USE = 5
EXIT_NEWER_VERSION = 6
EXIT_DISK_FULL = 7
EXIT_CANNOT_WRITE = 8
EXIT_STOPPED = 130  # Ctrl+C, as every shell expects

EXIT_CODES: dict[int, str] = {
    EXIT_OK: N_("done"),
    EXIT_UNEXPECTED: N_("an unexpected error (the log says where)"),
    EXIT_USAGE: N_("the command was not complete or not right, or the passphrase was refused"),
    EXIT_WRONG_PASSPHRASE: N_("wrong passphrase"),
    EXIT_NOT_A_CASE_FILE: N_(
        "not a case file, or the case file is damaged (cut short, or its latest changes in "
        "the -wal file beside it)"
    ),
    EXIT_IN_USE: N_("the case file is open elsewhere on this computer"),
    EXIT_NEWER_VERSION: N_("the case file was made by a newer version of the app"),
    EXIT_DISK_FULL: N_("the disk is full"),
    EXIT_CANNOT_WRITE: N_("the app may not write in this place (read-only disk, no permission)"),
}


# ---- Small helpers


def _say(message: str) -> None:
    print(message, file=sys.stdout, flush=True)


def _complain(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _existing_file(path: Path) -> Path:
    if not path.is_file():
        raise UsageProblem(_("There is no file at this place: {file}").format(file=path))
    return path


def _folder_for_output(path: Path | None, *, is_folder: bool = False) -> None:
    """Refuse, before the slow unlock, an ``--out``/``--to`` that cannot be written."""
    if path is None:
        return
    if is_folder:
        if path.exists() and not path.is_dir():
            raise UsageProblem(
                _("This is a file, not a folder; give a folder: {folder}").format(folder=path)
            )
        return
    if path.is_dir():
        raise UsageProblem(
            _("This is a folder; give the name of the file to make: {file}").format(file=path)
        )
    if not path.parent.is_dir():
        raise UsageProblem(_("This folder does not exist: {folder}").format(folder=path.parent))


@contextlib.contextmanager
def _unlocked(path: Path, passphrase: str) -> Iterator[Any]:
    """Unlock for one command; a daily backup that could not be made is said, not fatal."""
    from homestart_desktop.data.casefile.casefile import unlock

    with unlock(path, passphrase=passphrase) as case_file:
        if case_file.backup_problem:
            _complain(case_file.backup_problem)
        yield case_file


def readable_text(value: str) -> str:
    """argparse type for a name or reference: text, not the bytes of another encoding.

    A word typed in Latin-1 on a UTF-8 system reaches Python with surrogates, which a file name
    carries fine but the case file cannot store or look up.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(
            _("this is not text in UTF-8; type it again: {value}").format(
                value=value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            )
        ) from None
    return value


def _free_place(path: Path) -> Path:
    if path.exists():
        raise UsageProblem(
            _("A file with this name exists already; choose another name: {file}").format(file=path)
        )
    if not path.parent.is_dir():
        raise UsageProblem(_("This folder does not exist: {folder}").format(folder=path.parent))
    return path


def _case_file_place(path: Path) -> Path:
    """Warn on stderr when the case file lives on a network share or in a synced folder."""
    from homestart_desktop.data.casefile.places import place_warning

    warning = place_warning(path)
    if warning:
        _complain(_("Warning: {warning}").format(warning=warning))
        _complain(_("(The app's window can stop this warning for this file.)"))
    return path


# ---- The commands


def _cmd_gui(args: argparse.Namespace) -> int:
    try:
        from homestart_desktop.ui.shell.app import run_gui
    except ImportError as error:
        log.error("app window unavailable: %s", where(error))
        _complain(_("The app window cannot start: a part of the installation is missing."))
        return EXIT_UNEXPECTED
    return int(run_gui(getattr(args, "case_file", None), demo=args.demo))


def _cmd_self_test(args: argparse.Namespace) -> int:
    from homestart_desktop.ui.shell.app import run_self_test

    return int(run_self_test())


def _cmd_demo_file(args: argparse.Namespace) -> int:
    from homestart_desktop.data.demo.branch import DEMO_PASSPHRASE, write_demo_file

    path = _free_place(args.file)
    given = args.passphrase_file is not None
    passphrase = read_passphrase_file(args.passphrase_file) if given else DEMO_PASSPHRASE
    options: dict[str, Any] = {"size": args.size}
    for name in ("families", "years", "seed"):
        if getattr(args, name) is not None:
            options[name] = getattr(args, name)
    write_demo_file(path, passphrase=passphrase, today=args.today, **options)
    _say(_("Demo case file made with invented families: {file}").format(file=path))
    if not given:
        _say(_("Its passphrase: {passphrase}").format(passphrase=DEMO_PASSPHRASE))
    return EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    from homestart_desktop.data.casefile.casefile import create_case_file

    path = _case_file_place(_free_place(args.file))
    branch = args.branch.strip()
    if not branch:
        raise UsageProblem(_("Give the branch's name with --branch."))
    passphrase, repeated = Passphrases().new(args.passphrase_file)
    create_case_file(path, passphrase=passphrase, branch_name=branch, repeated=repeated).lock()
    _say(_("New case file made: {file}").format(file=path))
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from homestart_desktop.data.casefile.casefile import check_case_file
    from homestart_desktop.data.casefile.errors import DamagedCaseFile

    path = _case_file_place(_existing_file(args.file))
    problems = check_case_file(path, passphrase=Passphrases().existing(args.passphrase_file))
    if problems:
        log.warning("check found %d problems", len(problems))
        _complain(DamagedCaseFile(problems[0]).message)
        for problem in problems[1:20]:
            _complain(f"  {problem}")
        return EXIT_NOT_A_CASE_FILE
    _say(_("The case file is whole: every page and every table was checked."))
    return EXIT_OK


def _cmd_backup(args: argparse.Namespace) -> int:
    path = _case_file_place(_existing_file(args.file))
    _folder_for_output(args.to, is_folder=True)
    with _unlocked(path, Passphrases().existing(args.passphrase_file)) as case_file:
        made = case_file.backup(args.to)
    _say(_("Backup made: {file}").format(file=made))
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from homestart_desktop.data.casefile.backups import restore_backup

    backup = _existing_file(args.backup)
    if args.file.exists() and backup.resolve() == args.file.resolve():
        raise UsageProblem(_("The backup and the case file are the same file."))
    _case_file_place(args.file)  # the backup may live anywhere; the restored file may not
    prompt = _("Passphrase of the backup: ")
    passphrase = Passphrases().existing(args.passphrase_file, prompt)
    kept = restore_backup(backup, args.file, passphrase=passphrase)
    _say(_("Backup restored: {file}").format(file=args.file))
    if kept is not None:
        _say(_("The file it replaced is kept: {file}").format(file=kept))
    return EXIT_OK


def _cmd_passwd(args: argparse.Namespace) -> int:
    from homestart_desktop.data.casefile.errors import WeakPassphrase
    from homestart_desktop.data.casefile.passphrase import passphrase_problems

    path = _case_file_place(_existing_file(args.file))
    source = Passphrases()
    old = source.existing(args.passphrase_file, _("Current passphrase: "))
    new, repeated = source.new(args.new_passphrase_file)
    # Refuse a weak one before the slow unlock, and before anything is written (the branch's
    # names are checked too once the file is open).
    problems = passphrase_problems(new, repeated=repeated)
    if problems:
        raise WeakPassphrase(" ".join(problems))
    with _unlocked(path, old) as case_file:
        case_file.change_passphrase(new_passphrase=new, repeated=repeated)
        # The newest backup should open with the passphrase the coordinator now remembers.
        case_file.backup(reason="rekeyed")
    _say(_("The passphrase is changed. Backups made before now still open with the old one."))
    return EXIT_OK


def _run_print_kind(target: str) -> Callable[[argparse.Namespace], int]:
    """Unlock the case file, then call ``module:function(args, case_file=...) -> int``."""

    def run(args: argparse.Namespace) -> int:
        import importlib

        module_name, function_name = target.split(":")
        function = getattr(importlib.import_module(module_name), function_name)
        path = _case_file_place(_existing_file(args.file))
        _folder_for_output(getattr(args, "out", None))
        _folder_for_output(getattr(args, "to", None), is_folder=True)
        with _unlocked(path, Passphrases().existing(args.passphrase_file)) as case_file:
            return int(function(args, case_file=case_file))

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
    # ==== print kinds: end ====


# ---- The parser


def _passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="PATH",
        help=_("read the passphrase from the first line of this file (not from the prompt)"),
    )


class _ShowVersion(argparse.Action):
    """``--version``: the version is looked up only when asked for."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        kwargs.update(nargs=0, default=argparse.SUPPRESS)
        super().__init__(option_strings, argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from homestart_desktop import __version__

        print(f"{parser.prog} {__version__}", flush=True)
        parser.exit()


class _Parser(argparse.ArgumentParser):
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
def _argparse_in_our_language() -> Iterator[None]:
    """argparse's own words (usage, options, errors) through our catalogs while parsing."""
    original = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = lambda one, many, n: _(one) if n == 1 else _(many)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = original  # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    """Every command and option of ``homestart``, with help in the current language."""
    parser = _Parser(
        prog="homestart",
        description=_("Home-Start Desktop: the case file of a Home-Start branch."),
        epilog=_("Without a command, the app opens."),
    )
    parser.add_argument("--lang", choices=sorted(LANGUAGES), help=_("language (default: nl)"))
    parser.add_argument(
        "--demo", action="store_true", help=_("open the app on a fresh demo case file")
    )
    parser.add_argument(
        "--version", action=_ShowVersion, help=_("show program's version number and exit")
    )
    parser.set_defaults(run=_cmd_gui)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str, run: Callable[[argparse.Namespace], int]) -> Any:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(run=run)
        return sub

    file_help = _("the case file")
    demo = command("demo-file", _("make a demo case file with invented families"), _cmd_demo_file)
    demo.add_argument("file", type=Path, metavar="FILE", help=_("where to make it"))
    demo.add_argument("--families", type=int, metavar="N", help=_("how many families in all"))
    demo.add_argument("--years", type=int, metavar="Y", help=_("years of history"))
    demo.add_argument("--seed", type=int, metavar="S", help=_("the same seed makes the same file"))
    demo.add_argument("--size", choices=["realistic", "large"], default="realistic")
    _passphrase_option(demo)

    new = command("new", _("make a new, empty case file for a branch"), _cmd_new)
    new.add_argument("file", type=Path, metavar="FILE", help=_("where to make it"))
    new.add_argument(
        "--branch", required=True, type=readable_text, metavar="NAME", help=_("the branch's name")
    )
    _passphrase_option(new)

    check = command(
        "check", _("check every page of a case file; exit 0 only when whole"), _cmd_check
    )
    check.add_argument("file", type=Path, metavar="FILE", help=file_help)
    _passphrase_option(check)

    backup = command("backup", _("make an encrypted backup of a case file"), _cmd_backup)
    backup.add_argument("file", type=Path, metavar="FILE", help=file_help)
    backup.add_argument("--to", type=Path, metavar="DIR", help=_("folder for the backup"))
    _passphrase_option(backup)

    restore = command("restore", _("put a backup in the place of a case file"), _cmd_restore)
    restore.add_argument("backup", type=Path, metavar="BACKUP", help=_("the backup"))
    restore.add_argument("file", type=Path, metavar="FILE", help=file_help)
    _passphrase_option(restore)

    passwd = command("passwd", _("change the passphrase of a case file"), _cmd_passwd)
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

    from homestart_desktop.data.importing.command import add_import_options

    moving_in = command(
        "import",
        _("bring a branch's Excel lists (families, volunteers, matches) into a case file"),
        _cmd_import,
    )
    moving_in.add_argument("file", type=Path, metavar="FILE", help=file_help)
    _passphrase_option(moving_in)
    add_import_options(moving_in)

    printing = command("print", _("make a document as a PDF"), _no_print_kind)
    _add_print_kinds(printing.add_subparsers(dest="kind", metavar="KIND", parser_class=_Parser))
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


def _early_language(argv: list[str]) -> None:
    """Set ``--lang`` before the parser is built, so its help is in that language too."""
    for index, word in enumerate(argv):
        value = None
        if word.startswith("--lang="):
            value = word.split("=", 1)[1]
        elif word == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value in LANGUAGES:
            set_language(value)


def _case_file_to_open(argv: list[str], commands: set[str]) -> tuple[Path | None, list[str]]:
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


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    return {
        name
        for action in parser._actions  # argparse keeps its subcommands only here
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }


def main(argv: list[str] | None = None) -> int:
    """Run ``homestart`` with these arguments and return its exit code."""
    from homestart_desktop.data.casefile.errors import CaseFileError

    argv = [str(word) for word in (sys.argv[1:] if argv is None else argv)]
    _streams_carry_any_file_name()
    _early_language(argv)
    try:
        with _argparse_in_our_language():
            parser = build_parser()
            case_file, argv = _case_file_to_open(argv, _command_names(parser))
            args = parser.parse_args(argv)
            args.case_file = case_file
    except UsageProblem as problem:
        _complain(str(problem))
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
        _complain(str(refused))
        code = refused.exit_code if refused.exit_code != EXIT_UNEXPECTED else EXIT_USAGE
        log.info("command %s refused: %s", name, type(refused).__name__)
    except KeyboardInterrupt:
        _complain(_("Stopped."))
        code = EXIT_STOPPED
    except Exception as error:
        code = _unexpected(error, args)
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


def _unexpected(error: Exception, args: argparse.Namespace) -> int:
    from homestart_desktop.data.casefile.opening import storage_problem
    from homestart_desktop.data.validation import ValidationError

    if isinstance(error, ValidationError):
        _complain(" ".join(error.problems.values()))
        return EXIT_USAGE
    # A full disk or a read-only folder while a command writes: say which, not a type name.
    where_written = next(
        (Path(p) for name in ("out", "to", "file") if (p := getattr(args, name, None))),
        Path.cwd(),
    )
    folder = where_written if where_written.is_dir() else where_written.parent
    named = storage_problem(error, folder)
    if named is not None:
        log.info("command failed: %s", type(named).__name__)
        _complain(named.message)
        return named.exit_code
    # The type and place only: an exception's message can quote a row of the case file.
    log.error("unexpected error: %s", where(error))
    _complain(
        _(
            "Something unexpected went wrong ({kind}). Nothing personal is shown or logged; "
            "the log says where it happened: {log}"
        ).format(kind=type(error).__name__, log=log_file())
    )
    return EXIT_UNEXPECTED
