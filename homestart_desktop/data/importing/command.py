"""``homestart import FILE --families X.xlsx [--volunteers Y] [--matches Z] [--mapping M.json]
[--dry-run] [--yes]``: the wizard's work on the command line.

The lists are read and previewed before anything is written. Without ``--mapping`` the
suggested mapping is used and printed (save it, correct it, give it back with ``--mapping``).
Without ``--dry-run`` the command asks before writing; when standard input is not a terminal it
goes ahead only with ``--yes``. The import itself makes a backup first and is all or nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from homestart_desktop.cli_input import Passphrases, UsageProblem
from homestart_desktop.i18n import _

# The parser is built for ``--help`` too: what reads and writes (SQLAlchemy, openpyxl) loads
# only when the command runs.
KINDS = ("families", "volunteers", "matches")


def add_import_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``homestart import``."""
    for kind, help_text in zip(
        KINDS,
        (
            _("the families' list (.xlsx, .xls or .csv)"),
            _("the volunteers' list"),
            _("the running matches' list"),
        ),
        strict=True,
    ):
        parser.add_argument(f"--{kind}", type=Path, metavar="LIST", help=help_text)
    parser.add_argument("--mapping", type=Path, metavar="M.json", help=_("a saved mapping"))
    parser.add_argument(
        "--dry-run", action="store_true", help=_("only show what would happen; write nothing")
    )
    parser.add_argument("--yes", action="store_true", help=_("import without asking first"))
    parser.add_argument(
        "--existing",
        choices=["update", "skip"],
        default="update",
        help=_("a row imported before: update it (default) or skip it"),
    )
    parser.add_argument(
        "--all-or-nothing",
        action="store_true",
        help=_("import nothing when a row has a problem (default: skip those rows)"),
    )
    parser.add_argument(
        "--problems-out", type=Path, metavar="XLSX", help=_("where to save the skipped rows")
    )


def _say(line: str) -> None:
    print(line, flush=True)


def _sources(args: argparse.Namespace) -> list[Any]:
    from homestart_desktop.data.importing.fields import Kind
    from homestart_desktop.data.importing.run import Source

    sources = []
    for kind in Kind:
        path = getattr(args, kind.value)
        if path is None:
            continue
        if not path.is_file():
            raise UsageProblem(_("There is no file at this place: {file}").format(file=path))
        sources.append(Source(kind, path))
    if not sources:
        raise UsageProblem(_("Give at least one list: --families, --volunteers or --matches."))
    return sources


def _mapping(args: argparse.Namespace, tables: dict) -> Any:
    from homestart_desktop.data.importing.mapping import Mapping, suggest_mapping

    if args.mapping is None:
        mapping = suggest_mapping(tables)
        _say(_("Suggested mapping (save it, correct it and give it with --mapping):"))
        _say(mapping.to_json())
        return mapping
    try:
        given = Mapping.from_json(args.mapping.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise UsageProblem(
            _("There is no file at this place: {file}").format(file=args.mapping)
        ) from error
    # Values met for the first time still get a suggestion; the given choices win.
    return suggest_mapping(tables, given)


def _go_ahead(args: argparse.Namespace) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise UsageProblem(_("Nothing was imported. Add --yes to import without a question."))
    answer = input(_("Import now? A backup is made first. [y/N] "))
    return answer.strip().lower() in {"y", "yes", "j", "ja", "o", "oui"}


def import_command(args: argparse.Namespace) -> int:
    """Run ``homestart import``; returns the exit code."""
    from homestart_desktop.data.casefile.casefile import unlock
    from homestart_desktop.data.importing.plan import Options, build_plan
    from homestart_desktop.data.importing.reading import UnreadableWorkbook
    from homestart_desktop.data.importing.report import write_problem_workbook
    from homestart_desktop.data.importing.run import load_tables, run_import
    from homestart_desktop.data.importing.words import problem_line, summary_lines

    if not args.file.is_file():
        raise UsageProblem(_("There is no file at this place: {file}").format(file=args.file))
    try:
        tables = load_tables(_sources(args))
    except UnreadableWorkbook as error:
        raise UsageProblem(str(error)) from error
    mapping = _mapping(args, tables)
    options = Options(existing=args.existing, skip_problem_rows=not args.all_or_nothing)
    passphrase = Passphrases().existing(args.passphrase_file)
    # No daily backup on opening: a dry run writes nothing, an import makes its own backup.
    with unlock(args.file, passphrase=passphrase, daily_backup=False) as case_file:
        with case_file.session() as session:
            plan = build_plan(
                session=session, tables=tables, mapping=mapping, options=options, today=args.today
            )
        _say(_("Preview (nothing written yet):"))
        for line in summary_lines(plan):
            _say("  " + line)
        for problem in plan.problems:
            _say("  " + problem_line(problem))
        if args.dry_run:
            return 0
        if not plan.writes:
            _say(_("Nothing to import: the case file already holds every row."))
            return 0
        if not _go_ahead(args):
            _say(_("Nothing was imported."))
            return 0
        outcome = run_import(
            case_file, tables=tables, mapping=mapping, options=options, today=args.today
        )
    _say(_("Imported. A backup of the case file as it was: {file}").format(file=outcome.backup))
    for line in summary_lines(outcome.plan):
        _say("  " + line)
    if outcome.plan.problems:
        first = next(s.path for s in _sources(args))
        suffix = _("problems")
        target = args.problems_out or first.with_name(f"{first.stem}-{suffix}.xlsx")
        write_problem_workbook(outcome.plan, target)
        _say(_("The skipped rows, with a column saying why: {file}").format(file=target))
    return 0
