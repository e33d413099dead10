"""The Logboek in Settings: the coordinator's name on this laptop, opening a file, filtering."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QLabel
from sqlmodel import select

from homestart_desktop.data.models import AuditEvent, Family, FamilyStatus
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.laptop import coordinator_name
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.families.file import FamilyFileDialog
from homestart_desktop.ui.settings.logbook import LogbookDialog
from homestart_desktop.ui.settings.screen import SettingsScreen
from tests.ui.typing_helpers import choose, click, type_into


@pytest.fixture
def ops(empty_case_file):
    with empty_case_file.session() as session:
        for code in ("GZ-2026-001", "GZ-2026-002"):
            session.add(Family(reference=code, status=FamilyStatus.waiting, street="Kerkstraat 1"))
    ops = Ops()
    ops.case_file = empty_case_file
    yield ops
    ops.shutdown()
    prompts.clear_answers()


@pytest.fixture
def screen(qtbot, ops):
    settings_screen = SettingsScreen(ops)
    qtbot.addWidget(settings_screen)
    settings_screen.resize(1200, 760)
    settings_screen.show()
    with qtbot.waitSignal(settings_screen.sig_loaded, timeout=10_000):
        settings_screen.reload()
    return settings_screen


def _open_logbook(qtbot, screen) -> LogbookDialog:
    click(qtbot, screen, "Logboek…")
    qtbot.waitUntil(lambda: screen.findChild(LogbookDialog) is not None, timeout=5_000)
    dialog = screen.findChild(LogbookDialog)
    qtbot.waitUntil(lambda: dialog.table.visible_count() > 0, timeout=10_000)
    return dialog


def _rows(dialog: LogbookDialog) -> list[list[str]]:
    proxy = dialog.table.proxy
    return [
        [proxy.index(r, c).data() or "" for c in range(proxy.columnCount())]
        for r in range(proxy.rowCount())
    ]


def test_name_typed_in_settings_names_the_opening_of_a_file(qtbot, screen, ops) -> None:
    name = type_into(qtbot, screen, "coordinator_name", "Griet Van Damme")
    assert name.placeholderText()  # empty: the login name stands in, and Settings says which
    with qtbot.waitSignal(screen.sig_saved, timeout=10_000):
        click(qtbot, screen, "save")
    assert coordinator_name() == "Griet Van Damme"

    family_id = 2
    dialog = FamilyFileDialog(ops, family_id, screen)
    qtbot.addWidget(dialog)
    ops.wait_idle()
    with ops.case_file.session() as session:
        opened = session.exec(select(AuditEvent).where(AuditEvent.kind == "opened")).all()
    assert [(e.who, e.family_code, e.entity) for e in opened] == [
        ("Griet Van Damme", "GZ-2026-002", "family")
    ]

    logbook = _open_logbook(qtbot, screen)
    with qtbot.waitSignal(logbook.sig_loaded, timeout=10_000):
        type_into(qtbot, logbook, "logbook_code", "gz-2026-002")
    rows = _rows(logbook)
    assert rows and {row[2] for row in rows} == {"GZ-2026-002"}
    assert ["Griet Van Damme", "Dossier geopend"] in [[row[1], row[4]] for row in rows]
    assert any(row[4] == "Gezin: toegevoegd" for row in rows)  # the write that made the family

    with qtbot.waitSignal(logbook.sig_loaded, timeout=10_000):
        choose(qtbot, logbook, "logbook_kind", "Dossier geopend")
    assert [row[4] for row in _rows(logbook)] == ["Dossier geopend"]

    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with qtbot.waitSignal(logbook.sig_loaded, timeout=10_000):
        type_into(qtbot, logbook, "logbook_since", tomorrow)
    assert _rows(logbook) == []
    shown = [label.text() for label in logbook.findChildren(QLabel) if label.isVisible()]
    assert "Geen regels voor deze keuze." in shown


def test_the_log_saved_as_pdf_is_private_and_noted(qtbot, screen, ops, tmp_path) -> None:
    logbook = _open_logbook(qtbot, screen)
    click(qtbot, logbook, "logbook_print")
    qtbot.waitUntil(lambda: getattr(logbook, "preview", None) is not None, timeout=20_000)
    target = tmp_path / "logboek.pdf"
    prompts.set_next_answers([target])
    click(qtbot, logbook.preview, "saveDocument")
    ops.wait_idle()
    assert target.read_bytes().startswith(b"%PDF")
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    with ops.case_file.session() as session:
        (saved,) = session.exec(select(AuditEvent).where(AuditEvent.kind == "saved"))
    assert saved.detail == "audit_log"
    logbook.preview.close()
