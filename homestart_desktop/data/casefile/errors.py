"""Why a case file could not be opened: one exception per outcome, each with a clear message.

The message is for the coordinator (translated, no paths, no personal data); ``exit_code`` is what
the command line returns.
"""

from __future__ import annotations

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
