"""The app's log: a small rotating file for a developer's eyes, never holding personal data.

What goes in: command and screen names, outcome codes, counts, durations, exception TYPES and
the places in our code where they happened. What never goes in: names, addresses, free text,
paths inside the user's folders, passphrases, exception messages (a database error can quote a
row). :class:`PrivacyFilter` enforces the last ones even when a module forgets.

The folder is platformdirs' user log folder; ``HOMESTART_LOG_DIR`` moves it (tests do this).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import traceback
from pathlib import Path

from homestart_desktop.private_files import create_private

LOG_DIR_VARIABLE = "HOMESTART_LOG_DIR"
LOG_FILE_NAME = "homestart.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# Defence in depth for what a careless message might still carry.
_REDACTIONS = [
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "<e-mail>"),
    (re.compile(r"\b[A-Z]{2}\d{2}(?: ?[0-9A-Z]{4}){3,7}\b"), "<iban>"),
    (re.compile(r"\b\d{2}[.]?\d{2}[.]?\d{2}[-. ]?\d{3}[.]?\d{2}\b"), "<national number>"),
    (
        re.compile(r"(?:\+|\b00)\d[\d /.-]{7,}\d|\b0\d{1,3}[ /.]?\d{2,3}(?:[ .]?\d{2}){2,3}\b"),
        "<phone>",
    ),
    (re.compile(r"(?:[A-Za-z]:)?[\\/](?:Users|home)[\\/][^\s'\"]+"), "<path>"),
]

_handler: logging.Handler | None = None


def log_dir() -> Path:
    """Where the log files are: ``$HOMESTART_LOG_DIR`` or the user's log folder."""
    override = os.environ.get(LOG_DIR_VARIABLE)
    if override:
        return Path(override)
    import platformdirs

    return platformdirs.user_log_path("homestart-desktop", "Home-Start Vlaanderen")


def log_file() -> Path:
    return log_dir() / LOG_FILE_NAME


def redact(text: str) -> str:
    """Mask e-mail addresses, IBANs, national numbers, phone numbers and home paths."""
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


def where(error: BaseException) -> str:
    """An exception as its type and the places in our code it passed: no message, no values."""
    frames = [
        f"{Path(frame.filename).name}:{frame.lineno}"
        for frame in traceback.extract_tb(error.__traceback__)
        if "homestart_desktop" in frame.filename
    ]
    return f"{type(error).__name__} at {' < '.join(reversed(frames[-6:])) or '?'}"


class PrivacyFilter(logging.Filter):
    """Replace exception tracebacks by :func:`where` and mask personal-looking text."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            message = f"{message} [{where(record.exc_info[1])}]"
        record.msg = redact(message)
        record.args = None
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file, the first and each one after a rollover, is 0600."""

    def _open(self):  # noqa: ANN202 (logging's own signature)
        # The rollover renames the full file away and opens a new one: born 0600 here too.
        create_private(self.baseFilename)
        return super()._open()


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the app's log records to the rotating file; returns its path (None if impossible).

    Safe to call more than once (the handler is replaced when the folder changed).
    """
    global _handler
    root = logging.getLogger()
    path = log_file()
    if _handler is not None:
        if getattr(_handler, "baseFilename", None) == str(path.resolve()):
            return path
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handler = _PrivateRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        return None  # a read-only profile must not stop the app
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(PrivacyFilter())
    root.addHandler(handler)
    root.setLevel(level)
    # Libraries that could echo SQL parameters or file paths stay quiet.
    for noisy in ("sqlalchemy", "alembic", "filelock", "PIL", "fontTools"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    _handler = handler
    return path


def close_logging() -> None:
    """Detach and close the log file (at exit, and between tests that move the folder)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
