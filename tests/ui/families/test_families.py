"""The Families section driven like a coordinator: register a referral, record the intake, find
the family on the waiting list and by typing part of a child's name — checking screen and file."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from homestart_desktop.data.families.file import load_family
from homestart_desktop.data.families.referrals import ReferralIn, register_referral
from homestart_desktop.data.families.register import list_families
from homestart_desktop.data.models import FamilyStatus, ReferrerCategory
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.document_preview import DocumentPreview
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.families.file import FamilyFileDialog
from homestart_desktop.ui.families.intake_dialog import IntakeDialog
from homestart_desktop.ui.families.referral_dialog import ReferralDialog
from homestart_desktop.ui.families.screen import FamiliesScreen
from tests.clock import TEST_TODAY
from tests.ui.typing_helpers import choose, tick, type_into

TODAY = TEST_TODAY
WAITING_LIST = "Aanvaard: op de wachtlijst"


@pytest.fixture
def screen(qtbot, empty_case_file):
    prompts.clear_answers()
    ops = Ops()
    ops.case_file = empty_case_file
    widget = FamiliesScreen(ops)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    with qtbot.waitSignal(widget.sig_loaded, timeout=10_000):
        widget.reload()
    yield widget
    ops.wait_idle()
    ops.shutdown()
    prompts.clear_answers()


def _type_into(qtbot, field, text: str) -> None:
    """Type like a person; letters beyond ASCII (ö, ı, ł, ț, Cyrillic) as key events with text,
    because QTest's own key clicks garble them."""
    field.setFocus()
    for char in text:
        if ord(char) < 128:
            qtbot.keyClick(field, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(field, event)


def _type(qtbot, dialog, name: str, text: str) -> None:
    _type_into(qtbot, dialog.findChild(QLineEdit, name), text)


def _open_referral(qtbot, screen: FamiliesScreen) -> ReferralDialog:
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    assert isinstance(dialog, ReferralDialog) and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    return dialog


def _fill_referral(qtbot, dialog: ReferralDialog, *, postcode: str, phone: str) -> None:
    choose(qtbot, dialog, "category", "Kind & Gezin")
    _type(qtbot, dialog, "organisation", "Kind & Gezin regioteam")
    _type(qtbot, dialog, "first_name", "Özlem")
    _type(qtbot, dialog, "last_name", "Yılmaz")
    _type(qtbot, dialog, "phone", phone)
    _type(qtbot, dialog, "postcode", postcode)
    qtbot.keyClicks(dialog.question, "Steun bij de opvoeding van de tweeling")


def _pick_languages(qtbot, picker, *typed: str) -> None:
    """Open the language list, type the start of each name, press Enter to tick it, close."""
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton)
    search = picker.popup.search
    qtbot.waitUntil(picker.popup.isVisible, timeout=5_000)
    for text in typed:
        search.clear()
        qtbot.keyClicks(search, text)
        qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not picker.popup.isVisible(), timeout=5_000)


def _register(qtbot, screen: FamiliesScreen) -> FamilyFileDialog:
    dialog = _open_referral(qtbot, screen)
    _fill_referral(qtbot, dialog, postcode="9000", phone="0470 12 34 56")
    assert dialog.municipality.text() == "Gent"
    with (
        qtbot.waitSignal(dialog.sig_saved, timeout=10_000),
        qtbot.waitSignal(screen.sig_loaded, timeout=10_000),
    ):
        qtbot.keyClick(dialog.question, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    file_dialog = screen.dialog
    assert isinstance(file_dialog, FamilyFileDialog)
    qtbot.waitUntil(lambda: file_dialog.file is not None, timeout=10_000)
    return file_dialog


def test_an_empty_branch_says_what_the_place_is_for(screen) -> None:
    assert screen.table.stack.currentWidget() is screen.table.empty_label
    assert "aanmelding" in screen.table.empty_label.text().lower()


def test_register_a_referral_by_typing(qtbot, screen, empty_case_file) -> None:
    file_dialog = _register(qtbot, screen)
    reference = f"GZ-{TODAY.year}-001"
    assert file_dialog.title.text() == f"{reference} · Özlem Yılmaz"
    assert "aangemeld" in file_dialog.summary.text()
    model = screen.table.model
    assert model.rowCount() == 1
    assert model.record(0).reference == reference and model.record(0).name == "Özlem Yılmaz"
    assert "aangemeld: 1" in screen.counts.text()
    with empty_case_file.session() as session:
        file = load_family(session=session, family_id=model.record(0).family_id, today=TODAY)
    assert file.referral.category == ReferrerCategory.kind_en_gezin
    assert file.referral.referred_on == TODAY
    assert file.referral.question == "Steun bij de opvoeding van de tweeling"
    assert file.family.postcode == "9000" and file.caregivers[0].phone == "0470 12 34 56"


def test_bad_referral_shows_each_problem_beside_its_field_and_keeps_what_was_typed(
    qtbot, screen, empty_case_file
) -> None:
    dialog = _open_referral(qtbot, screen)
    _fill_referral(qtbot, dialog, postcode="0000", phone="bel me maar")
    with qtbot.waitSignal(dialog.sig_refused, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.message("postcode") == "0000 is geen Belgische postcode."
    assert dialog.errors.message("phone").startswith("Dit is geen telefoonnummer")
    assert dialog.errors.message("first_name") == ""
    assert dialog.isVisible()
    assert dialog.findChild(QLineEdit, "first_name").text() == "Özlem"
    assert dialog.question.toPlainText() == "Steun bij de opvoeding van de tweeling"
    with empty_case_file.session() as session:
        assert list_families(session=session, today=TODAY) == []
    # Leaving with typed work asks first; saying no keeps the dialog open.
    prompts.set_next_answers([False])
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and prompts.shown[-1][0] == "Niet-opgeslagen wijzigingen"


def test_intake_puts_the_family_on_the_waiting_list_and_a_child_finds_it(
    qtbot, screen, empty_case_file
) -> None:
    file_dialog = _register(qtbot, screen)
    qtbot.mouseClick(file_dialog.buttons["intake"], Qt.MouseButton.LeftButton)
    intake = file_dialog.child_dialog
    assert isinstance(intake, IntakeDialog)
    assert intake.findChild(QLineEdit, "caregiver0_first_name").text() == "Özlem"

    choose(qtbot, intake, "outcome", WAITING_LIST)
    _type(qtbot, intake, "coordinator", "An Peeters")
    type_into(qtbot, intake, "caregiver0_birth_year", "1994")
    languages = intake.findChild(QPushButton, "caregiver0_languages")
    _pick_languages(qtbot, languages, "Turk", "neder")
    assert languages.text() == "Turks, Nederlands"  # names, not codes ("uk" reads as UK)
    qtbot.mouseClick(intake.findChild(QPushButton, "add_children"), Qt.MouseButton.LeftButton)
    _type(qtbot, intake, "child0_first_name", "Elif-Naz")
    type_into(qtbot, intake, "child0_birth_date", dt.date(TODAY.year - 3, 5, 1))
    for name in ("kg_income", "small_network", "question_parenting", "slot_tue-morning"):
        tick(qtbot, intake, name)
    choose(qtbot, intake, "scores.wellbeing", "2")

    with (
        qtbot.waitSignal(intake.sig_saved, timeout=10_000),
        qtbot.waitSignal(file_dialog.sig_loaded, timeout=10_000),
    ):
        qtbot.mouseClick(intake.save_button, Qt.MouseButton.LeftButton)
    assert "wachtlijst" in file_dialog.summary.text()
    bar = screen.tabs.tabBar()  # the coordinator opens the waiting list tab
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    qtbot.waitUntil(lambda: screen.waiting.table.model.rowCount() == 1, timeout=10_000)
    waiting = screen.waiting.table.model.record(0)
    assert waiting.languages == ("tr", "nl") and waiting.preferred_slots == ("tue-morning",)
    languages_column = next(
        c
        for c in range(screen.waiting.table.model.columnCount())
        if screen.waiting.table.model.headerData(c, Qt.Orientation.Horizontal) == "Talen"
    )
    assert screen.waiting.table.proxy.index(0, languages_column).data() == "Turks, Nederlands"
    assert screen.tabs.tabText(1) == "Wachtlijst (1)"

    with empty_case_file.session() as session:
        file = load_family(session=session, family_id=waiting.family_id, today=TODAY)
    assert file.family.status == FamilyStatus.waiting and file.family.waiting_since == TODAY
    assert [c.first_name for c in file.children] == ["Elif-Naz"]
    assert file.caregivers[0].birth_year == 1994 and file.intake.coordinator == "An Peeters"
    assert file.family.kg_income and file.family.preferred_slots == ("tue-morning",)
    assert file.intake.score_wellbeing == 2
    assert [c.to_status for c in file.timeline][-2:] == [
        FamilyStatus.intake_done,
        FamilyStatus.waiting,
    ]

    file_dialog.close()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    with empty_case_file.session() as session:  # a second family, so the search must choose
        register_referral(
            session=session,
            referral=ReferralIn(TODAY, ReferrerCategory.ocmw, "Łukasz", "Wróbel", postcode="2000"),
            today=TODAY,
        )
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        screen.reload()
    assert screen.table.visible_count() == 2
    search = screen.table.search
    _type_into(qtbot, search, "elif")
    qtbot.waitUntil(lambda: screen.table.visible_count() == 1, timeout=5_000)
    assert screen.table.proxy.index(0, 1).data() == "Özlem Yılmaz"
    assert screen.table.count_label.text() == "1 van 2"
    search.clear()
    _type_into(qtbot, search, "wrobel")
    qtbot.waitUntil(lambda: screen.table.proxy.index(0, 1).data() == "Łukasz Wróbel", timeout=5_000)
    assert screen.table.visible_count() == 1


def test_a_child_born_in_the_future_is_refused_beside_its_field(qtbot, screen) -> None:
    file_dialog = _register(qtbot, screen)
    qtbot.mouseClick(file_dialog.buttons["intake"], Qt.MouseButton.LeftButton)
    intake = file_dialog.child_dialog
    choose(qtbot, intake, "outcome", WAITING_LIST)
    qtbot.mouseClick(intake.findChild(QPushButton, "add_children"), Qt.MouseButton.LeftButton)
    _type(qtbot, intake, "child0_first_name", "Ioana")
    type_into(qtbot, intake, "child0_birth_date", TODAY + dt.timedelta(days=30))
    with qtbot.waitSignal(intake.sig_refused, timeout=10_000):
        qtbot.mouseClick(intake.save_button, Qt.MouseButton.LeftButton)
    message = intake.children.editors[0].errors.message("birth_date")
    assert message.startswith("Een geboortedatum kan niet in de toekomst liggen")
    assert intake.tabs.currentWidget().widget() is intake.household_page
    assert intake.findChild(QLineEdit, "child0_first_name").text() == "Ioana"
    assert "aangemeld" in file_dialog.summary.text()


def test_print_the_familys_intake_form_in_french_and_save_it(qtbot, screen, tmp_path) -> None:
    file_dialog = _register(qtbot, screen)
    action = next(a for a in file_dialog.print_menu.actions() if a.objectName() == "print_fr")
    action.trigger()
    qtbot.waitUntil(lambda: isinstance(file_dialog.child_dialog, DocumentPreview), timeout=10_000)
    preview = file_dialog.child_dialog
    assert len(preview.page_labels) >= 3
    assert preview.suggested_name == f"intakeformulier-GZ-{TODAY.year}-001.pdf"
    target = tmp_path / "formulier.pdf"
    prompts.set_next_answers([target])
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    reader = pypdf.PdfReader(io.BytesIO(target.read_bytes()))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Formulaire d'accueil" in text and "Özlem" in text and "Yılmaz" in text


def test_the_blank_form_is_one_click_away(qtbot, screen) -> None:
    action = next(a for a in screen.blank_form_menu.actions() if a.objectName() == "blank_nl")
    action.trigger()
    qtbot.waitUntil(lambda: isinstance(screen.dialog, DocumentPreview), timeout=10_000)
    assert len(screen.dialog.page_labels) >= 3
    assert screen.dialog.windowTitle() == "Intakeformulier"


def test_archive_with_a_reason_shows_on_the_timeline_and_locking_closes_every_dialog(
    qtbot, screen
) -> None:
    file_dialog = _register(qtbot, screen)
    qtbot.mouseClick(file_dialog.buttons["status"], Qt.MouseButton.LeftButton)
    status = file_dialog.child_dialog
    choose(qtbot, status, "to_status", "gearchiveerd")
    with qtbot.waitSignal(status.sig_refused, timeout=10_000):  # no reason given
        qtbot.mouseClick(status.save_button, Qt.MouseButton.LeftButton)
    assert status.errors.message("reason") == "Vul dit in."
    _type(qtbot, status, "reason", "Dubbel aangemeld")
    with qtbot.waitSignal(file_dialog.sig_loaded, timeout=10_000):
        qtbot.mouseClick(status.save_button, Qt.MouseButton.LeftButton)
    newest = file_dialog.timeline.model.record(0)
    assert newest.to_status == FamilyStatus.archived and newest.reason == "Dubbel aangemeld"
    assert file_dialog.buttons["again"].isVisibleTo(file_dialog)

    qtbot.mouseClick(file_dialog.buttons["again"], Qt.MouseButton.LeftButton)
    assert file_dialog.child_dialog.isVisible()  # refer again: a dialog with data on screen
    screen.clear()  # what locking does
    qtbot.waitUntil(lambda: not file_dialog.isVisible(), timeout=5_000)
    assert screen.table.model.rowCount() == 0


def test_printing_sends_every_page_to_the_printer(qtbot, tmp_path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from homestart_desktop.data.settings import BranchSettings
    from homestart_desktop.documents.intake_form import intake_form_pdf
    from homestart_desktop.ui.common.document_preview import print_pdf

    pdf = intake_form_pdf(branch=BranchSettings(branch_name="Home-Start Teststad"), lang="en")
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)  # a PDF "printer": no paper
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_pdf(pdf, printer)
    printed = pypdf.PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_plan_the_intake_visit(qtbot, screen, empty_case_file) -> None:
    file_dialog = _register(qtbot, screen)
    qtbot.mouseClick(file_dialog.buttons["plan"], Qt.MouseButton.LeftButton)
    plan = file_dialog.child_dialog
    type_into(qtbot, plan, "planned_on", TODAY + dt.timedelta(days=3))
    _type(qtbot, plan, "coordinator", "An Peeters")
    with qtbot.waitSignal(file_dialog.sig_loaded, timeout=10_000):
        qtbot.mouseClick(plan.save_button, Qt.MouseButton.LeftButton)
    assert "intake gepland" in file_dialog.summary.text()
    with empty_case_file.session() as session:
        file = load_family(session=session, family_id=file_dialog.family_id, today=TODAY)
    assert file.family.status == FamilyStatus.intake_planned
    assert file.intake.planned_on == TODAY + dt.timedelta(days=3)
    assert file.intake.coordinator == "An Peeters"
