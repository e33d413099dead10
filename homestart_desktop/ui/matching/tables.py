"""The tables of the Matching screen and the explanation of a suggestion, as the coordinator reads
them: waiting families, ranked volunteers, who is excluded and why, the whole-list proposal, and
the matches under way."""

from __future__ import annotations

import dataclasses
import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from homestart_desktop.data.workflow import status_label
from homestart_desktop.domain import matching
from homestart_desktop.domain.matching_words import FACTOR_LABELS
from homestart_desktop.i18n import (
    N_,
    _,
    format_date,
    format_days,
    format_number,
    format_short_date,
    ngettext,
)
from homestart_desktop.ui.common.people import Names, who, who_column, who_tip
from homestart_desktop.ui.common.widgets.status_table import Column, RecordTable

DECISIONS = {"": "", "accepted": N_("accepted"), "rejected": N_("rejected")}


@dataclasses.dataclass(frozen=True)
class WholeListLine:
    """One line of the whole-list proposal and the coordinator's decision on it."""

    line: matching.ProposalLine
    decision: str = ""  # "", "accepted" or "rejected"


def explanation_html(suggestion: matching.Suggestion | None) -> str:
    """Each factor with its points out of its weight and its sentence, as a small table."""
    if suggestion is None:
        return ""
    rows = "".join(
        f"<tr><td><b>{html.escape(_(FACTOR_LABELS[f.key]))}</b></td>"
        f"<td align='right'>&nbsp;{round(f.points)}/{f.weight}&nbsp;</td>"
        f"<td>{html.escape(f.text)}</td></tr>"
        for f in suggestion.factors
    )
    title = _("{volunteer}: score {score}").format(
        volunteer=html.escape(f"{suggestion.reference} {suggestion.name}"),
        score=round(suggestion.score),
    )
    return f"<p><b>{title}</b></p><table cellspacing='4'>{rows}</table>"


def records(table: RecordTable) -> list[Any]:
    """Every row of ``table`` (not only the ones the search shows)."""
    return [table.model.record(row) for row in range(table.model.rowCount())]


def _score(value: float | None) -> str:
    return "" if value is None else format_number(round(value))


def _volunteer_text(suggestion: matching.Suggestion | None, names: Names) -> str:
    if suggestion is None:
        return _("no suitable volunteer free")
    return who(suggestion.reference, names)


def waiting_table(parent: QWidget, names: Names) -> RecordTable:
    """The waiting list, longest waiting first; since when and how long as ``domain.waiting``."""
    table = RecordTable(
        [
            who_column(N_("Family"), lambda f: f.reference, names),
            Column(N_("Municipality"), lambda f: f.municipality, optional=True),
            Column(
                N_("Waiting since"), lambda f: f.waiting_since, format_short_date, optional=True
            ),
            Column(N_("Waiting"), lambda f: f.waiting_days, format_days, align_right=True),
        ],
        parent,
        placeholder=_("Search family, postcode…"),
        empty_text=_("Nobody is on the waiting list. Families arrive here after the intake."),
        object_name="waitingFamilies",
    )
    table.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    return table


def suggestions_table(parent: QWidget, names: Names) -> RecordTable:
    """The volunteers that may visit the family, best score first."""
    table = RecordTable(
        [
            Column(N_("Score"), lambda s: s.score, _score, align_right=True),
            who_column(N_("Volunteer"), lambda s: s.reference, names),
            Column(N_("Why"), lambda s: max(s.factors, key=lambda f: f.points).text),
        ],
        parent,
        placeholder=_("Search volunteer…"),
        empty_text=_("Choose a family on the left to see which volunteers fit."),
        object_name="suggestions",
    )
    table.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    return table


def excluded_table(parent: QWidget, names: Names) -> RecordTable:
    """Who is excluded and why; who nearly fits (fewest reasons) first."""
    table = RecordTable(
        [
            who_column(N_("Volunteer"), lambda e: e.reference, names),
            Column(N_("Why not"), lambda e: "; ".join(e.texts)),
            Column(N_("Reasons"), lambda e: len(e.reasons), align_right=True),
        ],
        parent,
        placeholder=_("Search volunteer…"),
        empty_text=_("No volunteer is excluded for this family."),
        object_name="excludedVolunteers",
    )
    table.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    return table


def whole_list_table(parent: QWidget, names: Names) -> RecordTable:
    """The whole-list proposal, longest waiting first, with the decision per line."""
    table = RecordTable(
        [
            who_column(N_("Family"), lambda w: w.line.family_reference, names),
            Column(N_("Waiting"), lambda w: w.line.waiting_days, format_days, align_right=True),
            Column(
                N_("Volunteer"),
                lambda w: _volunteer_text(w.line.suggestion, names),
                tooltip=lambda w: who_tip(
                    w.line.suggestion.reference if w.line.suggestion else "", names
                ),
            ),
            Column(
                N_("Score"),
                lambda w: w.line.suggestion.score if w.line.suggestion else None,
                _score,
                align_right=True,
            ),
            Column(N_("Decision"), lambda w: w.decision, lambda d: _(DECISIONS[d])),
        ],
        parent,
        placeholder=_("Search family, volunteer…"),
        empty_text=_(
            "Let the app propose a volunteer for every waiting family at once. "
            "Nothing changes until you accept lines and propose them."
        ),
        object_name="wholeList",
    )
    table.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    return table


def matches_table(parent: QWidget, names: Names) -> RecordTable:
    """Proposals and introductions not yet confirmed or withdrawn."""
    return RecordTable(
        [
            who_column(N_("Family"), lambda m: m.family_reference, names),
            who_column(N_("Volunteer"), lambda m: m.volunteer_reference, names),
            Column(N_("Status"), lambda m: m.status, status_label, whole=True),
            Column(N_("Proposed on"), lambda m: m.proposed_on, format_date),
            Column(N_("Introduction visit"), lambda m: m.introduction_on, format_date),
            Column(N_("Why"), lambda m: m.reason, optional=True),
        ],
        parent,
        placeholder=_("Search family, volunteer…"),
        empty_text=_("No match under way. Propose a volunteer for a waiting family first."),
        object_name="openMatches",
    )


def whole_list_summary(lines: tuple[matching.ProposalLine, ...]) -> str:
    """How many proposals for how many families, and why the others have none."""
    proposed = sum(1 for line in lines if line.suggestion is not None)
    proposals = ngettext("{count} proposal", "{count} proposals", proposed).format(count=proposed)
    families = ngettext("{count} waiting family", "{count} waiting families", len(lines)).format(
        count=len(lines)
    )
    if proposed == len(lines):
        return _("{proposals} for {families}.").format(proposals=proposals, families=families)
    return _(
        "{proposals} for {families}. The others have no fitting volunteer free now: "
        "the Per family tab shows who is excluded, and why."
    ).format(proposals=proposals, families=families)
