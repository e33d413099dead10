"""Every dialog on a laptop's screen (1366×728 available): it fits, and its buttons are on it.

Run by ``test_dialogs_fit_a_laptop.py`` in a process of its own whose offscreen screen is that
size (Qt's offscreen platform reads the screen from a config file). With HOMESTART_SHOTS set,
each dialog is saved as a picture there, to look at.
"""

# ruff: noqa: E731 (a table of small factories reads best as lambdas)

from __future__ import annotations

import datetime as dt
import importlib
import os
import pkgutil
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QWidget

import homestart_desktop.ui
from homestart_desktop.data.families.file import load_family
from homestart_desktop.data.matching.under_way import open_matches
from homestart_desktop.data.models import HalfDay
from homestart_desktop.data.planning import visits
from homestart_desktop.data.planning.overview import running_trajectories
from homestart_desktop.data.retention.due import DueRecord
from homestart_desktop.documents.agreement import agreement_for
from homestart_desktop.ui.common.dialog import Dialog, DialogBody
from homestart_desktop.ui.common.document_preview import DocumentPreview
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.saving_dialog import SavingDialog
from homestart_desktop.ui.families.consent_dialog import ConsentDialog
from homestart_desktop.ui.families.file import FamilyFileDialog
from homestart_desktop.ui.families.intake_dialog import IntakeDialog
from homestart_desktop.ui.families.referral_dialog import NEW, ReferralDialog
from homestart_desktop.ui.families.status_dialogs import (
    BackOnListDialog,
    PlanIntakeDialog,
    StatusDialog,
)
from homestart_desktop.ui.intervision.coaching import TalkDialog
from homestart_desktop.ui.intervision.family_reference_picker import FamilyReferencePicker
from homestart_desktop.ui.intervision.screen import ReportOptions
from homestart_desktop.ui.intervision.session_dialog import SessionDialog
from homestart_desktop.ui.matching.dialogs import (
    ConfirmDialog,
    IntroductionDialog,
    ProposeDialog,
    WithdrawDialog,
)
from homestart_desktop.ui.planning.periods_dialog import PeriodsDialog
from homestart_desktop.ui.planning.trajectory_dialogs import CloseDialog, PauseDialog, ReviewDialog
from homestart_desktop.ui.planning.visit_dialogs import LogVisitDialog, VisitDateDialog
from homestart_desktop.ui.settings.casefile_dialogs import ChangePassphraseDialog, RestoreDialog
from homestart_desktop.ui.settings.logbook import LogbookDialog
from homestart_desktop.ui.settings.retention import HoldBackDialog, RetentionDialog
from homestart_desktop.ui.shell.about import AboutDialog
from homestart_desktop.ui.shell.new_case_file import NewCaseFileDialog
from homestart_desktop.ui.volunteers.file import VolunteerFileDialog
from tests.clock import TEST_TODAY
from tests.data.demo.test_demo import rows

LAPTOP = (1366, 728)
BASES = {Dialog, SavingDialog}


class Records:
    """One of each record a dialog opens on, from the demo branch."""

    def __init__(self, case_file) -> None:
        self.case_file = case_file
        (self.waiting_family,) = rows(
            case_file, "SELECT id FROM family WHERE status = 'waiting' ORDER BY id LIMIT 1"
        )[0]
        self.family_file = case_file.read(
            load_family, family_id=self.waiting_family, today=TEST_TODAY
        )
        (self.volunteer,) = rows(
            case_file, "SELECT id FROM volunteer WHERE status = 'matched' ORDER BY id LIMIT 1"
        )[0]
        self.match = case_file.read(open_matches)[0]
        self.trajectory = case_file.read(running_trajectories)[0]
        self.visit = case_file.read(
            visits.visits_between, first=TEST_TODAY - dt.timedelta(days=14), last=TEST_TODAY
        )[0]
        self.agreement = case_file.read(
            agreement_for, volunteer_id=self.volunteer, today=TEST_TODAY
        ).pdf


FACTORIES = {
    "DocumentPreview": lambda ops, p, r: DocumentPreview(
        r.agreement,
        title="Vrijwilligersovereenkomst",
        suggested_name="x.pdf",
        record=None,
        parent=p,
    ),
    "NewCaseFileDialog": lambda ops, p, r: NewCaseFileDialog(ops, p),
    "AboutDialog": lambda ops, p, r: AboutDialog(p, r.case_file.path),
    "ChangePassphraseDialog": lambda ops, p, r: ChangePassphraseDialog(ops, p),
    "RestoreDialog": lambda ops, p, r: RestoreDialog(r.case_file.path, p),
    "ReportOptions": lambda ops, p, r: ReportOptions(p),
    "SessionDialog": lambda ops, p, r: SessionDialog(ops, p),
    "FamilyReferencePicker": lambda ops, p, r: FamilyReferencePicker(ops, p),
    "TalkDialog": lambda ops, p, r: TalkDialog(ops, r.volunteer, p),
    "PeriodsDialog": lambda ops, p, r: PeriodsDialog(ops, p),
    "VisitDateDialog": lambda ops, p, r: VisitDateDialog(
        ops,
        "Extra bezoek",
        p,
        half_day=HalfDay.morning,
        fn=visits.add_visit,
        trajectory_id=r.trajectory.id,
    ),
    "LogVisitDialog": lambda ops, p, r: LogVisitDialog(ops, r.visit, p, today=TEST_TODAY),
    "ReviewDialog": lambda ops, p, r: ReviewDialog(ops, r.trajectory, p, today=TEST_TODAY),
    "PauseDialog": lambda ops, p, r: PauseDialog(ops, r.trajectory, p, today=TEST_TODAY),
    "CloseDialog": lambda ops, p, r: CloseDialog(ops, r.trajectory, p, today=TEST_TODAY),
    "ProposeDialog": lambda ops, p, r: ProposeDialog(
        ops, (r.waiting_family, "GZ"), (r.volunteer, "VW"), p, today=TEST_TODAY
    ),
    "IntroductionDialog": lambda ops, p, r: IntroductionDialog(
        ops, r.match, p, done=True, today=TEST_TODAY
    ),
    "ConfirmDialog": lambda ops, p, r: ConfirmDialog(ops, r.match, p, today=TEST_TODAY),
    "WithdrawDialog": lambda ops, p, r: WithdrawDialog(ops, r.match, p, today=TEST_TODAY),
    "FamilyFileDialog": lambda ops, p, r: FamilyFileDialog(
        ops, r.waiting_family, p, today=TEST_TODAY
    ),
    "ReferralDialog": lambda ops, p, r: ReferralDialog(ops, p, mode=NEW, today=TEST_TODAY),
    "IntakeDialog": lambda ops, p, r: IntakeDialog(ops, r.family_file, p, today=TEST_TODAY),
    "PlanIntakeDialog": lambda ops, p, r: PlanIntakeDialog(ops, r.family_file, p, today=TEST_TODAY),
    "StatusDialog": lambda ops, p, r: StatusDialog(ops, r.family_file, p, today=TEST_TODAY),
    "BackOnListDialog": lambda ops, p, r: BackOnListDialog(ops, r.family_file, p, today=TEST_TODAY),
    "ConsentDialog": lambda ops, p, r: ConsentDialog(ops, r.family_file, p, today=TEST_TODAY),
    "VolunteerFileDialog": lambda ops, p, r: VolunteerFileDialog(ops, r.volunteer, p),
    "RetentionDialog": lambda ops, p, r: RetentionDialog(ops, p),
    "HoldBackDialog": lambda ops, p, r: HoldBackDialog(
        ops, DueRecord("family", 1, "GZ-2019-001", TEST_TODAY, TEST_TODAY), p
    ),
    "LogbookDialog": lambda ops, p, r: LogbookDialog(ops, p),
}


def _every_dialog_class() -> set[str]:
    for module in pkgutil.walk_packages(homestart_desktop.ui.__path__, "homestart_desktop.ui."):
        importlib.import_module(module.name)
    found, todo = set(), [Dialog]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub not in BASES and not sub.__name__.startswith("_"):
                found.add(sub.__name__)
    return found


def test_the_screen_is_a_laptop_screen(qapp) -> None:
    available = qapp.primaryScreen().availableGeometry()
    assert (available.width(), available.height()) == LAPTOP


def test_every_dialog_is_checked_here() -> None:
    assert _every_dialog_class() == set(FACTORIES)


@pytest.fixture
def window(qtbot, demo_case_file):
    """The main window's stand-in, maximised, with the demo branch open."""
    ops = Ops()
    ops.case_file = demo_case_file
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.showMaximized()
    yield ops, parent, Records(demo_case_file)
    ops.shutdown()


def _on_screen(widget: QWidget, screen: QRect) -> bool:
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return screen.contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_the_dialog_fits_and_its_buttons_are_on_screen(qtbot, window, name) -> None:
    ops, parent, records = window
    dialog = FACTORIES[name](ops, parent, records)
    qtbot.addWidget(dialog)
    dialog.show()
    ops.wait_idle(30)
    for _ in range(5):
        QApplication.processEvents()
    screen = QApplication.primaryScreen().availableGeometry()
    frame = dialog.frameGeometry()
    assert frame.height() <= screen.height() and frame.width() <= screen.width(), name
    assert screen.contains(dialog.geometry()), (name, dialog.geometry())
    body = dialog.findChild(DialogBody)
    assert body is not None, f"{name}: nothing scrolls when the screen is small"
    boxes = [b for b in dialog.findChildren(QDialogButtonBox) if b.isVisible()]
    buttons = [b for box in boxes for b in box.findChildren(QAbstractButton) if b.isVisible()]
    assert buttons, name
    for button in buttons:
        assert not body.isAncestorOf(button), f"{name}: {button.text()} scrolls away"
        assert _on_screen(button, screen), f"{name}: {button.text()} is off the screen"
    if folder := os.environ.get("HOMESTART_SHOTS"):
        dialog.grab().save(str(Path(folder) / f"dialog-{name}.png"))
    dialog.reject()
