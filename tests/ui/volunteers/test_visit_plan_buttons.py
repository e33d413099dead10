"""The volunteer's schedule and calendar file from the volunteer's file, as a coordinator makes them."""

from __future__ import annotations

import datetime as dt
import io

from icalendar import Calendar
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from homestart_desktop.data.models import (
    Caregiver,
    Family,
    FamilyStatus,
    Volunteer,
    VolunteerStatus,
)
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.document_preview import DocumentPreview
from tests.builders import matched_pair
from tests.ui.typing_helpers import open_tab
from tests.ui.volunteers.test_volunteers import TODAY, screen  # noqa: F401 (the fixture)


def _volunteer_with_a_family(case_file) -> int:
    with case_file.session() as session:
        family = Family(reference="GZ-2026-031", status=FamilyStatus.active, postcode="9000")
        volunteer = Volunteer(
            reference="VW-2026-007", first_name="Zoë", status=VolunteerStatus.matched
        )
        matched_pair(
            session,
            family=family,
            volunteer=volunteer,
            start_on=TODAY - dt.timedelta(days=20),
            weekday=2,
        )
        session.add(Caregiver(family_id=family.id, first_name="Ayşe", last_name="Demir"))
        session.add(Volunteer(reference="VW-2026-008", first_name="Mia"))
        return volunteer.id


def _open(qtbot, screen, volunteer_id):  # noqa: F811
    dialog = screen.open_file(volunteer_id)
    qtbot.waitUntil(lambda: dialog.visit_plan.schedule.isEnabled(), timeout=10_000)
    open_tab(qtbot, dialog.tabs, "Koppelingen")
    return dialog


def test_the_schedule_button_previews_the_coming_weeks(qtbot, screen, empty_case_file):  # noqa: F811
    dialog = _open(qtbot, screen, _volunteer_with_a_family(empty_case_file))
    box = dialog.visit_plan
    assert box.schedule.text() == "Bezoekplanning afdrukken…"
    qtbot.mouseClick(box.schedule, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.preview is not None and box.preview.isVisible(), timeout=10_000)
    assert isinstance(box.preview, DocumentPreview)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(box.preview.pdf)).pages)
    assert "GZ-2026-031" in text and "Gent" in text and "Ayşe" not in text
    box.preview.reject()


def test_the_calendar_file_is_saved_with_the_family_code_only(
    qtbot,
    screen,  # noqa: F811
    empty_case_file,
    tmp_path,
):
    dialog = _open(qtbot, screen, _volunteer_with_a_family(empty_case_file))
    target = tmp_path / "kalender.ics"
    prompts.set_next_answers([str(target)])
    qtbot.mouseClick(dialog.visit_plan.calendar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=10_000)
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert len(events) >= 7
    assert all(str(e["summary"]) == "Home-Start-bezoek GZ-2026-031" for e in events)


def test_an_empty_calendar_is_announced_before_it_is_saved(qtbot, screen, empty_case_file):  # noqa: F811
    _volunteer_with_a_family(empty_case_file)
    with empty_case_file.session() as session:
        from sqlmodel import select

        mia = session.exec(select(Volunteer).where(Volunteer.reference == "VW-2026-008")).one()
    dialog = _open(qtbot, screen, mia.id)
    prompts.clear_answers()
    prompts.set_next_answers([False])  # "no planned visits: save an empty calendar?" no
    qtbot.mouseClick(dialog.visit_plan.calendar, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts.shown), timeout=10_000)
    assert "geen geplande bezoeken" in prompts.shown[-1][1]
    QApplication.processEvents()
