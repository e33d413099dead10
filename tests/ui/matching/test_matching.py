"""Matching screen: from a waiting family to an active trajectory, as a coordinator clicks it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from homestart_desktop.data.families.register import list_families
from homestart_desktop.data.models import FamilyStatus, Trajectory, VolunteerStatus
from homestart_desktop.data.volunteers.register import list_volunteers
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.matching.dialogs import (
    ConfirmDialog,
    IntroductionDialog,
    ProposeDialog,
    WithdrawDialog,
)
from homestart_desktop.ui.matching.screen import MatchingScreen
from homestart_desktop.ui.matching.tables import records
from tests.clock import TEST_TODAY
from tests.data.matching.test_candidates import add_available_volunteer, add_waiting_family
from tests.ui.typing_helpers import click_row_at, open_tab

TODAY = TEST_TODAY
PROPOSED, INTRODUCED = "voorgesteld", "kennismaking gebeurd"


@pytest.fixture
def screen(qtbot, empty_case_file):
    with empty_case_file.session() as session:
        add_waiting_family(
            session, "GZ-2026-001", "Fatima", waiting_since=TODAY - dt.timedelta(days=120)
        )
        add_waiting_family(
            session,
            "GZ-2026-002",
            "Özlem",
            waiting_since=TODAY - dt.timedelta(days=30),
            pets_at_home=True,
            pets_description="een kat",
        )
        add_available_volunteer(session, "VW-2025-001", "Łukasz")
        add_available_volunteer(session, "VW-2025-002", "Ioana", accepts_pets=False)
    ops = Ops()
    ops.case_file = empty_case_file
    widget = MatchingScreen(ops)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    with qtbot.waitSignal(widget.sig_loaded, timeout=10_000):
        widget.reload()
    yield widget
    ops.shutdown()
    prompts.clear_answers()


def select_family(qtbot, screen, reference: str) -> None:
    row = next(
        r
        for r in range(screen.families.proxy.rowCount())
        if screen.families.proxy.index(r, 0).data().split(" · ")[0] == reference
    )
    with qtbot.waitSignal(screen.sig_ranking_shown, timeout=10_000):
        click_row_at(qtbot, screen.families.view, row)


def save_dialog(qtbot, screen, dialog) -> None:
    """Press the dialog's save button and wait until the screen has reloaded."""
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted


def test_longest_waiting_family_first_and_an_explained_ranking(qtbot, screen):
    # The family by code and first name, the full name as a tooltip.
    assert screen.families.proxy.index(0, 0).data() == "GZ-2026-001 · Fatima"
    full_name = screen.families.proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert full_name.startswith("Fatima ")
    select_family(qtbot, screen, "GZ-2026-001")
    assert screen.suggestions.visible_count() == 2
    text = screen.explanation.text()
    assert "Dinsdagvoormiddag vrij, past bij het gezin" in text
    assert "Spreekt Arabisch zoals de moeder" in text
    assert "Heeft ervaring met een tweeling" in text
    assert "fietst" in text


def test_excluded_volunteers_are_shown_with_the_reason(qtbot, screen):
    select_family(qtbot, screen, "GZ-2026-002")
    assert screen.suggestions.visible_count() == 1
    assert not screen.excluded.isVisible()
    qtbot.mouseClick(screen.show_excluded, Qt.MouseButton.LeftButton)
    assert screen.excluded.isVisible()
    assert screen.excluded.proxy.index(0, 0).data() == "VW-2025-002 · Ioana"
    why = screen.excluded.proxy.index(0, 1).data()
    assert why == "Wil liever geen huisdieren — het gezin heeft een kat"


def test_propose_introduce_confirm(qtbot, screen, empty_case_file):
    select_family(qtbot, screen, "GZ-2026-001")
    first = screen.suggestions.selected_record()
    qtbot.mouseClick(screen.propose_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    assert isinstance(dialog, ProposeDialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no reason yet
    qtbot.waitUntil(lambda: dialog.errors.message("reason") != "")
    qtbot.keyClicks(dialog.reason, "Spreekt Arabisch, fietst, dinsdagvoormiddag vrij")
    save_dialog(qtbot, screen, dialog)
    assert screen.families.visible_count() == 1  # the family left the waiting list

    assert screen.tabs.currentIndex() == 2  # on to the introduction visit
    assert screen.matches.visible_count() == 1
    assert screen.matches.proxy.index(0, 2).data() == PROPOSED
    click_row_at(qtbot, screen.matches.view, 0)
    qtbot.mouseClick(screen.record_intro, Qt.MouseButton.LeftButton)
    assert isinstance(screen.dialog, IntroductionDialog)
    save_dialog(qtbot, screen, screen.dialog)
    assert screen.matches.proxy.index(0, 2).data() == INTRODUCED

    click_row_at(qtbot, screen.matches.view, 0)
    qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    assert isinstance(dialog, ConfirmDialog)
    assert dialog.weekday.currentData() == 1 and dialog.half_day.currentData() == "morning"
    save_dialog(qtbot, screen, dialog)
    assert screen.matches.visible_count() == 0

    with empty_case_file.session() as session:
        families = {f.reference: f for f in list_families(session=session, today=TODAY)}
        volunteers = {v.reference: v for v in list_volunteers(session=session)}
        [trajectory] = session.exec(select(Trajectory)).all()
        assert trajectory.planned_end_on >= trajectory.start_on + dt.timedelta(days=365)
    assert families["GZ-2026-001"].status == FamilyStatus.active
    assert volunteers[first.reference].status == VolunteerStatus.matched


def test_whole_list_accepted_line_by_line(qtbot, screen, empty_case_file):
    open_tab(qtbot, screen.tabs, "Hele wachtlijst")
    with qtbot.waitSignal(screen.sig_whole_list_shown, timeout=10_000):
        qtbot.mouseClick(screen.make_whole_list, Qt.MouseButton.LeftButton)
    assert screen.whole_list.visible_count() == 2
    click_row_at(qtbot, screen.whole_list.view, 0)
    assert "score" in screen.whole_explanation.text()
    qtbot.mouseClick(screen.accept_line, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.reject_line, Qt.MouseButton.LeftButton)
    decisions = sorted(screen.whole_list.proxy.index(r, 4).data() for r in range(2))
    assert decisions == ["aanvaard", "afgewezen"]
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        qtbot.mouseClick(screen.save_whole_list, Qt.MouseButton.LeftButton)
    with empty_case_file.session() as session:
        assert len(session.exec(select(Trajectory)).all()) == 1
    assert screen.families.visible_count() == 1
    assert screen.tabs.currentIndex() == 2 and screen.matches.visible_count() == 1


def test_proposing_the_whole_list_waits_for_an_accepted_line(qtbot, screen):
    screen.tabs.setCurrentIndex(1)
    assert not screen.save_whole_list.isEnabled()
    with qtbot.waitSignal(screen.sig_whole_list_shown, timeout=10_000):
        qtbot.mouseClick(screen.make_whole_list, Qt.MouseButton.LeftButton)
    assert not screen.save_whole_list.isEnabled()
    assert screen.save_whole_list.text() == "Aanvaarde koppelingen voorstellen"
    screen.whole_list.view.selectRow(0)
    qtbot.mouseClick(screen.reject_line, Qt.MouseButton.LeftButton)
    assert not screen.save_whole_list.isEnabled()
    screen.whole_list.view.selectRow(0)
    qtbot.mouseClick(screen.accept_line, Qt.MouseButton.LeftButton)
    assert screen.save_whole_list.isEnabled()
    screen.whole_list.view.selectRow(0)
    qtbot.mouseClick(screen.reject_line, Qt.MouseButton.LeftButton)
    assert not screen.save_whole_list.isEnabled()


def test_withdraw_puts_the_family_back_with_its_original_waiting_date(qtbot, screen):
    select_family(qtbot, screen, "GZ-2026-001")
    qtbot.mouseClick(screen.propose_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.dialog.reason, "Past goed")
    save_dialog(qtbot, screen, screen.dialog)
    open_tab(qtbot, screen.tabs, "Lopende koppelingen")
    click_row_at(qtbot, screen.matches.view, 0)
    qtbot.mouseClick(screen.withdraw_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    assert isinstance(dialog, WithdrawDialog)
    qtbot.keyClicks(dialog.reason, "Het gezin wil toch een vrouw als vrijwilliger")
    save_dialog(qtbot, screen, dialog)
    assert screen.matches.visible_count() == 0
    waiting = {f.reference: f for f in records(screen.families)}
    assert waiting["GZ-2026-001"].waiting_since == TODAY - dt.timedelta(days=120)
    assert screen.families.proxy.index(0, 0).data() == "GZ-2026-001 · Fatima"  # still first
