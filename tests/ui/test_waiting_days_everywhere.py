"""One family waits as long on every screen: Today, the family list, the waiting list, Matching,
the whole-list proposal, the morning list, the family's file and the quarterly figures all count
its wait alike (``domain.waiting``): from its latest referral, or, for a family waiting again
after its support ended, from the day it went back on the waiting list. Checked for every
waiting family of the demo branch, one of them waiting again."""

from __future__ import annotations

import datetime as dt
import io
import statistics

import pypdf
import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from homestart_desktop.data.families.file import load_family
from homestart_desktop.data.families.register import list_families, waiting_list
from homestart_desktop.data.figures.queries import quarter_facts
from homestart_desktop.data.matching import candidates, steps
from homestart_desktop.data.models import CloseReason, Family, Trajectory, TrajectoryStatus
from homestart_desktop.data.planning import today as today_data
from homestart_desktop.data.planning import trajectories, visits
from homestart_desktop.data.planning.reminders import ReminderKind, morning_list
from homestart_desktop.documents.intake_form import intake_form_for
from homestart_desktop.i18n import format_days, format_short_date
from homestart_desktop.sync.figures import raw_quarter_figures, waiting_began
from homestart_desktop.sync.quarter import Quarter
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.families.screen import FamiliesScreen
from homestart_desktop.ui.matching.screen import MatchingScreen
from homestart_desktop.ui.today.morning_list import reminder_text
from tests.clock import TEST_TODAY

TODAY = TEST_TODAY


def _by_hand(case_file) -> dict[str, dt.date]:
    """What a coordinator reads in each waiting family's file: the date of its latest referral,
    or, once it had support, the day its timeline says it went back on the waiting list."""
    referred = (
        "SELECT f.reference, max(r.referred_on) FROM family f JOIN referral r "
        "ON r.family_id = f.id WHERE f.status = 'waiting' GROUP BY f.id"
    )
    back = (
        "SELECT f.reference, min(c.on_) FROM family f "
        "JOIN (SELECT family_id, max(start_on) AS started FROM trajectory "
        "      WHERE start_on IS NOT NULL AND status != 'withdrawn' GROUP BY family_id) t "
        "  ON t.family_id = f.id "
        'JOIN (SELECT family_id, "on" AS on_ FROM familystatuschange '
        "      WHERE to_status = 'waiting') c ON c.family_id = f.id AND c.on_ > t.started "
        "WHERE f.status = 'waiting' GROUP BY f.id"
    )
    with case_file.engine.connect() as connection:
        since = {ref: on for ref, on in connection.exec_driver_sql(referred)}
        since.update({ref: on for ref, on in connection.exec_driver_sql(back)})
    return {ref: dt.date.fromisoformat(on) for ref, on in since.items()}


def _waiting_again(case_file) -> tuple[str, dt.date]:
    """Close one running trajectory because the volunteer stopped: the family waits again."""
    with case_file.session() as session:
        running = session.exec(
            select(Trajectory).where(Trajectory.status == TrajectoryStatus.active)
        ).all()
        ended = {
            t.id: max(
                visits.last_logged_visit(session=session, trajectory_id=t.id) or t.start_on,
                t.start_on + dt.timedelta(days=1),
            )
            for t in running
        }
        chosen = min(running, key=lambda t: (ended[t.id], t.id))
        assert ended[chosen.id] < TODAY - dt.timedelta(days=7), "an end before today in the demo"
        end = ended[chosen.id]
        trajectories.close(
            session=session,
            trajectory_id=chosen.id,
            closing=trajectories.ClosingInput(
                ended_on=end,
                reason=CloseReason.volunteer_stopped,
                review=trajectories.ReviewInput(held_on=end),
            ),
            today=TODAY,
        )
        return session.get(Family, chosen.family_id).reference, end


@pytest.fixture
def ops(demo_case_file):
    ops = Ops()
    ops.case_file = demo_case_file
    yield ops
    ops.shutdown()


def test_every_waiting_family_waits_as_long_on_every_screen(demo_case_file, monkeypatch) -> None:
    again, back_on = _waiting_again(demo_case_file)
    since = _by_hand(demo_case_file)
    assert since[again] == back_on  # not its first referral, long before its support
    days = {ref: (TODAY - on).days for ref, on in since.items()}
    assert len(days) > 5 and len(set(days.values())) > 1
    # Today shows the longest five; let it show them all, counted the way it counts.
    monkeypatch.setattr(today_data, "LONGEST_WAITING_SHOWN", len(days))
    with demo_case_file.session() as session:
        overview = today_data.today_overview(session=session, today=TODAY)
        family_list = list_families(session=session, today=TODAY)
        the_waiting_list = waiting_list(session=session, today=TODAY)
        matching_list = candidates.waiting_families(session=session, today=TODAY)
        matching_screen = candidates.load_matching_screen(session=session, today=TODAY)
        proposal = candidates.propose_whole_list(session=session, today=TODAY)
        reminders = morning_list(session=session, today=TODAY)
        files = {
            r.reference: load_family(session=session, family_id=r.family_id, today=TODAY)
            for r in the_waiting_list
        }

    assert {w.reference: w.days for w in overview.longest_waiting} == days
    assert {w.reference: w.waiting_since for w in overview.longest_waiting} == since
    assert overview.longest_waiting_days == max(days.values())
    on_list = {r.reference: r for r in family_list if r.reference in days}
    assert {ref: r.waiting_days for ref, r in on_list.items()} == days
    assert {ref: r.waiting_since for ref, r in on_list.items()} == since
    assert {r.reference: r.waiting_days for r in the_waiting_list} == days
    assert {r.reference: r.waiting_since for r in the_waiting_list} == since
    assert {r.reference: r.waiting_days for r in matching_list} == days
    assert {r.reference: r.waiting_since for r in matching_list} == since
    assert {r.reference: r.waiting_days for r in matching_screen.waiting} == days
    assert {line.family_reference: line.waiting_days for line in proposal} == days
    assert {ref: (f.waiting_since, f.waiting_days) for ref, f in files.items()} == {
        ref: (since[ref], days[ref]) for ref in days
    }
    long_waiting = {r.reference: r for r in reminders if r.kind == ReminderKind.long_waiting}
    assert long_waiting, "the demo branch has families waiting past the alert"
    assert {ref: (r.since, r.days) for ref, r in long_waiting.items()} == {
        ref: (since[ref], days[ref]) for ref in long_waiting
    }
    # Longest waiting first, everywhere a list is ordered by waiting.
    longest_first = sorted(days, key=lambda ref: (since[ref], ref))
    assert [w.reference for w in overview.longest_waiting] == longest_first
    assert [r.reference for r in matching_list] == longest_first
    assert [line.family_reference for line in proposal] == longest_first


def test_the_waiting_list_and_matching_screens_show_the_same_days_and_date(
    qtbot, ops, demo_case_file
) -> None:
    again, _back_on = _waiting_again(demo_case_file)
    since = _by_hand(demo_case_file)
    assert again in since
    expected = {
        ref: (format_short_date(on), format_days((TODAY - on).days)) for ref, on in since.items()
    }

    families = FamiliesScreen(ops)
    qtbot.addWidget(families)
    families.show()
    with qtbot.waitSignal(families.sig_loaded, timeout=20_000):
        families.reload()
    bar = families.tabs.tabBar()  # the coordinator opens the waiting list tab
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    model = families.waiting.table.model
    qtbot.waitUntil(lambda: model.rowCount() == len(since), timeout=20_000)
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    days_column, ref_column, since_column = (
        titles.index("Wachttijd"),
        titles.index("Referentie"),
        titles.index("Wacht sinds"),
    )
    shown = {
        model.index(r, ref_column).data(): (
            model.index(r, since_column).data(),
            model.index(r, days_column).data(),
        )
        for r in range(model.rowCount())
    }
    assert shown == expected

    matching = MatchingScreen(ops)
    qtbot.addWidget(matching)
    with qtbot.waitSignal(matching.sig_loaded, timeout=20_000):
        matching.reload()
    proxy = matching.families.proxy
    shown = {
        # The family column reads "GZ-2025-005 · Dima": the code, then the first name.
        proxy.index(r, 0).data().split(" · ")[0]: (
            proxy.index(r, 2).data(),
            proxy.index(r, 3).data(),
        )
        for r in range(proxy.rowCount())
    }
    assert shown == expected


def test_the_printed_intake_form_and_the_morning_list_say_the_same_wait(demo_case_file) -> None:
    _waiting_again(demo_case_file)
    since = _by_hand(demo_case_file)
    with demo_case_file.session() as session:
        reminders = morning_list(session=session, today=TODAY)
        waiting = {r.reference: r.family_id for r in waiting_list(session=session, today=TODAY)}
        longest = sorted(since, key=lambda ref: (since[ref], ref))[:3]
        forms = {
            ref: intake_form_for(session=session, family_id=waiting[ref], lang="nl", today=TODAY)
            for ref in longest
        }
    for ref, pdf in forms.items():
        pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
        text = " ".join(" ".join(page.extract_text() for page in pages).split())
        shown = f"{format_short_date(since[ref])} ({format_days((TODAY - since[ref]).days)})"
        assert "Wacht sinds" in text and shown in text, ref
        # The intake's own list date keeps the family file's name, never "since".
        assert "Op de wachtlijst gezet op" in text and "wachtlijst sinds" not in text
    for reminder in (r for r in reminders if r.kind == ReminderKind.long_waiting):
        date, days = since[reminder.reference], (TODAY - since[reminder.reference]).days
        assert reminder_text(reminder) == (
            f"{reminder.reference}: wacht sinds {format_short_date(date)} ({format_days(days)})"
        )


def test_the_quarterly_median_waiting_time_counts_the_days_the_screens_showed(
    demo_case_file,
) -> None:
    """Families, one of them waiting again, start support on one day of a later quarter: the
    figure's waiting times are the days the waiting list showed them that morning."""
    again, _back_on = _waiting_again(demo_case_file)
    start = dt.date(TODAY.year, 7, 1) if TODAY.month < 7 else dt.date(TODAY.year + 1, 1, 2)
    quarter = Quarter.of(start)
    with demo_case_file.session() as session:
        shown = {r.family_id: r for r in waiting_list(session=session, today=start)}
        lines = [
            line
            for line in candidates.propose_whole_list(session=session, today=start)
            if line.suggestion is not None
        ]
        assert again in {shown[line.family_id].reference for line in lines}
        saved = steps.propose_matches(
            session=session,
            pairs=[(line.family_id, line.suggestion.volunteer_id, "fits") for line in lines],
            today=start,
        )
        for trajectory_id in saved.trajectory_ids:
            steps.record_introduction(
                session=session, trajectory_id=trajectory_id, on=start, today=start
            )
            steps.confirm_match(
                session=session,
                trajectory_id=trajectory_id,
                start_on=start,
                weekday=1,
                half_day="morning",
                today=start,
            )
    with demo_case_file.session() as session:
        raw = raw_quarter_figures(session=session, quarter=quarter)
        facts = quarter_facts(session=session, start=quarter.start, end=quarter.end)
    # Family by family, the figure's "waiting began" is the screen's "waiting since".
    assert {line.family_id: waiting_began(facts, line.family_id, start) for line in lines} == {
        line.family_id: shown[line.family_id].waiting_since for line in lines
    }
    waited = [shown[line.family_id].waiting_days for line in lines]
    assert len(waited) >= 5, "the figure is given from five families on"
    assert raw.measures["median_waiting_days"] == (statistics.median(waited), len(waited))
