"""The one definition of a family's wait, on plain values."""

from __future__ import annotations

import datetime as dt

import pytest

from homestart_desktop.domain.waiting import waiting_days, waiting_since

TODAY = dt.date(2026, 3, 10)
REFERRED = dt.date(2026, 2, 2)
ON_LIST = dt.date(2026, 2, 20)


@pytest.mark.parametrize(
    "status", ["referred", "intake_planned", "intake_done", "waiting", "matched"]
)
def test_a_family_waits_from_its_latest_referral_until_support_starts(status) -> None:
    since = waiting_since(status=status, latest_referral_on=REFERRED, on_list_since=ON_LIST)
    assert since == REFERRED
    assert waiting_days(since, TODAY) == 36  # not the 18 days since the intake


@pytest.mark.parametrize("status", ["active", "paused", "closed", "not_started", "archived"])
def test_a_family_whose_support_started_or_ended_is_not_waiting(status) -> None:
    since = waiting_since(status=status, latest_referral_on=REFERRED, on_list_since=ON_LIST)
    assert since is None and waiting_days(since, TODAY) is None


def test_without_a_referral_the_wait_counts_from_the_day_it_joined_the_list() -> None:
    since = waiting_since(status="waiting", latest_referral_on=None, on_list_since=ON_LIST)
    assert (since, waiting_days(since, TODAY)) == (ON_LIST, 18)
    assert waiting_since(status="waiting", latest_referral_on=None, on_list_since=None) is None


def test_a_referral_dated_later_than_today_waits_zero_days() -> None:
    assert waiting_days(TODAY + dt.timedelta(days=3), TODAY) == 0
