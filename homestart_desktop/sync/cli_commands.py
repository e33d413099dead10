"""``homestart figures``, ``homestart export`` and ``homestart branch-key`` (wired in cli.py).

Each is ``fn(args, *, case_file) -> exit code`` and runs on an unlocked case file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from homestart_desktop.i18n import _
from homestart_desktop.sync.quarter import Quarter

if TYPE_CHECKING:  # the command line stays quick to start: no database modules for --help
    from homestart_desktop.data.casefile.casefile import CaseFile


def quarter_argument(text: str) -> Quarter:
    """argparse type for ``--quarter 2026-Q3``."""
    try:
        return Quarter.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def figures_text(figures: dict, quarter: str) -> str:
    """The protected figures as plain text, one line per figure, table by table."""
    from homestart_desktop.sync.labels import (
        lines,
        row_label,
        share_of,
        shown,
        table_label,
        value_of,
    )

    out = [_("Quarterly figures {quarter}").format(quarter=quarter)]
    current = None
    for table, row in lines():
        if table != current:
            out += ["", table_label(table)]
            current = table
        value = shown(value_of(figures, table, row), row)
        share = share_of(figures, table, row)
        extra = f"  ({share:.0%})" if share is not None else ""
        out.append(f"  {row_label(row, table):<52} {value:>10}{extra}")
    out += [
        "",
        _(
            "Every count carries a small random noise (at most 4 more or less, never 1 or 2) so "
            "that no family can be recognised. —: fewer than 5 families or volunteers."
        ),
    ]
    return "\n".join(out)


def figures_cli(args: argparse.Namespace, *, case_file: CaseFile) -> int:
    """Print the quarter's figures after disclosure control (``--json``: the package payload)."""
    from homestart_desktop.sync.disclosure import protect
    from homestart_desktop.sync.figures import raw_quarter_figures
    from homestart_desktop.sync.outbox import next_payload

    with case_file.session() as session:
        if args.json:
            payload = next_payload(session=session, quarter=args.quarter)
            sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
            return 0
        figures = protect(raw_quarter_figures(session=session, quarter=args.quarter))
    sys.stdout.write(figures_text(figures, str(args.quarter)) + "\n")
    return 0


def export_cli(args: argparse.Namespace, *, case_file: CaseFile) -> int:
    """Make the quarter's package (a new version) and save it in ``--to``."""
    from homestart_desktop.sync.outbox import Outbox, make_package
    from homestart_desktop.sync.transports import FolderTransport

    folder = Path(args.to)
    folder.mkdir(parents=True, exist_ok=True)
    with case_file.session() as session:
        info = make_package(session=session, quarter=args.quarter)
    attempt = Outbox(case_file.session).send_one(info.id, FolderTransport(folder))
    if not attempt.delivered:
        # A full or read-only stick gets its own words and exit code; the package stays in the
        # outbox, to be sent again.
        from homestart_desktop.data.casefile.opening import folder_problem

        named = folder_problem(folder)
        print(named.message if named else attempt.message, file=sys.stderr)
        return named.exit_code if named else 2
    print(
        _("Package {quarter} version {version} saved in {folder}").format(
            quarter=info.quarter, version=info.version, folder=folder
        )
    )
    return 0


def branch_key_cli(args: argparse.Namespace, *, case_file: CaseFile) -> int:
    """Write the branch's public signing key for the central office to register."""
    from homestart_desktop.data.settings import get_secret, load_settings
    from homestart_desktop.sync.central.keys import write_branch_key
    from homestart_desktop.sync.package import public_key_hex

    with case_file.session() as session:
        code = load_settings(session=session).branch_code.strip().upper()
        key = public_key_hex(get_secret(session=session, key="branch_signing_key") or "")
    write_branch_key(Path(args.out), branch=code, public_key_hex=key)
    print(
        _("The branch's public key is in {path}: give it to the central office.").format(
            path=args.out
        )
    )
    return 0
