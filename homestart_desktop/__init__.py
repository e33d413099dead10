"""Home-Start Desktop: the offline-first case file of a Home-Start Vlaanderen branch."""

from pathlib import Path

# Files the app ships beside its code (schemas, the demo central office's key); one place, so a
# moved module or a bundled app finds them the same way.
RESOURCES_DIR = Path(__file__).resolve().parent / "resources"


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed metadata when first asked for (pyproject.toml
    is the one place it is written; reading it costs a command that never shows it 50 ms)."""
    if name != "__version__":
        raise AttributeError(name)
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("homestart-desktop")
    except PackageNotFoundError:  # the source tree without an install
        found = "0+unknown"
    globals()["__version__"] = found
    return found
