"""Home-Start Desktop: the offline-first case file of a Home-Start Vlaanderen branch."""

__version__ = "0.1.0"
