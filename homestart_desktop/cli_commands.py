"""The commands of ``homestart`` on a case file (new, check, backup, restore, passwd, demo-file),
the exit code of each outcome, and the small checks they share before the slow unlock.

:mod:`homestart_desktop.cli` builds the parser that calls them and turns a refusal into its
message and exit code.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from homestart_desktop.cli_input import Passphrases, UsageProblem, read_passphrase_file
from homestart_desktop.i18n import N_, NP_, _
from homestart_desktop.logs import log_file, where

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
EXIT_NO_SUCH_CODE = 9  # `homestart access`: no family or volunteer with this code
EXIT_STOPPED = 130  # Ctrl+C, as every shell expects

EXIT_CODES: dict[int, str] = {
    EXIT_OK: NP_("exit code", "done"),
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
    EXIT_NO_SUCH_CODE: N_("there is no family or volunteer with this code in the case file"),
}


# ---- Small helpers


def say(message: str) -> None:
    print(message, file=sys.stdout, flush=True)


def complain(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def existing_file(path: Path) -> Path:
    if not path.is_file():
        raise UsageProblem(_("There is no file at this place: {file}").format(file=path))
    return path


def folder_for_output(path: Path | None, *, is_folder: bool = False) -> None:
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
def unlocked(path: Path, passphrase: str) -> Iterator[Any]:
    """Unlock for one command; a daily backup that could not be made is said, not fatal."""
    from homestart_desktop.data.casefile.casefile import unlock

    with unlock(path, passphrase=passphrase) as case_file:
        if case_file.backup_problem:
            complain(case_file.backup_problem)
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


def free_place(path: Path) -> Path:
    if path.exists():
        raise UsageProblem(
            _("A file with this name exists already; choose another name: {file}").format(file=path)
        )
    if not path.parent.is_dir():
        raise UsageProblem(_("This folder does not exist: {folder}").format(folder=path.parent))
    return path


def case_file_place(path: Path) -> Path:
    """Warn on stderr when the case file lives on a network share or in a synced folder."""
    from homestart_desktop.data.casefile.places import place_warning

    warning = place_warning(path)
    if warning:
        complain(_("Warning: {warning}").format(warning=warning))
        complain(_("(The app's window can stop this warning for this file.)"))
    return path


# ---- The commands


def cmd_demo_file(args: argparse.Namespace) -> int:
    from homestart_desktop.data.demo.branch import DEMO_PASSPHRASE, write_demo_file

    path = free_place(args.file)
    given = args.passphrase_file is not None
    passphrase = read_passphrase_file(args.passphrase_file) if given else DEMO_PASSPHRASE
    options: dict[str, Any] = {"size": args.size}
    for name in ("families", "years", "seed"):
        if getattr(args, name) is not None:
            options[name] = getattr(args, name)
    write_demo_file(path, passphrase=passphrase, today=args.today, **options)
    say(_("Demo case file made with invented families: {file}").format(file=path))
    if not given:
        say(_("Its passphrase: {passphrase}").format(passphrase=DEMO_PASSPHRASE))
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from homestart_desktop.data.casefile.casefile import create_case_file

    path = case_file_place(free_place(args.file))
    branch = args.branch.strip()
    if not branch:
        raise UsageProblem(_("Give the branch's name with --branch."))
    passphrase, repeated = Passphrases().new(args.passphrase_file)
    create_case_file(path, passphrase=passphrase, branch_name=branch, repeated=repeated).lock()
    say(_("New case file made: {file}").format(file=path))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from homestart_desktop.data.casefile.casefile import check_case_file
    from homestart_desktop.data.casefile.errors import DamagedCaseFile

    path = case_file_place(existing_file(args.file))
    problems = check_case_file(path, passphrase=Passphrases().existing(args.passphrase_file))
    if problems:
        log.warning("check found %d problems", len(problems))
        complain(DamagedCaseFile(problems[0]).message)
        for problem in problems[1:20]:
            complain(f"  {problem}")
        return EXIT_NOT_A_CASE_FILE
    say(_("The case file is whole: every page and every table was checked."))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    path = case_file_place(existing_file(args.file))
    folder_for_output(args.to, is_folder=True)
    with unlocked(path, Passphrases().existing(args.passphrase_file)) as case_file:
        made = case_file.backup(args.to)
    say(_("Backup made: {file}").format(file=made))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from homestart_desktop.data.casefile.backups import restore_backup

    backup = existing_file(args.backup)
    if args.file.exists() and backup.resolve() == args.file.resolve():
        raise UsageProblem(_("The backup and the case file are the same file."))
    case_file_place(args.file)  # the backup may live anywhere; the restored file may not
    prompt = _("Passphrase of the backup: ")
    passphrase = Passphrases().existing(args.passphrase_file, prompt)
    kept = restore_backup(backup, args.file, passphrase=passphrase)
    say(_("Backup restored: {file}").format(file=args.file))
    if kept is not None:
        say(_("The file it replaced is kept: {file}").format(file=kept))
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    from homestart_desktop.data.casefile.errors import WeakPassphrase
    from homestart_desktop.data.casefile.passphrase import passphrase_problems

    path = case_file_place(existing_file(args.file))
    source = Passphrases()
    old = source.existing(args.passphrase_file, _("Current passphrase: "))
    new, repeated = source.new(args.new_passphrase_file)
    # Refuse a weak one before the slow unlock, and before anything is written (the branch's
    # names are checked too once the file is open).
    problems = passphrase_problems(new, repeated=repeated)
    if problems:
        raise WeakPassphrase(" ".join(problems))
    with unlocked(path, old) as case_file:
        case_file.change_passphrase(new_passphrase=new, repeated=repeated)
        # The newest backup should open with the passphrase the coordinator now remembers.
        case_file.backup(reason="rekeyed")
    say(_("The passphrase is changed. Backups made before now still open with the old one."))
    return EXIT_OK


def unexpected_failure(error: Exception, args: argparse.Namespace) -> int:
    """What an error no command expected tells the coordinator, and its exit code."""
    from homestart_desktop.data.casefile.opening import storage_problem
    from homestart_desktop.data.validation import ValidationError

    if isinstance(error, ValidationError):
        complain(" ".join(error.problems.values()))
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
        complain(named.message)
        return named.exit_code
    # The type and place only: an exception's message can quote a row of the case file.
    log.error("unexpected error: %s", where(error))
    complain(
        _(
            "Something unexpected went wrong ({kind}). Nothing personal is shown or logged; "
            "the log says where it happened: {log}"
        ).format(kind=type(error).__name__, log=log_file())
    )
    return EXIT_UNEXPECTED
