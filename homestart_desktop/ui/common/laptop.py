"""What belongs to this laptop, not to the case file: the coordinator's name for the Logboek.

Several coordinators may share one case file, each on their own laptop, so the name the audit
trail gives a write is kept with the app's other per-user choices (recent files, window places),
not in the file. Empty by default: the trail then names the operating system's login name, which
already tells who sat at the laptop, without asking anything at the first start and without
copying the full name the system may hold into a file nobody chose to put it in.
"""

from __future__ import annotations

from homestart_desktop.ui.common.window_place import app_settings

COORDINATOR_KEY = "coordinator_name"
NAME_LENGTH = 100


def coordinator_name() -> str:
    """The name set on this laptop ('' when none is: the login name stands in)."""
    value = app_settings().value(COORDINATOR_KEY, "")
    return str(value or "").strip()


def set_coordinator_name(name: str) -> None:
    """Keep ``name`` as this laptop's coordinator (one line, at most 100 characters)."""
    clean = " ".join(name.split())[:NAME_LENGTH]
    app_settings().setValue(COORDINATOR_KEY, clean)
