"""A coordinator answers a request for access from the family's (volunteer's) file."""

from __future__ import annotations

import json
import os
import stat

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.families.file import FamilyFileDialog
from homestart_desktop.ui.volunteers.screen import VolunteersScreen
from tests.builders import family_with_everything
from tests.clock import TEST_TODAY
from tests.ui.typing_helpers import click


@pytest.fixture
def ops(empty_case_file):
    ops = Ops()
    ops.case_file = empty_case_file
    yield ops
    for _round in range(3):
        ops.wait_idle()
        QApplication.processEvents()
    ops.shutdown()
    prompts.clear_answers()


def _told(qtbot) -> str:
    qtbot.waitUntil(
        lambda: any("Opgeslagen in" in text for _t, text in prompts.shown), timeout=15_000
    )
    return next(text for _t, text in prompts.shown if "Opgeslagen in" in text)


def _pdf_text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_all_data_of_this_family_lands_in_the_chosen_folder(qtbot, ops, empty_case_file, tmp_path):
    with empty_case_file.session() as session:
        family, _volunteer = family_with_everything(session)
        family_id = family.id
    dialog = FamilyFileDialog(ops, family_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_loaded, timeout=10_000):
        dialog.show()
    folder = tmp_path / "inzage"
    folder.mkdir()
    prompts.set_next_answers([folder, None])  # the folder, then the message saying where
    click(qtbot, dialog, "Alle gegevens van dit gezin…")
    told = _told(qtbot)
    stem = f"GZ-2026-014_{TEST_TODAY.isoformat()}"
    assert str(folder) in told and f"{stem}.pdf" in told and f"{stem}.json" in told
    assert sorted(p.name for p in folder.iterdir()) == [f"{stem}.json", f"{stem}.pdf"]
    for path in folder.iterdir():
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    text = _pdf_text(folder / f"{stem}.pdf")
    assert "Toutes les données de la famille GZ-2026-014" in text  # the family speaks French
    assert "Yılmaz" in text and "Ayşe" in text
    records = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))["records"]
    assert records["visits"][0]["note"] == "Samen naar het consultatiebureau geweest."


def test_choosing_no_folder_writes_nothing(qtbot, ops, empty_case_file, tmp_path):
    with empty_case_file.session() as session:
        family_id = family_with_everything(session)[0].id
    dialog = FamilyFileDialog(ops, family_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_loaded, timeout=10_000):
        dialog.show()
    prompts.set_next_answers([None])  # the coordinator cancels the folder chooser
    click(qtbot, dialog, "Alle gegevens van dit gezin…")
    ops.wait_idle()
    QApplication.processEvents()
    assert not any("Opgeslagen in" in text for _t, text in prompts.shown)


def test_all_data_of_this_volunteer_from_the_volunteers_file(qtbot, ops, empty_case_file, tmp_path):
    with empty_case_file.session() as session:
        volunteer_id = family_with_everything(session)[1].id
    screen = VolunteersScreen(ops)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        screen.reload()
    screen.show()
    dialog = screen.open_file(volunteer_id)
    qtbot.waitUntil(lambda: dialog.file is not None, timeout=10_000)
    prompts.set_next_answers([tmp_path, None])
    click(qtbot, dialog, "Alle gegevens van deze vrijwilliger…")
    _told(qtbot)
    stem = f"VW-2025-003_{TEST_TODAY.isoformat()}"
    text = _pdf_text(tmp_path / f"{stem}.pdf")
    assert "Alle gegevens van vrijwilliger VW-2025-003" in text and "Wójcik" in text
    assert (tmp_path / f"{stem}.json").is_file()
    dialog.reject()
