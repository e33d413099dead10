"""The shell's speed: launch to unlock window, passphrase to Today, lock and unlock, memory.

Targets from issue 2: unlock window visible ≤ 0.6 s after launch; passphrase entered to Today
ready ≤ 1.2 s (key derivation ~0.5 s of it); lock and unlock again ≤ 1.0 s; memory ≤ 250 MB.
"""

from __future__ import annotations


def _launch_ms(folder) -> float:
    """Start ``python -m homestart_desktop`` and wait for its unlock window to be on screen."""
    import os
    import subprocess
    import sys
    import time

    env = dict(os.environ, HOMESTART_QUIT_WHEN_SHOWN="1", XDG_CONFIG_HOME=str(folder))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "homestart_desktop"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    for line in process.stdout:
        if line.strip() == "shown":
            elapsed = (time.perf_counter() - started) * 1000
            break
    else:
        raise RuntimeError("the unlock window never showed")
    process.wait(timeout=30)
    return elapsed


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(report) -> None:
    import os
    import shutil
    import statistics
    import tempfile
    import time
    from pathlib import Path

    from PySide6.QtCore import QSettings

    with tempfile.TemporaryDirectory() as folder:
        launches = [_launch_ms(Path(folder)) for _ in range(3)]
        report("gui: launch → unlock window visible", statistics.median(launches), 600)

        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        from homestart_desktop.ui.shell.app import AppController, make_application
        from homestart_desktop.ui.shell.self_test import _wait

        path = Path(folder) / "Gent-demo.hscase"
        shutil.copyfile(os.environ["HOMESTART_BENCH_CASE_FILE"], path)
        passphrase = os.environ["HOMESTART_BENCH_PASSPHRASE"]
        app = make_application()
        controller = AppController(app)
        controller.start(path)
        # The coordinator types for a few seconds: the app loads its data layer meanwhile.
        _wait(controller.sig_data_layer_ready, 60)
        for _ in range(5):  # let it build the main window behind the unlock window
            app.processEvents()
            time.sleep(0.05)

        def unlock_until_today_ready() -> float:
            started = time.perf_counter()
            controller.unlock(path, passphrase)
            if not _wait(controller.sig_unlocked, 60):
                raise RuntimeError("did not unlock")
            today = controller.main_window.screen("today")
            if today.overview is None and not _wait(today.sig_loaded, 60):
                raise RuntimeError("Today never loaded")
            return (time.perf_counter() - started) * 1000

        first = unlock_until_today_ready()
        report("gui: passphrase → Today ready (first unlock of the day)", first, 1200)

        controller.ops.wait_idle(60)  # the daily backup, made right after Today shows
        app.processEvents()
        started = time.perf_counter()
        controller.lock()
        if not _wait(controller.sig_locked, 30):
            raise RuntimeError("did not lock")
        again = (time.perf_counter() - started) * 1000 + unlock_until_today_ready()
        report("gui: lock and unlock again → Today ready", again, 1000)
        report("gui: memory with Today open", _rss_mb(), 250, unit="MB")
        for key in controller.main_window.section_keys():
            controller.main_window.show_section(key, ask=False)
            app.processEvents()
        controller.ops.wait_idle(60)
        app.processEvents()
        report("gui: memory with every section open", _rss_mb(), 250, unit="MB")
        controller.shutdown()
