"""Search every note: intervision, coaching, visits, reviews; a result opens where it was written.

A session or coaching talk opens here; a visit note or review agreements open the trajectory in
Planning. The list of kinds above the results narrows the search to one kind of note.

The search runs inside the encrypted case file (``data/intervision/notes_search.py``). What is typed and
what is found stay in this widget: no history, no settings, no log; ``clear()`` forgets both.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from homestart_desktop.data.intervision.notes_search import (
    NoteKind,
    SearchHit,
    count_matches,
    matched_spans,
    query_terms,
    search_notes,
)
from homestart_desktop.i18n import N_, _, format_date
from homestart_desktop.ui.common import theme
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.search_field import SearchField
from homestart_desktop.ui.common.widgets.status_table import Column, RecordTable

KIND_LABELS = {
    NoteKind.session: N_("Intervision"),
    NoteKind.follow_up: N_("Follow-up action"),
    NoteKind.talk: N_("Coaching talk"),
    NoteKind.visit: N_("Visit note"),
    NoteKind.review: N_("Review agreements"),
}
# The choices of the kind filter: a label and the kinds it keeps (None: every kind).
KIND_FILTERS: tuple[tuple[str, frozenset[NoteKind] | None], ...] = (
    (N_("All notes"), None),
    (N_("Intervision and follow-up"), frozenset({NoteKind.session, NoteKind.follow_up})),
    (N_("Coaching talks"), frozenset({NoteKind.talk})),
    (N_("Visit notes"), frozenset({NoteKind.visit})),
    (N_("Review agreements"), frozenset({NoteKind.review})),
)


EXCERPT_COLUMN = 3


def marked_html(text: str, typed: str) -> str:
    """``text`` as HTML with the words matching ``typed`` marked, the way the eye finds them."""
    parts, at = [], 0
    for start, end in matched_spans(text, query_terms(typed)):
        parts.append(html.escape(text[at:start]))
        parts.append(f'<span style="{MARK_STYLE}">{html.escape(text[start:end])}</span>')
        at = end
    parts.append(html.escape(text[at:]))
    return "".join(parts)


MARK_STYLE = f"background-color: {theme.MARK_BACKGROUND}; font-weight: 600"


class _MarkedExcerpt(QStyledItemDelegate):
    """Draws an excerpt with the searched words marked (the rest as the table draws it)."""

    def __init__(self, panel: NotesSearchPanel) -> None:
        super().__init__(panel)
        self._panel = panel

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text, item.text = item.text, ""
        style = item.widget.style() if item.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(item.font)
        document.setHtml(marked_html(text, self._panel.asked()))
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, item.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, item.palette.color(role))
        painter.save()
        painter.setClipRect(area)
        top = area.top() + max(0.0, (area.height() - document.size().height()) / 2)
        painter.translate(area.left() + 3, top)
        document.documentLayout().draw(painter, context)
        painter.restore()


def find_notes(
    *, session, typed: str, kinds: frozenset[NoteKind] | None = None
) -> tuple[list[SearchHit], int]:
    """The most recent notes holding every word typed, and how many hold them in all."""
    return (
        search_notes(session=session, typed=typed, kinds=kinds),
        count_matches(session=session, typed=typed, kinds=kinds),
    )


class NotesSearchPanel(QWidget):
    """A search box over all notes, and the notes found, newest first."""

    sig_open_session = Signal(int)
    """Open this intervision session."""

    sig_open_talk = Signal(int, int)
    """Open this coaching talk: (volunteer id, talk id)."""

    sig_open_trajectory = Signal(object)
    """Open the trajectory of this visit note or review (the hit, with its ``trajectory_id``)."""

    sig_results = Signal(int)
    """Results are on screen: how many (for tests)."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesSearchPanel")
        self._ops = ops
        self._asked = ""
        self._request = 0  # each search (words or kind) answered only if it is the latest
        self.field = SearchField(
            self,
            placeholder=_("Search all notes: intervision, coaching, visits, reviews…"),
            object_name="notesSearch",
            delay_ms=250,
        )
        self.field.sig_search.connect(self.search)
        self.kind = QComboBox(self, objectName="notesSearchKind")
        self.kind.setAccessibleName(_("Kind of note"))
        for label, kinds in KIND_FILTERS:
            self.kind.addItem(_(label), kinds)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self._privacy_hint = _(
            "The search runs inside the encrypted case file and is not kept anywhere."
        )
        self.hint = QLabel(self._privacy_hint, self, objectName="hint")
        self.results = RecordTable(
            [
                Column(N_("Date"), lambda h: h.on, format_date),
                Column(N_("Kind"), lambda h: h.kind, lambda k: _(KIND_LABELS[k])),
                Column(N_("Where it was written"), lambda h: h.title),
                Column(N_("Where the words stand"), lambda h: h.excerpt),
            ],
            self,
            empty_text=_(
                "Type one or more words above to find them in every session, follow-up action, "
                "coaching talk, visit note and review. The start of a word is enough: “verm” "
                "finds “vermoeid”."
            ),
            object_name="notes_search_results",
        )
        self.results.search.hide()  # the field above searches the file, not this list
        self.results.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.results.sig_activated.connect(self.open_hit)
        self.results.view.setItemDelegateForColumn(EXCERPT_COLUMN, _MarkedExcerpt(self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.field, 1)
        top.addWidget(self.kind)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.results, 1)

    # ---- Public API

    def search(self, typed: str) -> None:
        """Search the notes for ``typed`` (empty: show nothing)."""
        self._asked = typed
        self._request += 1
        if not typed.strip():
            self.results.set_records([])
            self.sig_results.emit(0)
            return
        self._ops.query(
            find_notes,
            typed=typed,
            kinds=self.kind.currentData(),
            success=lambda found, request=self._request: self._show(request, *found),
            owner=self,
        )

    def asked(self) -> str:
        """What was searched last (its words are marked in the results)."""
        return self._asked

    def refresh(self) -> None:
        """Search again (after a change to the notes)."""
        if self._asked:
            self.search(self._asked)

    def open_hit(self, hit: SearchHit | None) -> None:
        """Open the session, talk or trajectory a result belongs to."""
        if hit is None:
            return
        if hit.trajectory_id is not None:
            self.sig_open_trajectory.emit(hit)
            return
        if hit.kind == NoteKind.talk and hit.volunteer_id is not None and hit.talk_id is not None:
            self.sig_open_talk.emit(hit.volunteer_id, hit.talk_id)
        elif hit.session_id is not None:
            self.sig_open_session.emit(hit.session_id)

    def clear(self) -> None:
        """Forget what was searched and found (on lock)."""
        self._asked = ""
        self._request += 1
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self.results.clear()
        self.hint.setText(self._privacy_hint)

    # ---- Internals

    def _show(self, request: int, hits: list[SearchHit], total: int) -> None:
        if request != self._request:
            return  # an older search answered after a newer one was asked
        self.results.set_records(hits)
        if total > len(hits):
            self.hint.setText(
                _(
                    "The {shown} most recent of {total} notes found are shown. "
                    "Add a word to find fewer."
                ).format(shown=len(hits), total=total)
            )
        else:
            self.hint.setText(self._privacy_hint)
        self.sig_results.emit(len(hits))
