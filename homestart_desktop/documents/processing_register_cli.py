"""``homestart print processing-register FILE [--lang nl|fr|en] --out PATH.pdf``."""

from __future__ import annotations

import argparse
import sys

from homestart_desktop.data.casefile.casefile import CaseFile
from homestart_desktop.documents.processing_register import processing_register_for
from homestart_desktop.i18n import _
from homestart_desktop.private_files import write_private


def processing_register_cli(args: argparse.Namespace, *, case_file: CaseFile) -> int:
    """Write the register of processing (the branch's language unless ``--lang``)."""
    if args.out is None:
        print(_("Say where to save the PDF with --out PATH.pdf."), file=sys.stderr)
        return 2
    with case_file.session() as session:
        pdf = processing_register_for(
            session=session, case_path=case_file.path, today=args.today, lang=args.doc_lang
        )
    write_private(args.out, pdf)
    return 0
