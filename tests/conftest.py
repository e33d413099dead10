"""Shared fixtures: encrypted case files built once per test session and copied per test.

Key derivation costs about half a second; the templates are derived once and every copy is
opened with the cached key (a copy has the same salt), so a test gets a real, encrypted,
migrated case file in milliseconds.
"""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from homestart_desktop.data.casefile import casefile  # noqa: E402
from homestart_desktop.i18n import set_language  # noqa: E402
from tests.clock import TEST_TODAY  # noqa: E402

TEST_PASSPHRASE = "zeven groene kikkers springen over de beek"


def _copy_case_file(template: Path, target: Path) -> Path:
    shutil.copyfile(template, target)
    os.chmod(target, 0o600)
    return target


def _open_copy(template: Path, key: bytes, target: Path) -> casefile.CaseFile:
    path = _copy_case_file(template, target)
    lock = casefile._lock_for(path)
    casefile._acquire(lock)
    with path.open("rb") as fh:
        salt = fh.read(casefile.SALT_BYTES)
    return casefile.CaseFile(path, key, salt, lock)


@pytest.fixture(autouse=True)
def _every_write_leaves_an_audit_entry() -> Iterator[None]:
    """A test whose ``data/`` writes left no Logboek entry fails (tests/audit_spy.py)."""
    from tests import audit_spy

    audit_spy.watch_every_engine()
    audit_spy.missed.clear()
    yield
    assert not audit_spy.missed, f"writes without an audit entry: {audit_spy.missed}"


def pytest_collection_finish(session: pytest.Session) -> None:
    """What is alive once the tests are collected (modules, classes) lives to the end: the
    collector need not look at it again after every test."""
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _cycles_collected_on_the_test_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """As in the app (ui/common/collector.py), the cycle collector never runs by itself: left
    automatic, it may run on the Ops worker thread and free a Qt widget there, which crashes
    the process. Each test's cycles are collected here, on the test's (the UI) thread.

    UI tests first let Qt delete the windows pytest-qt closed (``deleteLater``), parents before
    children, as the app's event loop would; the collector then frees only Python's side. A
    collector freeing a whole window tree itself crashed a CI run once.
    """
    gc.disable()
    yield
    if Path(request.path).relative_to(Path(__file__).parent).parts[0] == "ui":
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture(autouse=True)
def _own_user_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    """The app's per-user choices (e.g. "don't warn again for this file") go to a test folder."""
    monkeypatch.setenv("HOMESTART_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))


@pytest.fixture(autouse=True)
def _dutch() -> Iterator[None]:
    """Every test starts in the default language, Dutch."""
    set_language("nl")
    yield
    set_language("nl")


@pytest.fixture(autouse=True)
def _app_clock_on_test_day(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """UI tests: every screen's today (``Ops.today``) is TEST_TODAY, whatever the machine's date.

    Set on the class, so the app's own Ops (made by the controller) follows it too.
    """
    if Path(request.path).relative_to(Path(__file__).parent).parts[0] != "ui":
        return
    from homestart_desktop.ui.common.ops import Ops

    monkeypatch.setattr(Ops, "fixed_day", TEST_TODAY)


@pytest.fixture(autouse=True)
def _app_settings_of_its_own(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """UI tests keep the app's settings (window places, splitters, recent files) in a folder
    of their own, never in the person's who runs them."""
    if Path(request.path).relative_to(Path(__file__).parent).parts[0] != "ui":
        return
    from PySide6.QtCore import QSettings

    folder = str(tmp_path / "app-settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A new, empty case file for branch 'Teststad', and its derived key."""
    path = tmp_path_factory.mktemp("template") / "Teststad.hscase"
    case_file = casefile.create_case_file(path, passphrase=TEST_PASSPHRASE, branch_name="Teststad")
    case_file.lock()
    with path.open("rb") as fh:
        salt = fh.read(casefile.SALT_BYTES)
    return path, casefile.derive_key(TEST_PASSPHRASE, salt)


@pytest.fixture
def empty_case_file(
    empty_template: tuple[Path, bytes], tmp_path: Path
) -> Iterator[casefile.CaseFile]:
    """An unlocked, empty case file of its own for this test."""
    template, key = empty_template
    case_file = _open_copy(template, key, tmp_path / "Teststad.hscase")
    yield case_file
    case_file.lock()


@pytest.fixture
def empty_case_path(empty_template: tuple[Path, bytes], tmp_path: Path) -> Path:
    """A locked, empty case file of its own (passphrase: TEST_PASSPHRASE)."""
    return _copy_case_file(empty_template[0], tmp_path / "Teststad.hscase")


# ---- The demo branch (data/demo/branch.py), built once per test session


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """The realistic demo branch (seed 2026, history up to TEST_TODAY) and its derived key."""
    from homestart_desktop.data.demo.branch import DEMO_PASSPHRASE, write_demo_file

    path = write_demo_file(tmp_path_factory.mktemp("demo") / "Gent-demo.hscase", today=TEST_TODAY)
    with path.open("rb") as fh:
        salt = fh.read(casefile.SALT_BYTES)
    return path, casefile.derive_key(DEMO_PASSPHRASE, salt)


@pytest.fixture
def demo_case_file(
    demo_template: tuple[Path, bytes], tmp_path: Path
) -> Iterator[casefile.CaseFile]:
    """An unlocked copy of the demo branch of its own for this test."""
    template, key = demo_template
    case_file = _open_copy(template, key, tmp_path / "Gent-demo.hscase")
    yield case_file
    case_file.lock()


@pytest.fixture
def demo_case_path(demo_template: tuple[Path, bytes], tmp_path: Path) -> Path:
    """A locked copy of the demo branch (passphrase: DEMO_PASSPHRASE)."""
    return _copy_case_file(demo_template[0], tmp_path / "Gent-demo.hscase")
