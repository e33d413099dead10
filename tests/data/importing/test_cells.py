"""Cells read the way Belgian coordinators type them."""

from __future__ import annotations

import datetime as dt

import pytest

from homestart_desktop.data.importing.cells import (
    CellProblem,
    parse_date,
    parse_phone,
    parse_postcode,
    postcode_elsewhere,
    split_name,
)
from homestart_desktop.data.importing.fields import suggest_value

TODAY = dt.date(2026, 11, 30)


@pytest.mark.parametrize(
    "typed",
    [
        "3/2/2024",
        "03-02-24",
        "3 februari 2024",
        "3 févr. 2024",
        "03.02.2024",
        "2024-02-03",
        "zaterdag 3 februari 2024",
        "3 Feb 2024",
        "03022024",
        45325,
        45325.0,
        dt.datetime(2024, 2, 3),
        dt.date(2024, 2, 3),
    ],
)
def test_a_date_in_every_belgian_way(typed):
    assert parse_date(typed, today=TODAY) == dt.date(2024, 2, 3)


def test_a_two_digit_year_of_an_adult_lies_in_the_last_century():
    assert parse_date("12/05/64", today=TODAY) == dt.date(1964, 5, 12)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("31/02/2019", "31/02/2019 bestaat niet"),
        ("morgen", "morgen is geen datum"),
        (2024, "2024 is geen datum"),
        ("30/13/2020", "30/13/2020 bestaat niet"),
    ],
)
def test_a_date_that_cannot_be_is_said_in_words(typed, reason):
    with pytest.raises(CellProblem) as problem:
        parse_date(typed, today=TODAY)
    assert str(problem.value) == reason


def test_empty_cells_are_no_date():
    assert parse_date(None, today=TODAY) is None
    assert parse_date("   ", today=TODAY) is None


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("0470/12.34.56", "0470 12 34 56"),
        (470123456, "0470 12 34 56"),
        ("+32 470 12 34 56", "0470 12 34 56"),
        ("0032470123456", "0470 12 34 56"),
        ("09/123.45.67", "09 123 45 67"),
        ("+33612345678", "+33 612345678"),
        ("", ""),
    ],
)
def test_phone_numbers_come_in_one_format(typed, written):
    assert parse_phone(typed) == written


def test_postcodes_are_read_and_filled_in_from_a_municipality_with_one_postcode():
    assert parse_postcode(9000.0) == "9000"
    assert parse_postcode("B-9050 Gentbrugge") == "9050"
    assert parse_postcode(None, "Aartselaar") == "2630"
    assert parse_postcode(None, "Gent") == ""  # Gent has several: the coordinator chooses


def test_a_postcode_of_another_municipality_is_caught_but_a_part_of_one_is_not():
    assert postcode_elsewhere("9000", "Aalst") == "Gent"
    assert postcode_elsewhere("9000", "gent ") == ""
    assert postcode_elsewhere("9050", "Gentbrugge") == ""  # a part of Gent: not on the list
    assert postcode_elsewhere("1000", "Bruxelles") == ""


def test_names_split_into_first_and_last_name():
    assert split_name(" Jef  Van den Broeck ") == ("Jef", "Van den Broeck")
    assert split_name("Van den Broeck, Jef") == ("Jef", "Van den Broeck")


@pytest.mark.parametrize(
    ("list_name", "typed", "code"),
    [
        ("referrer", "OCMW", "ocmw"),
        ("referrer", "ocmw Gent", "ocmw"),
        ("referrer", "K&G", "kind_en_gezin"),
        ("referrer", "CPAS Namur", "ocmw"),
        ("yes_no", "x", "yes"),
        ("yes_no", "0", "no"),
        ("yes_no", "alleenstaande", "yes"),
        ("language", "néerlandais", "nl"),
        ("language", "NL", "nl"),
        ("family_status", "En attente", "waiting"),
        ("weekday", "Dinsdag", "1"),
        ("half_day", "nm", "afternoon"),
        ("referrer", "iets", None),
    ],
)
def test_values_people_type_get_a_suggested_code(list_name, typed, code):
    assert suggest_value(list_name, typed) == code
