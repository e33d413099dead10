"""A volunteer's visit plan taken outside: an iCalendar file for the phone and a printed schedule.

Privacy-minimal by default: the family's reference and municipality; the first name and the
street only when the coordinator chose them (a phone syncs its calendar to a cloud).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
from sqlmodel import Session

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.models import VisitStatus
from homestart_desktop.data.planning.visit_plan import (
    PlanFamily,
    SkippedWeek,
    VisitPlan,
    volunteer_visit_plan,
)
from homestart_desktop.data.planning.visits import VisitRow, plan_visits
from homestart_desktop.data.postcodes import municipality_name
from homestart_desktop.documents import common
from homestart_desktop.domain import days, planning
from homestart_desktop.i18n import N_, NP_, format_date

BRUSSELS = ZoneInfo("Europe/Brussels")
STATUS_WORDS = {
    VisitStatus.planned: N_("planned"),
    VisitStatus.done: NP_("visit", "done"),
    VisitStatus.cancelled_family: N_("cancelled by the family"),
    VisitStatus.cancelled_volunteer: N_("cancelled by the volunteer"),
    VisitStatus.not_happened: N_("did not happen"),
}


def _family_name(plan: VisitPlan, family_reference: str) -> str:
    """The family's code, with the first name only when the coordinator chose so."""
    family = plan.families.get(family_reference)
    if plan.with_first_name and family and family.first_name:
        return f"{family_reference} ({family.first_name})"
    return family_reference


def _place(family: PlanFamily | None, lang: str) -> str:
    """Street (when chosen) and municipality, named in the document's language (Gent, Gand)."""
    if family is None:
        return ""
    municipality = municipality_name(family.postcode, lang) if family.postcode else ""
    if family.address:
        town = " ".join(p for p in (family.postcode, municipality) if p)
        return ", ".join(p for p in (family.address, town) if p)
    return municipality


def _times(visit: VisitRow) -> str:
    start, end = planning.visit_times(visit.on, visit.half_day)
    return f"{start:%H:%M}\u2013{end:%H:%M}"


def coming_visits(plan: VisitPlan) -> list[VisitRow]:
    """The visits that still take place or took place (not the cancelled): the calendar's events."""
    return [v for v in plan.visits if v.status in (VisitStatus.planned, VisitStatus.done)]


def visit_plan_ics(plan: VisitPlan, *, lang: str | None = None) -> bytes:
    """RFC 5545 calendar of the plan's visits that will still take place (not the cancelled).

    Times are in Europe/Brussels with its VTIMEZONE block, so Outlook does not shift them.
    """
    language = lang or plan.language
    tr = common.translator(language)
    calendar = Calendar()
    calendar.add("prodid", "-//Home-Start Vlaanderen//Home-Start Desktop//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", tr("Home-Start visits"))
    calendar.add("x-wr-timezone", "Europe/Brussels")
    visits = coming_visits(plan)
    if not visits:
        # A calendar app shows the description: an empty file then says why it is empty.
        calendar.add("x-wr-caldesc", tr("No visits planned in this period."))
    for visit in visits:
        start, end = planning.visit_times(visit.on, visit.half_day)
        event = Event()
        # A stable UID per visit, so a re-imported file updates events instead of doubling them.
        uid = hashlib.sha256(f"{plan.volunteer_reference}/{visit.id}".encode()).hexdigest()[:24]
        event.add("uid", f"{uid}@homestart-desktop")
        event.add("dtstamp", dt.datetime.now(dt.UTC))
        event.add("dtstart", start.replace(tzinfo=BRUSSELS))
        event.add("dtend", end.replace(tzinfo=BRUSSELS))
        event.add(
            "summary",
            tr("Home-Start visit {family}").format(
                family=_family_name(plan, visit.family_reference)
            ),
        )
        place = _place(plan.families.get(visit.family_reference), language)
        if place:
            event.add("location", place)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _skip_reason(skip: SkippedWeek, tr: common.Translate) -> str:
    if skip.holiday:
        return tr("No visit: {holiday} (public holiday)").format(holiday=skip.holiday)
    if skip.blocked:
        return tr("No visit: period without visits ({label})").format(label=skip.blocked)
    return tr("No visit: period without visits")


def visit_plan_pdf(plan: VisitPlan, *, lang: str | None = None, out: Path | None = None) -> bytes:
    """A printable schedule: one row per visit (clock times, municipality), and why a week has none."""
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
                    first=format_date(plan.first, format="d MMMM y", lang=language),
                    last=format_date(plan.last, format="d MMMM y", lang=language),
                )
            ),
            st["subtitle"],
        ),
        Spacer(1, 5 * mm),
    ]
    header = [tr("Date"), tr("Time"), tr("Family"), tr("Status")]
    rows = [[Paragraph(common.escape(h), st["h3"]) for h in header]]
    lines: list[tuple[dt.date, list[str], bool]] = []
    for visit in plan.visits:
        family = plan.families.get(visit.family_reference)
        family_text = _family_name(plan, visit.family_reference)
        place = _place(family, language)
        if place:
            family_text += f"\n{place}"
        time_text = f"{_times(visit)}\n{days.half_day_name(visit.half_day, lang=language)}"
        status = tr(STATUS_WORDS[visit.status])
        lines.append((visit.on, [time_text, family_text, status], False))
    for skip in plan.skipped:
        family_text = _family_name(plan, skip.family_reference)
        lines.append((skip.on, ["\u2014", family_text, _skip_reason(skip, tr)], True))
    lines.sort(key=lambda line: line[0])
    for on, cells, is_skip in lines:
        # The year on every row: a schedule in December runs into January.
        cells = [format_date(on, format="EEEE d MMMM y", lang=language), *cells]
        style = st["small"] if is_skip else st["body"]
        rows.append([Paragraph(common.escape(c).replace("\n", "<br/>"), style) for c in cells])
    if not plan.visits:
        story.append(Paragraph(common.escape(tr("No visits planned in this period.")), st["body"]))
    if len(rows) > 1:
        # The family (name, street, town) gets the room: it wraps most.
        widths = [42 * mm, 26 * mm, common.CONTENT_WIDTH - 110 * mm, 42 * mm]
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


@dataclasses.dataclass(frozen=True)
class PlanDocument:
    """A schedule (PDF) or calendar (.ics) made for the screens' worker thread."""

    data: bytes
    volunteer_reference: str
    visit_count: int  # the calendar's events: 0 means the screen says why the file is empty
    changes: Changes  # the weeks asked for may have planned new visits


def plan_document_for(
    *,
    session: Session,
    volunteer_reference: str,
    today: dt.date,
    calendar: bool,
    weeks: int = 8,
    include_address: bool = False,
    with_first_name: bool = False,
) -> PlanDocument:
    """Plan the coming weeks, then lay out the volunteer's schedule or calendar file."""
    monday = planning.week_of(today)[0]
    changes = plan_visits(session=session, until=monday + dt.timedelta(weeks=weeks), today=today)
    plan = volunteer_visit_plan(
        session=session,
        volunteer_reference=volunteer_reference,
        first=monday,
        weeks=weeks,
        include_address=include_address,
        with_first_name=with_first_name,
    )
    data = visit_plan_ics(plan) if calendar else visit_plan_pdf(plan)
    return PlanDocument(data, plan.volunteer_reference, len(coming_visits(plan)), changes)
