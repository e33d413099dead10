"""Home-Start Desktop: the offline-first case file of a Home-Start Vlaanderen branch."""

__version__ = "0.1.0"

from pathlib import Path

# Files the app ships beside its code (schemas, the demo central office's key); one place, so a
# moved module or a bundled app finds them the same way.
RESOURCES_DIR = Path(__file__).resolve().parent / "resources"
