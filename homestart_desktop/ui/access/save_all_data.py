"""*Alle gegevens van dit gezin…* / *van deze vrijwilliger…*: ask a folder, write both files there.

The family's file and the volunteer's file each have one button that calls
:func:`save_all_data`; the PDF and the JSON are made on the worker (reading, printing and
writing take a moment), and a message says where they are.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from homestart_desktop.i18n import N_, _
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops

BUTTON_LABELS = {
    "family": N_("All data of this family…"),
    "volunteer": N_("All data of this volunteer…"),
}
BUTTON_TIPS = {
    "family": N_(
        "Everything the case file holds about this family, as a PDF to hand over and a JSON "
        "file (right of access)"
    ),
    "volunteer": N_(
        "Everything the case file holds about this volunteer, as a PDF to hand over and a JSON "
        "file (right of access)"
    ),
}


def save_all_data(parent: QWidget, ops: Ops, *, kind: str, subject_id: int) -> None:
    """Ask a folder, then write the access export of this family or volunteer into it."""
    title = _(BUTTON_LABELS[kind]).rstrip("…")
    folder = prompts.choose_directory(parent, _("Save all data in which folder?"))
    if folder is None:
        return
    from homestart_desktop.documents.access.export import save_access_export

    def saved(paths: tuple[Path, Path]) -> None:
        pdf, data = paths
        prompts.inform(
            parent,
            title,
            _(
                "Saved in {folder}:\n{pdf}\n{json}\n\nRead the PDF before you hand it over: "
                "notes that name this code may also speak of other people."
            ).format(folder=pdf.parent, pdf=pdf.name, json=data.name),
        )

    def refused(error: BaseException) -> None:
        # Only the kind of problem: an error's own text could quote a file name or data.
        text = (
            _("The app may not write in this folder. Choose another one.")
            if isinstance(error, OSError)
            else _("The files could not be made.")
        )
        prompts.warn(parent, title, text)

    ops.query(
        save_access_export,
        kind=kind,
        subject_id=subject_id,
        folder=Path(folder),
        today=ops.today(),
        success=saved,
        failure=refused,
        owner=parent,
    )
