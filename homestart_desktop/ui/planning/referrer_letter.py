"""The letter to the referrer from a trajectory: preview, print or save, then tick *informed*."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from homestart_desktop.data.planning.referrer_letters import LetterKind, mark_referrer_informed
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.i18n import _
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.document_preview import DocumentPreview, PrintRecord, later
from homestart_desktop.ui.common.ops import Ops

referrer_letter_for = later("homestart_desktop.documents.referrer_letter", "referrer_letter_for")


class ReferrerLetterFlow:
    """One letter: lay it out on the worker, preview it, and once closed ask whether it went out.

    ``quiet``: say nothing when the family did not agree (the offer after closing a trajectory).
    """

    def __init__(
        self, ops: Ops, parent: QWidget, *, trajectory_id: int, kind: LetterKind, quiet: bool
    ) -> None:
        self.ops, self.parent = ops, parent
        self.trajectory_id, self.kind, self.quiet = trajectory_id, kind, quiet
        self.preview: DocumentPreview | None = None

    def start(self) -> None:
        self.ops.query(
            referrer_letter_for,
            success=self._show,
            failure=self._refused,
            owner=self.parent,
            trajectory_id=self.trajectory_id,
            kind=self.kind,
            today=self.ops.today(),
        )

    def _show(self, result: tuple[bytes, str]) -> None:
        pdf, reference = result
        word = _("referrer-letter")  # outside the f-string, where the extraction sees it
        self.preview = DocumentPreview(
            pdf,
            title=_("Letter to the referrer"),
            suggested_name=f"{word}-{reference}.pdf",
            record=PrintRecord(self.ops, "referrer_letter", trajectory_id=self.trajectory_id),
            parent=self.parent,
        )
        self.preview.finished.connect(self._ask_sent)
        self.preview.open()

    def _ask_sent(self, _result: int) -> None:
        if prompts.confirm(
            self.parent,
            _("Letter to the referrer"),
            _("Did the letter go out? Then the trajectory shows the referrer informed today."),
            yes=_("Referrer informed"),
        ):
            self.ops.write(
                mark_referrer_informed,
                owner=self.parent,
                trajectory_id=self.trajectory_id,
                kind=self.kind,
                today=self.ops.today(),
            )

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, ValidationError):
            prompts.warn(
                self.parent, _("Letter to the referrer"), _("The letter could not be made.")
            )
            return
        if self.quiet and "inform_referrer" in error.problems:
            return
        prompts.inform(self.parent, _("Letter to the referrer"), " ".join(error.problems.values()))
