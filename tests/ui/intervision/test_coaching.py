"""Coaching talks in the volunteer's file, the family reference picker, and search opening a talk."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from homestart_desktop.data.intervision import coaching
from homestart_desktop.data.models import Caregiver, Family, TalkKind, Volunteer
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.intervision.coaching import CoachingTalksPanel, TalkDialog
from homestart_desktop.ui.intervision.family_reference_picker import FamilyReferencePicker, NoteEdit
from homestart_desktop.ui.intervision.screen import IntervisionScreen, make_report
from tests.ui.typing_helpers import choose, click, click_standard, type_into


@pytest.fixture
def ops(qtbot, empty_case_file):
    with empty_case_file.session() as session:
        for reference, first, last in (
            ("GZ-2026-003", "Jef", "Van den Broeck"),
            ("GZ-2026-014", "Fatima", "El Amrani"),
        ):
            family = Family(reference=reference)
            session.add(family)
            session.flush()
            session.add(Caregiver(family_id=family.id, first_name=first, last_name=last))
        session.add(Volunteer(reference="VW-2025-004", first_name="Ioana", last_name="Țurcanu"))
    ops = Ops()
    ops.case_file = empty_case_file
    yield ops
    # Let every answer reach its screen (an answer may ask for more) before the worker stops.
    # Private on purpose: nothing on screen tells that the worker has no answer left to hand.
    qtbot.waitUntil(lambda: not ops._pending, timeout=10_000)
    ops.wait_idle()
    ops.shutdown()
    prompts.clear_answers()


def test_talks_in_time_order_and_a_name_kept_when_the_coordinator_says_so(
    qtbot, ops, empty_case_file
):
    panel = CoachingTalksPanel(ops)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.sig_loaded, timeout=10_000):
        panel.set_volunteer(1)
    assert panel.table.model.rowCount() == 0 and panel.table.empty_label.text()

    for on, kind in (
        (dt.date(2026, 6, 1), "Exitgesprek"),
        (dt.date(2026, 1, 15), "Coachingsgesprek"),
    ):
        click(qtbot, panel, "newTalk")
        dialog = QApplication.activeModalWidget()
        # Private on purpose: a new talk shows nothing new once loaded, yet the family names
        # the warning looks for arrive with it.
        qtbot.waitUntil(lambda d=dialog: d._loaded is not None, timeout=10_000)
        type_into(qtbot, dialog, "talkDate", on)
        choose(qtbot, dialog, "talkKind", kind)
        qtbot.keyClicks(dialog.notes.edit, "Sprak over Jef en de kinderen.")
        click_standard(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
        assert dialog.name_warning.names_found() == ["Jef"]
        with qtbot.waitSignal(panel.sig_loaded, timeout=10_000):
            qtbot.mouseClick(dialog.name_warning.keep_button, Qt.MouseButton.LeftButton)

    rows = [panel.table.proxy.index(r, 0).data() for r in range(panel.table.proxy.rowCount())]
    assert rows == ["15/01/2026", "01/06/2026"]
    with empty_case_file.session() as session:
        talks = coaching.list_talks(session=session, volunteer_id=1)
    assert [t.notes for t in talks] == ["Sprak over Jef en de kinderen."] * 2


def test_the_picker_puts_only_the_reference_into_the_note(qtbot, ops):
    note = NoteEdit(ops, object_name="note")
    qtbot.addWidget(note)
    qtbot.keyClicks(note.edit, "Huisbezoek bij")
    picker = FamilyReferencePicker(ops, note)
    with qtbot.waitSignal(picker.sig_loaded, timeout=10_000):
        pass
    qtbot.keyClicks(picker.table.search, "amrani")
    qtbot.waitUntil(lambda: picker.table.visible_count() == 1, timeout=5_000)
    picker.choose_selected()
    assert picker.chosen == "GZ-2026-014"
    note.insert_reference(picker.chosen)
    assert note.text() == "Huisbezoek bij GZ-2026-014 "


def test_a_search_result_opens_the_talk(qtbot, ops, empty_case_file):
    with empty_case_file.session() as session:
        saved = coaching.save_talk(
            session=session,
            data=coaching.TalkIn(
                1, dt.date(2026, 3, 3), TalkKind.evaluation, "Vermoeidheid besproken"
            ),
        )
    screen = IntervisionScreen(ops)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        screen.reload()
    with qtbot.waitSignal(screen.search.sig_results, timeout=10_000):
        screen.search.search("vermoei")
    hit = screen.search.results.model.record(0)
    assert hit.talk_id == saved.id
    screen.search.open_hit(hit)
    assert screen.tabs.currentWidget() is screen.coaching
    dialog = screen.coaching.findChild(TalkDialog)
    qtbot.waitUntil(lambda: dialog.notes.text() == "Vermoeidheid besproken", timeout=10_000)
    assert dialog.kind.currentData() == TalkKind.evaluation


def test_the_session_report_is_made_off_screen(ops, empty_case_file):
    from homestart_desktop.data.intervision import sessions as iv

    with empty_case_file.session() as session:
        saved = iv.save_session(
            session=session, data=iv.SessionIn(on=dt.date(2026, 3, 3), theme="Grenzen")
        )
    future = ops.query(
        make_report,
        session_id=saved.id,
        lang="nl",
        include_notes=False,
        by_reference=True,
        today=ops.today(),
        success=lambda _r: None,
    )
    on, pdf = future.result(30)
    assert on == dt.date(2026, 3, 3) and pdf.startswith(b"%PDF")


def test_print_without_a_chosen_session_says_what_to_do(qtbot, ops):
    screen = IntervisionScreen(ops)
    qtbot.addWidget(screen)
    prompts.set_next_answers([None])
    screen.print_selected()
    assert prompts.shown[-1][1] == "Kies eerst in de lijst de intervisie die je wilt afdrukken."
