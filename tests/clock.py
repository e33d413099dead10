"""The day the tests live on: UI tests and the demo branch see this date, not the machine's.

Like KeePassXC's mock clock: a test that depends on "today" gives the same answer on any day
it runs. Tests of wall-clock work (backup names, timestamps) keep the real clock.
"""

from __future__ import annotations

import datetime as dt

TEST_TODAY = dt.date(2026, 6, 17)  # a Wednesday, outside school holidays
