"""No family's or volunteer's name or code in a window title: task bars, window switchers, screen
sharing and activity trackers show titles to whoever looks, locked or not."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from homestart_desktop.data.families.register import list_families
from homestart_desktop.data.models import FamilyStatus, VolunteerStatus
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.families.screen import FamiliesScreen
from homestart_desktop.ui.volunteers.screen import VolunteersScreen
from tests.clock import TEST_TODAY
from tests.ui.typing_helpers import click, double_click_row


@pytest.fixture
def ops(demo_case_file):
    prompts.clear_answers()
    running = Ops()
    running.case_file = demo_case_file
    yield running
    for window in QApplication.topLevelWidgets():
        window.close()
    running.shutdown()
    prompts.clear_answers()


def titles() -> list[str]:
    return [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]


def personal_words(name: str, reference: str) -> list[str]:
    return [reference, name, *(part for part in name.split() if len(part) > 2)]


def assert_no_personal_title(name: str, reference: str) -> None:
    for title in titles():
        for word in personal_words(name, reference):
            assert word not in title, f"{word!r} in the title {title!r}"


def test_the_family_file_and_its_dialogs_name_nobody_in_their_titles(qtbot, ops) -> None:
    families = ops.case_file.read(list_families, today=TEST_TODAY)
    family = next(f for f in families if f.status == FamilyStatus.referred and f.name)
    screen = FamiliesScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        screen.reload()
    double_click_row(qtbot, screen.table.view, family.reference)
    file_dialog = screen.dialog
    qtbot.waitUntil(lambda: file_dialog.file is not None, timeout=10_000)
    assert family.reference in file_dialog.title.text()  # who it is: inside the window
    assert_no_personal_title(family.name, family.reference)
    for button in ("planButton", "intakeButton", "statusButton", "correctButton"):
        click(qtbot, file_dialog, button)
        qtbot.waitUntil(lambda: file_dialog.child_dialog.isVisible(), timeout=5_000)
        assert_no_personal_title(family.name, family.reference)
        file_dialog.child_dialog.done(0)


def test_the_volunteer_file_names_nobody_in_its_title(qtbot, ops) -> None:
    screen = VolunteersScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        screen.reload()
    volunteer = next(v for v in screen.rows if v.status == VolunteerStatus.matched)
    double_click_row(qtbot, screen.table.view, volunteer.reference)
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "volunteer_file")
    qtbot.waitUntil(lambda: dialog.file is not None, timeout=10_000)
    assert dialog.heading.text() == f"{volunteer.reference} · {volunteer.name}"
    assert_no_personal_title(volunteer.name, volunteer.reference)
