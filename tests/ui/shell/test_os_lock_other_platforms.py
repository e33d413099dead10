"""Windows' and macOS's listeners, as far as Linux can check them: Windows' messages decoded
from MSG structures built by hand and passed through the native event filter; macOS's listener
missing CoreFoundation leaves the app starting with the idle lock alone."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QWidget

from homestart_desktop.ui.shell import os_lock
from homestart_desktop.ui.shell.os_lock import SCREEN, SLEEP, listen_for_os_lock
from homestart_desktop.ui.shell.os_lock_windows import (
    GENERIC_MSG,
    MSG,
    PBT_APMSUSPEND,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    WindowsLockListener,
    decode,
)

WTS_SESSION_UNLOCK = 0x8
PBT_APMRESUMEAUTOMATIC = 0x12
WM_KEYDOWN = 0x0100


def message(kind: int, w_param: int) -> MSG:
    return MSG(hwnd=0x1234, message=kind, wParam=w_param, lParam=0)


def test_windows_messages_are_read_as_lock_sleep_or_nothing() -> None:
    cases = {
        (WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK): SCREEN,
        (WM_POWERBROADCAST, PBT_APMSUSPEND): SLEEP,
        (WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK): None,
        (WM_POWERBROADCAST, PBT_APMRESUMEAUTOMATIC): None,
        (WM_KEYDOWN, WTS_SESSION_LOCK): None,
    }
    for (kind, w_param), meaning in cases.items():
        msg = message(kind, w_param)
        assert decode(GENERIC_MSG, ctypes.addressof(msg)) == meaning, (kind, w_param)
    locked = message(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    assert decode(b"xcb_generic_event_t", ctypes.addressof(locked)) is None  # not Windows'


def test_the_native_event_filter_passes_the_lock_on_and_the_message_through(qtbot, qapp) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    listener = WindowsLockListener(None, window)  # on Linux: no wtsapi32, only the filter
    heard: list[str] = []
    listener.sig_os_locked.connect(heard.append)
    sleep = message(WM_POWERBROADCAST, PBT_APMSUSPEND)
    # As Qt's Windows event loop calls it for each message (PySide6 6.11's binding of
    # QAbstractEventDispatcher.filterNativeEvent cannot be called, so the filter is called).
    handled = listener._filter.nativeEventFilter(QByteArray(GENERIC_MSG), ctypes.addressof(sleep))
    assert heard == [SLEEP]
    assert handled == (False, 0)  # Windows and Qt still see the message
    listener.stop()


def test_a_mac_without_core_foundation_still_starts(qtbot, qapp, monkeypatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(os_lock.sys, "platform", "darwin")
    window = QWidget()
    qtbot.addWidget(window)
    assert listen_for_os_lock(qapp, window) is None  # no CoreFoundation here: idle lock only
