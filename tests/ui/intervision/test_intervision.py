"""Intervision section: record a session with three attendees and a follow-up, find it through
search, and see the attendance overview change."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox

from homestart_desktop.data.intervision import sessions as iv
from homestart_desktop.data.models import Caregiver, Family, Presence, Volunteer, VolunteerStatus
from homestart_desktop.ui.common import prompts, theme
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.intervision.notes_search import EXCERPT_COLUMN, marked_html
from homestart_desktop.ui.intervision.screen import IntervisionScreen
from tests.clock import TEST_TODAY
from tests.ui.typing_helpers import choose, click, find, press_escape, type_into, type_text

TODAY = TEST_TODAY


@pytest.fixture
def screen(qtbot, empty_case_file):
    with empty_case_file.session() as session:
        family = Family(reference="GZ-2026-014")
        session.add(family)
        session.flush()
        session.add(Caregiver(family_id=family.id, first_name="Fatima", last_name="El Amrani"))
        for number, (first, last) in enumerate(
            [("Özlem", "Yılmaz"), ("Łukasz", "Wróbel"), ("Наталія", "Коваленко")], start=1
        ):
            session.add(
                Volunteer(
                    reference=f"VW-2025-{number:03d}",
                    first_name=first,
                    last_name=last,
                    status=VolunteerStatus.matched,
                    created_on=TODAY - dt.timedelta(days=400),
                )
            )
    ops = Ops()
    ops.case_file = empty_case_file
    widget = IntervisionScreen(ops)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    with qtbot.waitSignal(widget.sig_loaded, timeout=10_000):
        widget.reload()
    yield widget
    # Let every answer reach its screen (an answer may ask for more) before the worker stops.
    # Private on purpose: nothing on screen tells that the worker has no answer left to hand.
    qtbot.waitUntil(lambda: not ops._pending, timeout=10_000)
    ops.wait_idle()
    ops.shutdown()
    prompts.clear_answers()


def _attendance(screen) -> dict[str, tuple[int, int, int]]:
    rows = [
        screen.attendance.table.model.record(r)
        for r in range(screen.attendance.table.model.rowCount())
    ]
    return {r.first_name: (r.held, r.present, r.absent_notified) for r in rows}


def _open_new_session(qtbot, screen):
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    dialog = screen.session_dialog
    qtbot.waitUntil(dialog.isEnabled, timeout=10_000)
    return dialog


def test_record_find_and_see_attendance_change(qtbot, screen, empty_case_file):
    assert _attendance(screen) == {"Özlem": (0, 0, 0), "Łukasz": (0, 0, 0), "Наталія": (0, 0, 0)}
    dialog = _open_new_session(qtbot, screen)

    # A session without theme is refused beside the field; the date stays as typed.
    type_into(qtbot, dialog, "sessionDate", TODAY)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "thema" in dialog.errors.message("theme")
    assert dialog.isVisible()

    qtbot.keyClicks(dialog.theme, "Grenzen stellen bij vermoeidheid")
    picker = find(dialog, "attendeePicker", QComboBox)
    for volunteer in [picker.itemText(index) for index in range(3)]:
        choose(qtbot, dialog, picker, volunteer)
        click(qtbot, dialog, "addAttendee")
    choose(qtbot, dialog, "presence1", "Verontschuldigd")
    qtbot.mouseClick(dialog.follow_ups.add_button, Qt.MouseButton.LeftButton)
    what, who, due, _done = dialog.follow_ups.widgets(0)
    qtbot.keyClicks(what, "Brochure kinderopvang voor Fatima")
    qtbot.keyClicks(who, "Jef")
    type_into(qtbot, dialog, due, TODAY - dt.timedelta(days=3))
    qtbot.keyClicks(dialog.notes.edit, "Fatima belde over de zwaluwstaart ")
    type_text(qtbot, dialog.notes.edit, "😀 — розмова")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Opvolgactie 1" in dialog.errors.message("follow_ups")
    assert what.text() == "Brochure kinderopvang voor Fatima"  # nothing typed is lost

    type_into(qtbot, dialog, due, TODAY + dt.timedelta(days=14))
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.name_warning.isVisible()  # a family member's name in the notes
    assert dialog.name_warning.names_found() == ["Fatima", "Fatima"]  # follow-up and notes
    with (
        qtbot.waitSignal(dialog.sig_saved, timeout=10_000),
        qtbot.waitSignal(screen.sig_loaded, timeout=10_000),
    ):
        qtbot.mouseClick(dialog.name_warning.replace_button, Qt.MouseButton.LeftButton)

    with empty_case_file.session() as session:
        saved = iv.list_sessions(session=session)
        detail = iv.get_session(session=session, session_id=saved[0].id, today=TODAY)
    assert detail.notes == "GZ-2026-014 belde over de zwaluwstaart 😀 — розмова"
    assert detail.follow_ups[0].description == "Brochure kinderopvang voor GZ-2026-014"
    assert (saved[0].present, saved[0].absent_notified, saved[0].open_follow_ups) == (2, 1, 1)
    assert screen.sessions.model.rowCount() == 1

    # The attendance overview shows the session.
    assert _attendance(screen) == {"Özlem": (1, 1, 0), "Łukasz": (1, 0, 1), "Наталія": (1, 1, 0)}

    # Search finds it; the result opens the session.
    screen.tabs.setCurrentWidget(screen.search)
    with qtbot.waitSignal(screen.search.sig_results, timeout=10_000) as found:
        qtbot.keyClicks(screen.search.field, "zwaluw")
        qtbot.keyClick(screen.search.field, Qt.Key.Key_Return)
    assert found.args == [1]
    hit = screen.search.results.model.record(0)
    assert hit.session_id == saved[0].id and "zwaluwstaart" in hit.excerpt
    # The words found are marked, like a marker pen on paper: "zwaluw" in "zwaluwstaart".
    assert ">zwaluw</span>staart" in marked_html(hit.excerpt, "zwaluw")
    view = screen.search.results.view
    cell = view.visualRect(view.model().index(0, EXCERPT_COLUMN))
    shot = view.viewport().grab(cell).toImage()
    marker = QColor(theme.MARK_BACKGROUND)
    assert any(
        shot.pixelColor(x, y) == marker for x in range(shot.width()) for y in range(shot.height())
    )
    screen.search.open_hit(hit)
    reopened = screen.session_dialog
    qtbot.waitUntil(reopened.isEnabled, timeout=10_000)
    assert reopened.theme.text() == "Grenzen stellen bij vermoeidheid"
    listed = [a.volunteer_id for a in detail.attendees]
    assert [v for v, _p in reopened.attendees.value()] == listed
    press_escape(qtbot, reopened)

    # A new session offers the same group as last time.
    dialog = _open_new_session(qtbot, screen)
    qtbot.mouseClick(dialog.attendees.add_last, Qt.MouseButton.LeftButton)
    assert [v for v, _p in dialog.attendees.value()] == listed
    prompts.set_next_answers([True])  # discard
    press_escape(qtbot, dialog)

    # Deleting asks first, then the list and the overview empty again.
    reopened = screen.open_session(saved[0].id)
    qtbot.waitUntil(reopened.isEnabled, timeout=10_000)
    prompts.set_next_answers([True])
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        qtbot.mouseClick(reopened.delete_button, Qt.MouseButton.LeftButton)
    assert screen.sessions.model.rowCount() == 0
    assert _attendance(screen)["Özlem"] == (0, 0, 0)


def test_an_attendee_twice_is_named_beside_the_list_and_pasted_rich_text_arrives_plain(
    qtbot, screen
):
    dialog = _open_new_session(qtbot, screen)
    assert not dialog.attendees.add_last.isVisibleTo(dialog)  # no earlier session yet
    qtbot.keyClicks(dialog.theme, "Rouw")
    picker = find(dialog, "attendeePicker", QComboBox)
    choose(qtbot, dialog, picker, picker.itemText(0))
    qtbot.mouseClick(dialog.attendees.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.attendees.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "twee keer" in dialog.errors.message("attendance")
    assert len(dialog.attendees.value()) == 2

    mime = QMimeData()
    mime.setHtml("<p><b>Vet</b> en <i>schuin</i> 😀 Ioana Țurcanu</p>")
    mime.setText("Vet en schuin 😀 Ioana Țurcanu")
    # What Ctrl+V and drag-and-drop hand over (the system clipboard would outlive the test).
    dialog.notes.edit.insertFromMimeData(mime)
    assert dialog.notes.text() == "Vet en schuin 😀 Ioana Țurcanu"

    prompts.set_next_answers([True])  # discard the changes
    press_escape(qtbot, dialog)
    assert prompts.shown and not dialog.isVisible()


def test_a_session_report_is_chosen_printed_with_its_notes_and_cancel_prints_nothing(
    qtbot, screen, empty_case_file
):
    from PySide6.QtWidgets import QDialogButtonBox

    from homestart_desktop.ui.common.document_preview import DocumentPreview
    from tests.ui.typing_helpers import click_row, click_standard, tick, when_dialog_opens

    with empty_case_file.session() as session:
        volunteer_id = session.get(Volunteer, 1).id
        iv.save_session(
            session=session,
            data=iv.SessionIn(
                on=TODAY - dt.timedelta(days=7),
                theme="Grenzen stellen",
                notes="Gesprek over de zwaluwstaart",
                attendance=((volunteer_id, Presence.present),),
            ),
        )
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        screen.reload()
    click_row(qtbot, screen.sessions.view, "Grenzen stellen", column=1)

    # Esc on the options prints nothing.
    with when_dialog_opens(qtbot, lambda dialog: press_escape(qtbot, dialog)):
        click(qtbot, screen, "printSession")
    screen.ops.wait_idle()
    assert not [w for w in screen.findChildren(DocumentPreview) if w.isVisible()]

    shown: list[DocumentPreview] = []

    def with_notes(dialog) -> None:
        assert dialog.windowTitle() == "Intervisieverslag afdrukken"
        tick(qtbot, dialog, "reportNotes")
        click_standard(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    def look_and_close(dialog) -> None:
        shown.append(dialog)
        assert isinstance(dialog, DocumentPreview)
        assert dialog.windowTitle().startswith("Intervisieverslag")
        press_escape(qtbot, dialog)

    with when_dialog_opens(qtbot, with_notes):
        click(qtbot, screen, "printSession")
    with when_dialog_opens(qtbot, look_and_close, timeout=30_000):
        pass  # the report is made on the worker, then its preview opens
    assert shown and b"%PDF" in shown[0].pdf[:8]
