"""The demo reads like a real branch: distances from the postcodes, bikes for short trips only,
extracts renewed, notes that do not repeat the same few sentences."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from homestart_desktop.data.postcodes import distance_km
from tests.clock import TEST_TODAY
from tests.data.demo.test_demo import rows


def test_visit_km_follow_the_postcodes_there_and_back_by_road(demo_case_file) -> None:
    sql = (
        "SELECT f.postcode, v.postcode, group_concat(DISTINCT vi.km) FROM trajectory t "
        "JOIN family f ON f.id = t.family_id JOIN volunteer v ON v.id = t.volunteer_id "
        "JOIN visit vi ON vi.trajectory_id = t.id WHERE vi.status = 'done' GROUP BY t.id"
    )
    trajectories = rows(demo_case_file, sql)
    assert len(trajectories) > 30
    for family_postcode, volunteer_postcode, kms in trajectories:
        (km,) = {float(k) for k in str(kms).split(",")}  # the same route every week
        straight = distance_km(family_postcode, volunteer_postcode)
        if straight < 1.0:  # one municipality: a street or a neighbourhood apart
            assert 2.0 <= km <= 10.0, (family_postcode, km)
        else:
            assert km == pytest.approx(2 * 1.3 * straight, abs=0.1)
        assert km <= 2 * 1.3 * 35  # nobody drives across the province every week


def test_bikes_only_for_families_close_by(demo_case_file) -> None:
    by_bike = rows(
        demo_case_file,
        "SELECT e.km, v.has_bike FROM expense e JOIN volunteer v ON v.id = e.volunteer_id "
        "WHERE e.transport = 'bicycle'",
    )
    assert by_bike, "some volunteers cycle"
    assert all(has_bike and 0 < km <= 20 for km, has_bike in by_bike)


def test_no_active_volunteer_works_on_an_extract_years_out_of_date(demo_case_file) -> None:
    issued = rows(
        demo_case_file,
        "SELECT extract_issued_on FROM volunteer WHERE status IN ('available', 'matched')",
    )
    ages = [(TEST_TODAY - dt.date.fromisoformat(d)).days for (d,) in issued]
    assert ages and max(ages) <= 3 * 365 + 40  # at most a few weeks past its renewal


def test_notes_are_varied(demo_case_file) -> None:
    for sql in (
        "SELECT note FROM visit WHERE note != ''",
        "SELECT notes FROM coachingtalk WHERE notes != '' AND kind != 'exit'",
        "SELECT notes FROM intervisionsession WHERE notes != ''",
    ):
        texts = [text for (text,) in rows(demo_case_file, sql)]
        sentences = Counter(
            sentence.strip() for text in texts for sentence in text.split(".") if sentence.strip()
        )
        assert len(texts) > 40, sql
        # Many different notes; no sentence is more than one in twelve of all written.
        assert len(set(texts)) >= min(len(texts) / 3, 60), sql
        share = max(sentences.values()) / sum(sentences.values())
        assert share < 1 / 12, sentences.most_common(3)
