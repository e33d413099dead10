"""Memory the app holds without using it, given back where it piles up.

PySide6's import hook (``shibokensupport.feature``) reads the source of every module imported
after PySide6, to see whether it selects ``__feature__`` options, and Python's ``linecache``
keeps every line it read: on the large branch, with every section opened, some 18 MB of source
text nobody reads. Emptied after each burst of imports (the data layer, each new screen), the
same memory is reused by the next burst instead of piling up. A traceback reads its lines again
when it needs them.
"""

from __future__ import annotations

import linecache


def forget_source_lines() -> None:
    """Empty Python's cache of source lines (filled by PySide's import hook)."""
    linecache.clearcache()
