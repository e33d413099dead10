"""The package: nothing personal inside, signed by the branch, readable only by the office."""

from __future__ import annotations

import json
import re

import pyrage
import pytest

from homestart_desktop.data.figures import exports
from homestart_desktop.data.settings import get_secret, load_settings, save_settings
from homestart_desktop.data.validation import ValidationError
from homestart_desktop.sync.outbox import make_package, package_name
from homestart_desktop.sync.package import (
    PackageError,
    open_package,
    public_key_hex,
    schema,
    signature_is_valid,
    validate_payload,
)
from homestart_desktop.sync.quarter import Quarter
from tests.clock import TEST_TODAY

Q3 = Quarter(2026, 3)


def _sealed(case_file, quarter=Q3) -> bytes:
    with case_file.session() as session:
        info = make_package(session=session, quarter=quarter)
        return package_name(session=session, export_id=info.id)[1]


def test_no_personal_data_leaves_the_branch(gent, office_identity) -> None:
    case_file, personal = gent
    plain = pyrage.decrypt(_sealed(case_file), [office_identity]).decode("utf-8").casefold()
    found = []
    for word in (
        personal.names | personal.streets | personal.phones | personal.references | personal.texts
    ):
        if word.casefold() in plain:
            found.append(word)
    for day in personal.birth_dates:
        for text in (
            day.isoformat(),
            day.strftime("%d/%m/%Y"),
            day.strftime("%d-%m-%Y"),
            day.strftime("%Y%m%d"),
        ):
            if text in plain:
                found.append(text)
    assert found == []
    # The only full date inside is the moment the package was made.
    envelope = json.loads(plain)
    dates = re.findall(r"\d{4}-\d{2}-\d{2}", plain)
    assert dates == [envelope["payload"]["created_at"][:10]]


def test_package_opens_at_the_office_and_is_signed_by_the_branch(gent, office_identity) -> None:
    case_file, _ = gent
    opened = open_package(_sealed(case_file), office_identity)
    with case_file.session() as session:
        branch_key = public_key_hex(get_secret(session=session, key="branch_signing_key"))
    assert signature_is_valid(opened, branch_key)
    payload = opened.payload
    assert (payload["branch"], payload["quarter"], payload["version"], payload["sequence"]) == (
        "GENT",
        "2026-Q3",
        1,
        1,
    )
    validate_payload(payload)


def test_a_correction_is_a_new_version(gent, office_identity) -> None:
    case_file, _ = gent
    _sealed(case_file)
    _sealed(case_file, Quarter(2026, 2))
    second = open_package(_sealed(case_file), office_identity).payload
    assert (second["version"], second["sequence"]) == (2, 3)
    with case_file.session() as session:
        listed = exports.list_exports(session=session)
    assert [(e.quarter, e.version) for e in listed] == [
        ("2026-Q3", 2),
        ("2026-Q2", 1),
        ("2026-Q3", 1),
    ]


def test_the_branch_cannot_read_its_package_back(gent) -> None:
    case_file, _ = gent
    data = _sealed(case_file)
    with case_file.session() as session:
        signing_key = get_secret(session=session, key="branch_signing_key")
    assert signing_key not in data.hex()
    with pytest.raises(PackageError):
        open_package(data, pyrage.x25519.Identity.generate())


def test_no_package_without_branch_code_and_office_key(empty_case_file) -> None:
    with empty_case_file.session() as session, pytest.raises(ValidationError) as refused:
        make_package(session=session, quarter=Q3)
    assert set(refused.value.problems) == {"branch_code", "central_office_public_key"}
    with empty_case_file.session() as session:
        settings = load_settings(session=session)
        save_settings(
            session=session,
            settings=settings.replace(branch_code="GENT", central_office_public_key="age1nonsense"),
        )
    with empty_case_file.session() as session, pytest.raises(ValidationError) as refused:
        make_package(session=session, quarter=Q3)
    assert "age1" in refused.value.problems["central_office_public_key"]


def test_schema_refuses_extra_fields_and_free_text() -> None:
    from pathlib import Path

    docs = Path(__file__).resolve().parents[2] / "docs" / "package.schema.json"
    assert json.loads(docs.read_text()) == schema(), "docs/ and the app's copy must be the same"
    payload = {"schema_version": 1, "branch": "GENT", "notes": "Özlem Yılmaz"}
    with pytest.raises(PackageError):
        validate_payload(payload)


def test_the_demo_branch_leaks_nothing(demo_case_file, office_identity) -> None:
    """The generated demo branch: every name, street, phone, birth date and code stays home."""
    import datetime as dt

    from sqlmodel import select

    from homestart_desktop.data.models import Caregiver, Child, Family, Volunteer
    from homestart_desktop.sync.central.keys import DEMO_PUBLIC

    with demo_case_file.session() as session:
        settings = load_settings(session=session)
        save_settings(
            session=session,
            settings=settings.replace(central_office_public_key=DEMO_PUBLIC.read_text().strip()),
        )
        words: set[str] = set()
        days: set[dt.date] = set()
        for family in session.exec(select(Family)):
            words |= {family.reference, family.street, family.phone, family.support_question_text}
        for person in session.exec(select(Caregiver)):
            words |= {person.first_name, person.last_name, person.phone}
        for child in session.exec(select(Child)):
            words.add(child.first_name)
            days |= {d for d in (child.birth_date, child.due_date) if d}
        for volunteer in session.exec(select(Volunteer)):
            words |= {
                volunteer.reference,
                volunteer.first_name,
                volunteer.last_name,
                volunteer.street,
                volunteer.phone,
                volunteer.email,
            }
            days |= {volunteer.birth_date} if volunteer.birth_date else set()
    quarter = Quarter.of(TEST_TODAY).previous()
    plain = (
        pyrage.decrypt(_sealed(demo_case_file, quarter), [office_identity])
        .decode("utf-8")
        .casefold()
    )
    words = {w for w in words if w and len(w) >= 3}
    assert len(words) > 100
    # Whole words only: "Vic" is a first name, "services" is not.
    assert [w for w in words if re.search(rf"(?<!\w){re.escape(w.casefold())}(?!\w)", plain)] == []
    assert [d for d in days if d.isoformat() in plain or d.strftime("%d/%m/%Y") in plain] == []


def test_a_count_of_1_or_2_cannot_be_packaged(gent) -> None:
    case_file, _ = gent
    from homestart_desktop.sync.outbox import next_payload

    with case_file.session() as session:
        payload = next_payload(session=session, quarter=Q3)
    assert payload["schema_version"] == 2
    assert payload["definitions"]["ptable"] == {
        "name": "D4-V2.5-js2",
        "max_noise": 4,
        "variance": 2.5,
        "js": 2,
    }
    payload["figures"]["flow"]["rows"]["intakes"] = 2
    with pytest.raises(PackageError, match="flow/intakes"):
        validate_payload(payload)
    payload["figures"]["flow"]["rows"]["intakes"] = "<5"  # version 1's marker is no longer allowed
    with pytest.raises(PackageError, match="flow/rows/intakes"):
        validate_payload(payload)


def test_a_quarter_that_is_not_over_is_not_packaged(gent) -> None:
    import datetime as dt

    case_file, _ = gent
    on_its_last_day = dt.datetime(2026, 9, 30, 15, 0, tzinfo=dt.UTC)
    with case_file.session() as session, pytest.raises(ValidationError) as refused:
        make_package(session=session, quarter=Q3, now=on_its_last_day)
    assert "2026-Q3" in refused.value.problems["quarter"]
    with case_file.session() as session:
        assert exports.list_exports(session=session) == []
        made = make_package(session=session, quarter=Q3, now=on_its_last_day + dt.timedelta(days=1))
    assert made.version == 1
