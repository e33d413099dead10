"""The demo branch: complete, consistent with the work's rules, and the same for the same seed."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest

from homestart_desktop.data.casefile import casefile
from homestart_desktop.data.demo.branch import DEMO_BRANCH_NAME, DEMO_PASSPHRASE, generate_demo
from homestart_desktop.data.demo.rows import INSERT_ORDER
from homestart_desktop.data.models import FamilyStatus, TrajectoryStatus, VolunteerStatus
from homestart_desktop.data.postcodes import is_known_postcode
from homestart_desktop.data.references import FAMILY_PREFIX, next_reference
from homestart_desktop.data.settings import load_settings
from homestart_desktop.data.settings_checks import check_settings
from homestart_desktop.data.workflow import check_step
from tests.clock import TEST_TODAY
from tests.conftest import _open_copy

TODAY = dt.date(2026, 3, 18)


def rows(case_file: casefile.CaseFile, sql: str) -> list[tuple]:
    with case_file.engine.connect() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(sql)]


def table_dump(case_file: casefile.CaseFile) -> dict[str, list[tuple]]:
    return {
        m.__tablename__: rows(case_file, f"SELECT * FROM {m.__tablename__} ORDER BY id")
        for m in INSERT_ORDER
    }


# ---- The same seed gives the same branch


def _small_demo(case_file: casefile.CaseFile, seed: int) -> dict[str, list[tuple]]:
    with case_file.session() as session:
        generate_demo(session=session, seed=seed, families=40, volunteers=12, years=2, today=TODAY)
    return table_dump(case_file)


def test_same_seed_gives_the_same_rows_and_another_seed_other_ones(
    empty_template, tmp_path: Path
) -> None:
    template, key = empty_template
    dumps = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        case_file = _open_copy(template, key, tmp_path / f"{name}.hscase")
        dumps.append(_small_demo(case_file, seed=seed))
        case_file.lock()
    assert dumps[0] == dumps[1]
    assert len(dumps[0]["visit"]) > 100
    assert dumps[0]["caregiver"] != dumps[2]["caregiver"]


def test_the_demo_fills_only_an_empty_file(demo_case_file) -> None:
    with pytest.raises(ValueError), demo_case_file.session() as session:
        generate_demo(session=session, families=10, volunteers=8, years=1, today=TODAY)
    assert rows(demo_case_file, "SELECT count(*) FROM family")[0][0] == 300


# ---- Everything is there


def test_every_table_is_filled(demo_case_file) -> None:
    for model in INSERT_ORDER:
        (count,) = rows(demo_case_file, f"SELECT count(*) FROM {model.__tablename__}")[0]
        assert count > 0, model.__tablename__


def test_every_status_occurs(demo_case_file) -> None:
    for table, enum in (
        ("family", FamilyStatus),
        ("volunteer", VolunteerStatus),
        ("trajectory", TrajectoryStatus),
    ):
        present = {r[0] for r in rows(demo_case_file, f"SELECT DISTINCT status FROM {table}")}
        assert present == {s.value for s in enum}, table


def test_realistic_size(demo_case_file) -> None:
    (families,) = rows(demo_case_file, "SELECT count(*) FROM family")[0]
    (volunteers,) = rows(demo_case_file, "SELECT count(*) FROM volunteer")[0]
    (visits,) = rows(demo_case_file, "SELECT count(*) FROM visit")[0]
    assert families == 300
    assert volunteers == 40
    assert visits > 1500


def test_branch_settings_are_filled(demo_case_file) -> None:
    settings = demo_case_file.read(load_settings)
    assert settings.branch_name == DEMO_BRANCH_NAME
    check_settings(settings)  # Settings can be saved as they are (the company number too)
    assert settings.insurer and settings.policy_number and settings.street
    assert settings.postcode == "9000"
    assert settings.central_office_public_key.startswith("age1")  # the published demo key


# ---- Consistent with the work


@pytest.mark.parametrize(
    ("table", "owner", "history"),
    [
        ("family", "family_id", "familystatuschange"),
        ("volunteer", "volunteer_id", "volunteerstatuschange"),
        ("trajectory", "trajectory_id", "trajectorystatuschange"),
    ],
)
def test_histories_take_only_allowed_steps_and_end_in_the_status(
    demo_case_file, table, owner, history
) -> None:
    enum = {"family": FamilyStatus, "volunteer": VolunteerStatus, "trajectory": TrajectoryStatus}[
        table
    ]
    status = dict(rows(demo_case_file, f"SELECT id, status FROM {table}"))
    steps: dict[int, list[tuple]] = {}
    for row in rows(
        demo_case_file, f'SELECT {owner}, "on", from_status, to_status FROM {history} ORDER BY id'
    ):
        steps.setdefault(row[0], []).append(row[1:])
    assert set(steps) == set(status)
    for record_id, chain in steps.items():
        assert chain[0][1] is None
        for (on, old, new), (previous_on, _o, previous_new) in zip(chain[1:], chain, strict=False):
            assert old == previous_new and on >= previous_on
            check_step(enum(old), enum(new))
        assert chain[-1][2] == status[record_id]
        assert chain[-1][0] <= TEST_TODAY.isoformat()


def test_statuses_of_family_volunteer_and_trajectory_fit(demo_case_file) -> None:
    expected_family = {
        "proposed": "matched",
        "introduced": "matched",
        "active": "active",
        "paused": "paused",
    }
    open_per_family: dict[int, int] = {}
    open_per_volunteer: dict[int, int] = {}
    sql = (
        "SELECT t.status, f.status, v.status, t.family_id, t.volunteer_id FROM trajectory t "
        "JOIN family f ON f.id = t.family_id JOIN volunteer v ON v.id = t.volunteer_id"
    )
    for trajectory, family, volunteer, family_id, volunteer_id in rows(demo_case_file, sql):
        if trajectory in expected_family:
            assert family == expected_family[trajectory]
            assert volunteer == "matched"
            open_per_family[family_id] = open_per_family.get(family_id, 0) + 1
            open_per_volunteer[volunteer_id] = open_per_volunteer.get(volunteer_id, 0) + 1
    assert set(open_per_family.values()) == {1}
    assert set(open_per_volunteer.values()) == {1}
    families_matched = rows(
        demo_case_file, "SELECT count(*) FROM family WHERE status IN ('matched','active','paused')"
    )
    assert families_matched[0][0] == len(open_per_family)


def test_visits_fall_within_their_trajectory(demo_case_file) -> None:
    today = TEST_TODAY.isoformat()
    sql = (
        'SELECT v."on", v.status, t.start_on, t.ended_on, t.weekday, t.status FROM visit v '
        "JOIN trajectory t ON t.id = v.trajectory_id"
    )
    for on, status, start, ended, weekday, trajectory in rows(demo_case_file, sql):
        assert start is not None and on >= start
        assert ended is None or on <= ended
        assert dt.date.fromisoformat(on).weekday() == weekday
        if on >= today:
            assert status == "planned" and trajectory in ("active", "paused")


def test_reviews_after_the_start_and_scores_in_range(demo_case_file) -> None:
    sql = (
        "SELECT r.held_on, t.start_on, r.score_wellbeing, r.score_school FROM review r "
        "JOIN trajectory t ON t.id = r.trajectory_id WHERE r.held_on IS NOT NULL"
    )
    held = rows(demo_case_file, sql)
    assert held
    for held_on, start, *scores in held:
        assert held_on >= start
        assert all(0 <= s <= 5 for s in scores)


def test_review_scores_start_from_the_intake_baseline(demo_case_file) -> None:
    sql = (
        "SELECT i.score_wellbeing, r.score_wellbeing, i.score_school, r.score_school FROM review r "
        "JOIN trajectory t ON t.id = r.trajectory_id JOIN intake i ON i.family_id = t.family_id "
        "WHERE r.held_on IS NOT NULL"
    )
    pairs = rows(demo_case_file, sql)
    assert pairs
    assert all(later >= start for start, later, *_ in pairs)
    assert all(later >= start for *_, start, later in pairs)
    assert any(later > start for start, later, *_ in pairs)  # some families do better


def test_available_volunteers_have_extract_agreement_and_course(demo_case_file) -> None:
    sql = (
        "SELECT extract_issued_on, extract_received_on, agreement_signed_on, course_completed_on, course_hours "
        "FROM volunteer WHERE status IN ('available', 'matched')"
    )
    for issued, received, agreement, course, hours in rows(demo_case_file, sql):
        assert issued and agreement and course and hours >= 15
        assert 0 <= (dt.date.fromisoformat(received) - dt.date.fromisoformat(issued)).days <= 31


def test_waiting_families_and_unborn_children(demo_case_file) -> None:
    assert not rows(
        demo_case_file, "SELECT id FROM family WHERE status = 'waiting' AND waiting_since IS NULL"
    )
    unborn = rows(
        demo_case_file, "SELECT due_date, birth_date FROM child WHERE due_date IS NOT NULL"
    )
    assert unborn
    assert all(birth is None and due > TEST_TODAY.isoformat() for due, birth in unborn)


def test_one_expense_regime_per_volunteer_and_year_and_expenses_on_visit_days(
    demo_case_file,
) -> None:
    sql = 'SELECT count(*) FROM expense e JOIN visit v ON v.id = e.visit_id WHERE e."on" != v."on"'
    assert rows(demo_case_file, sql)[0][0] == 0
    sql = 'SELECT count(*) FROM expense e LEFT JOIN expenseyear y ON y.volunteer_id = e.volunteer_id AND y.year = CAST(substr(e."on", 1, 4) AS INTEGER) WHERE y.id IS NULL'
    assert rows(demo_case_file, sql)[0][0] == 0


def test_profile_shares_follow_the_branch(demo_case_file) -> None:
    (total, single, poor, psych, disability) = rows(
        demo_case_file,
        "SELECT count(*), sum(single_parent), sum(kg_income), sum(psychological_vulnerability), "
        "sum(physical_disability) FROM family",
    )[0]
    assert 0.35 < single / total < 0.6
    assert 0.35 < poor / total < 0.55
    assert 0.35 < psych / total < 0.55
    assert 0.08 < disability / total < 0.22


def test_names_in_their_own_letters_and_real_postcodes(demo_case_file) -> None:
    names = " ".join(
        f"{a} {b}" for a, b in rows(demo_case_file, "SELECT first_name, last_name FROM caregiver")
    )
    assert any("CYRILLIC" in unicodedata.name(ch, "") for ch in names)
    assert any(ch in names for ch in "şğıłżțăéöü")
    postcodes = {
        r[0]
        for r in rows(
            demo_case_file, "SELECT postcode FROM family UNION SELECT postcode FROM volunteer"
        )
    }
    assert all(is_known_postcode(code) for code in postcodes)


def test_notes_name_families_by_reference_only(demo_case_file) -> None:
    names = {
        r[0] for r in rows(demo_case_file, "SELECT first_name FROM caregiver") if len(r[0]) > 3
    }
    notes = " ".join(
        r[0]
        for r in rows(
            demo_case_file,
            "SELECT notes FROM intervisionsession UNION ALL SELECT notes FROM coachingtalk",
        )
    )
    assert "GZ-" in notes
    assert not any(f" {name} " in f" {notes} " for name in names)


def test_new_references_continue_after_the_demo(demo_case_file) -> None:
    existing = {r[0] for r in rows(demo_case_file, "SELECT reference FROM family")}
    year = max(int(code.split("-")[1]) for code in existing)
    with demo_case_file.session() as session:
        code = next_reference(session=session, prefix=FAMILY_PREFIX, year=year)
    assert code not in existing
    assert json.dumps(code).startswith(f'"GZ-{year}-')


def test_demo_passphrase_opens_the_file(demo_case_path) -> None:
    with casefile.unlock(demo_case_path, passphrase=DEMO_PASSPHRASE) as case_file:
        assert rows(case_file, "SELECT count(*) FROM family")[0][0] == 300
