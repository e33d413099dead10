"""The volunteer's file holds the experience they bring (babies, teenagers, single fathers...):
ticked, saved, shown again, and counted by Matching."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from homestart_desktop.data.volunteers.register import get_volunteer
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.volunteers.screen import VolunteersScreen
from tests.ui.typing_helpers import open_tab, tick, type_into


@pytest.fixture
def screen(qtbot, empty_case_file):
    ops = Ops()
    ops.case_file = empty_case_file
    widget = VolunteersScreen(ops)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    with qtbot.waitSignal(widget.sig_loaded, timeout=10_000):
        widget.reload()
    yield widget
    for _round in range(3):
        ops.wait_idle()
        QApplication.processEvents()
    ops.shutdown()
    prompts.clear_answers()


def _save(qtbot, screen, dialog):
    with qtbot.waitSignals([dialog.sig_loaded, screen.sig_loaded], timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_tick_experience_save_and_see_it_again(qtbot, screen, empty_case_file):
    dialog = screen.open_file(None)
    type_into(qtbot, dialog, "first_name", "Hilde")
    type_into(qtbot, dialog, "last_name", "Peeters")
    open_tab(qtbot, dialog.tabs, "Profiel en voorkeuren")
    boxes = dialog.experience_tags.boxes
    assert [b.text() for b in boxes.values()][:3] == [
        "Baby's",
        "Tieners",
        "Tweelingen en meerlingen",
    ]
    tick(qtbot, dialog, "experience_tag_teenagers")
    tick(qtbot, dialog, "experience_tag_single_fathers")
    _save(qtbot, screen, dialog)
    (row,) = screen.rows
    with empty_case_file.session() as session:
        saved = get_volunteer(session=session, volunteer_id=row.id)
    assert saved.details.experience_tags == ("teenagers", "single_fathers")

    dialog.close()
    again = screen.open_file(row.id)
    qtbot.waitUntil(lambda: again.experience_tags.boxes["teenagers"].isChecked(), timeout=10_000)
    assert [c for c, b in again.experience_tags.boxes.items() if b.isChecked()] == [
        "teenagers",
        "single_fathers",
    ]
    open_tab(qtbot, again.tabs, "Profiel en voorkeuren")
    tick(qtbot, again, "experience_tag_teenagers", False)
    _save(qtbot, screen, again)
    with empty_case_file.session() as session:
        saved = get_volunteer(session=session, volunteer_id=row.id)
    assert saved.details.experience_tags == ("single_fathers",)
