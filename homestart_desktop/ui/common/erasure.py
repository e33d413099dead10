"""*Erase data…* from a family's or volunteer's file: names what goes, asks twice, erases.

Erasure is for good (data/retention/erase.py): the second question says so, and both say that
backups made before still hold the data until they are rotated out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.retention.erase import ErasurePlan, ErasureRefused, erase, erasure_plan
from homestart_desktop.i18n import _, format_datetime, gettext
from homestart_desktop.ui.common import prompts


def _erase(*, ops: Any, reference: str, today: Any) -> Any:
    return erase(ops.case_file, reference=reference, today=today)


def backups_caveat(last_backup: Any) -> str:
    """The sentence on backups that still hold what was removed ('' when there are none)."""
    if last_backup is None:
        return ""
    return _(
        "Backups made before still hold this data until they are rotated out: the newest is "
        "of {when}."
    ).format(when=format_datetime(last_backup))


def erase_with_questions(
    parent: QWidget, ops: Any, reference: str, done: Callable[[], None] | None = None
) -> None:
    """Ask twice, then erase the family or volunteer with this code; ``done`` after."""

    def refused(error: BaseException) -> None:
        message = str(error) if isinstance(error, ErasureRefused) else _("Something went wrong.")
        prompts.warn(parent, _("Not erased"), message)

    def ask(plan: ErasurePlan) -> None:
        lines = [gettext(msgid).format(count=count) for msgid, count in plan.goes]
        first = "\n".join(
            [
                _("Erasing {code} removes for good:").format(code=plan.reference),
                *(f"• {line}" for line in lines),
                "",
                _("The code stays, marked erased, so that figures and links stay whole."),
            ]
        )
        if not prompts.confirm(
            parent,
            _("Erase data of {code}?").format(code=plan.reference),
            first,
            yes=_("Continue…"),
        ):
            return
        second = _("This cannot be undone. Erase the data of {code} now?").format(
            code=plan.reference
        )
        if not prompts.confirm(parent, _("Erase for good?"), second, yes=_("Erase")):
            return
        ops.run(
            _erase,
            ops=ops,
            reference=plan.reference,
            today=ops.today(),
            success=finished,
            failure=refused,
            owner=parent,
        )

    def finished(removed: Any) -> None:
        ops.sig_changes.emit(
            Changes(
                families=True,
                volunteers=True,
                trajectories=True,
                visits=True,
                intervision=True,
                expenses=True,
            )
        )
        text = _("The data of {code} is erased.").format(code=reference.upper())
        caveat = backups_caveat(removed.last_backup)
        prompts.inform(parent, _("Erased"), f"{text}\n\n{caveat}".strip())
        if done is not None:
            done()

    ops.query(erasure_plan, reference=reference, success=ask, failure=refused, owner=parent)
