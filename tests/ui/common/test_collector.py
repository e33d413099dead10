"""Cycles are collected on the UI thread only: the case-file worker allocating a lot never runs
the collector, so it can never free a closed dialog's widgets there (which crashes Qt)."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from homestart_desktop.ui.common.collector import CHECK_EVERY_MS, UiThreadCollector


class _Cycle:
    """An object in a reference cycle that tells which thread freed it."""

    freed_on: list[str] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.freed_on.append(threading.current_thread().name)


def _cycles(count: int) -> None:
    """Leave ``count`` small cycles behind, as a busy query does."""
    for _ in range(count):
        garbage: dict = {}
        garbage["me"] = garbage


def test_a_worker_thread_that_allocates_never_collects_and_the_ui_thread_does(qtbot):
    _Cycle.freed_on.clear()
    owner = QObject()
    gc.enable()  # as Python starts; the collector is what turns it off
    collector = UiThreadCollector(owner)
    try:
        assert not gc.isenabled()
        _Cycle()  # garbage from now on

        def allocate() -> None:  # as SQLAlchemy does on the worker: far past every threshold
            _cycles(100 * gc.get_threshold()[0])

        worker = threading.Thread(target=allocate, name="casefile_0")
        worker.start()
        worker.join()
        assert _Cycle.freed_on == []  # the worker left it alone

        qtbot.waitUntil(lambda: _Cycle.freed_on != [], timeout=5 * CHECK_EVERY_MS)
        assert _Cycle.freed_on == [threading.main_thread().name]
    finally:
        collector.stop()
        gc.disable()  # the test run's own policy (tests/conftest.py)


def test_a_closed_dialog_in_a_cycle_is_freed_on_the_ui_thread(qtbot):
    owner = QObject()
    collector = UiThreadCollector(owner)
    try:
        dialog = QDialog()
        dialog.itself = dialog  # a cycle, as a dialog and its callbacks make
        freed: list[str] = []
        dialog.destroyed.connect(lambda: freed.append(threading.current_thread().name))
        dialog.reject()
        del dialog
        assert freed == []  # only the collector can free a cycle
        _cycles(2 * gc.get_threshold()[0])  # the counts pass the first threshold
        qtbot.waitUntil(lambda: freed != [], timeout=20 * CHECK_EVERY_MS)
        assert freed == [threading.main_thread().name]
    finally:
        collector.stop()
        gc.disable()


def test_what_the_app_loaded_is_kept_out_of_the_collectors_sight_once(monkeypatch):
    from homestart_desktop.ui.common import collector

    monkeypatch.setattr(collector, "_kept", False)
    frozen: list[int] = []
    monkeypatch.setattr(collector.gc, "freeze", lambda: frozen.append(1))
    collector.keep_what_is_loaded()
    collector.keep_what_is_loaded()  # a second load (another language): nothing more
    assert frozen == [1]
