"""Visit notes and review agreements are searchable notes: before saving, a name of someone in
a family of the branch is pointed out, as in intervision, and the family's code offered."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialogButtonBox
from sqlmodel import select

from homestart_desktop.data.models import Caregiver, Child, Family, Review, Visit, VisitStatus
from tests.ui.planning.test_next_review import (
    DUE,
    NEXT,
    _click_save,
    _open,
    _trajectory,
    ops,  # noqa: F401 (the fixture)
)
from tests.ui.planning.test_planning import MONDAY, screen  # noqa: F401 (the fixture)
from tests.ui.typing_helpers import (
    choose,
    click,
    click_standard,
    double_click_row,
    type_into,
    when_dialog_opens,
)


def _add_people(case_file, reference: str) -> None:
    with case_file.session() as session:
        family = session.exec(select(Family).where(Family.reference == reference)).one()
        session.add(Caregiver(family_id=family.id, first_name="Samira", last_name="Claes"))
        session.add(Child(family_id=family.id, first_name="Noor", birth_date=dt.date(2023, 4, 2)))


def test_a_name_in_a_visit_note_is_replaced_by_the_family_code(
    qtbot,
    screen,  # noqa: F811
    empty_case_file,
):
    _add_people(empty_case_file, "GZ-2026-021")
    seen: dict[str, object] = {}

    def log(dialog):
        choose(qtbot, dialog, "visitStatus", "Gebeurd")
        type_into(qtbot, dialog, "visitHours", "2")
        type_into(qtbot, dialog, "visitNote", "Noor had koorts, Samira was moe.")
        click_standard(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
        qtbot.waitUntil(dialog.name_warning.isVisible, timeout=10_000)
        seen["names"] = dialog.name_warning.names_found()
        seen["open"] = dialog.isVisible()
        click(qtbot, dialog, "replaceNames")
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    with when_dialog_opens(qtbot, log):
        double_click_row(
            qtbot, screen.week.lists[0, MONDAY.weekday()], "GZ-2026-021\nVW-2025-009\nFatima"
        )
    assert seen == {"names": ["Noor", "Samira"], "open": True}
    with empty_case_file.session() as session:
        (visit,) = session.exec(select(Visit).where(Visit.on == MONDAY)).all()
    assert visit.status == VisitStatus.done
    assert visit.note == "GZ-2026-021 had koorts, GZ-2026-021 was moe."


def test_review_agreements_with_a_name_can_be_saved_as_written(
    qtbot,
    ops,  # noqa: F811
    empty_case_file,
):
    row = _trajectory(empty_case_file, (DUE, NEXT))
    _add_people(empty_case_file, "GZ-2026-031")
    dialog = _open(qtbot, ops, row)
    type_into(qtbot, dialog, "reviewAgreements", "Samira zoekt een kinderopvang.")
    _click_save(qtbot, dialog)
    qtbot.waitUntil(dialog.name_warning.isVisible, timeout=10_000)
    assert dialog.name_warning.names_found() == ["Samira"]
    assert "referentiecode" in dialog.name_warning.message.text()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        click(qtbot, dialog, "keepNames")
    with empty_case_file.session() as session:
        agreements = [r.agreements for r in session.exec(select(Review)) if r.agreements]
    assert agreements == ["Samira zoekt een kinderopvang."]


def test_agreements_without_names_save_at_once(
    qtbot,
    ops,  # noqa: F811
    empty_case_file,
):
    row = _trajectory(empty_case_file, (DUE, NEXT))
    _add_people(empty_case_file, "GZ-2026-031")
    dialog = _open(qtbot, ops, row)
    type_into(qtbot, dialog, "reviewAgreements", "De mama zoekt een kinderopvang.")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        _click_save(qtbot, dialog)
    assert not dialog.name_warning.isVisible()
