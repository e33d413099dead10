"""Benchmark: matching on the large demo branch (800 volunteers).

Figures: ranking one waiting family against every volunteer, and the whole waiting list at once
(200 families × 800 volunteers, Hungarian assignment included). Each is measured twice: the pure
logic on values already loaded (what the screen does on each selection: it loads the facts once,
"screen load"), and end to end from the case file (what a script calling ``data/`` waits for).
Stopped volunteers are not loaded, so the large branch gives somewhat fewer than 800.
When the branch has fewer than 200 families waiting, the longest-known other families make up
the 200 (the logic does not care about their status).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

RUNS = 5
VOLUNTEERS = 800
WHOLE_LIST_FAMILIES = 200


def _median_ms(work: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run(report: Callable[[str, float, float], None]) -> None:
    from sqlmodel import select

    from homestart_desktop.data.casefile import casefile
    from homestart_desktop.data.demo.branch import DEMO_PASSPHRASE
    from homestart_desktop.data.matching import candidates
    from homestart_desktop.data.models import Family, FamilyStatus
    from homestart_desktop.domain import matching, matching_whole_list

    with tempfile.TemporaryDirectory(prefix="bench-matching-") as folder:
        path = Path(folder) / "Groot.hscase"
        shutil.copyfile(os.environ["HOMESTART_BENCH_CASE_FILE"], path)
        passphrase = os.environ.get("HOMESTART_BENCH_PASSPHRASE", DEMO_PASSPHRASE)
        case_file = casefile.unlock(path, passphrase=passphrase)
        today = dt.date.today()
        with case_file.session() as session:
            waiting = session.exec(
                select(Family.id)
                .where(Family.status == FamilyStatus.waiting)
                .order_by(Family.waiting_since)
            ).all()
            others = session.exec(
                select(Family.id).where(Family.status != FamilyStatus.waiting).order_by(Family.id)
            ).all()
            chosen = list(waiting) + list(others)[: max(WHOLE_LIST_FAMILIES - len(waiting), 0)]
            chosen = chosen[:WHOLE_LIST_FAMILIES]
            data = candidates.load_matching_input(session=session, today=today, family_ids=chosen)
        loaded = len(data.volunteers)
        # The pure figures use exactly 800: the volunteers not stopped, topped up with copies.
        everyone = list(data.volunteers)
        for i in range(VOLUNTEERS - len(everyone)):
            twin = everyone[i % loaded]
            everyone.append(dataclasses.replace(twin, id=-1 - i, reference=f"VW-COPY-{i}"))
        volunteers = len(everyone)
        families = data.families
        one = families[0]

        def rank_pure() -> object:
            pool = matching.VolunteerPool(everyone)
            return matching.rank_volunteers(one, pool, data.rules, today)

        def whole_pure() -> object:
            pool = matching.VolunteerPool(everyone)
            return matching_whole_list.propose_for_waiting_list(families, pool, data.rules, today)

        def rank_from_file() -> object:
            with case_file.session() as session:
                return candidates.rank_family(session=session, family_id=one.id, today=today)

        def whole_from_file() -> object:
            with case_file.session() as session:
                facts = candidates.load_matching_input(
                    session=session, today=today, family_ids=chosen
                )
            pool = matching.VolunteerPool(facts.volunteers)
            return matching_whole_list.propose_for_waiting_list(
                facts.families, pool, facts.rules, today
            )

        def screen_load() -> object:
            with case_file.session() as session:
                return candidates.load_matching_screen(session=session, today=today)

        rank_from_file()  # warm the postcode table and the connection once
        report(
            f"matching: rank 1 family × {volunteers} volunteers (screen, on a selection)",
            _median_ms(rank_pure),
            100.0,
        )
        report(
            f"matching: rank 1 family × {loaded}, from the case file",
            _median_ms(rank_from_file),
            100.0,
        )
        report("matching: screen load (waiting list, volunteers)", _median_ms(screen_load), 500.0)
        report(
            f"matching: whole list {len(families)} × {volunteers}",
            _median_ms(whole_pure),
            1000.0,
        )
        report(
            f"matching: whole list {len(families)} × {loaded}, from the case file",
            _median_ms(whole_from_file),
            1000.0,
        )
        case_file.lock()
