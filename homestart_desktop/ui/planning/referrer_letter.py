"""The letter to the referrer from a trajectory: preview, print or save, then tick *informed*.

The button's menu (``LetterMenu``) offers the start and the end letter and the language to write
in; the planning's trajectories and the family file both carry it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from homestart_desktop.data.planning.referrer_letters import (
    LetterFacts,
    LetterKind,
    mark_referrer_informed,
)
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.i18n import LANGUAGES, _, format_short_date
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.document_preview import DocumentPreview, PrintRecord, later
from homestart_desktop.ui.common.ops import Ops

referrer_letter_for = later("homestart_desktop.documents.referrer_letter", "referrer_letter_for")


class ReferrerLetterFlow:
    """One letter: lay it out on the worker, preview it, and once closed ask whether it went out.

    ``quiet``: say nothing when the family did not agree (the offer after closing a trajectory).
    """

    def __init__(
        self,
        ops: Ops,
        parent: QWidget,
        *,
        trajectory_id: int,
        kind: LetterKind,
        quiet: bool,
        lang: str | None = None,
    ) -> None:
        self.ops, self.parent = ops, parent
        self.trajectory_id, self.kind, self.quiet = trajectory_id, kind, quiet
        self.lang = lang  # None: the branch's language
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
            lang=self.lang,
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


class LetterMenu:
    """The *Letter to the referrer* button's menu: *Support started…*, *Support ended…* (each with
    the day it went out, once sent) and the language of the letter, the branch's ticked first.

    ``on_choose(kind, lang)`` runs when a letter is chosen.
    """

    def __init__(
        self, button: QPushButton, on_choose: Callable[[LetterKind, str | None], None]
    ) -> None:
        self.button = button
        self.facts: LetterFacts | None = None
        self._language_for: int | None = None  # the trajectory whose language was ticked
        self.menu = QMenu(button)
        self.started = self.menu.addAction("")
        self.started.setObjectName("referrerLetterStart")
        self.ended = self.menu.addAction("")
        self.ended.setObjectName("referrerLetterEnd")
        self.menu.addSeparator()
        self.language_title = self.menu.addAction("")
        self.language_title.setEnabled(False)  # a caption above the languages
        self.languages = QActionGroup(self.menu)
        self.language_actions: dict[str, QAction] = {}
        for code in LANGUAGES:
            action = self.menu.addAction("")
            action.setObjectName(f"referrerLetterLanguage_{code}")
            action.setCheckable(True)
            self.languages.addAction(action)
            self.language_actions[code] = action
        button.setMenu(self.menu)
        self.started.triggered.connect(lambda: on_choose(LetterKind.start, self.language()))
        self.ended.triggered.connect(lambda: on_choose(LetterKind.end, self.language()))
        self.set_facts(None)

    def language(self) -> str | None:
        """The language ticked (None: none ticked yet, the branch's applies)."""
        return next((c for c, a in self.language_actions.items() if a.isChecked()), None)

    def set_facts(self, facts: LetterFacts | None, *, running: bool = False) -> None:
        """Show the letters of one trajectory (None: not read yet, ``running`` when it is known
        to have started); the branch's language is ticked again for each trajectory."""
        self.facts = facts
        self.started.setEnabled(running or (facts is not None and facts.started_on is not None))
        self.ended.setEnabled(facts is not None and facts.ended_on is not None)
        # A language the coordinator ticked stays ticked while the same trajectory is shown
        # (facts are read again each time the menu opens).
        if facts is not None and facts.trajectory_id != self._language_for:
            self._language_for = facts.trajectory_id
            if facts.language in self.language_actions:
                self.language_actions[facts.language].setChecked(True)
        self.retranslate()

    def retranslate(self) -> None:
        sent = self.facts.informed_on if self.facts else {}
        for action, kind, label in (
            (self.started, LetterKind.start, _("Support started…")),
            (self.ended, LetterKind.end, _("Support ended…")),
        ):
            if kind in sent:  # "Support started (sent on 23/04/2026)…": the dots stay last
                label = (
                    _("{letter} (sent on {date})").format(
                        letter=label.rstrip("…"), date=format_short_date(sent[kind])
                    )
                    + "…"
                )
            action.setText(label)
        self.language_title.setText(_("Language of the letter"))
        branch = self.facts.language if self.facts else None
        for code, action in self.language_actions.items():
            name = LANGUAGES[code]
            if code == branch:
                name = _("{language} (the branch's language)").format(language=name)
            action.setText(name)
