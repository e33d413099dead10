"""``homestart retention FILE [--years N] [--apply] [--yes]`` and
``homestart erase FILE --family GZ-… | --volunteer VW-… [--yes]``.

Both show first what they would remove. They write only after a "yes" typed at the prompt, or,
when standard input is not a terminal (a script), with ``--yes``; otherwise they refuse, saying
so. The file is opened without the daily backup: a new backup would keep what is being removed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from homestart_desktop.cli_input import Passphrases, UsageProblem
from homestart_desktop.i18n import _, format_datetime, format_short_date, gettext


def add_retention_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``homestart retention``."""
    parser.add_argument(
        "--years",
        type=int,
        metavar="N",
        help=_("years after support ended (default: the branch's setting; not stored)"),
    )
    parser.add_argument(
        "--apply", action="store_true", help=_("anonymise them (asks first; see --yes)")
    )
    parser.add_argument(
        "--yes",
        action="store_true",
        help=_("do not ask when standard input is not a terminal (scripts)"),
    )


def add_erase_options(parser: argparse.ArgumentParser, readable_text: Callable[[str], str]) -> None:
    """The options of ``homestart erase``."""
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--family", type=readable_text, metavar="GZ-…", help=_("the family's code"))
    who.add_argument(
        "--volunteer", type=readable_text, metavar="VW-…", help=_("the volunteer's code")
    )
    parser.add_argument(
        "--yes",
        action="store_true",
        help=_("do not ask when standard input is not a terminal (scripts)"),
    )


def _say(line: str) -> None:
    print(line, flush=True)


def _go_ahead(args: argparse.Namespace, question: str, refusal: str) -> bool:
    if sys.stdin is not None and sys.stdin.isatty():
        answer = input(question + " " + _("[y/N] "))
        return answer.strip().lower() in {"y", "yes", "j", "ja", "o", "oui"}
    if args.yes:
        return True
    raise UsageProblem(refusal)


def _open(args: argparse.Namespace) -> Any:
    from homestart_desktop.data.casefile.casefile import unlock

    if not Path(args.file).is_file():
        raise UsageProblem(_("There is no file at this place: {file}").format(file=args.file))
    passphrase = Passphrases().existing(args.passphrase_file)
    return unlock(args.file, passphrase=passphrase, daily_backup=False)


def _backups_caveat(removed: Any) -> None:
    if removed.last_backup is not None:
        _say(
            _(
                "Backups made before now still hold this data until they are rotated out; "
                "the newest is of {when}."
            ).format(when=format_datetime(removed.last_backup))
        )


def retention_command(args: argparse.Namespace) -> int:
    """Run ``homestart retention``; returns the exit code."""
    from homestart_desktop.data.retention.due import due_for_anonymisation, retention_period
    from homestart_desktop.data.retention.erase import anonymise_due

    if args.years is not None and not 1 <= args.years <= 30:
        raise UsageProblem(_("--years must be a number from 1 to 30."))
    with _open(args) as case_file:
        with case_file.session() as session:
            years = args.years or retention_period(session=session).years
            due = due_for_anonymisation(session=session, today=args.today, years=years)
        ready = [record for record in due if record.held_until is None]
        _say(
            _("Due for anonymisation ({years} years after support ended): {count}").format(
                years=years, count=len(ready)
            )
        )
        for record in due:
            line = _("{code}  ended on {ended}  due since {due}").format(
                code=record.reference,
                ended=format_short_date(record.ended_on),
                due=format_short_date(record.due_on),
            )
            if record.held_until is not None:
                line += "  " + _("held back until {day}").format(
                    day=format_short_date(record.held_until)
                )
            _say(line)
        if not args.apply or not ready:
            return 0
        refusal = _("Nothing was anonymised. Add --yes to anonymise without a question.")
        if not _go_ahead(args, _("Anonymise these {count} now?").format(count=len(ready)), refusal):
            _say(_("Nothing was anonymised."))
            return 0
        removed = anonymise_due(case_file, today=args.today, years=years)
    _say(
        _("Anonymised families: {families}; volunteers: {volunteers}.").format(
            families=len(removed.families), volunteers=len(removed.volunteers)
        )
    )
    _backups_caveat(removed)
    return 0


def erase_command(args: argparse.Namespace) -> int:
    """Run ``homestart erase``; returns the exit code."""
    from homestart_desktop.data.retention.erase import ErasureRefused, erase, erasure_plan

    reference = args.family or args.volunteer
    with _open(args) as case_file:
        try:
            with case_file.session() as session:
                plan = erasure_plan(session=session, reference=reference)
        except ErasureRefused as refused:
            raise UsageProblem(str(refused)) from refused
        _say(_("Erasing {code} removes for good:").format(code=plan.reference))
        for msgid, count in plan.goes:
            _say("  " + gettext(msgid).format(count=count))
        _say(_("The code stays, marked erased, so that figures and links stay whole."))
        refusal = _("Nothing was erased. Add --yes to erase without a question.")
        if not _go_ahead(args, _("Erase {code} now?").format(code=plan.reference), refusal):
            _say(_("Nothing was erased."))
            return 0
        removed = erase(case_file, reference=plan.reference, today=args.today)
    _say(_("Erased: {code}.").format(code=plan.reference))
    _backups_caveat(removed)
    return 0
