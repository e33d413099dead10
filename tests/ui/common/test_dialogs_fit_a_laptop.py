"""Every dialog fits a 1366×768 laptop (1366×728 available) and keeps its buttons on screen.

The checks live in ``dialogs_on_a_laptop.py``; they run here in a process of their own, whose
offscreen screen has the laptop's size (the screen cannot change inside a running Qt app).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def offscreen_screen(folder: Path, width: int, height: int) -> dict[str, str]:
    """The environment for a Qt process whose only screen is ``width``×``height``."""
    config = folder / f"screen-{width}x{height}.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"windowFrameMargins": False, "screens": [screen]}))
    return dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")


def run_checks(module: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", module],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_every_dialog_keeps_its_buttons_on_a_laptop_screen(tmp_path: Path) -> None:
    env = offscreen_screen(tmp_path, 1366, 728)
    result = run_checks("tests/ui/common/dialogs_on_a_laptop.py", env)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout
