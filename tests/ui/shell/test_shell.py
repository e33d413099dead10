"""The shell as a coordinator meets it: unlock, refusals, lock by keyboard and by idleness."""

# ruff: noqa: F811 (pytest fixtures imported from shell_helpers)

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from homestart_desktop.data.casefile.errors import FileInUse, WrongPassphrase
from homestart_desktop.data.settings import load_settings
from homestart_desktop.ui.common import prompts
from tests.conftest import TEST_PASSPHRASE
from tests.ui.shell_helpers import (  # noqa: F401 (fixtures)
    controller,
    lock_with_keyboard,
    passphrase_field,
    unlock_by_typing,
)
from tests.ui.typing_helpers import click, error_beside, type_into, when_dialog_opens


def test_the_unlock_window_needs_no_data_layer_to_show() -> None:
    # The unlock window must appear fast: SQLAlchemy/SQLModel load only after it shows.
    code = (
        "import sys, homestart_desktop.ui.shell.app as app; "
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'qtawesome', 'sqlcipher3') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_wrong_passphrase_says_so_beside_the_field_and_keeps_it(
    qtbot, controller, empty_case_path: Path
) -> None:
    window = controller.unlock_window
    window.set_path(empty_case_path)
    field = passphrase_field(controller)
    qtbot.keyClicks(field, "zeven groene kikkers springen over de BEEK")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    error = window.findChild(QLabel, "formError")
    qtbot.waitUntil(lambda: error.isVisible(), timeout=20_000)
    assert error.text() == WrongPassphrase().message
    assert "wachtzin" in error.text()  # in Dutch
    assert field.text() == "zeven groene kikkers springen over de BEEK"
    assert field.isEnabled() and field.hasFocus()
    assert controller.main_window is None or not controller.main_window.isVisible()


def test_unlocking_shows_the_branch_and_its_sections(
    qtbot, controller, empty_case_path: Path
) -> None:
    unlock_by_typing(qtbot, controller, empty_case_path, TEST_PASSPHRASE)
    window = controller.main_window
    assert window.isVisible() and not controller.unlock_window.isVisible()
    assert window.branch_label.text() == "Teststad"
    assert passphrase_field(controller).text() == ""  # not kept once used
    labels = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert labels[0] == "Vandaag" and labels[-1] == "Instellingen"
    assert "Vergrendelt zichzelf over 10 minuten" in window.lock_countdown.text()


def test_ctrl_l_locks_empties_the_views_and_unlocking_returns_to_the_same_section(
    qtbot, controller, empty_case_path: Path
) -> None:
    unlock_by_typing(qtbot, controller, empty_case_path, TEST_PASSPHRASE)
    window = controller.main_window
    window.show_section("settings")
    settings = window.screen("settings")
    qtbot.waitUntil(lambda: settings.findChild(QLineEdit, "branch_name").text() == "Teststad")

    lock_with_keyboard(qtbot, controller)

    assert controller.ops.case_file is None
    assert not window.isVisible() and controller.unlock_window.isVisible()
    assert settings.findChild(QLineEdit, "branch_name").text() == ""
    assert window.branch_label.text() != "Teststad"
    assert passphrase_field(controller).text() == ""
    assert controller.unlock_window.path() == empty_case_path

    unlock_by_typing(qtbot, controller, empty_case_path, TEST_PASSPHRASE)
    assert window.current_key() == "settings"
    qtbot.waitUntil(lambda: settings.findChild(QLineEdit, "branch_name").text() == "Teststad")


def test_locking_closes_dialogs_left_open_over_the_main_window(
    qtbot, controller, empty_case_path: Path
) -> None:
    from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout

    unlock_by_typing(qtbot, controller, empty_case_path, TEST_PASSPHRASE)
    dialog = QDialog(controller.main_window)
    QVBoxLayout(dialog).addWidget(QLabel("Fatima El Amrani, Sint-Pietersnieuwstraat 41"))
    dialog.show()
    rejected = []
    dialog.rejected.connect(lambda: rejected.append(True))
    lock_with_keyboard(qtbot, controller)
    assert not dialog.isVisible() and rejected == [True]


def test_the_file_locks_itself_after_the_idle_minutes(
    qtbot, controller, empty_case_path: Path
) -> None:
    unlock_by_typing(qtbot, controller, empty_case_path, TEST_PASSPHRASE)
    with qtbot.waitSignal(controller.sig_locked, timeout=10_000):
        controller.idle.set_timeout(0.3)
    assert controller.unlock_window.isVisible()
    assert "zonder activiteit" in controller.unlock_window.note.text()


def test_typing_keeps_the_file_open_past_the_idle_time(
    qtbot, controller, empty_case_path: Path
) -> None:
    unlock_by_typing(qtbot, controller, empty_case_path, TEST_PASSPHRASE)
    controller.idle.set_timeout(0.6)
    window = controller.main_window
    window.show_section("settings")
    field = window.screen("settings").findChild(QLineEdit, "coordinator")
    with qtbot.assertNotEmitted(controller.sig_locked):
        for _ in range(6):  # 1.2 s of typing, a key every 0.2 s
            qtbot.keyClick(field, Qt.Key.Key_A)
            qtbot.wait(200)
    assert controller.ops.case_file is not None
    with qtbot.waitSignal(controller.sig_locked, timeout=5_000):
        pass  # then nothing: it locks


def test_a_file_that_is_no_case_file_is_refused_in_words(qtbot, controller, tmp_path: Path) -> None:
    stranger = tmp_path / "boodschappen.hscase"
    stranger.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    prompts.set_next_answers([stranger])
    click(qtbot, controller.unlock_window, "browse")  # "Open another file…"
    assert controller.unlock_window.path() == stranger
    field = passphrase_field(controller)
    qtbot.keyClicks(field, TEST_PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    error = controller.unlock_window.error
    qtbot.waitUntil(error.isVisible, timeout=20_000)
    assert "geen dossierbestand" in error.text()
    assert stranger.read_bytes().startswith(b"SQLite format 3")  # nothing written


def test_a_case_file_in_use_elsewhere_is_refused_in_words(
    qtbot, controller, empty_case_file
) -> None:
    controller.unlock_window.set_path(empty_case_file.path)
    field = passphrase_field(controller)
    qtbot.keyClicks(field, TEST_PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    error = controller.unlock_window.error
    qtbot.waitUntil(error.isVisible, timeout=20_000)
    assert error.text() == FileInUse().message


def test_a_new_case_file_is_made_with_the_rules_and_opened(
    qtbot, controller, tmp_path: Path
) -> None:
    target = tmp_path / "Brugge.hscase"

    def create(dialog):
        prompts.set_next_answers([target])
        type_into(qtbot, dialog, "branch_name", "Home-Start Brugge")
        click(qtbot, dialog, "choose_location")
        type_into(qtbot, dialog, "new_passphrase", "kort")
        type_into(qtbot, dialog, "repeat_passphrase", "kort")
        click(qtbot, dialog, "create")
        assert "minstens 12 tekens" in error_beside(dialog, "passphrase")
        assert not target.exists()

        type_into(qtbot, dialog, "new_passphrase", "de reiger wacht geduldig aan de Reie")
        type_into(qtbot, dialog, "repeat_passphrase", "de reiger wacht geduldig aan de Reie")
        with qtbot.waitSignal(dialog.accepted, timeout=20_000):
            click(qtbot, dialog, "create")

    with (
        qtbot.waitSignal(controller.sig_unlocked, timeout=30_000),
        when_dialog_opens(qtbot, create, timeout=20_000),
    ):
        click(qtbot, controller.unlock_window, "new_case_file")  # "Nieuw dossierbestand…"
    assert target.exists() and oct(target.stat().st_mode & 0o777) == "0o600"
    assert controller.ops.case_file.read(load_settings).branch_name == "Home-Start Brugge"


def test_prompts_take_queued_answers_and_remember_what_was_asked() -> None:
    prompts.clear_answers()
    prompts.set_next_answers([False, None])
    assert prompts.confirm(None, "Titel", "Wissen?") is False
    prompts.inform(None, "Klaar", "Gedaan.")
    assert prompts.shown == [("Titel", "Wissen?"), ("Klaar", "Gedaan.")]
    prompts.clear_answers()


def test_qts_own_file_dialog_speaks_the_apps_language(qtbot, controller) -> None:
    from PySide6.QtWidgets import QFileDialog

    def labels() -> tuple[str, str]:
        dialog = QFileDialog(controller.unlock_window)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        texts = tuple(  # without the "&" that marks the shortcut letter
            dialog.findChild(QLabel, name).text().replace("&", "")
            for name in ("lookInLabel", "fileTypeLabel")
        )
        dialog.deleteLater()
        return texts

    look_in, file_type = labels()
    assert look_in == "Zoeken in:" and file_type == "Bestanden van type:"
    combo = controller.unlock_window.language
    combo.setCurrentIndex(combo.findData("fr"))  # the coordinator picks Français
    look_in, file_type = labels()
    assert look_in.startswith("Voir dans") and file_type.startswith("Fichiers de type")
    combo.setCurrentIndex(combo.findData("en"))
    assert labels() == ("Look in:", "Files of type:")
