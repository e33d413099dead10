"""``homestart print agreement FILE --volunteer VW-2025-003 [--lang fr] --out PATH.pdf``.

The options are declared in ``cli.py`` (so building the parser imports nothing heavy).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from homestart_desktop.data.casefile.casefile import CaseFile
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.data.volunteers.register import find_volunteer_id
from homestart_desktop.documents.agreement import (
    REQUIRED_SETTINGS,
    VOLUNTEER_DETAILS,
    agreement_pdf,
    load_agreement,
    missing_details,
    missing_settings,
    unknown_amounts_warning,
)
from homestart_desktop.i18n import _


def agreement_cli(args: argparse.Namespace, *, case_file: CaseFile) -> int:
    """Write the agreement PDF; exit 2 when the volunteer is unknown."""
    try:
        with case_file.session() as session:
            volunteer_id = find_volunteer_id(session=session, reference=args.volunteer)
            data = load_agreement(session=session, volunteer_id=volunteer_id, today=args.today)
    except ValidationError as error:
        print(error.problems["reference"], file=sys.stderr)
        return 2
    lang = args.doc_lang or data.volunteer.details.language
    missing = missing_settings(data.settings, lang)
    if missing:
        # Names of settings only: never personal data on the terminal.
        print(
            _("Not filled in under Settings (printed as a blank line): {names}.").format(
                names=", ".join(_(REQUIRED_SETTINGS[name]) for name in missing)
            ),
            file=sys.stderr,
        )
    details = missing_details(data.volunteer)
    if details:
        print(
            _(
                "Not in the volunteer's file (printed as a line to fill in by hand): {names}."
            ).format(names=", ".join(_(VOLUNTEER_DETAILS[name]) for name in details)),
            file=sys.stderr,
        )
    # Printed anyway (the amounts shown name their year), but never silently.
    warning = unknown_amounts_warning(data.amounts)
    if warning:
        print(warning, file=sys.stderr)
    out = Path(args.out or f"{data.volunteer.reference}.pdf")
    agreement_pdf(data, lang=lang, out=out)
    print(out)
    return 0
