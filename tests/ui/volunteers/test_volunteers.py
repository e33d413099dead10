"""The Volunteers section as a coordinator uses it: create, tick the onboarding, see the status move,
print the agreement, search and filter the register, record expenses."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from homestart_desktop.data.models import HalfDay, VolunteerStatus
from homestart_desktop.data.volunteers.onboarding import save_onboarding
from homestart_desktop.data.volunteers.register import (
    Onboarding,
    VolunteerIn,
    add_volunteer,
    list_volunteers,
    set_availability,
)
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.volunteers.screen import VolunteersScreen
from tests.clock import TEST_TODAY
from tests.ui.typing_helpers import choose, open_tab, tick, type_into

TODAY = TEST_TODAY


@pytest.fixture
def screen(qtbot, empty_case_file):
    ops = Ops()
    ops.case_file = empty_case_file
    widget = VolunteersScreen(ops)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    with qtbot.waitSignal(widget.sig_loaded, timeout=10_000):
        widget.reload()
    yield widget
    for _round in range(3):  # let late answers (and the reloads they ask for) land first
        ops.wait_idle()
        QApplication.processEvents()
    ops.shutdown()
    prompts.clear_answers()


def _new_file(qtbot, screen):
    return screen.open_file(None)  # a child of the screen: closed with it


def _save(qtbot, screen, dialog):
    with qtbot.waitSignals([dialog.sig_loaded, screen.sig_loaded], timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_the_empty_register_says_what_it_is_for(screen):
    assert screen.table.stack.currentWidget() is screen.table.empty_label
    assert "Nieuwe vrijwilliger" in screen.table.empty_label.text()


def test_create_tick_onboarding_and_see_the_status_move(qtbot, screen, empty_case_file, tmp_path):
    dialog = _new_file(qtbot, screen)
    type_into(qtbot, dialog, "first_name", "Özlem")
    type_into(qtbot, dialog, "last_name", "Yılmaz")
    qtbot.keyClicks(dialog.postcode, "9000")
    assert dialog.municipality.text() == "Gent"
    _save(qtbot, screen, dialog)
    # The code and name head the file, never its title (task bars and switchers show titles).
    assert dialog.heading.text() == f"VW-{TODAY.year}-001 · Özlem Yılmaz"
    assert dialog.windowTitle() == "Vrijwilliger"
    assert dialog.status.current.text() == "kandidaat"
    (row,) = screen.rows
    assert (row.name, row.municipality, row.status) == ("Özlem Yılmaz", "Gent", "candidate")

    # Onboarding: the week's free half-days, then the checklist.
    open_tab(qtbot, dialog.tabs, "Beschikbaarheid")
    qtbot.mouseClick(dialog.grid.buttons[(1, HalfDay.morning)], Qt.MouseButton.LeftButton)
    open_tab(qtbot, dialog.tabs, "Onthaal en instap")
    form = dialog.onboarding
    tick(qtbot, dialog, "tick_first_interview_on")
    _save(qtbot, screen, dialog)
    assert dialog.status.current.text() == "in vorming"
    assert "basisvorming" in form.missing.text()

    for step in ("info_note_received_on", "extract_received_on", "agreement_signed_on"):
        tick(qtbot, dialog, f"tick_{step}")
    type_into(qtbot, dialog, "extract_issued_on", TODAY - dt.timedelta(days=40))  # too old
    tick(qtbot, dialog, "tick_course_completed_on")
    type_into(qtbot, dialog, "course_hours", "15")
    with qtbot.waitSignal(dialog.sig_refused, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "40 dagen" in form.errors.message("extract_issued_on")
    assert form.ticks["agreement_signed_on"].isChecked()  # nothing typed is lost

    type_into(qtbot, dialog, "extract_issued_on", TODAY - dt.timedelta(days=5))
    _save(qtbot, screen, dialog)
    assert dialog.status.current.text() == "beschikbaar"
    assert form.missing.text() == ""
    assert screen.rows[0].status == VolunteerStatus.available

    # An available volunteer keeps at least one free half-day.
    qtbot.mouseClick(dialog.grid.buttons[(1, HalfDay.morning)], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.sig_refused, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "minstens één vrij dagdeel" in dialog.availability_error.text()
    assert dialog.tabs.currentIndex() == 2
    qtbot.mouseClick(dialog.grid.buttons[(1, HalfDay.morning)], Qt.MouseButton.LeftButton)

    # Stopping needs a reason, said beside the button.
    status = dialog.status
    choose(qtbot, dialog, "next_status", "gestopt")
    qtbot.mouseClick(status.change, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "waarom" in status.error.text(), timeout=5_000)

    # Print the agreement: the legal amounts of 2026 are not shipped, so the app asks first
    # (declining opens nothing); then the preview, then save as PDF.
    prompts.set_next_answers([False])
    with qtbot.assertNotEmitted(status.sig_preview, wait=1_500):
        qtbot.mouseClick(status.print_button, Qt.MouseButton.LeftButton)
    prompts.set_next_answers([True])
    with qtbot.waitSignal(status.sig_preview, timeout=10_000) as opened:
        qtbot.mouseClick(status.print_button, Qt.MouseButton.LeftButton)
    preview = opened.args[0]
    assert len(preview.page_labels) == 3
    target = tmp_path / "overeenkomst.pdf"
    prompts.set_next_answers([target])
    assert preview.save_document() == target
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Vrijwilligersovereenkomst" in text and "Özlem Yılmaz" in text
    assert "ondernemingsnummer" in status.settings_hint.text()  # empty in a new case file
    # No street and no birth date were typed: the screen says so, and where to fill them in.
    hint = status.settings_hint.text()
    assert "adres, geboortedatum" in hint and "Identiteit en contact" in hint
    assert preview.notice.text() == hint and not preview.notice.isHidden()


def test_bad_input_stands_beside_its_field_and_nothing_is_saved(qtbot, screen, empty_case_file):
    dialog = _new_file(qtbot, screen)
    qtbot.keyClicks(dialog.postcode, "9999")
    qtbot.keyClicks(dialog.email, "jef@")
    with qtbot.waitSignal(dialog.sig_refused, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.identity_errors.message("first_name") == "Vul de voornaam in."
    assert "postcode" in dialog.identity_errors.message("postcode")
    assert dialog.email.text() == "jef@"
    with empty_case_file.session() as session:
        assert list_volunteers(session=session) == []


def test_search_as_you_type_ignores_accents_and_the_filter_picks_a_status(
    qtbot, screen, empty_case_file
):
    with empty_case_file.session() as session:
        for first, last, postcode in (
            ("Łukasz", "Wróbel", "2000"),
            ("Ioana", "Țurcanu", "9000"),
            ("Fatima", "El Amrani", "1000"),
        ):
            saved = add_volunteer(
                session=session,
                volunteer_in=VolunteerIn(first_name=first, last_name=last, postcode=postcode),
                today=TODAY,
            )
        set_availability(session=session, volunteer_id=saved.id, slots={(0, HalfDay.evening)})
        save_onboarding(
            session=session,
            volunteer_id=saved.id,
            onboarding=Onboarding(
                first_interview_on=TODAY,
                extract_issued_on=TODAY,
                extract_received_on=TODAY,
                agreement_signed_on=TODAY,
                course_completed_on=TODAY,
                course_hours=12,
            ),
            today=TODAY,
        )
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        screen.reload()
    table = screen.table
    assert table.visible_count() == 3
    qtbot.keyClicks(table.search, "lukasz wrob")
    qtbot.waitUntil(lambda: table.visible_count() == 1, timeout=5_000)
    assert table.count_label.text() == "1 van 3"
    table.search.clear()
    qtbot.waitUntil(lambda: table.visible_count() == 3, timeout=5_000)
    choose(qtbot, screen, "status_filter", "beschikbaar")
    assert table.visible_count() == 1
    index = table.proxy.index(0, 1)
    assert index.data() == "Fatima El Amrani"
    assert table.proxy.index(0, 6).data() == "ma avond"


def test_expenses_refuse_three_decimals_and_add_an_entry(qtbot, screen, empty_case_file):
    with empty_case_file.session() as session:
        saved = add_volunteer(
            session=session, volunteer_in=VolunteerIn(first_name="Jef"), today=TODAY
        )
    dialog = screen.open_file(saved.id)
    panel = dialog.expenses
    qtbot.waitUntil(lambda: panel.summary is not None, timeout=10_000)
    qtbot.keyClicks(panel.amount, "4,999")
    with qtbot.waitSignal(panel.sig_loaded, timeout=10_000):
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert "twee cijfers" in panel.errors.message("amount")
    assert panel.amount.text() == "4,999"
    panel.amount.clear()
    qtbot.keyClicks(panel.amount, "42,31")
    qtbot.keyClicks(panel.purpose, "Huisbezoek")
    with qtbot.waitSignal(panel.sig_loaded, timeout=10_000):
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.model.rowCount() == 1, timeout=5_000)
    assert "Totaal €\xa042,31" in panel.totals.text()
    assert panel.amount.text() == ""


def test_locking_closes_the_open_file_and_empties_the_register(qtbot, screen, empty_case_file):
    with empty_case_file.session() as session:
        saved = add_volunteer(
            session=session, volunteer_in=VolunteerIn(first_name="Jef"), today=TODAY
        )
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        screen.reload()
    dialog = screen.open_file(saved.id)
    qtbot.waitUntil(lambda: dialog.first_name.text() == "Jef", timeout=10_000)
    dialog.first_name.insert(" typed")
    dialog.dirty = True
    screen.clear()
    assert not dialog.isVisible()
    assert screen.table.model.rowCount() == 0
