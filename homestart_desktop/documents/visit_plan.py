"""A volunteer's visit plan taken outside: an iCalendar file for the phone and a printed schedule.

Privacy-minimal by default: the family's reference and first name, no address unless chosen.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from homestart_desktop.data.models import VisitStatus
from homestart_desktop.data.planning.visit_plan import VisitPlan
from homestart_desktop.documents import common
from homestart_desktop.domain import days, planning
from homestart_desktop.i18n import N_, NP_, format_date, format_day

BRUSSELS = ZoneInfo("Europe/Brussels")
STATUS_WORDS = {
    VisitStatus.planned: N_("planned"),
    VisitStatus.done: NP_("visit", "done"),
    VisitStatus.cancelled_family: N_("cancelled by the family"),
    VisitStatus.cancelled_volunteer: N_("cancelled by the volunteer"),
    VisitStatus.not_happened: N_("did not happen"),
}


def _summary(plan: VisitPlan, family_reference: str, tr: common.Translate) -> str:
    family = plan.families.get(family_reference)
    name = f" ({family.first_name})" if family and family.first_name else ""
    return tr("Home-Start visit {reference}{name}").format(reference=family_reference, name=name)


def visit_plan_ics(plan: VisitPlan, *, lang: str | None = None) -> bytes:
    """RFC 5545 calendar of the plan's visits that will still take place (not the cancelled)."""
    tr = common.translator(lang or plan.language)
    calendar = Calendar()
    calendar.add("prodid", "-//Home-Start Vlaanderen//Home-Start Desktop//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", tr("Home-Start visits"))
    for visit in plan.visits:
        if visit.status not in (VisitStatus.planned, VisitStatus.done):
            continue
        start, end = planning.visit_times(visit.on, visit.half_day)
        event = Event()
        # A stable UID per visit, so a re-imported file updates events instead of doubling them.
        uid = hashlib.sha256(f"{plan.volunteer_reference}/{visit.id}".encode()).hexdigest()[:24]
        event.add("uid", f"{uid}@homestart-desktop")
        event.add("dtstamp", dt.datetime.now(dt.UTC))
        event.add("dtstart", start.replace(tzinfo=BRUSSELS))
        event.add("dtend", end.replace(tzinfo=BRUSSELS))
        event.add("summary", _summary(plan, visit.family_reference, tr))
        family = plan.families.get(visit.family_reference)
        if family and family.address:
            event.add("location", family.address)
        calendar.add_component(event)
    return calendar.to_ical()


def visit_plan_pdf(plan: VisitPlan, *, lang: str | None = None, out: Path | None = None) -> bytes:
    """A printable schedule: one row per visit, week by week."""
    language = lang or plan.language
    tr = common.translator(language)
    st = common.styles()
    title = tr("Visit schedule")
    story: list = [
        Paragraph(common.escape(title), st["title"]),
        Paragraph(
            common.escape(
                tr("{volunteer}, {first} to {last}").format(
                    volunteer=f"{plan.volunteer_first_name} ({plan.volunteer_reference})",
                    first=format_date(plan.first, lang=language),
                    last=format_date(plan.last, lang=language),
                )
            ),
            st["subtitle"],
        ),
        Spacer(1, 5 * mm),
    ]
    header = [tr("Date"), tr("Half-day"), tr("Family"), tr("Status")]
    rows = [[Paragraph(common.escape(h), st["h3"]) for h in header]]
    for visit in plan.visits:
        family = plan.families.get(visit.family_reference)
        family_text = visit.family_reference
        if family and family.first_name:
            family_text += f" ({family.first_name})"
        if family and family.address:
            family_text += f"\n{family.address}"
        cells = [
            format_day(visit.on, lang=language),
            days.half_day_name(visit.half_day, lang=language),
            family_text,
            tr(STATUS_WORDS[visit.status]),
        ]
        rows.append([Paragraph(common.escape(c).replace("\n", "<br/>"), st["body"]) for c in cells])
    if len(rows) == 1:
        story.append(Paragraph(common.escape(tr("No visits planned in this period.")), st["body"]))
    else:
        widths = [46 * mm, 32 * mm, common.CONTENT_WIDTH - 128 * mm, 50 * mm]
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, common.ACCENT),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.3, common.RULE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        story.append(table)
    return common.render_pdf(
        story,
        title=title,
        branch=plan.branch,
        lang=language,
        reference=plan.volunteer_reference,
        out=out,
    )
