"""The one definition of a family's wait, on plain values."""

from __future__ import annotations

import datetime as dt

import pytest

from homestart_desktop.domain.waiting import WaitFacts, wait_began, waiting_days, waiting_since

TODAY = dt.date(2026, 3, 10)
REFERRED = dt.date(2026, 2, 2)
ON_LIST = dt.date(2026, 2, 20)
FIRST = WaitFacts(referrals=(dt.date(2025, 6, 1), REFERRED), on_list_since=ON_LIST)


@pytest.mark.parametrize(
    "status", ["referred", "intake_planned", "intake_done", "waiting", "matched"]
)
def test_a_family_waits_from_its_latest_referral_until_support_starts(status) -> None:
    since = waiting_since(status=status, facts=FIRST, today=TODAY)
    assert since == REFERRED
    assert waiting_days(since, TODAY) == 36  # not the 18 days since the intake


@pytest.mark.parametrize("status", ["active", "paused", "closed", "not_started", "archived"])
def test_a_family_whose_support_started_or_ended_is_not_waiting(status) -> None:
    since = waiting_since(status=status, facts=FIRST, today=TODAY)
    assert since is None and waiting_days(since, TODAY) is None


def test_without_a_referral_the_wait_counts_from_the_day_it_joined_the_list() -> None:
    since = waiting_since(status="waiting", facts=WaitFacts(on_list_since=ON_LIST), today=TODAY)
    assert (since, waiting_days(since, TODAY)) == (ON_LIST, 18)
    assert waiting_since(status="waiting", facts=WaitFacts(), today=TODAY) is None


def test_a_referral_dated_later_than_today_waits_zero_days() -> None:
    assert waiting_days(TODAY + dt.timedelta(days=3), TODAY) == 0


# A family supported from 2025-09-01 to 2026-01-15, waiting again since.
START, END = dt.date(2025, 9, 1), dt.date(2026, 1, 15)
REMATCH = WaitFacts(
    referrals=(dt.date(2025, 5, 1),),
    supported=((START, END),),
    on_list_since=dt.date(2025, 6, 1),  # its first list date, kept when it came back
    back_on_list=(dt.date(2025, 6, 1), dt.date(2026, 1, 20), dt.date(2026, 2, 1)),
)


def test_a_rematch_waits_from_its_first_move_back_to_waiting_after_the_previous_start() -> None:
    assert waiting_since(status="waiting", facts=REMATCH, today=TODAY) == dt.date(2026, 1, 20)


def test_a_new_referral_since_the_previous_start_comes_first() -> None:
    facts = WaitFacts(**{**REMATCH.__dict__, "referrals": (dt.date(2025, 5, 1), END)})
    assert wait_began(facts, TODAY) == END


def test_a_list_date_after_the_previous_start_comes_before_the_status_history() -> None:
    facts = WaitFacts(**{**REMATCH.__dict__, "on_list_since": dt.date(2026, 2, 1)})
    assert wait_began(facts, TODAY) == dt.date(2026, 2, 1)


def test_without_any_move_back_the_rematch_waits_from_the_end_of_the_previous_support() -> None:
    facts = WaitFacts(**{**REMATCH.__dict__, "back_on_list": ()})
    assert wait_began(facts, TODAY) == END
    assert wait_began(WaitFacts(supported=((START, None),)), TODAY) is None


def test_the_day_of_the_next_start_is_read_as_it_stood_then() -> None:
    # The figure asks for the day support started; the screen asks for today: the same answer.
    next_start = dt.date(2026, 3, 1)
    facts = WaitFacts(**{**REMATCH.__dict__, "supported": ((START, END), (next_start, None))})
    assert wait_began(facts, next_start) == dt.date(2026, 1, 20)


NOT_STARTED_BACK = dt.date(2026, 3, 1)


def test_a_not_started_family_put_back_keeps_its_first_waiting_date() -> None:
    facts = WaitFacts(
        referrals=(REFERRED,),
        on_list_since=REFERRED,  # the date kept
        back_on_list=(NOT_STARTED_BACK,),
        back_from_not_started=(NOT_STARTED_BACK,),
    )
    assert wait_began(facts, TODAY) == REFERRED


def test_a_not_started_family_whose_wait_starts_over_waits_from_the_day_it_came_back() -> None:
    facts = WaitFacts(
        referrals=(REFERRED,),
        on_list_since=NOT_STARTED_BACK,
        back_on_list=(NOT_STARTED_BACK,),
        back_from_not_started=(NOT_STARTED_BACK,),
    )
    assert wait_began(facts, TODAY) == NOT_STARTED_BACK
    # A list date after the referral is not a new start by itself (the intake put it there).
    assert wait_began(WaitFacts(**{**facts.__dict__, "back_from_not_started": ()}), TODAY) == (
        REFERRED
    )
