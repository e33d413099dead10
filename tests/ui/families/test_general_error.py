"""A refusal that belongs to no field is seen at once: above the buttons, scrolled into sight,
never in a window of its own."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication

from homestart_desktop.ui.common.dialog import DialogBody
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.families.referral_dialog import ReferralDialog


def test_a_problem_of_no_field_shows_in_the_dialog_in_sight(qtbot) -> None:
    ops = Ops()
    dialog = ReferralDialog(ops)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(700, 320)  # a small laptop: the form scrolls, the message is at its end
    body = dialog.findChild(DialogBody)
    qtbot.waitUntil(lambda: body.verticalScrollBar().maximum() > 0, timeout=5_000)
    dialog.show_problems(
        {"postcode": "Dit is geen Belgische postcode.", "": "Het dossierbestand is vergrendeld."}
    )
    general = dialog.general_error
    assert general.text() == "Het dossierbestand is vergrendeld." and general.window() is dialog

    def in_sight() -> bool:
        top_left = general.mapTo(body.viewport(), QPoint(0, 0))
        return body.viewport().rect().contains(QRect(top_left, general.size()))

    qtbot.waitUntil(in_sight, timeout=5_000)
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [dialog]
    ops.shutdown()
