"""A name that would print misleadingly, or a date two centuries ago, is refused beside its field
in the referral dialog, in Dutch, and what was typed stays."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateTimeEdit, QLineEdit

from homestart_desktop.data.families.register import list_families
from homestart_desktop.ui.families.referral_dialog import ReferralDialog
from tests.clock import TEST_TODAY
from tests.ui.families.test_families import _fill_referral, _open_referral, _type_into
from tests.ui.families.test_families import screen as families_screen

screen = families_screen  # the Families section on an empty case file, as a fixture here too


def _save_refused(qtbot, dialog: ReferralDialog) -> None:
    with qtbot.waitSignal(dialog.sig_refused, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_a_right_to_left_override_in_a_name_is_refused_beside_the_field(
    qtbot, screen, empty_case_file
) -> None:
    dialog = _open_referral(qtbot, screen)
    _fill_referral(qtbot, dialog, postcode="9000", phone="0470 12 34 56")
    # A name pasted from a message, with a direction mark that turns the rest around.
    _type_into(qtbot, dialog.findChild(QLineEdit, "last_name"), "\u202eztlaW")
    _save_refused(qtbot, dialog)
    assert dialog.errors.message("last_name") == (
        "Typ dit zonder regeleinden, tabs of onzichtbare tekens."
    )
    assert dialog.errors.message("first_name") == ""
    assert dialog.findChild(QLineEdit, "last_name").text() == "Yılmaz\u202eztlaW"
    with empty_case_file.session() as session:
        assert list_families(session=session, today=TEST_TODAY) == []


def test_a_referral_dated_two_centuries_ago_is_refused_beside_the_date(
    qtbot, screen, empty_case_file
) -> None:
    dialog = _open_referral(qtbot, screen)
    _fill_referral(qtbot, dialog, postcode="9000", phone="0470 12 34 56")
    date_field = dialog.referred_on
    date_field.setFocus()
    date_field.setSelectedSection(QDateTimeEdit.Section.YearSection)  # a click on the year
    qtbot.keyClicks(date_field, "1802")
    assert date_field.date_value().year == 1802
    _save_refused(qtbot, dialog)
    assert dialog.errors.message("referred_on") == (
        "Deze datum ligt vóór 01/01/2000. Kijk het jaartal na."
    )
    with empty_case_file.session() as session:
        assert list_families(session=session, today=TEST_TODAY) == []
