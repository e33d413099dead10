"""Putting a backup back in the place of the case file: offered by the unlock window after a
damaged journal, or asked for in Settings (then the app locks first).

The backup is checked and put in place on the worker; the unlock window says how it went and
keeps the file as it was when anything fails.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from homestart_desktop.i18n import _
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.shell.unlock import UnlockWindow


def offer_backup(unlock_window: UnlockWindow, *, ops: Any, backup: Path, passphrase: str) -> None:
    """The unlock window's offer after a damaged WAL: the file is not open, so no lock."""
    target = unlock_window.path()
    question = _(
        "Put the backup {backup} in the place of this case file? The file as it is now, "
        "with its damaged journal, is kept in the backups folder."
    ).format(backup=backup.name)
    if target is None or not prompts.confirm(
        unlock_window, _("Restore a backup"), question, yes=_("Restore")
    ):
        return
    put_backup_in_place(unlock_window, ops=ops, backup=backup, target=target, passphrase=passphrase)


def put_backup_in_place(
    unlock_window: UnlockWindow, *, ops: Any, backup: Path, target: Path, passphrase: str
) -> None:
    """Check the backup opens and put it in ``target``'s place, on the worker."""
    unlock_window.set_busy(_("Checking and restoring the backup…"))

    def restored(_kept: Any) -> None:
        unlock_window.show_error("")  # no error left, no backup left to offer
        unlock_window.show_note(
            _(
                "The backup is back in place. Unlock it with the passphrase it had when it "
                "was made. The file it replaced is kept in the backups folder."
            )
        )

    def failed(error: BaseException) -> None:
        message = getattr(error, "message", None) or _("The backup could not be restored.")
        unlock_window.show_error(message + " " + _("The case file was left as it was."))

    ops.run(
        _restore_on_worker,
        backup=backup,
        target=target,
        passphrase=passphrase,
        who=ops.coordinator,
        success=restored,
        failure=failed,
    )


def _restore_on_worker(*, backup: Path, target: Path, passphrase: str, who: str) -> Any:
    """On the worker, after the lock: check the backup opens, then put it in place (and note
    it in the restored file's Logboek)."""
    from homestart_desktop.data.casefile.backups import restore_backup

    return restore_backup(backup, target, passphrase=passphrase, who=who)
