"""Every printed document, laid out from a branch that stretches them (long names in Turkish,
Polish and Cyrillic letters, a long branch name; tests/documents/every_document.py), in Dutch,
French and English.

Figures: for each document, the slowest language's median of several renderings (the data read
once, as the screens read it before laying out; target ≤ 400 ms). The first rendering (font
loading) is left out, as the app pays it once per session.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

RUNS = 5
TARGET_MS = 400


def run(report) -> None:  # noqa: ANN001 (run.py's reporter)
    from homestart_desktop.data.casefile.casefile import create_case_file
    from tests.documents.every_document import DOCUMENTS, LANGS, read_long_branch

    with tempfile.TemporaryDirectory(prefix="bench-documents-") as folder:
        case_file = create_case_file(
            Path(folder) / "Lang.hscase", passphrase="bench documents long names", branch_name="L"
        )
        try:
            with case_file.session() as session:
                branch = read_long_branch(session)
        finally:
            case_file.lock()
    branch.makers["agreement"]("nl")  # fonts load once
    for name in DOCUMENTS:
        slowest = 0.0
        for lang in LANGS:
            times = []
            for _ in range(RUNS):
                began = time.perf_counter()
                branch.makers[name](lang)
                times.append((time.perf_counter() - began) * 1000)
            slowest = max(slowest, statistics.median(times))
        report(f"documents: {name.replace('_', ' ')} PDF", slowest, TARGET_MS)
