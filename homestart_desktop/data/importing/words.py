"""What a preview or an import did, in the coordinator's words (for the wizard and the command)."""

from __future__ import annotations

from collections import Counter

from homestart_desktop.data.importing.fields import KIND_LABELS, Kind
from homestart_desktop.data.importing.plan import Action, Plan, Problem
from homestart_desktop.domain.matching_words import EXPERIENCE_CHOICES, in_tag_order
from homestart_desktop.i18n import _, ngettext

_ACTION_WORDS = {
    Action.create: lambda n: ngettext("{count} new", "{count} new", n),
    Action.update: lambda n: ngettext("{count} updated", "{count} updated", n),
    Action.unchanged: lambda n: ngettext(
        "{count} already in the file, unchanged", "{count} already in the file, unchanged", n
    ),
    Action.skip: lambda n: ngettext(
        "{count} already in the file, skipped", "{count} already in the file, skipped", n
    ),
}


def summary_lines(plan: Plan, kinds: list[Kind] | None = None) -> list[str]:
    """One line per list: 'Gezinnen: 4 nieuw, 1 bijgewerkt, 3 rijen met een probleem'."""
    lines = []
    for kind in kinds or [k for k in Kind if k in plan.headers or plan.count(k, Action.create)]:
        parts = [
            _ACTION_WORDS[action](plan.count(kind, action)).format(count=plan.count(kind, action))
            for action in Action
            if plan.count(kind, action)
        ]
        problems = plan.problem_count(kind)
        if problems:
            parts.append(
                ngettext(
                    "{count} row with a problem", "{count} rows with a problem", problems
                ).format(count=problems)
            )
        said = ", ".join(parts) or _("nothing")
        lines.append(f"{_(KIND_LABELS[kind])}: {said}")
        if kind == Kind.volunteers and (experience := experience_line(plan)):
            lines.append(experience)
    return lines


def experience_line(plan: Plan) -> str:
    """'Ervaring met gezinnen: Baby's 3, Tieners 2' over the volunteers written; '' for none."""
    counted: Counter[str] = Counter()
    for step in plan.steps:
        if step.kind == Kind.volunteers and step.action in (Action.create, Action.update):
            counted.update(step.record.details.experience_tags)  # type: ignore[union-attr]
    if not counted:
        return ""
    said = ", ".join(
        f"{_(EXPERIENCE_CHOICES[code])} {counted[code]}" for code in in_tag_order(set(counted))
    )
    return f"{_('Experience with families')}: {said}"


def problem_line(problem: Problem) -> str:
    """'Gezinnen, rij 7: Geboortedatum kind 2: 31/02/2019 bestaat niet'."""
    return _("{list}, row {row}: {reasons}").format(
        list=_(KIND_LABELS[problem.kind]), row=problem.row, reasons="; ".join(problem.reasons)
    )
