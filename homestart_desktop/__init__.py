"""Home-Start Desktop: the offline-first case file of a Home-Start Vlaanderen branch."""

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

try:  # the one place the version lives is pyproject.toml; the installed metadata carries it
    __version__ = version("homestart-desktop")
except PackageNotFoundError:  # the source tree without an install
    __version__ = "0+unknown"

# Files the app ships beside its code (schemas, the demo central office's key); one place, so a
# moved module or a bundled app finds them the same way.
RESOURCES_DIR = Path(__file__).resolve().parent / "resources"
