"""Results come back from the worker thread many thousand times a day: that must never crash.

PySide6 6.12.0 aborted the process ("deallocating None") after a few hundred signals emitted from
a Python thread; the test runs in a child process so such a crash fails the test, not the suite.
"""

import subprocess
import sys
import textwrap

CHILD = textwrap.dedent(
    """
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication
    from homestart_desktop.ui.common.ops import Ops

    app = QCoreApplication([])
    ops = Ops()
    results = []
    for n in range(3000):
        ops.run(lambda n: (n, None, [None, True]), n=n, success=results.append)
    while len(results) < 3000:
        app.processEvents()
    ops.shutdown()
    assert [r[0] for r in results] == list(range(3000)), "results out of order"
    print("delivered", len(results))
    """
)


def test_thousands_of_results_from_the_worker_arrive_in_order_without_a_crash():
    done = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "delivered 3000" in done.stdout
