"""Reference codes (GZ-2026-014, VW-2025-003) and Belgian postcodes."""

from __future__ import annotations

import pytest

from homestart_desktop.data.postcodes import (
    distance_km,
    is_known_postcode,
    municipality_name,
    postcode_coordinates,
)
from homestart_desktop.data.references import (
    FAMILY_PREFIX,
    VOLUNTEER_PREFIX,
    is_reference,
    next_reference,
    reserve_references,
)


def test_codes_count_up_per_prefix_and_year(empty_case_file) -> None:
    with empty_case_file.session() as session:
        families = [
            next_reference(session=session, prefix=FAMILY_PREFIX, year=2026) for _ in range(3)
        ]
        volunteer = next_reference(session=session, prefix=VOLUNTEER_PREFIX, year=2025)
        next_year = next_reference(session=session, prefix=FAMILY_PREFIX, year=2027)
    assert families == ["GZ-2026-001", "GZ-2026-002", "GZ-2026-003"]
    assert volunteer == "VW-2025-001"
    assert next_year == "GZ-2027-001"


def test_a_code_is_never_given_twice_across_transactions(empty_case_file) -> None:
    with empty_case_file.session() as session:
        first = next_reference(session=session, prefix=FAMILY_PREFIX, year=2026)
    with pytest.raises(RuntimeError), empty_case_file.session() as session:
        next_reference(session=session, prefix=FAMILY_PREFIX, year=2026)
        raise RuntimeError("the registration failed")  # rolled back: the number comes back
    with empty_case_file.session() as session:
        taken = reserve_references(session=session, prefix=FAMILY_PREFIX, year=2026, count=2)
        after = next_reference(session=session, prefix=FAMILY_PREFIX, year=2026)
    assert first == "GZ-2026-001"
    assert taken == ["GZ-2026-002", "GZ-2026-003"]
    assert after == "GZ-2026-004"


def test_more_than_999_codes_in_a_year_get_a_fourth_digit(empty_case_file) -> None:
    with empty_case_file.session() as session:
        reserve_references(session=session, prefix=FAMILY_PREFIX, year=2026, count=999)
        code = next_reference(session=session, prefix=FAMILY_PREFIX, year=2026)
    assert code == "GZ-2026-1000"
    assert is_reference(code) and is_reference("VW-2025-003")
    assert not is_reference("Özlem Yılmaz") and not is_reference("GZ-26-1")


def test_municipality_names_in_dutch_and_french() -> None:
    assert municipality_name("9000") == "Gent"
    assert municipality_name("9000", "fr") == "Gand"
    assert municipality_name("9031") == "Gent"  # Drongen belongs to Gent
    assert municipality_name("1030", "fr") == "Schaerbeek"
    assert municipality_name("1050") == "Brussel / Elsene"  # the street decides
    assert municipality_name("9999") == ""
    assert municipality_name("abcd") == ""


def test_known_postcodes() -> None:
    assert is_known_postcode("9000") and is_known_postcode(" 9820 ")
    assert not is_known_postcode("9999")
    assert not is_known_postcode("900")
    assert not is_known_postcode("")


def test_coordinates_and_distances() -> None:
    lat, lon = postcode_coordinates("9000")
    assert 50.9 < lat < 51.2 and 3.6 < lon < 3.8
    assert postcode_coordinates("0000") is None
    assert distance_km("9000", "9000") == pytest.approx(0.0)
    assert 40 < distance_km("9000", "1000") < 60  # Gent to Brussels
    assert 2 < distance_km("9000", "9050") < 6
    assert distance_km("9000", "9999") is None
