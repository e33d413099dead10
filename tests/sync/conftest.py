"""Fixtures for the figures: a small synthetic branch (built once, copied per test), office keys."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from homestart_desktop.data.casefile.casefile import CaseFile
from homestart_desktop.data.casefile.new_file import make_branch_signing_key
from homestart_desktop.data.settings import load_settings, save_settings, set_secret
from homestart_desktop.sync.central import keys
from tests.conftest import _open_copy
from tests.sync.builder import Personal, build_branch

OFFICE_PUBLIC = keys.DEMO_PUBLIC.read_text().strip()


def _make_branch(template: Path, key: bytes, target: Path, code: str, seed: int) -> Personal:
    case_file = _open_copy(template, key, target)
    try:
        with case_file.session() as session:
            personal = build_branch(session, seed=seed, families=40)
            # Copies of one template share its signing key; a real branch has its own.
            set_secret(session=session, key="branch_signing_key", value=make_branch_signing_key())
            settings = load_settings(session=session)
            save_settings(
                session=session,
                settings=settings.replace(
                    branch_code=code, central_office_public_key=OFFICE_PUBLIC
                ),
            )
    finally:
        case_file.lock()
    return personal


@pytest.fixture(scope="session")
def branch_templates(empty_template, tmp_path_factory) -> dict[str, tuple[Path, bytes, Personal]]:
    """Two synthetic branches, GENT and LEUVEN, built once per test session."""
    template, key = empty_template
    folder = tmp_path_factory.mktemp("branches")
    made = {}
    for seed, code in enumerate(("GENT", "LEUVEN"), start=1):
        path = folder / f"{code}.hscase"
        made[code] = (path, key, _make_branch(template, key, path, code, seed))
    return made


def open_branch(templates, code: str, folder: Path) -> tuple[CaseFile, Personal]:
    template, key, personal = templates[code]
    target = folder / f"{code}-{id(folder)}.hscase"
    shutil.rmtree(target, ignore_errors=True)
    return _open_copy(template, key, target), personal


@pytest.fixture
def gent(branch_templates, tmp_path) -> Iterator[tuple[CaseFile, Personal]]:
    """The GENT branch, unlocked, a copy of its own; and everything personal it holds."""
    case_file, personal = open_branch(branch_templates, "GENT", tmp_path)
    yield case_file, personal
    case_file.lock()


@pytest.fixture
def leuven(branch_templates, tmp_path) -> Iterator[tuple[CaseFile, Personal]]:
    case_file, personal = open_branch(branch_templates, "LEUVEN", tmp_path)
    yield case_file, personal
    case_file.lock()


@pytest.fixture(scope="session")
def office_identity():
    """The demo central office's identity (a published TEST key)."""
    return keys.load_identity(keys.DEMO_IDENTITY)
