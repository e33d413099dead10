"""Memory: opening every section loads no printing, PDF or icon-font library, and keeps no
source text (bench/bench_gui.py measures the whole: under 250 MB on the large branch)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHECK = """
import linecache, sys
from pathlib import Path
from PySide6.QtCore import QSettings
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
from homestart_desktop.data.casefile.casefile import create_case_file
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.shell.app import make_application
from homestart_desktop.ui.shell.main_window import MainWindow

app = make_application()
ops = Ops()
ops.case_file = create_case_file(Path(sys.argv[1]) / "Teststad.hscase", passphrase="lang genoeg wachtwoord voor een test", branch_name="Teststad")
window = MainWindow(ops)
window.reload_all()
for key in window.section_keys():
    window.show_section(key, ask=False)
    ops.wait_idle(30)
    app.processEvents()
window.show_section(window.section_keys()[0], ask=False)
heavy = sorted(m for m in ("qtawesome", "reportlab", "pypdfium2", "PIL", "scipy") if m in sys.modules)
lines = sum(len(line) for entry in linecache.cache.values() if len(entry) > 2 for line in entry[2])
print(heavy, lines)
ops.shutdown()
ops.case_file.lock()
"""


def test_every_section_opens_without_printing_libraries_or_kept_source(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK, str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    heavy, kept = result.stdout.strip().splitlines()[-1].rsplit(" ", 1)
    assert heavy == "[]"  # they load when a coordinator first prints or previews
    assert int(kept) < 1_000_000  # PySide's import hook read every module's source
