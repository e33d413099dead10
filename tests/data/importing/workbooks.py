"""Messy synthetic lists, as branches keep them: built in the tests, invented people only.

A merged title row and an export line above the headers, empty rows, trailing spaces, three
date styles, a hidden column, a formula Excel never computed, a duplicate, a birth date that
does not exist and a postcode that is not Belgian.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

TODAY = dt.date(2026, 11, 30)

FAMILY_HEADERS = [
    "Naam moeder ",
    "GSM",
    "Straat",
    "Postcode",
    "Gemeente",
    "Taal",
    "Verwezen door",
    "Datum aanmelding",
    "Alleenstaande",
    "Geboortedatum kind 1",
    "Geboortedatum kind 2",
    "Status",
    "Wachtlijst sinds",
    "Vrijwilliger",
    "Start koppeling",
    "Einddatum",
    "Naam (oud)",  # hidden by the branch: never suggested
]

# (name, phone, street, postcode, place, language, referrer, referred, single, child 1, child 2,
#  status, waiting since, volunteer, start, closed)
FAMILY_ROWS: list[list[object]] = [
    [
        "Özlem Yılmaz  ",
        "0470/12.34.56",
        "Kerkstraat 1",
        9000,
        "Gent",
        "NL",
        "OCMW",
        "3/2/2025",
        "ja",
        dt.datetime(2024, 5, 1),
        None,
        "wachtlijst",
        "10/02/2025",
        None,
        None,
        None,
    ],
    [
        "Fatima El Amrani",
        "0485 11 22 33 ",
        "Dorpsplein 4",
        "9050",
        "Gentbrugge",
        "Nederlands",
        "ocmw Gent",
        dt.datetime(2025, 1, 6),
        "x",
        "12-03-24",
        None,
        "wachtlijst",
        None,
        None,
        None,
        None,
    ],
    [
        "Ioana Țurcanu",
        "+32 9 123 45 67",
        "Veldstraat 9",
        "2630",
        None,
        "néerlandais",
        "K&G",
        "6 januari 2025",
        "nee",
        "3 februari 2024",
        "31/02/2019",
        "Wachtlijst",
        "6/1/2025",
        None,
        None,
        None,
    ],
    [
        "Jef Van den Broeck",
        "0496 55 44 33",
        "Molenstraat 2",
        "9999",
        "Nergens",
        "NL",
        "CLB",
        "15/01/2025",
        "0",
        "1/6/2023",
        None,
        "wachtlijst",
        "20/01/2025",
        None,
        None,
        None,
    ],
    [
        "Marie Dubois",
        "0471 22 33 44",
        "Rue Haute 3",
        "1000",
        "Brussel",
        "FR",
        "CPAS Bruxelles",
        "2/9/2024",
        "oui",
        "14/07/2023",
        None,
        "actief",
        "1/10/2024",
        "Anna Peeters",
        "4/11/2024",
        None,
    ],
    [
        "Łukasz Wróbel",
        "0472 98 76 54",
        "Stationsstraat 7",
        "9000",
        "Gent",
        "Engels",
        "Huis van het Kind",
        "5/3/2023",
        "1",
        "20/08/2022",
        None,
        "afgesloten",
        "1/4/2023",
        None,
        None,
        "30/6/2025",
    ],
    [
        "Özlem Yılmaz",
        "0470 12 34 56",
        "Kerkstraat 1",
        "9000",
        "Gent",
        "NL",
        "OCMW",
        "3/2/2025",
        "ja",
        "1/5/2024",
        None,
        "wachtlijst",
        "10/02/2025",
        None,
        None,
        None,
    ],
    [
        "Sanne Claes",
        "0473 00 11 22",
        "Kouter 5",
        "9000",
        "Gent",
        "NL",
        "zelf",
        "=DATE(2025,1,1)",
        "nee",
        "2/2/2024",
        None,
        "wachtlijst",
        None,
        None,
        None,
        None,
    ],
]

VOLUNTEER_HEADERS = [
    "Prénom",
    "Nom",
    "Date de naissance",
    "Téléphone",
    "Code postal",
    "Langue",
    "Statut",
]
VOLUNTEER_ROWS: list[list[object]] = [
    ["Anna", "Peeters", "12/05/1960", "0478 12 12 12", 9000, "NL", "disponible"],
    [
        "Bart",
        "Janssens",
        dt.datetime(1975, 3, 3),
        "0479 34 34 34",
        "9050",
        "néerlandais",
        "disponible",
    ],
]

MATCH_HEADERS = ["Gezin", "Vrijwilliger", "Start koppeling", "Dag", "Dagdeel"]


def _title_rows(sheet, width: int, title: str) -> None:
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.append(["Export van 12/01/2025"])
    sheet.append([])


def families_workbook(path: Path, *, extra: int = 0) -> Path:
    """The families list (Dutch headers), with ``extra`` clean waiting families added."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Gezinnen"
    _title_rows(sheet, len(FAMILY_HEADERS), "Gezinnen Home-Start Teststad")
    sheet.append(FAMILY_HEADERS)
    for index, row in enumerate(FAMILY_ROWS):
        sheet.append([*row, "oude notitie"])
        if index == 2:
            sheet.append([])  # an empty row in the middle
    for n in range(extra):
        referred = dt.date(2024, 1, 1) + dt.timedelta(days=n % 600)
        sheet.append(
            [
                f"Ouder{n} Testfamilie{n}",
                f"0470 {n // 10000 % 100:02d} {n // 100 % 100:02d} {n % 100:02d}",
                f"Laan {n}",
                "9000",
                "Gent",
                "NL",
                "OCMW",
                referred.strftime("%d/%m/%Y"),
                "nee",
                dt.datetime(2023, 1, 1) + dt.timedelta(days=n % 900),
                None,
                "wachtlijst",
                None,
                None,
                None,
                None,
            ]
        )
    sheet.column_dimensions["Q"].hidden = True
    book.save(path)
    return path


def volunteers_workbook(path: Path) -> Path:
    """The volunteers list, in French."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Bénévoles"
    sheet.append(VOLUNTEER_HEADERS)
    for row in VOLUNTEER_ROWS:
        sheet.append(row)
    book.save(path)
    return path


def matches_csv(path: Path, *, encoding: str = "cp1252", delimiter: str = ";") -> Path:
    """The running matches as a CSV export: Fatima with Bart, on Tuesday afternoons."""
    lines = [
        delimiter.join(MATCH_HEADERS),
        delimiter.join(["Fatima El Amrani", "Bart Janssens", "3/3/2025", "dinsdag", "namiddag"]),
        delimiter.join(["Niemand Bekend", "Bart Janssens", "3/3/2025", "dinsdag", "namiddag"]),
    ]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path
