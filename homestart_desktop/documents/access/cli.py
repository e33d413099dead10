"""``homestart access FILE --family GZ-… | --volunteer VW-… --out DIR``: the access export."""

from __future__ import annotations

import argparse
import sys

from homestart_desktop.cli_commands import EXIT_NO_SUCH_CODE, EXIT_OK, say
from homestart_desktop.data.casefile.casefile import CaseFile
from homestart_desktop.documents.access.export import save_access_export
from homestart_desktop.i18n import _


def access_cli(args: argparse.Namespace, *, case_file: CaseFile) -> int:
    """Write the PDF and the JSON (0600) into ``args.to``; a code not in the file has its exit."""
    kind, reference = ("family", args.family) if args.family else ("volunteer", args.volunteer)
    args.to.mkdir(parents=True, exist_ok=True)
    try:
        with case_file.session() as session:
            pdf, data = save_access_export(
                session=session, kind=kind, reference=reference, folder=args.to, today=args.today
            )
    except LookupError:
        message = (
            _("There is no family {reference} in this case file.")
            if kind == "family"
            else _("There is no volunteer {reference} in this case file.")
        )
        print(message.format(reference=reference), file=sys.stderr)
        return EXIT_NO_SUCH_CODE
    say(_("Everything about {reference} is saved in:").format(reference=reference))
    say(f"  {pdf}")
    say(f"  {data}")
    return EXIT_OK
