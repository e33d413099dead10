"""Figures screen: see the quarter as it will be sent, send it, and watch it leave the outbox."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from homestart_desktop.data.figures import exports
from homestart_desktop.data.models import ExportState
from homestart_desktop.data.settings import load_settings, save_settings
from homestart_desktop.sync.central.keys import DEMO_PUBLIC
from homestart_desktop.sync.outbox import next_payload
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.figures.screen import FiguresScreen
from homestart_desktop.ui.figures.table import WITHHELD_TINT
from tests.sync.webdav_server import webdav_server
from tests.ui.typing_helpers import click, click_row_at, open_tab


def _configure(case_file, **settings) -> None:
    with case_file.session() as session:
        current = load_settings(session=session)
        values = {"central_office_public_key": DEMO_PUBLIC.read_text().strip(), **settings}
        save_settings(session=session, settings=current.replace(**values))


@pytest.fixture
def make_screen(qtbot, demo_case_file):
    made = []

    def make(**settings) -> FiguresScreen:
        _configure(demo_case_file, **settings)
        ops = Ops()
        ops.case_file = demo_case_file
        screen = FiguresScreen(ops)
        qtbot.addWidget(screen)
        screen.resize(1100, 720)
        screen.show()
        with qtbot.waitSignal(screen.sig_loaded, timeout=20_000):
            screen.reload()
        made.append(ops)
        return screen

    yield make
    for ops in made:
        ops.wait_idle()
        ops.shutdown()
    prompts.clear_answers()


def _outbox_rows(screen):
    model = screen.outbox.table.model
    return [model.record(r) for r in range(model.rowCount())]


def test_shows_exactly_what_will_be_sent(make_screen, demo_case_file, qtbot) -> None:
    screen = make_screen()
    view = screen.view
    model = screen.model
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "Instroom en doorstroom" in labels and "Eenoudergezin" in labels
    # The true numbers stay here, beside what is sent: never more than 4 apart.
    assert "echt, blijft hier" in model.headerData(1, Qt.Orientation.Horizontal)
    assert "te versturen" in model.headerData(2, Qt.Orientation.Horizontal)
    base = [i for i, text in enumerate(labels) if text == "Gezinnen actief in het kwartaal"][-1]
    true, sent = (int(model.index(base, c).data().replace(".", "")) for c in (1, 2))
    assert (
        true == view.true_figures["families"]["base"] and sent == view.figures["families"]["base"]
    )
    assert abs(true - sent) <= 4
    tip = model.index(base, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "nooit verstuurd" in tip
    empty = [
        (r, c)
        for r in range(model.rowCount())
        for c in (2, 3, 4)
        if model.index(r, c).data() == "—"
    ]
    if empty:  # a median on too few families: tinted, and it says why
        r, c = empty[0]
        assert model.index(r, c).data(Qt.ItemDataRole.BackgroundRole).color() == WITHHELD_TINT
        assert model.index(r, c).data(Qt.ItemDataRole.ToolTipRole).startswith("Niet getoond")
    # What will be sent reads as a table in Dutch, the same words as the figures; no JSON keys.
    screen.tabs.setCurrentWidget(screen.payload)
    package = screen.payload.table
    assert screen.payload.stack.currentWidget() is package
    what = [package.item(r, 0).text() for r in range(package.rowCount())]
    assert "Het pakket" in what and "Instroom en doorstroom" in what and "Eenoudergezin" in what
    assert not any("_" in label or label in ("figures", "rows") for label in what)
    row = what.index("Eenoudergezin")
    assert package.item(row, 1).text() == model.index(labels.index("Eenoudergezin"), 2).data()
    # The JSON, exactly as sent, is one click away.
    qtbot.mouseClick(screen.payload.switch, Qt.MouseButton.LeftButton)
    assert screen.payload.stack.currentWidget() is screen.payload.json
    assert screen.payload.switch.text() == "Toon de tabel"
    shown = json.loads(screen.payload.json.toPlainText())
    with demo_case_file.session() as session:
        expected = next_payload(session=session, quarter=screen.chosen_quarter())
    shown.pop("created_at"), expected.pop("created_at")
    assert shown == expected
    assert shown["figures"] == view.figures
    qtbot.keyClicks(screen.search, "eenouder")
    qtbot.waitUntil(lambda: screen.proxy.rowCount() == 1)
    assert "1" in screen.count.text()


def test_send_then_save_to_a_usb_stick(make_screen, demo_case_file, qtbot, tmp_path) -> None:
    screen = make_screen(webdav_url="")
    with demo_case_file.session() as session:
        before = len(exports.list_exports(session=session))
    prompts.set_next_answers([True])
    with qtbot.waitSignal(screen.ops.sig_changes, timeout=20_000):
        qtbot.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_outbox_rows(screen)) == before + 1, timeout=10_000)
    newest = _outbox_rows(screen)[0]
    assert (newest.quarter, newest.state) == (str(screen.chosen_quarter()), ExportState.waiting)
    stick = tmp_path / "USB"
    stick.mkdir()
    open_tab(qtbot, screen.tabs, "Postvak uit")
    click_row_at(qtbot, screen.outbox.table.view, 0)
    prompts.set_next_answers([str(stick)])
    with qtbot.waitSignal(screen.outbox.sig_sent, timeout=10_000, check_params_cb=bool):
        click(qtbot, screen, "outboxSave")
    assert len(list(stick.glob("*.age"))) == 1
    qtbot.waitUntil(lambda: _outbox_rows(screen)[0].state == ExportState.sent, timeout=10_000)
    # Saved, not sent: the outbox says where it is, and "Verstuurd" nowhere.
    state = screen.outbox.table.model.index(0, 4).data()
    assert state == f"Bewaard in map {stick}"
    assert "Verstuurd" not in state


def test_send_uploads_to_the_share(make_screen, demo_case_file, qtbot, tmp_path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    with webdav_server(share) as (url, faults):
        screen = make_screen(webdav_url=url)
        prompts.set_next_answers([True])
        with qtbot.waitSignal(
            screen.outbox.sig_sent, timeout=20_000, check_params_cb=lambda a: bool(a)
        ):
            qtbot.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
        assert faults.puts == 1
    assert len(list(share.glob("*.age"))) == 1
    with demo_case_file.session() as session:
        newest = exports.list_exports(session=session)[0]
    assert (newest.state, newest.via) == (ExportState.sent, "webdav")
    qtbot.waitUntil(lambda: _outbox_rows(screen)[0].state == ExportState.sent, timeout=10_000)
    assert screen.outbox.table.model.index(0, 4).data() == "Verstuurd"  # the upload confirmed


def test_missing_settings_block_sending(make_screen) -> None:
    screen = make_screen(branch_code="")
    assert not screen.send_button.isEnabled()
    assert "code" in screen.status.text().lower()
    assert screen.payload.toPlainText() == ""


def _break_a_trajectory(case_file) -> tuple[int, str]:
    """Close a running trajectory of the demo without an end date (a mistake to be found)."""
    from sqlmodel import select

    from homestart_desktop.data.models import Family, Trajectory, TrajectoryStatus

    with case_file.session() as session:
        trajectory = session.exec(
            select(Trajectory).where(Trajectory.status == TrajectoryStatus.active)
        ).first()
        trajectory.status = TrajectoryStatus.closed
        session.add(trajectory)
        reference = session.get(Family, trajectory.family_id).reference
        return trajectory.id, reference


def test_data_quality_list_opens_the_record_and_send_asks_once(
    make_screen, demo_case_file, qtbot
) -> None:
    trajectory_id, reference = _break_a_trajectory(demo_case_file)
    screen = make_screen(webdav_url="")
    quality = screen.quality
    assert quality.isVisible()
    lines = [quality.list.item(r).text() for r in range(quality.list.count())]
    line = next(r for r, text in enumerate(lines) if text.startswith(reference))
    assert "zonder einddatum" in lines[line]
    assert "maakt deze cijfers fout" in quality.heading.text() or "maken" in quality.heading.text()
    item = quality.list.item(line)
    quality.list.scrollToItem(item)
    rect = quality.list.visualItemRect(item)
    with qtbot.waitSignal(screen.sig_open_elsewhere, timeout=2000) as opened:
        # A real double-click: press and release, then the double-click itself.
        qtbot.mouseClick(quality.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(quality.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    section, target = opened.args
    assert section == "planning" and target.trajectory_id == trajectory_id
    with demo_case_file.session() as session:
        before = len(exports.list_exports(session=session))
    prompts.shown.clear()
    prompts.set_next_answers([False])  # one question, answered "no": nothing is made
    screen.send_button.click()
    assert len(prompts.shown) == 1
    title, text = prompts.shown[0]
    assert "Toch versturen?" in text
    screen.ops.wait_idle()
    with demo_case_file.session() as session:
        assert len(exports.list_exports(session=session)) == before


def test_a_quarter_that_is_not_over_cannot_be_sent(make_screen, qtbot) -> None:
    screen = make_screen()
    with qtbot.waitSignal(screen.sig_loaded, timeout=20_000):
        screen.quarter.setCurrentIndex(0)  # the quarter we are in
    assert not screen.send_button.isEnabled()
    assert "nog niet voorbij" in screen.status.text()
