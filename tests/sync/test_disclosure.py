"""The cell key method: the shipped p-table's properties, and the noise a count gets."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from homestart_desktop.sync import ptable
from homestart_desktop.sync.disclosure import share
from homestart_desktop.sync.ptable import KEY_SPACE, cell_key, noise, perturb, shipped

TABLE = shipped()


def test_the_shipped_table_is_what_the_script_makes() -> None:
    assert ptable.PATH.read_text(encoding="utf-8") == ptable.to_json(ptable.generate())
    document = json.loads(ptable.PATH.read_text(encoding="utf-8"))
    assert (document["max_noise"], document["variance"], document["js"]) == (4, 2.5, 2)


def test_every_row_has_zero_mean_the_stated_variance_and_no_small_output() -> None:
    assert TABLE.rows[0] == ((0, 1.0),)  # zero stays zero
    for count, row in enumerate(TABLE.rows):
        probabilities = [p for _, p in row]
        assert abs(sum(probabilities) - 1) < 1e-9
        assert all(p >= 0 for p in probabilities)
        mean = sum(d * p for d, p in row)
        variance = sum(d * d * p for d, p in row)
        assert abs(mean) < 1e-9, count
        if count:
            assert abs(variance - TABLE.variance) < 1e-9, count
        for d, p in row:
            assert abs(d) <= TABLE.max_noise
            assert count + d >= 0
            assert not (1 <= count + d <= TABLE.js) or p == 0
    # From the last row on, every noise within ±D is possible: larger counts share it.
    assert [d for d, _ in TABLE.rows[-1]] == list(range(-4, 5))


def test_the_key_space_is_split_exactly_as_the_probabilities_say() -> None:
    for count, row in enumerate(TABLE.rows):
        uppers, noises = ptable._bounds(TABLE)[count]
        lowers = [0, *uppers[:-1]]
        for (d, p), low, high, found in zip(row, lowers, uppers, noises, strict=True):
            assert found == d
            assert abs((high - low) / KEY_SPACE - p) < 1e-9
            if high > low:  # the first and last key of each slice give that noise
                assert noise(count, low) == d and noise(count, high - 1) == d


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 5000), st.integers(0, 2**40))
def test_a_published_count_is_never_1_or_2_and_never_far_off(count: int, key: int) -> None:
    published = perturb(count, cell_key(key))
    assert published == perturb(count, cell_key(key))  # the same records, the same count
    assert published >= 0 and not 1 <= published <= 2
    assert abs(published - count) <= 4
    if count == 0:
        assert published == 0


def test_the_cell_key_is_the_sum_of_record_keys_modulo_the_key_space() -> None:
    keys = [KEY_SPACE - 1, KEY_SPACE - 1, 5]
    assert cell_key(sum(keys)) == (2 * (KEY_SPACE - 1) + 5) % KEY_SPACE


def test_shares_only_on_a_base_of_at_least_ten() -> None:
    assert share(3, 9) is None
    assert share(3, 12) == 0.25
    assert share(14, 12) == 1.0  # both carry noise: a share never passes 100%
    assert share(None, 40) is None
