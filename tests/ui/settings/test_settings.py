"""Settings: edit, check, save, reload; the language switch; the case file's care."""

# ruff: noqa: F811 (pytest fixtures imported from shell_helpers)

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
)

from homestart_desktop.data.casefile.backups import list_backups
from homestart_desktop.data.settings import BranchSettings, load_settings
from homestart_desktop.domain.setting_fields import GROUPS
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.common.widgets.number_edit import NumberEdit
from homestart_desktop.ui.settings.fields import stored_values, value_of
from homestart_desktop.ui.settings.screen import SettingsScreen
from tests.conftest import TEST_PASSPHRASE
from tests.ui.shell_helpers import controller, lock_with_keyboard, unlock_by_typing  # noqa: F401
from tests.ui.typing_helpers import (
    choose,
    click,
    click_standard,
    error_beside,
    find,
    type_into,
    when_dialog_opens,
)


@pytest.fixture
def screen(qtbot, empty_case_file):
    """The Settings screen on an unlocked empty file, loaded."""
    ops = Ops()
    ops.case_file = empty_case_file
    settings_screen = SettingsScreen(ops)
    qtbot.addWidget(settings_screen)
    settings_screen.show()
    with qtbot.waitSignal(settings_screen.sig_loaded, timeout=10_000):
        settings_screen.reload()
    prompts.clear_answers()
    yield settings_screen
    ops.shutdown()
    prompts.clear_answers()


def _field(screen, name):
    return find(screen, name)


def test_every_branch_setting_has_its_field() -> None:
    # A text typed per language is one field with an editor per language (name, name_fr, name_en).
    shown = {
        name
        for _title, fields in GROUPS
        for field in fields
        for name in stored_values(field, value_of(BranchSettings(), field))
    }
    assert shown == {field.name for field in dataclasses.fields(BranchSettings)}


def test_edits_are_saved_with_ctrl_s_and_read_back_from_the_file(
    qtbot, screen, empty_case_file
) -> None:
    street = type_into(qtbot, screen, "street", "Sint-Pietersnieuwstraat 41")
    type_into(qtbot, screen, "postcode", "9000")
    type_into(qtbot, screen, "company_number", "0123.456.749")
    type_into(qtbot, screen, "flat_rate_day_cents", "43,50")
    type_into(qtbot, screen, "car_km_rate_e4", "0,4415")
    type_into(qtbot, screen, "autolock_minutes", "5")
    type_into(qtbot, screen, "first_reviews_months", "2, 4, 8")
    assert screen.is_dirty() and screen.save_button.isEnabled()

    with qtbot.waitSignal(screen.sig_saved, timeout=10_000):
        qtbot.keyClick(street, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    stored = empty_case_file.read(load_settings)
    assert stored.street == "Sint-Pietersnieuwstraat 41"
    assert stored.postcode == "9000"
    assert stored.flat_rate_day_cents == 4350
    assert stored.car_km_rate_e4 == 4415
    assert stored.autolock_minutes == 5
    assert stored.first_reviews_months == (2, 4, 8)
    assert not screen.is_dirty() and screen.status.text() == "Opgeslagen."

    screen.clear()
    assert _field(screen, "street").text() == ""
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        screen.reload()
    assert _field(screen, "street").text() == "Sint-Pietersnieuwstraat 41"
    assert _field(screen, "car_km_rate_e4").text() == "0,4415"


def test_amounts_show_in_euro_with_a_belgian_comma(screen) -> None:
    day: NumberEdit = _field(screen, "flat_rate_day_cents")
    rate: NumberEdit = _field(screen, "car_km_rate_e4")
    assert (day.text(), day.findChild(QLabel, "numberUnit").text()) == ("42,31", "€")
    assert (rate.text(), rate.findChild(QLabel, "numberUnit").text()) == ("0,4320", "€")


def test_a_year_reads_as_a_year_and_larger_numbers_keep_their_grouping(qtbot, screen) -> None:
    year: NumberEdit = type_into(qtbot, screen, "founded_year", "2016")
    click(qtbot, screen, "save")
    qtbot.waitUntil(lambda: year.text() == "2016" and not find(screen, "save").isEnabled())
    screen.reload()
    qtbot.waitUntil(lambda: year.text() == "2016")  # not 2.016
    km: NumberEdit = _field(screen, "combined_km_limit")
    km.set_value(12000)
    assert km.text() == "12.000"


def test_a_wrong_value_is_named_beside_its_field_and_nothing_is_stored(
    qtbot, screen, empty_case_file
) -> None:
    type_into(qtbot, screen, "postcode", "90000")
    type_into(qtbot, screen, "email", "coordinator at gent")
    type_into(qtbot, screen, "phone", "09 123 45 67")
    click(qtbot, screen, "save")
    qtbot.waitUntil(lambda: screen.status.text().startswith("Niet opgeslagen"), timeout=10_000)

    assert (
        error_beside(screen, "postcode") == "Een Belgische postcode heeft vier cijfers, bv. 9000."
    )
    assert error_beside(screen, "email").startswith("Dit is geen e-mailadres")
    assert _field(screen, "postcode").text() == "90000"  # what was typed stays
    assert _field(screen, "phone").text() == "09 123 45 67"
    stored = empty_case_file.read(load_settings)
    assert stored.postcode == "" and stored.phone == ""  # nothing half-saved


def test_leaving_with_unsaved_changes_asks_first(qtbot, screen) -> None:
    type_into(qtbot, screen, "coordinator", "Özlem Yılmaz")
    prompts.set_next_answers([False])
    assert screen.can_leave() is False
    assert _field(screen, "coordinator").text() == "Özlem Yılmaz"
    prompts.set_next_answers([True])
    assert screen.can_leave() is True
    assert _field(screen, "coordinator").text() == ""  # put back as stored
    assert prompts.shown[-1][0] == "Niet-opgeslagen wijzigingen"


def test_switching_to_french_applies_at_once_and_is_kept(
    qtbot, controller, empty_case_path: Path
) -> None:
    unlock_by_typing(qtbot, controller, empty_case_path, TEST_PASSPHRASE)
    window = controller.main_window
    window.show_section("settings")
    settings = window.screen("settings")
    qtbot.waitUntil(lambda: _field(settings, "branch_name").text() == "Teststad", timeout=10_000)
    choose(qtbot, settings, "language", "Français")
    with qtbot.waitSignal(window.sig_section_changed, timeout=10_000):
        click(qtbot, settings, "save")  # the window is rebuilt in French, on the same section

    labels = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert labels[0] == "Aujourd'hui" and labels[-1] == "Paramètres"
    assert window.current_key() == "settings"
    assert window.lock_button.text() == "Verrouiller"
    rebuilt = window.screen("settings")
    assert rebuilt.findChild(QPushButton, "save").text() == "&Enregistrer"
    # Qt's own dialog buttons too
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"

    lock_with_keyboard(qtbot, controller)
    assert controller.unlock_window.unlock_button.text() == "&Déverrouiller"
    unlock_by_typing(qtbot, controller, empty_case_path, TEST_PASSPHRASE)
    assert controller.ops.case_file.read(load_settings).language == "fr"


def test_backup_and_integrity_check_from_settings(qtbot, screen, empty_case_file) -> None:
    prompts.set_next_answers([None])
    click(qtbot, screen, "backup_now")
    qtbot.waitUntil(
        lambda: bool(prompts.shown) and prompts.shown[-1][0] == "Back-up gemaakt", timeout=20_000
    )
    assert len(list_backups(empty_case_file.path)) == 1

    prompts.set_next_answers([None])
    click(qtbot, screen, "check_integrity")
    qtbot.waitUntil(lambda: prompts.shown[-1][0] == "Nagekeken", timeout=20_000)
    assert "geen schade" in prompts.shown[-1][1]


def test_change_passphrase_then_restore_a_backup(qtbot, controller, empty_case_path: Path) -> None:
    unlock_by_typing(qtbot, controller, empty_case_path, TEST_PASSPHRASE)
    controller.ops.wait_idle()
    backup = controller.ops.case_file.backup(reason="manual")  # before the change below
    window = controller.main_window
    window.show_section("settings")
    settings = window.screen("settings")
    new = "twee uilen fluiten in de Ardennen"
    ok = QDialogButtonBox.StandardButton.Ok

    def change(dialog):
        type_into(qtbot, dialog, "current_passphrase", "niet de goede wachtzin hoor")
        type_into(qtbot, dialog, "new_passphrase", new)
        type_into(qtbot, dialog, "repeat_passphrase", new)
        click_standard(qtbot, dialog, ok)
        qtbot.waitUntil(lambda: error_beside(dialog, "current") != "", timeout=20_000)
        assert "niet de wachtzin" in error_beside(dialog, "current")
        type_into(qtbot, dialog, "current_passphrase", TEST_PASSPHRASE)
        prompts.set_next_answers([None])
        with qtbot.waitSignal(dialog.accepted, timeout=20_000):
            click_standard(qtbot, dialog, ok)

    with when_dialog_opens(qtbot, change):
        click(qtbot, settings, "change_passphrase")

    def restore(dialog):
        backups = find(dialog, "backups", QListWidget)
        assert backups.count() >= 1
        (item,) = [
            backups.item(row)
            for row in range(backups.count())
            if backups.item(row).data(Qt.ItemDataRole.UserRole) == str(backup)
        ]
        rect = backups.visualItemRect(item)
        qtbot.mouseClick(backups.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        type_into(qtbot, dialog, "backup_passphrase", TEST_PASSPHRASE)
        prompts.set_next_answers([True])  # "the case file will be locked and replaced"
        click_standard(qtbot, dialog, ok)

    with (
        qtbot.waitSignal(controller.sig_locked, timeout=20_000),
        when_dialog_opens(qtbot, restore),
    ):
        click(qtbot, settings, "restore_backup")
    note = controller.unlock_window.note
    qtbot.waitUntil(note.isVisible, timeout=20_000)
    assert "terug op zijn plaats" in note.text()
    # The restored file opens with the passphrase it had when the backup was made.
    unlock_by_typing(qtbot, controller, empty_case_path, TEST_PASSPHRASE)
    assert controller.ops.case_file.read(load_settings).branch_name == "Teststad"
    assert controller.unlock_window.findChild(QLineEdit, "passphrase").text() == ""


def test_closing_the_window_with_unsaved_settings_asks_first(qtbot, empty_case_file) -> None:
    from homestart_desktop.ui.shell.main_window import MainWindow

    ops = Ops()
    ops.case_file = empty_case_file
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.reload_all()
    window.show_section("settings")
    window.show()
    settings = window.screen("settings")
    qtbot.waitUntil(lambda: _field(settings, "branch_name").text() == "Teststad", timeout=10_000)
    type_into(qtbot, settings, "coordinator", "Łukasz Wróbel")
    prompts.clear_answers()
    prompts.set_next_answers([False])
    window.close()
    assert window.isVisible()  # stayed: the coordinator chose to keep editing
    assert prompts.shown[-1][0] == "Niet-opgeslagen wijzigingen"
    prompts.set_next_answers([True])
    window.close()
    assert not window.isVisible()
    ops.shutdown()


def test_the_demo_branch_can_change_its_language_and_save(qtbot, demo_case_file) -> None:
    ops = Ops()
    ops.case_file = demo_case_file
    settings_screen = SettingsScreen(ops)
    qtbot.addWidget(settings_screen)
    settings_screen.show()
    with qtbot.waitSignal(settings_screen.sig_loaded, timeout=10_000):
        settings_screen.reload()
    try:
        choose(qtbot, settings_screen, "language", "Français")
        with qtbot.waitSignal(settings_screen.sig_saved, timeout=10_000):
            click(qtbot, settings_screen, "save")
        assert demo_case_file.read(load_settings).language == "fr"
    finally:
        ops.shutdown()


def test_a_company_number_with_a_typing_error_names_its_check_digits(qtbot, screen) -> None:
    company = _field(screen, "company_number")
    qtbot.keyClicks(company, "0123.456.789")  # ten digits; the check digits should be 49
    click(qtbot, screen, "save")
    qtbot.waitUntil(lambda: screen.status.text().startswith("Niet opgeslagen"), timeout=10_000)
    message = error_beside(screen, "company_number")
    assert "controlegetallen" in message and "89" in message and "49" in message
    assert "tien cijfers" not in message

    company.clear()
    qtbot.keyClicks(company, "0123.456")
    screen.save()
    qtbot.waitUntil(
        lambda: any("tien cijfers" in e.message("company_number") for e in screen._errors),
        timeout=10_000,
    )


def test_document_texts_are_typed_per_language_side_by_side(qtbot, screen, empty_case_file) -> None:
    # The Dutch aim stands beside the French one while the coordinator types the French.
    dutch = find(screen, "non_profit_aim")
    french = find(screen, "non_profit_aim_fr")
    assert dutch.parent() is french.parent()
    assert "Gezinnen met jonge kinderen" in dutch.toPlainText()
    type_into(qtbot, screen, "other_cover", "Lichamelijke ongevallen")
    type_into(qtbot, screen, "other_cover_fr", "Accidents corporels")
    type_into(qtbot, screen, "signature_place_fr", "Gand")
    with qtbot.waitSignal(screen.sig_saved, timeout=10_000):
        click(qtbot, screen, "save")
    stored = empty_case_file.read(load_settings)
    assert stored.other_cover == "Lichamelijke ongevallen"
    assert stored.other_cover_fr == "Accidents corporels"
    assert stored.signature_place_fr == "Gand" and stored.signature_place == ""


def test_the_coordinator_adds_the_legal_amounts_of_a_new_year(qtbot, screen, empty_case_file):
    amounts = find(screen, "legal_amounts_added")
    assert "2025" in amounts.findChild(QLabel, "hint").text()  # what the app ships
    click(qtbot, screen, "add_legal_amounts")
    type_into(qtbot, screen, "legal_year_1", "2026")
    type_into(qtbot, screen, "legal_day_cents_1", "43,50")
    type_into(qtbot, screen, "legal_year_cents_1", "1.740,00")
    type_into(qtbot, screen, "legal_bicycle_km_e4_1", "0,36")
    type_into(qtbot, screen, "legal_combined_km_limit_1", "2000")
    with qtbot.waitSignal(screen.sig_saved, timeout=10_000):
        click(qtbot, screen, "save")
    stored = empty_case_file.read(load_settings)
    assert stored.legal_amounts_added == (
        {
            "year": 2026,
            "day_cents": 4350,
            "year_cents": 174000,
            "bicycle_km_e4": 3600,
            "combined_km_limit": 2000,
            "car_km_rates": [],
        },
    )
