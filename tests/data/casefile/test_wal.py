"""The WAL check agrees with SQLite: it calls a WAL damaged exactly when SQLite would lose work."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from homestart_desktop.data.casefile import wal
from tests.cli_helpers import open_with_key
from tests.fault_helpers import crashed_with_families_in_wal, families_in, flip_byte

FAMILIES = 30


@pytest.fixture(scope="module")
def crashed(empty_template: tuple[Path, bytes], tmp_path_factory: pytest.TempPathFactory):
    template, key = empty_template
    folder = tmp_path_factory.mktemp("crashed")
    return crashed_with_families_in_wal(template, key, folder, count=FAMILIES), key


def _copy(crashed_path: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / crashed_path.name
    shutil.copyfile(crashed_path, copy)
    shutil.copyfile(wal.wal_path(crashed_path), wal.wal_path(copy))
    return copy


def test_a_whole_wal_keeps_every_commit(crashed: tuple[Path, bytes]):
    path, key = crashed
    reading = wal.read_wal(wal.wal_path(path))
    assert not reading.loses_saved_work
    assert reading.commits_kept >= FAMILIES


def test_no_wal_or_a_torn_header_loses_nothing(tmp_path: Path):
    assert not wal.read_wal(tmp_path / "none-wal").loses_saved_work
    torn = tmp_path / "torn-wal"
    torn.write_bytes(b"\x37\x7f\x06\x82" + bytes(10))
    assert not wal.read_wal(torn).loses_saved_work


def test_frames_left_from_before_a_checkpoint_are_no_loss(
    crashed: tuple[Path, bytes], tmp_path: Path
):
    path, key = crashed
    copy = _copy(path, tmp_path)
    with open_with_key(copy, key) as case_file, case_file.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        raw.execute("PRAGMA wal_autocheckpoint = 0")
        raw.execute("PRAGMA wal_checkpoint(PASSIVE)")
        # The next write starts the WAL over with new salts; the old frames stay behind it.
        raw.execute("UPDATE family SET phone = '0470 00 00 00' WHERE id = 1")
        snapshot = {p: p.read_bytes() for p in (copy, wal.wal_path(copy))}
        reading = wal.read_wal(wal.wal_path(copy))
    assert not reading.loses_saved_work
    assert reading.commits_kept == 1
    crash = tmp_path / "crash"
    crash.mkdir()
    for source, data in snapshot.items():
        (crash / source.name).write_bytes(data)
    assert families_in(crash / copy.name, key) == FAMILIES


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(fraction=st.floats(min_value=0, max_value=1, exclude_max=True))
def test_the_check_says_loss_exactly_when_sqlite_drops_families(
    crashed: tuple[Path, bytes], tmp_path_factory: pytest.TempPathFactory, fraction: float
):
    path, key = crashed
    copy = _copy(path, tmp_path_factory.mktemp("flip"))
    size = wal.wal_path(copy).stat().st_size
    flip_byte(wal.wal_path(copy), int(fraction * size))
    says_loss = wal.read_wal(wal.wal_path(copy)).loses_saved_work
    try:
        kept = families_in(copy, key)
    except Exception:  # SQLite refuses the WAL outright (a damaged format number)
        kept = -1
    assert says_loss == (kept != FAMILIES), (int(fraction * size), kept)
