"""How long a family has been waiting: the one definition of "waiting since" and "waiting days".

Every screen, reminder, matching score, whole-list proposal and figure that shows or uses a
family's wait asks this module; SQL only fetches the inputs.

**Waiting since** is the date of the family's *latest referral*, for as long as support has not
started (status referred, intake planned, intake done, waiting, or matched: a proposal or
introduction under way still counts as waiting, as in the figure "on the waiting list at quarter
end"). **Waiting days** are the days
from that date to today (never below zero).

Why the referral and not the day the intake put the family on the list (``Family.waiting_since``):

- ``docs/figures.md`` ("Median waiting time") counts the days "from the family's latest referral
  on or before the start date to the start date", and DOMAIN.md names waiting time "referral →
  start". A family's days on the screen then end, on the day support starts, as exactly the
  number that goes into the quarterly figure.
- ``data/status_steps.py`` agrees: a new referral clears the list date because "a new referral
  waits from its own date"; a family whose match falls through keeps its date (its latest
  referral does not change either), so nobody loses their place.
- The day of the intake is a recorded fact of its own ("On the waiting list since" in the
  family's file); counting from it hid the weeks between referral and intake, which is how one
  family showed 466 days on Today and 509 on the waiting list.

A family recorded without any referral (entered before referrals were kept) waits from the day it
joined the list, so it still shows and is still counted on every screen alike.
"""

from __future__ import annotations

import datetime as dt

# FamilyStatus values before support starts (domain stays free of the data models; the values
# are the enum's strings, and a StrEnum member compares equal to its string).
BEFORE_SUPPORT = frozenset({"referred", "intake_planned", "intake_done", "waiting", "matched"})


def waiting_since(
    *, status: str, latest_referral_on: dt.date | None, on_list_since: dt.date | None
) -> dt.date | None:
    """The day the family's wait began, or ``None`` when it is not waiting (support started)."""
    if status not in BEFORE_SUPPORT:
        return None
    return latest_referral_on if latest_referral_on is not None else on_list_since


def waiting_days(since: dt.date | None, today: dt.date) -> int | None:
    """Whole days from ``since`` to ``today``; ``None`` when there is no wait."""
    return None if since is None else max((today - since).days, 0)


def longest_waiting_first(since: dt.date | None, reference: str, today: dt.date) -> tuple:
    """Sort key: the earliest wait first, then by reference (a stable, explainable order)."""
    return (since or today, reference)
