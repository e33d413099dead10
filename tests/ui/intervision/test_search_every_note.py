"""Search notes finds visit notes and review agreements too; the kind list narrows the search,
and a visit note found opens its trajectory in Planning."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from homestart_desktop.data.intervision import sessions as iv
from homestart_desktop.data.models import Review, Visit, VisitStatus
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.intervision.screen import IntervisionScreen
from tests.builders import matched_pair
from tests.clock import TEST_TODAY
from tests.ui.typing_helpers import choose, double_click_row, open_tab

TODAY = TEST_TODAY


@pytest.fixture
def screen(qtbot, empty_case_file):
    with empty_case_file.session() as session:
        trajectory = matched_pair(
            session, family="GZ-2026-014", volunteer="VW-2025-004", start_on=dt.date(2026, 1, 6)
        )
        session.add(
            Visit(
                trajectory_id=trajectory.id,
                on=TODAY - dt.timedelta(days=6),
                status=VisitStatus.done,
                minutes=120,
                note="Samen naar de logopedist; de kleine praat al meer.",
            )
        )
        session.add(
            Review(
                trajectory_id=trajectory.id,
                held_on=TODAY - dt.timedelta(days=2),
                agreements="Logopedie loopt verder; volgende keer over de school.",
            )
        )
        iv.save_session(
            session=session,
            data=iv.SessionIn(on=TODAY - dt.timedelta(days=20), theme="Logopedie en wachtlijsten"),
        )
    ops = Ops()
    ops.case_file = empty_case_file
    widget = IntervisionScreen(ops)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    with qtbot.waitSignal(widget.sig_loaded, timeout=10_000):
        widget.reload()
    yield widget
    qtbot.waitUntil(lambda: not ops._pending, timeout=10_000)
    ops.wait_idle()
    ops.shutdown()
    prompts.clear_answers()


def _shown(screen) -> list[tuple[str, str]]:
    model = screen.search.results.model
    return [
        (model.data(model.index(r, 1)), model.data(model.index(r, 2)))
        for r in range(model.rowCount())
    ]


def test_visit_notes_and_reviews_are_found_and_filtered_by_kind(qtbot, screen):
    open_tab(qtbot, screen.tabs, "Notities doorzoeken")
    with qtbot.waitSignal(screen.search.sig_results, timeout=10_000) as found:
        qtbot.keyClicks(screen.search.field, "logoped")
        qtbot.keyClick(screen.search.field, Qt.Key.Key_Return)
    assert found.args == [3]
    assert _shown(screen) == [
        ("Afspraken van een evaluatie", "Tussentijdse evaluatie van GZ-2026-014"),
        ("Bezoeknotitie", "Bezoek aan GZ-2026-014 door VW-2025-004"),
        ("Intervisie", "Logopedie en wachtlijsten"),
    ]

    with qtbot.waitSignal(screen.search.sig_results, timeout=10_000) as found:
        choose(qtbot, screen.search, "notesSearchKind", "Bezoeknotities")
    assert found.args == [1]
    assert _shown(screen) == [("Bezoeknotitie", "Bezoek aan GZ-2026-014 door VW-2025-004")]

    with qtbot.waitSignal(screen.sig_open_elsewhere, timeout=10_000) as opened:
        double_click_row(qtbot, screen.search.results.view, "Bezoeknotitie", column=1)
    section, hit = opened.args
    assert section == "planning" and hit.trajectory_id is not None
    assert "logopedist" in hit.excerpt

    with qtbot.waitSignal(screen.search.sig_results, timeout=10_000) as found:
        choose(qtbot, screen.search, "notesSearchKind", "Coachingsgesprekken")
    assert found.args == [0]
