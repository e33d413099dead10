"""``homestart print intake-form FILE [--family GZ-2026-014] [--lang nl] --out PATH.pdf``.

A blank form (the usual print) reads only the branch's settings, without SQLAlchemy
(``data/casefile/quick_read.py``): the whole command then stays under a second.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from homestart_desktop.i18n import _

if TYPE_CHECKING:
    from homestart_desktop.data.casefile.casefile import CaseFile


def _no_place(args: argparse.Namespace) -> bool:
    if args.out is None:
        print(_("Say where to save the PDF with --out PATH.pdf."), file=sys.stderr)
        return True
    return False


def without_unlocking(args: argparse.Namespace, *, path: Path, passphrase: str) -> int | None:
    """A blank form from one read of the settings; None when the file must be unlocked."""
    if args.family:
        return None
    if _no_place(args):
        return 2
    from homestart_desktop.data.casefile.quick_read import current_case_file

    with current_case_file(path, passphrase=passphrase) as case_file:
        if case_file is None:  # a migration or the day's first backup is due
            return None
        from homestart_desktop.documents.intake_form import intake_form_pdf
        from homestart_desktop.private_files import write_private

        branch = case_file.settings
        pdf = intake_form_pdf(branch=branch, lang=args.doc_lang or branch.language)
        write_private(args.out, pdf)
        case_file.note_saved("intake_form")  # as the full path's cli_log does
    return 0


def intake_form_cli(args: argparse.Namespace, *, case_file: CaseFile) -> int:
    """Write the blank (no ``--family``) or pre-filled intake form; exit 2 on a wrong code."""
    from homestart_desktop.data.validation import ValidationError
    from homestart_desktop.documents.intake_form import intake_form_for
    from homestart_desktop.private_files import write_private

    if _no_place(args):
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
