"""``homestart self-test``: a demo file, unlocked, every section shown, locked; no screen needed.

Exit status 0 when every step worked; 1 with the failing step (never personal data) otherwise.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def _wait(signal: SignalInstance, timeout_s: float) -> bool:
    """Run the event loop until ``signal`` fires (True) or the time is up (False)."""
    loop = QEventLoop()
    fired: list[bool] = []
    signal.connect(lambda *_args: (fired.append(True), loop.quit()))
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    return bool(fired)


def _settle(app: QApplication, ops: object, timeout_s: float = 30.0) -> None:
    """Let queued database work finish and its results reach the screens."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        ops.wait_idle(timeout_s)
        app.processEvents()
        if not getattr(ops, "_pending", 0):
            return
        time.sleep(0.01)


def self_test() -> int:
    """Exercise the whole shell headless; the exit status."""
    from homestart_desktop.ui.shell.app import AppController, make_application
    from homestart_desktop.ui.shell.on_worker import make_demo_file

    app = make_application()
    step = "demo file"
    with tempfile.TemporaryDirectory(prefix="homestart-self-test-") as folder:
        controller = AppController(app)
        try:
            from homestart_desktop.i18n import current_language

            step = "Qt's own words"  # file dialogs and buttons: an installed app must carry them
            if current_language() != "en" and not controller.qt_translations_loaded():
                raise RuntimeError(f"qtbase_{current_language()}.qm is missing")
            step = "demo file"
            from homestart_desktop.data.demo.branch import DEMO_PASSPHRASE

            # Before the worker exists: the self-test checks the app on the machine's own day.
            path = make_demo_file(folder=Path(folder), today=dt.date.today())
            step = "unlock"
            controller.start(path)
            controller.unlock(path, DEMO_PASSPHRASE)
            if not _wait(controller.sig_unlocked, 60):
                raise RuntimeError("the case file did not unlock")
            window = controller.main_window
            shown = []
            for key in window.section_keys():
                step = f"section {key}"
                if not window.show_section(key, ask=False):
                    raise RuntimeError("the section did not show")
                _settle(app, controller.ops)
                window.grab()  # paint it, as a screen would
                shown.append(key)
            step = "lock"
            controller.lock()
            if not _wait(controller.sig_locked, 30):
                raise RuntimeError("the case file did not lock")
        except Exception as error:  # the step and the kind only: no data in the output
            detail = f": {error}" if isinstance(error, RuntimeError) else ""
            if isinstance(error, ImportError):  # a part missing from an installed app
                detail = f": {error.name or error}"
            print(f"self-test failed at {step}: {type(error).__name__}{detail}")
            return 1
        finally:
            controller.shutdown()
            controller.unlock_window.close()
    print(f"self-test ok: unlocked, {len(shown)} sections shown ({', '.join(shown)}), locked")
    return 0
