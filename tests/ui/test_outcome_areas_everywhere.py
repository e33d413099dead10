"""The six outcome areas have one name each: the intake's baseline scores, the interim and closing
reviews, the family file, the printed intake form and the quarterly figures all say
*Vlotter toegang tot voorzieningen*, never *Vlotter de juiste diensten bereiken* beside it."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest
from PySide6.QtWidgets import QApplication, QLabel

from homestart_desktop.data.families.file import load_family
from homestart_desktop.data.models import Family, FamilyStatus
from homestart_desktop.data.planning.overview import running_trajectories
from homestart_desktop.documents.intake_form import intake_form_for
from homestart_desktop.sync.labels import row_label
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.families.intake_dialog import IntakeDialog
from homestart_desktop.ui.planning.trajectory_dialogs import CloseDialog, ReviewDialog
from tests.builders import matched_pair
from tests.clock import TEST_TODAY

AREAS = [
    "Welbevinden van de ouder",
    "Positief opvoeden",
    "Vlotter toegang tot voorzieningen",
    "Deelname aan vrije tijd en samenleving",
    "Gedrag van de kinderen",
    "Schoolcultuur thuis",
]
OTHER_NAMES = ["Vlotter de juiste diensten bereiken", "Deelnemen aan vrije tijd en het buurtleven"]


@pytest.fixture
def ops(empty_case_file):
    ops = Ops()
    ops.case_file = empty_case_file
    yield ops
    ops.wait_idle()
    QApplication.processEvents()
    ops.shutdown()
    prompts.clear_answers()


def _labels(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def _in_order(texts: list[str]) -> list[str]:
    return [text for text in texts if text in AREAS]


def test_intake_reviews_and_closing_name_the_areas_alike(qtbot, ops, empty_case_file):
    with empty_case_file.session() as session:
        trajectory = matched_pair(
            session,
            family=Family(reference="GZ-2026-031", status=FamilyStatus.active),
            volunteer="VW-2020-003",
            start_on=TEST_TODAY - dt.timedelta(days=100),
        )
        file = load_family(session=session, family_id=trajectory.family_id, today=TEST_TODAY)
    (row,) = empty_case_file.read(running_trajectories)
    dialogs = [IntakeDialog(ops, file), ReviewDialog(ops, row), CloseDialog(ops, row)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        texts = _labels(dialog)
        assert _in_order(texts) == AREAS, type(dialog).__name__
        assert not set(OTHER_NAMES) & set(texts)
    # Let the dialogs' own questions to the worker come back while they are still open, then
    # close them: a dialog freed by the garbage collector while its answer is delivered crashed
    # the test process (see the closing note of this session).
    ops.wait_idle()
    QApplication.processEvents()
    for dialog in dialogs:
        dialog.close()


def test_the_printed_intake_form_and_the_figures_use_the_same_names(empty_case_file):
    with empty_case_file.session() as session:
        pdf = intake_form_for(session=session, lang="nl", today=TEST_TODAY)
    text = " ".join(
        " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).split()
    )
    for name in AREAS:
        assert name in text, name
    figures = ["wellbeing", "parenting", "services", "participation", "behaviour", "school"]
    assert [row_label(area, "outcomes") for area in figures] == AREAS
