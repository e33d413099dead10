"""The allowed steps between statuses, enforced here and nowhere else.

Every write that changes a status goes through :func:`check_step`, which refuses an illegal step
with a message in the coordinator's language.
"""

from __future__ import annotations

import enum

from homestart_desktop.data.codes import FamilyStatus as F
from homestart_desktop.data.codes import TrajectoryStatus as T
from homestart_desktop.data.codes import VolunteerStatus as V
from homestart_desktop.i18n import N_, _

FAMILY_STEPS: dict[F, frozenset[F]] = {
    F.referred: frozenset({F.intake_planned, F.intake_done, F.not_started, F.archived}),
    F.intake_planned: frozenset({F.intake_done, F.referred, F.not_started, F.archived}),
    F.intake_done: frozenset({F.waiting, F.not_started, F.archived}),
    F.waiting: frozenset({F.matched, F.not_started, F.closed, F.archived}),
    F.matched: frozenset({F.active, F.waiting, F.closed}),
    F.active: frozenset({F.paused, F.closed, F.waiting}),
    F.paused: frozenset({F.active, F.closed, F.waiting}),
    F.closed: frozenset({F.referred, F.archived}),
    F.not_started: frozenset({F.referred, F.waiting, F.archived}),  # waiting: back_on_list.py
    F.archived: frozenset({F.referred}),
}

VOLUNTEER_STEPS: dict[V, frozenset[V]] = {
    V.candidate: frozenset({V.in_training, V.stopped}),
    V.in_training: frozenset({V.available, V.candidate, V.stopped}),
    V.available: frozenset({V.matched, V.paused, V.stopped}),
    V.matched: frozenset({V.available, V.paused, V.stopped}),
    V.paused: frozenset({V.available, V.matched, V.stopped}),
    V.stopped: frozenset({V.candidate}),
}

TRAJECTORY_STEPS: dict[T, frozenset[T]] = {
    T.proposed: frozenset({T.introduced, T.withdrawn}),
    T.introduced: frozenset({T.active, T.withdrawn}),
    T.active: frozenset({T.paused, T.closed}),
    T.paused: frozenset({T.active, T.closed}),
    T.closed: frozenset(),
    T.withdrawn: frozenset(),
}

FAMILY_STATUS_LABELS: dict[enum.Enum, str] = {
    F.referred: N_("referred"),
    F.intake_planned: N_("intake planned"),
    F.intake_done: N_("intake done"),
    F.waiting: N_("waiting list"),
    F.matched: N_("match under way"),
    F.active: N_("active"),
    F.paused: N_("paused"),
    F.closed: N_("closed"),
    F.not_started: N_("not started"),
    F.archived: N_("archived"),
}

VOLUNTEER_STATUS_LABELS: dict[enum.Enum, str] = {
    V.candidate: N_("candidate"),
    V.in_training: N_("in training"),
    V.available: N_("available"),
    V.matched: N_("matched"),
    V.paused: N_("paused"),
    V.stopped: N_("stopped"),
}

TRAJECTORY_STATUS_LABELS: dict[enum.Enum, str] = {
    T.proposed: N_("proposed"),
    T.introduced: N_("introduced"),
    T.active: N_("active"),
    T.paused: N_("paused"),
    T.closed: N_("closed"),
    T.withdrawn: N_("withdrawn"),
}

# One table per kind: the statuses are StrEnums, so a family's and a volunteer's "matched" are
# equal keys, and one shared table gave a family the volunteer's word.
STATUS_LABELS_BY_KIND: dict[type, dict[enum.Enum, str]] = {
    F: FAMILY_STATUS_LABELS,
    V: VOLUNTEER_STATUS_LABELS,
    T: TRAJECTORY_STATUS_LABELS,
}


class IllegalStep(ValueError):
    """A status change that the work does not allow; the message says which."""


def status_msgid(status: enum.Enum) -> str:
    """The English words for ``status`` (of a family, volunteer or trajectory), to translate."""
    return STATUS_LABELS_BY_KIND[type(status)][status]


def status_label(status: enum.Enum) -> str:
    """The status in the coordinator's words, in the current language."""
    return _(status_msgid(status))


def check_step(current: enum.Enum, new: enum.Enum) -> None:
    """Raise :class:`IllegalStep` unless ``current → new`` is an allowed step."""
    table: dict = {F: FAMILY_STEPS, V: VOLUNTEER_STEPS, T: TRAJECTORY_STEPS}[type(current)]
    if new not in table[current]:
        raise IllegalStep(
            _("A file that is “{current}” cannot become “{new}”.").format(
                current=status_label(current), new=status_label(new)
            )
        )


# Reasons the app writes itself (and the outcome and closing codes) stored as short codes; what
# the coordinator types is kept and shown as typed.
REASON_LABELS: dict[str, str] = {
    "match": N_("match proposed"),
    "introduction": N_("introduction visit held"),
    "confirmed": N_("match confirmed"),
    "proposal withdrawn": N_("proposal withdrawn"),
    "pause": N_("trajectory paused"),
    "restart": N_("visits restarted"),
    "rematch": N_("back on the waiting list for a new volunteer"),
    "closed": N_("trajectory closed"),
    "goals_reached": N_("goals reached"),
    "family_stops": N_("the family stops"),
    "family_moved": N_("the family moved"),
    "referred_on": N_("referred on to other care"),
    "volunteer_stopped": N_("the volunteer stopped"),
    "other": N_("other reason"),
    "not_suitable": N_("Home-Start does not fit"),
    "referred_elsewhere": N_("referred elsewhere"),
    "family_declines": N_("the family declines"),
    "no_contact": N_("no contact with the family"),
    "no_longer_needed": N_("no longer needed"),
    "retention": N_("retention period over"),
    "personal": N_("personal reasons"),
    "break": N_("taking a break"),
    "family_circumstances": N_("family circumstances"),
    "no_click": N_("no click between family and volunteer"),
}


def reason_label(reason: str) -> str:
    """A status change's reason in the coordinator's words: a known code translated, else as typed."""
    label = REASON_LABELS.get(reason)
    return _(label) if label else reason
