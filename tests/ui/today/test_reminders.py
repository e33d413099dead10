"""Today's morning list: every reminder of the file in words, each opening the place to act."""

# ruff: noqa: F811 (pytest fixtures imported from shell_helpers)

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from homestart_desktop.data.demo.branch import DEMO_PASSPHRASE
from homestart_desktop.data.people import names_by_reference
from homestart_desktop.data.planning.reminders import ReminderKind, morning_list
from homestart_desktop.ui.today.morning_list import reminder_text
from tests.clock import TEST_TODAY
from tests.ui.shell_helpers import controller, unlock_by_typing  # noqa: F401


def test_the_morning_list_shows_every_reminder_and_opens_the_trajectory_to_act_on(
    qtbot, controller, demo_case_path: Path
) -> None:
    unlock_by_typing(qtbot, controller, demo_case_path, DEMO_PASSPHRASE)
    window = controller.main_window
    today = window.screen("today")
    # Private on purpose: an empty morning list and one still loading look the same.
    qtbot.waitUntil(lambda: today.overview is not None and today._reminders_shown, timeout=20_000)
    controller.ops.wait_idle(60)
    expected = controller.ops.case_file.read(morning_list, today=TEST_TODAY)
    assert expected, "the demo branch has reminders"

    names = controller.ops.case_file.read(names_by_reference)
    morning = today.morning.list.model()
    shown = [morning.index(i).data() for i in range(morning.rowCount())]
    assert shown == [reminder_text(r, names) for r in expected]
    # Each line names the family or volunteer beside the code: "GZ-2025-031 · Fatima: …".
    first = expected[0]
    assert shown[0].startswith(f"{first.reference} · {names[first.reference].first_name}:")
    if os.environ.get("HOMESTART_SHOTS"):
        window.resize(1280, 900)
        window.grab().save(os.path.join(os.environ["HOMESTART_SHOTS"], "today.png"))

    row = next(
        i
        for i, r in enumerate(expected)
        if r.kind
        in (
            ReminderKind.no_recent_visit,
            ReminderKind.review_overdue,
            ReminderKind.review_due,
            ReminderKind.one_year,
        )
    )
    line = today.morning.list.model().index(row)
    today.morning.list.setCurrentIndex(line)
    today.morning.list.activated.emit(line)

    assert window.current_key() == "planning"
    planning = window.screen("planning")
    trajectories = planning.trajectories.table
    qtbot.waitUntil(lambda: planning.tabs.currentWidget() is planning.trajectories, timeout=10_000)
    qtbot.waitUntil(lambda: trajectories.selected_record() is not None, timeout=20_000)
    assert trajectories.selected_record().id == expected[row].trajectory_id


def test_an_extract_to_renew_opens_the_volunteers_onboarding_step(
    qtbot, controller, empty_case_path: Path
) -> None:
    from homestart_desktop.data.casefile.casefile import unlock
    from homestart_desktop.data.models import Volunteer, VolunteerStatus
    from homestart_desktop.ui.volunteers.file import VolunteerFileDialog
    from tests.conftest import TEST_PASSPHRASE

    case_file = unlock(empty_case_path, passphrase=TEST_PASSPHRASE, daily_backup=False)
    with case_file.session() as session:
        session.add(
            Volunteer(
                reference="VW-2019-004",
                first_name="Mireille",
                last_name="Claes",
                status=VolunteerStatus.available,
                extract_issued_on=TEST_TODAY.replace(year=TEST_TODAY.year - 4),
            )
        )
        session.commit()
    case_file.lock()

    unlock_by_typing(qtbot, controller, empty_case_path, TEST_PASSPHRASE)
    today = controller.main_window.screen("today")
    qtbot.waitUntil(lambda: today.morning.list.model().rowCount() == 1, timeout=20_000)
    line = today.morning.list.model().index(0)
    assert line.data().startswith("VW-2019-004 · Mireille: uittreksel")
    assert line.data(Qt.ItemDataRole.ToolTipRole).startswith("Mireille Claes")
    today.morning.list.setCurrentIndex(line)
    today.morning.list.activated.emit(line)

    volunteers = controller.main_window.screen("volunteers")
    qtbot.waitUntil(lambda: bool(volunteers.findChildren(VolunteerFileDialog)), timeout=10_000)
    dialog = volunteers.findChildren(VolunteerFileDialog)[0]
    assert dialog.tabs.currentWidget().objectName() == "onboarding_tab"
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Onthaal en instap"
    dialog.dirty = False
    dialog.reject()
