"""How long a family has been waiting: the one definition of "waiting since" and "waiting days".

Every screen, reminder, matching score, whole-list proposal and quarterly figure that shows or
uses a family's wait asks this module (``wait_began``); SQL only fetches the facts
(``data/families/waiting.py`` for the screens, ``data/figures/queries.py`` for the figures).

**The rule** (the same text as "Waiting began" in ``docs/figures.md``). A family's wait, on a
given day, began:

- *first support* (no trajectory started before that day): on its latest referral on or before
  that day; a family recorded without any referral (entered before referrals were kept) waits
  from the day it joined the list (``Family.waiting_since``). When the coordinator put a
  *not started* family back on the waiting list and said its wait **starts over**, it waits from
  that day instead (otherwise it keeps its first waiting date: its place on the list);
- *a rematch* (support started before): from the day it went back on the waiting list: a new
  referral since its previous start, else its *on the waiting list since* when that lies after
  the previous start, else its first recorded move back to *waiting* after the previous start,
  else the end of its previous trajectory. Without any of these there is no known date.

**Waiting since** on a screen is that day, with today as the day, for as long as support has not
started (status referred, intake planned, intake done, waiting, or matched: a proposal or
introduction under way still counts as waiting, as in the figure "on the waiting list at quarter
end"). **Waiting days** are the days from that date to today (never below zero). On the day
support starts, the days on the screen are exactly the days that go into the figure "median
waiting time".

Why the referral and not the day the intake put the family on the list: ``docs/figures.md`` and
DOMAIN.md name waiting time "referral → start"; counting from the intake hid the weeks between
referral and intake (one family showed 466 days on Today and 509 on the waiting list). The
intake day is a recorded fact of its own ("On the waiting list since" in the family's file).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

# FamilyStatus values before support starts (domain stays free of the data models; the values
# are the enum's strings, and a StrEnum member compares equal to its string).
BEFORE_SUPPORT = frozenset({"referred", "intake_planned", "intake_done", "waiting", "matched"})


@dataclasses.dataclass(frozen=True)
class WaitFacts:
    """The recorded facts one family's wait is read from (plain values, oldest first)."""

    referrals: tuple[dt.date, ...] = ()  # every referral date
    supported: tuple[tuple[dt.date, dt.date | None], ...] = ()  # trajectories: start, end
    on_list_since: dt.date | None = None  # Family.waiting_since
    back_on_list: tuple[dt.date, ...] = ()  # days of a status change to *waiting*
    back_from_not_started: tuple[dt.date, ...] = ()  # of those, the ones from *not started*


def wait_began(facts: WaitFacts, day: dt.date) -> dt.date | None:
    """The day the wait for support on ``day`` began (the rule in the module docstring)."""
    referrals = sorted(d for d in facts.referrals if d <= day)
    earlier = sorted((s, e) for s, e in facts.supported if s < day)
    since = facts.on_list_since
    if not earlier:
        began = referrals[-1] if referrals else None
        restarted = began is None or (since in facts.back_from_not_started and since > began)
        if since is not None and since <= day and restarted:
            began = since  # no referral kept, or the coordinator said the wait starts over
        return began
    previous_start, previous_end = earlier[-1]
    since_then = [d for d in referrals if d > previous_start]
    if since_then:
        return since_then[-1]
    if since is not None and previous_start < since <= day:
        return since
    back = sorted(d for d in facts.back_on_list if previous_start < d <= day)
    if back:
        return back[0]
    return previous_end if previous_end is not None and previous_end <= day else None


def waiting_since(*, status: str, facts: WaitFacts, today: dt.date) -> dt.date | None:
    """The day the family's wait began, or ``None`` when it is not waiting (support started)."""
    if status not in BEFORE_SUPPORT:
        return None
    return wait_began(facts, today)


def waiting_days(since: dt.date | None, today: dt.date) -> int | None:
    """Whole days from ``since`` to ``today``; ``None`` when there is no wait."""
    return None if since is None else max((today - since).days, 0)


def longest_waiting_first(since: dt.date | None, reference: str, today: dt.date) -> tuple:
    """Sort key: the earliest wait first, then by reference (a stable, explainable order)."""
    return (since or today, reference)
