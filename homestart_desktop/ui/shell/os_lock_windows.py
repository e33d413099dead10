"""Windows: the session's lock (Win+L, the lock screen) and the coming sleep, from window messages.

``WTSRegisterSessionNotification`` asks Windows to send the main window ``WM_WTSSESSION_CHANGE``
(``WTS_SESSION_LOCK`` when the session locks); every top-level window already receives
``WM_POWERBROADCAST`` (``PBT_APMSUSPEND`` before sleep or hibernation). A native event filter
reads both from Qt's message loop. Only plain ctypes: this module imports on any platform, so
the decoding below is tested on Linux with messages built by hand.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from homestart_desktop.ui.shell.os_lock import SCREEN, SLEEP, OsLockListener

log = logging.getLogger(__name__)

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x0004
NOTIFY_FOR_THIS_SESSION = 0
GENERIC_MSG = b"windows_generic_MSG"  # Qt's name for a Windows MSG in a native event


class MSG(ctypes.Structure):
    """The head of Windows' MSG: the fields read here (the rest is never touched)."""

    _fields_ = (
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
    )


def reason_of(message: int, w_param: int) -> str | None:
    """``SCREEN``, ``SLEEP`` or None for one window message and its wParam."""
    if message == WM_WTSSESSION_CHANGE and w_param == WTS_SESSION_LOCK:
        return SCREEN
    if message == WM_POWERBROADCAST and w_param == PBT_APMSUSPEND:
        return SLEEP
    return None


def decode(event_type: bytes, address: int) -> str | None:
    """What a native event (Qt's type name, the address of its MSG) means for the lock."""
    if bytes(event_type) != GENERIC_MSG or not address:
        return None
    msg = MSG.from_address(address)
    return reason_of(msg.message, msg.wParam)


class _MessageFilter(QAbstractNativeEventFilter):
    def __init__(self, listener: WindowsLockListener) -> None:
        super().__init__()
        self._listener = listener

    def nativeEventFilter(self, event_type: Any, message: Any) -> tuple[bool, int]:  # noqa: N802
        reason = decode(bytes(event_type), int(message))
        if reason is not None:
            self._listener.sig_os_locked.emit(reason)
        return False, 0  # Windows and Qt still handle the message as usual


class WindowsLockListener(OsLockListener):
    """Registers ``window`` for session messages and filters the app's native events."""

    def __init__(self, parent: QObject | None, window: QWidget) -> None:
        super().__init__(parent)
        self._filter = _MessageFilter(self)
        QCoreApplication.instance().installNativeEventFilter(self._filter)
        self._hwnd = int(window.winId())
        self._wtsapi = ctypes.WinDLL("wtsapi32") if sys.platform == "win32" else None
        if self._wtsapi is not None and not self._wtsapi.WTSRegisterSessionNotification(
            ctypes.c_void_p(self._hwnd), NOTIFY_FOR_THIS_SESSION
        ):
            log.warning("Windows does not report the session's lock to this app")
            self._wtsapi = None

    def stop(self) -> None:
        if self._wtsapi is not None:
            self._wtsapi.WTSUnRegisterSessionNotification(ctypes.c_void_p(self._hwnd))
            self._wtsapi = None
        QCoreApplication.instance().removeNativeEventFilter(self._filter)
