import datetime as dt

from homestart_desktop.domain import planning
from homestart_desktop.domain.planning import Period


def test_weekly_visits_skip_belgian_public_holidays():
    # Easter Monday 2026 is 6 April; Christmas 2026 is a Friday.
    dates = planning.weekly_visit_dates(
        first_possible=dt.date(2026, 3, 30), weekday=0, until=dt.date(2026, 4, 20)
    )
    assert dates == [dt.date(2026, 3, 30), dt.date(2026, 4, 13), dt.date(2026, 4, 20)]
    fridays = planning.weekly_visit_dates(
        first_possible=dt.date(2026, 12, 18), weekday=4, until=dt.date(2027, 1, 8)
    )
    assert dt.date(2026, 12, 25) not in fridays
    assert dt.date(2027, 1, 1) not in fridays  # New Year, across the year boundary
    assert fridays == [dt.date(2026, 12, 18), dt.date(2027, 1, 8)]


def test_weekly_visits_skip_blocked_periods_and_start_on_the_right_weekday():
    autumn_break = Period(dt.date(2026, 10, 26), dt.date(2026, 11, 1))
    dates = planning.weekly_visit_dates(
        first_possible=dt.date(2026, 10, 15),
        weekday=1,
        until=dt.date(2026, 11, 10),
        blocked=[autumn_break],
    )
    assert dates == [dt.date(2026, 10, 20), dt.date(2026, 11, 3), dt.date(2026, 11, 10)]
    assert all(d.weekday() == 1 for d in dates)


def test_visits_are_dates_so_daylight_saving_does_not_move_them():
    # Summer time ends on Sunday 25 October 2026: Tuesday visits stay on Tuesdays, same times.
    dates = planning.weekly_visit_dates(
        first_possible=dt.date(2026, 10, 20), weekday=1, until=dt.date(2026, 11, 3)
    )
    times = [planning.visit_times(d, "morning")[0].time() for d in dates]
    assert times == [dt.time(9, 0)] * 3


def test_review_dates_follow_the_branch_schedule():
    start = dt.date(2026, 1, 31)
    dates = planning.review_dates(start, until=dt.date(2027, 8, 1))
    assert dates == [
        dt.date(2026, 4, 30),
        dt.date(2026, 7, 31),
        dt.date(2027, 1, 31),
        dt.date(2027, 7, 31),
    ]
    assert planning.review_dates(
        start, first_months=(3,), every_months=3, until=dt.date(2026, 11, 1)
    ) == [
        dt.date(2026, 4, 30),
        dt.date(2026, 7, 31),
        dt.date(2026, 10, 31),
    ]


def test_add_months_keeps_the_day_or_takes_the_last_of_the_month():
    assert planning.add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert planning.add_months(dt.date(2026, 11, 15), 3) == dt.date(2027, 2, 15)
    assert planning.planned_end(dt.date(2026, 2, 28)) == dt.date(2027, 2, 28)


def test_week_and_month_bounds():
    assert planning.week_of(dt.date(2026, 11, 26)) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert planning.month_of(dt.date(2026, 2, 10)) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))


def test_holiday_names_in_three_languages():
    assert planning.public_holiday_name(dt.date(2026, 7, 21), "nl") == "Nationale feestdag"
    assert planning.public_holiday_name(dt.date(2026, 7, 22), "nl") is None
