"""The access export gathers every record about one family or volunteer, and nothing else."""

from __future__ import annotations

import datetime as dt

import pytest

from homestart_desktop.data.access.gather import gather_family, gather_volunteer
from tests.builders import family_with_everything


def test_a_family_finds_everything_about_itself(empty_case_file):
    with empty_case_file.session() as session:
        family_with_everything(session)
        export = gather_family(session=session, reference="GZ-2026-014")
    assert export.language == "fr"
    records = {s.key: s.rows for s in export.sections}
    assert records["family"][0]["street"] == "Rue des Tilleuls 7"
    assert records["caregivers"][0]["last_name"] == "Yılmaz"
    assert records["children"][0]["first_name"] == "Ayşe"
    assert records["referrals"][0]["contact"] == "Vroedvrouw An"
    assert records["visits"][0]["on"] == dt.date(2026, 2, 10)
    assert records["visits"][0]["note"] == "Samen naar het consultatiebureau geweest."
    assert records["reviews"][0]["score_wellbeing"] == 4
    assert [p["label"] for p in records["blocked_periods"]] == ["Op reis naar familie"]
    assert records["trajectories"][0]["volunteer_code"] == "VW-2025-003"
    assert records["expenses"][0]["km"] == 13.0
    assert "amount_cents" not in records["expenses"][0]  # the volunteer's money is theirs
    assert all(records[key] for key in records), [k for k in records if not records[k]]
    texts = {(m.key, text) for m in export.mentions for _c, text in m.texts}
    assert ("coaching_talks", "Loopt goed bij GZ-2026-014; de oudste slaapt slecht.") in texts
    assert any("Casus GZ-2026-014" in t for k, t in texts if k == "intervision_sessions")
    assert any("opvoedingswinkel" in t for k, t in texts if k == "follow_up_actions")
    # GZ-2026-0140 is another family, and the other family's rows stay out.
    assert not any("0140" in t for _k, t in texts)
    assert "Andere straat 1" not in repr(export)


def test_a_volunteer_finds_everything_about_themselves_without_the_familys_notes(
    empty_case_file,
):
    with empty_case_file.session() as session:
        family_with_everything(session)
        export = gather_volunteer(session=session, reference="VW-2025-003")
    assert export.language == "nl"
    records = {s.key: s.rows for s in export.sections}
    assert all(records[key] for key in records), [k for k in records if not records[k]]
    assert records["volunteer"][0]["last_name"] == "Wójcik"
    assert records["trajectories"][0]["family_code"] == "GZ-2026-014"
    assert records["intervision"][0]["session_theme"] == "Grenzen stellen"
    assert records["expenses"][0]["amount_cents"] == 559
    assert "note" not in records["visits"][0]
    assert "score_wellbeing" not in records["reviews"][0]
    assert [m.key for m in export.mentions] == ["intervision_sessions"]
    assert "Rue des Tilleuls" not in repr(export)


def test_an_unknown_code_is_a_lookup_error(empty_case_file):
    with empty_case_file.session() as session, pytest.raises(LookupError):
        gather_family(session=session, reference="GZ-2099-001")
