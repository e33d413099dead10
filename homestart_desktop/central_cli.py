"""``homestart-central``: the central office's side of the quarterly figures.

    homestart-central keygen --out DIR
    homestart-central register BRANCH_KEY_FILE --branch CODE
    homestart-central import DIR_OR_FILES... --identity KEYFILE
    homestart-central report --quarter 2026-Q3 --out report.pdf [--xlsx report.xlsx]

The office's store (registered branch keys, accepted figures) is a folder: ``--store DIR``, or
``$HOMESTART_CENTRAL_STORE``, or the user's data folder. Exit codes: 0 done, 1 some packages
were refused (the others were kept), 2 the command could not run as typed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from homestart_desktop.i18n import _, set_language

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def _store_folder(args: argparse.Namespace) -> Path:
    if args.store:
        return Path(args.store)
    if os.environ.get("HOMESTART_CENTRAL_STORE"):
        return Path(os.environ["HOMESTART_CENTRAL_STORE"])
    from platformdirs import user_data_dir

    return Path(user_data_dir("homestart-central", "Home-Start Vlaanderen"))


def _cmd_keygen(args: argparse.Namespace) -> int:
    from homestart_desktop.sync.central.keys import keygen

    identity, public = keygen(Path(args.out))
    print(_("Secret key (keep it safe, never send it): {path}").format(path=identity))
    print(_("Public key for every branch's Settings: {key}").format(key=public.read_text().strip()))
    return EXIT_OK


def _cmd_register(args: argparse.Namespace) -> int:
    from homestart_desktop.sync.central.keys import read_branch_key
    from homestart_desktop.sync.central.store import CentralStore
    from homestart_desktop.sync.outbox import BRANCH_CODE

    branch = args.branch.strip().upper()
    if not BRANCH_CODE.match(branch):
        raise ValueError(_("A branch code is 2 to 20 letters, digits or dashes."))
    named, key = read_branch_key(Path(args.key_file))
    if named and named != branch:
        raise ValueError(
            _("This key file belongs to branch {named}, not {branch}.").format(
                named=named, branch=branch
            )
        )
    store = CentralStore(_store_folder(args))
    for other, other_key in store.branches().items():
        if other_key == key and other != branch:
            raise ValueError(
                _("This key is registered already for branch {other}.").format(other=other)
            )
    store.register(branch, key)
    print(_("Branch {branch} is registered.").format(branch=branch))
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from homestart_desktop.sync.central.importer import import_paths
    from homestart_desktop.sync.central.keys import load_identity
    from homestart_desktop.sync.central.store import CentralStore

    identity = load_identity(Path(args.identity))
    store = CentralStore(_store_folder(args))
    results = import_paths(store, [Path(p) for p in args.paths], identity)
    if not results:
        print(_("No packages found."), file=sys.stderr)
        return EXIT_USAGE
    for result in results:
        if result.accepted:
            print(
                _("kept     {name}: {branch} {quarter} version {version}").format(
                    name=result.name,
                    branch=result.branch,
                    quarter=result.quarter,
                    version=result.version,
                )
            )
        else:
            print(_("REFUSED  {name}: {reason}").format(name=result.name, reason=result.reason))
    return EXIT_OK if all(r.accepted for r in results) else EXIT_REFUSED


def _cmd_report(args: argparse.Namespace) -> int:
    from homestart_desktop.sync.central.combine import combine
    from homestart_desktop.sync.central.report_pdf import report_pdf
    from homestart_desktop.sync.central.report_xlsx import report_xlsx
    from homestart_desktop.sync.central.store import CentralStore
    from homestart_desktop.sync.quarter import Quarter

    quarter = Quarter.parse(args.quarter)
    store = CentralStore(_store_folder(args))
    combined = combine(store, quarter)
    previous = combine(store, quarter.previous(), trend_quarters=1)
    year_before = combine(store, quarter.year_before(), trend_quarters=1)
    report_pdf(combined, previous, year_before, out=Path(args.out), lang=args.lang)
    print(_("Report written: {path}").format(path=args.out))
    if args.xlsx:
        report_xlsx(combined, Path(args.xlsx))
        print(_("Spreadsheet written: {path}").format(path=args.xlsx))
    if combined.missing:
        print(_("Not reported: {branches}").format(branches=", ".join(combined.missing)))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The command line of the central office."""
    parser = argparse.ArgumentParser(
        prog="homestart-central",
        description=_("Home-Start Vlaanderen central office: quarterly figures."),
    )
    parser.add_argument("--store", help=_("folder of the office's store"))
    parser.add_argument("--lang", default="nl", choices=["nl", "fr", "en"])
    commands = parser.add_subparsers(dest="command", required=True)
    keygen = commands.add_parser("keygen", help=_("make the office's key pair"))
    keygen.add_argument("--out", required=True)
    keygen.set_defaults(run=_cmd_keygen)
    register = commands.add_parser("register", help=_("trust a branch's signing key"))
    register.add_argument("key_file")
    register.add_argument("--branch", required=True)
    register.set_defaults(run=_cmd_register)
    importing = commands.add_parser("import", help=_("import figures packages"))
    importing.add_argument("paths", nargs="+")
    importing.add_argument("--identity", required=True)
    importing.set_defaults(run=_cmd_import)
    report = commands.add_parser("report", help=_("the report of all branches for a quarter"))
    report.add_argument("--quarter", required=True)
    report.add_argument("--out", required=True)
    report.add_argument("--xlsx")
    report.set_defaults(run=_cmd_report)
    for sub in (register, importing, report):
        sub.add_argument(
            "--store", default=argparse.SUPPRESS, help=_("folder of the office's store")
        )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; a refusal prints one line in words, never a traceback."""
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser().parse_args(argv)
    set_language(args.lang)
    try:
        return args.run(args)
    except (ValueError, OSError) as error:  # PackageError is a ValueError
        message = (
            str(error)
            if isinstance(error, ValueError)
            else (error.strerror or type(error).__name__)
        )
        print(message, file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
