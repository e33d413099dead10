"""Benchmark: full-text search over 5,000 intervision and coaching notes (target ≤ 50 ms).

Runs on a copy of the bench runner's demo branch (``HOMESTART_BENCH_CASE_FILE``), topped up with
synthetic notes (Dutch-like text with accents and other scripts) to at least 5,000 notes; run on
its own, it builds such a file itself. It times ``search_notes`` end to end, as the search box calls it: the FTS5
query, reading the hits' records and making their excerpts. Reported: the median of 25 runs of
each kind of query (a word in many notes, a rare word, a prefix, two words).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

NOTES = 5_000
RUNS = 25
TARGET_MS = 50.0
PASSPHRASE = "benchmark zonder echte gezinnen of vrijwilligers"


def _words(text: str) -> list[str]:
    return text.split()


COMMON = _words(
    "gezin vrijwilliger gesprek moeder vader kinderen school opvoeding grenzen vermoeidheid "
    "thuis week bezoek spelen lezen huiswerk afspraak verhuis kinderopvang buurt taal netwerk "
    "zorgen steun rust vertrouwen ritme slapen eten papieren post brief ocmw huisarts "
    "de het een en van in met over voor op niet wel ook nog maar omdat want dus toen "
    "woensdag besproken samen"
)
RARE = ("machteloos", "zwaluwstaart", "Łukasz", "Özlem", "Наталія", "école", "çocuk", "😀")


def _text(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(COMMON) for _ in range(words)]
    if rng.random() < 0.05:
        chosen[rng.randrange(words)] = rng.choice(RARE)
    return " ".join(chosen).capitalize() + "."


def _fill(case_file, rng: random.Random, notes: int) -> None:
    from homestart_desktop.data.models import CoachingTalk, IntervisionSession, TalkKind, Volunteer

    with case_file.session() as session:
        volunteers = [
            Volunteer(reference=f"VW-1999-{i:03d}", first_name=f"Vrijwilliger{i}")
            for i in range(120)
        ]
        session.add_all(volunteers)
        session.flush()
        start = dt.date(2016, 1, 1)
        for i in range(notes):
            on = start + dt.timedelta(days=i % 3650)
            if i % 5 == 0:
                session.add(
                    IntervisionSession(
                        on=on,
                        theme=_text(rng, 4),
                        notes=_text(rng, rng.randint(80, 250)),
                        agreements=_text(rng, 20),
                    )
                )
            else:
                session.add(
                    CoachingTalk(
                        volunteer_id=rng.choice(volunteers).id,
                        on=on,
                        kind=rng.choice(list(TalkKind)),
                        notes=_text(rng, rng.randint(60, 200)),
                        agreements=_text(rng, 15),
                    )
                )


def _open_case_file(folder: Path):
    """A copy of the bench's demo file when the bench runner gives one, else a new file."""
    from homestart_desktop.data.casefile.casefile import create_case_file, unlock

    demo = os.environ.get("HOMESTART_BENCH_CASE_FILE")
    if demo:
        copy = folder / "Demo.hscase"
        shutil.copyfile(demo, copy)
        passphrase = os.environ.get("HOMESTART_BENCH_PASSPHRASE", "")
        return unlock(copy, passphrase=passphrase), "demo " + os.environ.get(
            "HOMESTART_BENCH_SIZE", ""
        )
    return create_case_file(
        folder / "Bench.hscase", passphrase=PASSPHRASE, branch_name="Bench"
    ), "synthetic"


def _note_count(case_file) -> int:
    from sqlalchemy import text

    with case_file.session() as session:
        return session.execute(text("SELECT count(*) FROM note_search")).scalar_one()


def _median_ms(work: Callable[[], object]) -> float:
    work()  # warm the page cache, as a second search in the app would
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def run(report: Callable[[str, float, float], None]) -> None:
    """Time note search on at least 5,000 notes; ``report(name, measured_ms, target_ms)``."""
    from homestart_desktop.data.intervision.notes_search import search_notes

    with tempfile.TemporaryDirectory() as folder:
        case_file, origin = _open_case_file(Path(folder))
        try:
            missing = NOTES - _note_count(case_file)
            if missing > 0:  # the demo branch may hold fewer notes: add synthetic ones
                _fill(case_file, random.Random(7), missing)
            count = _note_count(case_file)
            # Words that both the demo branch's notes and the synthetic ones hold.
            for label, typed in (
                ("a word in most notes", "vrijwilliger"),
                ("a word in many notes", "kinderen"),
                ("a prefix", "bespr"),
                ("two words", "kinderen woensdag"),
                ("a rare word", "machteloos"),
                ("a name typed without accents", "lukasz"),
                ("a reference code", "GZ-2025"),
            ):
                with case_file.session() as session:
                    ms = _median_ms(lambda s=session, t=typed: search_notes(session=s, typed=t))
                report(f"intervision: search {count:,} notes ({origin}), {label}", ms, TARGET_MS)
        finally:
            case_file.lock()


if __name__ == "__main__":
    run(lambda name, ms, target: print(f"{name}: {ms:.1f} ms (target ≤ {target:.0f} ms)"))
