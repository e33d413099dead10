"""The whole waiting list at once: one volunteer (or none) for each waiting family.

The list is assigned by solving the linear assignment problem (Jonker-Volgenant,
:func:`lap.lapjv`) on the scores of :mod:`homestart_desktop.domain.matching`, each family's fit
weighted up by how long it has waited, so long-waiting families get first claim on the
volunteers that suit them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np

from homestart_desktop.domain import waiting
from homestart_desktop.domain.matching import (
    Evaluation,
    FamilyFacts,
    ProposalLine,
    Rules,
    VolunteerPool,
    evaluate,
    suggestion_at,
    waiting_days,
)

FAMILY_WAIT_CAP_DAYS = 730


def family_priority(family: FamilyFacts, rules: Rules, today: dt.date) -> float:
    """How much more a family's fit counts in the whole list: more the longer it has waited."""
    days = min(waiting_days(family, today) or 0, FAMILY_WAIT_CAP_DAYS)
    return 1.0 + rules.family_wait_priority / 100.0 * days / 365.0


def pair_gain(score: float, priority: float) -> float:
    """What one match adds to the whole list: its score (plus one, so a match beats none)."""
    return (score + 1.0) * priority


def gain_matrix(
    families: Sequence[FamilyFacts], pool: VolunteerPool, rules: Rules, today: dt.date
) -> tuple[np.ndarray, list[Evaluation]]:
    """Gains family × volunteer, -inf where a hard constraint forbids the pair."""
    gains = np.full((len(families), pool.n), -np.inf)
    evaluations = []
    for row, family in enumerate(families):
        evaluation = evaluate(family, pool, rules, today)
        evaluations.append(evaluation)
        priority = family_priority(family, rules, today)
        gains[row] = np.where(evaluation.allowed, pair_gain(evaluation.scores, priority), -np.inf)
    return gains, evaluations


def best_assignment(gains: np.ndarray, places: np.ndarray) -> list[tuple[int, int]]:
    """The (family row, volunteer column) pairs of largest total gain; -inf pairs never chosen.

    A volunteer with several free places appears once per place; each family may also stay
    without a volunteer, so a forbidden pair is never forced.
    """
    # lap (one small compiled module) rather than scipy's linear_sum_assignment: the same optimum
    # without 55 MB of scipy and its own BLAS in the installed app, and no 0.7 s import.
    import lap

    rows, cols = gains.shape
    columns = np.repeat(np.arange(cols), np.clip(places, 0, rows))
    real = gains[:, columns]
    forbidden = ~np.isfinite(real)
    big = (np.abs(real[~forbidden]).sum() if (~forbidden).any() else 0.0) + 1.0
    cost = np.where(forbidden, big, -np.where(forbidden, 0.0, real))
    cost = np.hstack([cost, np.zeros((rows, rows))])  # "no volunteer" for each family
    if rows == 0:
        return []
    _total, col_of_row, _row_of_col = lap.lapjv(cost, extend_cost=True)
    return [
        (int(r), int(columns[c]))
        for r, c in enumerate(col_of_row)
        if 0 <= c < len(columns) and not forbidden[r, c]
    ]


def propose_for_waiting_list(
    families: Sequence[FamilyFacts], pool: VolunteerPool, rules: Rules, today: dt.date
) -> tuple[ProposalLine, ...]:
    """One volunteer (or none) for each waiting family, longest waiting first."""
    ordered = sorted(
        families, key=lambda f: waiting.longest_waiting_first(f.waiting_since, f.reference, today)
    )
    gains, evaluations = gain_matrix(ordered, pool, rules, today)
    chosen = dict(best_assignment(gains, pool.free))
    lines = []
    for row, family in enumerate(ordered):
        index = chosen.get(row)
        suggestion = (
            None
            if index is None
            else suggestion_at(family, pool, rules, evaluations[row], index, today)
        )
        lines.append(
            ProposalLine(
                family.id, family.reference, family.name, waiting_days(family, today), suggestion
            )
        )
    return tuple(lines)
