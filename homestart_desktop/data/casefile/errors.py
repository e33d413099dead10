"""Why a case file could not be opened: one exception per outcome, each with a clear message.

The message is for the coordinator (translated, no paths, no personal data); ``exit_code`` is what
the command line returns.
"""

from __future__ import annotations

from pathlib import Path

from homestart_desktop.i18n import _


class CaseFileError(Exception):
    exit_code = 1

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message())

    @property
    def message(self) -> str:
        return str(self.args[0])

    def default_message(self) -> str:
        return _("The case file could not be opened.")


class WrongPassphrase(CaseFileError):
    exit_code = 3

    def default_message(self) -> str:
        return _(
            "This passphrase does not open the case file. Check Caps Lock and try again. "
            "(If you are sure it is right, the start of the file may be damaged: "
            "then restore a backup.)"
        )


class NotACaseFile(CaseFileError):
    exit_code = 4

    def default_message(self) -> str:
        return _("This file is not a Home-Start case file.")


class DamagedCaseFile(CaseFileError):
    exit_code = 4

    def __init__(self, detail: str = "") -> None:
        self.detail = detail
        super().__init__(
            _("The case file is damaged ({detail}). Restore the most recent backup.").format(
                detail=detail or _("integrity check failed")
            )
        )


class FileInUse(CaseFileError):
    exit_code = 5

    def default_message(self) -> str:
        return _(
            "This case file is already open in Home-Start Desktop on this computer. "
            "Close it there first."
        )


class NewerVersion(CaseFileError):
    exit_code = 6

    def default_message(self) -> str:
        return _(
            "This case file was made by a newer version of Home-Start Desktop. "
            "Update the app to open it."
        )


class WeakPassphrase(CaseFileError):
    exit_code = 2


def _megabytes(size: int) -> str:
    from homestart_desktop.i18n import format_number

    return _("{size} MB").format(size=format_number(max(round(size / 1_000_000, 1), 0.1)))


class FileCutShort(CaseFileError):
    """The passphrase is right, but the end of the file is missing (a pulled USB stick)."""

    exit_code = 4

    def default_message(self) -> str:
        return _(
            "The case file is cut short: its end is missing, for example because a USB stick "
            "was pulled out while the file was being written. Restore the most recent backup."
        )


class DiskFull(CaseFileError):
    """SQLITE_FULL, or a write that failed while the disk had no room left."""

    exit_code = 7

    def __init__(self, *, needed: int, free: int) -> None:
        self.needed, self.free = needed, free
        super().__init__(
            _(
                "The disk is full: {free} is free, and about {needed} is needed. "
                "Make room on the disk (empty the recycle bin, move large files), then try again."
            ).format(free=_megabytes(free), needed=_megabytes(needed))
        )


class CannotWrite(CaseFileError):
    """A read-only medium or a folder without permission to write."""

    exit_code = 8

    def default_message(self) -> str:
        return _(
            "The app cannot write in this place: the disk or USB stick is read-only, or you "
            "may not write in this folder. Copy the case file to a folder of your own and "
            "open it there."
        )


class DamagedJournal(CaseFileError):
    """The ``-wal`` holds saved changes that SQLite would silently drop; nothing was opened."""

    exit_code = 4

    def __init__(
        self, *, kept: str | None, newest_backup: str | None, backup_path: Path | None = None
    ) -> None:
        self.kept, self.newest_backup = kept, newest_backup
        self.backup_path = backup_path
        """The newest backup, for the unlock window to offer."""
        parts = [
            _(
                "The most recent changes to this case file are damaged (in its journal, the "
                "file ending in -wal beside it). Opening it would lose some of them without a "
                "word, so it was not opened and the file and its journal were left as they are."
            )
        ]
        if kept:
            parts.append(
                _("An untouched copy of the file and its journal is kept in {folder}.").format(
                    folder=kept
                )
            )
        if newest_backup:
            parts.append(
                _("Restore the newest backup ({backup}), or ask for help to recover them.").format(
                    backup=newest_backup
                )
            )
        else:
            parts.append(_("There is no backup to restore: ask for help to recover them."))
        super().__init__(" ".join(parts))
