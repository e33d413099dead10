"""The main window and its sections on three screens: a small laptop (1024×700), a common
laptop (1366×728 available) and an office monitor (1920×1040 available).

The checks live in ``screens_on_a_screen.py`` and run in a process per screen size, whose
offscreen screen has that size (the screen cannot change inside a running Qt app).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.common.test_dialogs_fit_a_laptop import offscreen_screen, run_checks


@pytest.mark.parametrize("size", [(1024, 700), (1366, 728), (1920, 1040)])
def test_the_main_window_fits_the_screen(tmp_path: Path, size: tuple[int, int]) -> None:
    result = run_checks("tests/ui/shell/screens_on_a_screen.py", offscreen_screen(tmp_path, *size))
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
