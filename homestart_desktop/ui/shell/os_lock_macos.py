"""macOS: the screen lock, from the ``com.apple.screenIsLocked`` distributed notification.

PyObjC is not a dependency (tens of megabytes for one notification), so this uses ctypes against
CoreFoundation: ``CFNotificationCenterGetDistributedCenter`` and a C callback. The distributed
center delivers on the main run loop, which Qt's Cocoa event loop runs, so the callback comes on
the UI thread. Sleep: macOS posts no distributed notification before sleeping (that one is
NSWorkspace's, which needs Objective-C), but with "require password after sleep" (the default)
the screen locks on sleep and ``com.apple.screenIsLocked`` follows.
"""

from __future__ import annotations

import ctypes
import ctypes.util

from PySide6.QtCore import QObject

from homestart_desktop.ui.shell.os_lock import SCREEN, OsLockListener

SCREEN_IS_LOCKED = b"com.apple.screenIsLocked"
UTF8 = 0x08000100  # kCFStringEncodingUTF8
DELIVER_IMMEDIATELY = 4  # CFNotificationSuspensionBehaviorDeliverImmediately

# void (*)(CFNotificationCenterRef, void *observer, CFStringRef name, const void *object,
#          CFDictionaryRef userInfo)
NOTIFIED = ctypes.CFUNCTYPE(
    None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p
)


def core_foundation() -> ctypes.CDLL:
    """CoreFoundation with the few functions used here typed (OSError where it is missing)."""
    found = ctypes.util.find_library("CoreFoundation")
    if found is None:
        raise OSError("CoreFoundation not found")
    cf = ctypes.CDLL(found)
    cf.CFNotificationCenterGetDistributedCenter.restype = ctypes.c_void_p
    cf.CFStringCreateWithCString.restype = ctypes.c_void_p
    cf.CFStringCreateWithCString.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32)
    cf.CFNotificationCenterAddObserver.argtypes = (
        ctypes.c_void_p,
        ctypes.c_void_p,
        NOTIFIED,
        ctypes.c_void_p,
        ctypes.c_void_p,
        ctypes.c_long,
    )
    cf.CFNotificationCenterRemoveEveryObserver.argtypes = (ctypes.c_void_p, ctypes.c_void_p)
    cf.CFRelease.argtypes = (ctypes.c_void_p,)
    return cf


class MacLockListener(OsLockListener):
    """Observes the distributed notification center for the screen lock."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cf = core_foundation()
        # ctypes frees a callback whose Python object goes: keep it as long as the observer.
        self._callback = NOTIFIED(self._notified)
        self._observer = ctypes.c_void_p(id(self))
        self._center = self._cf.CFNotificationCenterGetDistributedCenter()
        name = self._cf.CFStringCreateWithCString(None, SCREEN_IS_LOCKED, UTF8)
        self._cf.CFNotificationCenterAddObserver(
            self._center, self._observer, self._callback, name, None, DELIVER_IMMEDIATELY
        )
        self._cf.CFRelease(name)  # the center keeps its own reference

    def stop(self) -> None:
        if self._center:
            self._cf.CFNotificationCenterRemoveEveryObserver(self._center, self._observer)
            self._center = None

    def _notified(self, _center: int, _observer: int, _name: int, _obj: int, _info: int) -> None:
        # Only the screen-lock name was asked for: any call means the screen locked.
        self.sig_os_locked.emit(SCREEN)
