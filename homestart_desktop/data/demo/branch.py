"""A synthetic branch, "Home-Start Gent (demo)", for the demo, the tests and the benchmarks.

Seeded and consistent: the same seed (and the same ``today``) gives the same rows. Every status
of families, volunteers and trajectories occurs, and every table is filled. Everyone in it is
invented. Sizes: ``realistic`` (about 60 new families a year over five years and 40 volunteers)
and ``large`` (3,000 families, 800 volunteers, some 140,000 visits) for benchmarks.

    write_demo_file(Path("Gent-demo.hscase"))          # passphrase: DEMO_PASSPHRASE
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import random
import time
from pathlib import Path

from sqlmodel import Session

from homestart_desktop import RESOURCES_DIR
from homestart_desktop.data import models as m
from homestart_desktop.data.audit import trail
from homestart_desktop.data.demo.household import add_families, add_volunteers
from homestart_desktop.data.demo.names import COORDINATORS, VOLUNTEER_ORIGIN_WEIGHTS
from homestart_desktop.data.demo.plans import BUSY, REALISTIC
from homestart_desktop.data.demo.rows import Rows, at_nine
from homestart_desktop.data.demo.simulation import simulate
from homestart_desktop.data.demo.support import (
    add_bookkeeping,
    add_coaching,
    add_expenses,
    add_intervision,
)
from homestart_desktop.data.demo.visits import add_trajectories
from homestart_desktop.data.references import FAMILY_PREFIX, VOLUNTEER_PREFIX
from homestart_desktop.data.settings import load_settings, save_settings

log = logging.getLogger(__name__)

DEMO_PASSPHRASE = "oefenbestand zonder echte gezinnen"
DEMO_BRANCH_NAME = "Home-Start Gent (demo)"
SIZES: dict[str, dict[str, int]] = {
    "realistic": {"families_per_year": 60, "volunteers": 40},
    "large": {"families": 3000, "volunteers": 800},
}


@dataclasses.dataclass(frozen=True)
class DemoSummary:
    """What was made: rows per table, and how long it took."""

    rows: dict[str, int]
    seconds: float
    today: dt.date


def generate_demo(
    *,
    session: Session,
    seed: int = 2026,
    families: int | None = None,
    years: int = 5,
    volunteers: int | None = None,
    size: str = "realistic",
    today: dt.date,
) -> DemoSummary:
    """Fill an empty case file with a synthetic branch whose history ends on ``today``."""
    if size not in SIZES:
        raise ValueError(f"unknown demo size {size!r}")
    started = time.perf_counter()
    preset = SIZES[size]
    families = families or preset.get("families") or preset["families_per_year"] * years
    volunteers = max(volunteers or preset["volunteers"], 8)
    start = today - dt.timedelta(days=round(365.25 * years))
    branch = simulate(
        random.Random(seed),
        families=max(families, 8),
        volunteers=volunteers,
        start=start,
        today=today,
        volunteer_origins=VOLUNTEER_ORIGIN_WEIGHTS,
        pace=BUSY if size == "large" else REALISTIC,
    )
    # Record keys from the seed too: the same seed gives the same file, figures included.
    rows = Rows(session, keys=random.Random(f"record keys {seed}"))
    if rows.holds_people():
        raise ValueError("the demo branch fills an empty case file only")
    family_ids = add_families(rows, branch.families, seed, today)
    volunteer_ids = add_volunteers(rows, branch.volunteers, seed, today)
    reference_of = {row["id"]: row["reference"] for row in rows.tables[m.Family]}
    family_codes = {index: reference_of[family_id] for index, family_id in family_ids.items()}
    add_trajectories(rows, branch, family_ids, volunteer_ids, seed)
    add_intervision(rows, branch, volunteer_ids, family_codes, seed)
    add_coaching(rows, branch, volunteer_ids, family_codes, seed)
    add_expenses(rows, branch, seed)
    add_bookkeeping(rows, branch)
    # Synthetic history: one trail entry per table, not one per invented family.
    session.info[trail.SYNTHETIC] = at_nine(today)
    try:
        counts = rows.insert_all(session)
        _set_sequences(session, rows)
        _fill_settings(session)
        session.flush()
    finally:
        session.info.pop(trail.SYNTHETIC, None)
    seconds = time.perf_counter() - started
    log.info(
        "demo branch generated: %d families, %d visits in %.1f s",
        counts["family"],
        counts["visit"],
        seconds,
    )
    return DemoSummary(rows=counts, seconds=seconds, today=today)


def _set_sequences(session: Session, rows: Rows) -> None:
    """The reference counters continue after the demo's codes, so new files never reuse one."""
    highest: dict[tuple[str, int], int] = {}
    for model, prefix in ((m.Family, FAMILY_PREFIX), (m.Volunteer, VOLUNTEER_PREFIX)):
        for row in rows.tables[model]:
            _prefix, year, number = row["reference"].split("-")
            key = (prefix, int(year))
            highest[key] = max(highest.get(key, 0), int(number))
    for (prefix, year), last in sorted(highest.items()):
        row = session.get(m.Sequence, (prefix, year)) or m.Sequence(prefix=prefix, year=year)
        row.last = max(row.last or 0, last)
        session.add(row)
    session.flush()


DEMO_CENTRAL_OFFICE_KEY = RESOURCES_DIR / "demo_central_office" / "DEMO-ONLY-central-office.pub"


def _fill_settings(session: Session) -> None:
    # The published test key of a pretend central office, so figures can be tried end to end.
    key = DEMO_CENTRAL_OFFICE_KEY.read_text().strip() if DEMO_CENTRAL_OFFICE_KEY.exists() else ""
    settings = load_settings(session=session).replace(
        branch_name=DEMO_BRANCH_NAME,
        branch_code="GENT-DEMO",
        street="Voorbeeldstraat 12",
        postcode="9000",
        municipality="Gent",
        phone="09 000 00 00",
        email="gent-demo@example.org",
        coordinator=COORDINATORS[0],
        organisation="Home-Start Vlaanderen vzw",
        legal_form="vzw",
        company_number="0456.789.034",  # passes the check digits, so Settings can be saved
        insurer="Voorbeeld Verzekeringen nv (demo)",
        policy_number="DEMO-BA-2026-0001",
        other_cover="Lichamelijke ongevallen en rechtsbijstand voor vrijwilligers (demo)",
        other_cover_fr="Accidents corporels et protection juridique des volontaires (démo)",
        other_cover_en="Personal accident and legal aid for volunteers (demo)",
        signature_place="Gent",
        signature_place_fr="Gand",
        signature_place_en="Ghent",
        central_office_public_key=key,
    )
    save_settings(session=session, settings=settings)


def write_demo_file(
    path: Path,
    *,
    passphrase: str = DEMO_PASSPHRASE,
    size: str = "realistic",
    families: int | None = None,
    years: int = 5,
    seed: int = 2026,
    volunteers: int | None = None,
    today: dt.date,
) -> Path:
    """Create an encrypted case file at ``path`` holding the demo branch; it is left locked."""
    from homestart_desktop.data.casefile import opening
    from homestart_desktop.data.casefile.casefile import create_case_file, remove_unfinished_file

    path = Path(path)
    case_file = create_case_file(path, passphrase=passphrase, branch_name=DEMO_BRANCH_NAME)
    try:
        with case_file.session() as session:
            generate_demo(
                session=session,
                seed=seed,
                families=families,
                years=years,
                volunteers=volunteers,
                size=size,
                today=today,
            )
    except BaseException as error:
        case_file.lock()
        # An unfinished demo file goes with its WAL and WAL index (a full disk leaves them).
        remove_unfinished_file(path)
        if isinstance(error, Exception) and (named := opening.storage_problem(error, path.parent)):
            raise named from error
        raise
    case_file.lock()
    return path
