"""Who an entry names when no coordinator's name is set: light, for the quick command path too."""

from __future__ import annotations

import functools
import getpass


@functools.cache
def login_name() -> str:
    """The operating system's login name: who wrote, when no coordinator's name is set."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (a service account without one): say so plainly
        return "?"
