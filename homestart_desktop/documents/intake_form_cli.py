"""``homestart print intake-form FILE [--family GZ-2026-014] [--lang nl] --out PATH.pdf``."""

from __future__ import annotations

import argparse
import sys

from homestart_desktop.data.casefile.casefile import CaseFile
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.documents.intake_form import intake_form_for
from homestart_desktop.i18n import _
from homestart_desktop.private_files import write_private


def intake_form_cli(args: argparse.Namespace, *, case_file: CaseFile) -> int:
    """Write the blank (no ``--family``) or pre-filled intake form; exit 2 on a wrong code."""
    if args.out is None:
        print(_("Say where to save the PDF with --out PATH.pdf."), file=sys.stderr)
        return 2
    with case_file.session() as session:
        family_id = None
        if args.family:
            # Only here: a blank form (the usual print) need not load the referral rules.
            from homestart_desktop.data.families.referrals import family_id_for_reference

            try:
                family_id = family_id_for_reference(session=session, reference=args.family)
            except ValidationError as error:
                print(error.problems["family"], file=sys.stderr)
                return 2
        pdf = intake_form_for(
            session=session, family_id=family_id, lang=args.doc_lang, today=args.today
        )
    write_private(args.out, pdf)
    return 0
