"""On the demo branch, Matching can be seen working: proposals for the longest waiting too."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from homestart_desktop.data.matching.candidates import propose_whole_list, rank_family
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.matching.screen import MatchingScreen
from tests.clock import TEST_TODAY


@pytest.fixture
def screen(qtbot, demo_case_file):
    ops = Ops()
    ops.case_file = demo_case_file
    widget = MatchingScreen(ops)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    with qtbot.waitSignal(widget.sig_loaded, timeout=20_000):
        widget.reload()
    yield widget
    ops.shutdown()


def test_the_demo_whole_list_proposes_for_about_a_third_and_for_the_longest_waiting(
    demo_case_file,
) -> None:
    lines = demo_case_file.read(propose_whole_list, today=TEST_TODAY)
    proposed = [line for line in lines if line.suggestion is not None]
    assert len(lines) >= 20
    assert 0.25 <= len(proposed) / len(lines) <= 0.5
    longest_five = lines[:5]  # longest waiting first
    assert sum(line.suggestion is not None for line in longest_five) >= 3
    # A few fit no one now, and the Per family tab says why for each volunteer.
    rankings = [
        demo_case_file.read(rank_family, family_id=line.family_id, today=TEST_TODAY)
        for line in lines
        if line.suggestion is None
    ]
    fit_none = [r for r in rankings if not r.suggestions]
    assert 1 <= len(fit_none) < len(lines) / 2
    assert all(r.excluded and all(e.texts for e in r.excluded) for r in fit_none)


def test_the_whole_list_says_up_front_how_many_proposals_for_how_many_families(
    qtbot, screen
) -> None:
    screen.tabs.setCurrentIndex(1)
    assert not screen.whole_summary.isVisible()
    with qtbot.waitSignal(screen.sig_whole_list_shown, timeout=20_000):
        qtbot.mouseClick(screen.make_whole_list, Qt.MouseButton.LeftButton)
    table = screen.whole_list
    volunteers = [table.proxy.index(r, 3).data() for r in range(table.proxy.rowCount())]
    proposed = sum(1 for v in volunteers if v and "geen passende" not in v)
    summary = screen.whole_summary.text()
    assert screen.whole_summary.isVisible()
    match = re.match(r"(\d+) voorstellen voor (\d+) wachtende gezinnen\.", summary)
    assert match, summary
    assert (int(match[1]), int(match[2])) == (proposed, len(volunteers))
    assert "Per gezin" in summary  # where to see why the others have none
    # The first screenful is not a column of "no volunteer": the longest waiting have one.
    assert sum(1 for v in volunteers[:8] if "geen passende" not in v) >= 5
