"""``homestart print schedule`` and ``homestart ics``: a volunteer's visit plan from the terminal."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from homestart_desktop.data.casefile.casefile import CaseFile
from homestart_desktop.data.planning.visit_plan import volunteer_visit_plan
from homestart_desktop.data.planning.visits import plan_visits
from homestart_desktop.documents.visit_plan import coming_visits, visit_plan_ics, visit_plan_pdf
from homestart_desktop.domain import planning
from homestart_desktop.i18n import _
from homestart_desktop.private_files import write_private


def _plan(args: argparse.Namespace, case_file: CaseFile):  # -> VisitPlan | None
    monday = planning.week_of(args.today)[0]
    weeks = max(1, min(int(args.weeks or 8), 52))
    with case_file.session() as session:
        # The weeks asked for may reach past what the app planned so far.
        plan_visits(session=session, until=monday + dt.timedelta(weeks=weeks), today=args.today)
    try:
        with case_file.session() as session:
            return volunteer_visit_plan(
                session=session,
                volunteer_reference=args.volunteer,
                first=monday,
                weeks=weeks,
                include_address=bool(getattr(args, "with_address", False)),
                with_first_name=bool(getattr(args, "with_first_name", False)),
            )
    except LookupError:
        print(
            _("There is no volunteer {reference} in this case file.").format(
                reference=args.volunteer
            ),
            file=sys.stderr,
        )
        return None


def schedule_cli(args: argparse.Namespace, *, case_file: CaseFile) -> int:
    """Write the printable schedule PDF; exit 2 when the volunteer is unknown."""
    plan = _plan(args, case_file)
    if plan is None:
        return 2
    visit_plan_pdf(plan, lang=args.doc_lang, out=args.out)
    return 0


def ics_cli(args: argparse.Namespace, *, case_file: CaseFile) -> int:
    """Write the calendar file; exit 2 when the volunteer is unknown."""
    plan = _plan(args, case_file)
    if plan is None:
        return 2
    write_private(args.out, visit_plan_ics(plan, lang=args.doc_lang))
    if not coming_visits(plan):
        # An empty calendar file is a valid file: say why, or it looks like a failure.
        print(
            _("{reference} has no planned visits in these weeks: the calendar is empty.").format(
                reference=plan.volunteer_reference
            ),
            file=sys.stderr,
        )
    return 0
