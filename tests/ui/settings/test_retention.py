"""Retention on screen: Today counts who is due, Settings lists them, one question anonymises,
one can be held back; a family's file erases after two questions. Typed and clicked."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from homestart_desktop.data.models import Family, Volunteer
from homestart_desktop.data.retention.due import retention_period
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.ops import Ops
from homestart_desktop.ui.families.file import FamilyFileDialog
from homestart_desktop.ui.settings.screen import SettingsScreen
from homestart_desktop.ui.today.screen import TodayScreen
from homestart_desktop.ui.volunteers.file import VolunteerFileDialog
from tests.clock import TEST_TODAY
from tests.data.retention.people import (
    GONE_FAMILY,
    GONE_VOLUNTEER,
    KEPT_FAMILY,
    write_people,
)
from tests.ui.typing_helpers import click, click_row, find, type_into


@pytest.fixture
def ops(qtbot, empty_case_file):
    write_people(empty_case_file)
    empty_case_file.backup(reason="manual")  # made before: it keeps the data, the screen says so
    ops = Ops()
    ops.case_file = empty_case_file
    prompts.clear_answers()
    yield ops
    ops.shutdown()
    prompts.clear_answers()


@pytest.fixture
def settings(qtbot, ops):
    screen = SettingsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        screen.reload()
    return screen


def _row(case_file, model, reference):
    with case_file.session() as session:
        return session.exec(select(model).where(model.reference == reference)).one()


def test_today_counts_the_families_due(qtbot, ops):
    today = TodayScreen(ops)
    qtbot.addWidget(today)
    with qtbot.waitSignal(today.sig_loaded, timeout=10_000):
        today.reload()
    lines = [
        today.morning.list.model().index(i).data()
        for i in range(today.morning.list.model().rowCount())
    ]
    assert lines[0] == "1 gezin komt in aanmerking voor anonimisering"


def test_the_list_anonymises_after_one_question_and_keeps_who_is_held_back(
    qtbot, ops, settings, empty_case_file
):
    click(qtbot, settings, "retention_due")
    dialog = settings.retention.dialog
    qtbot.waitUntil(lambda: dialog.table.visible_count() == 2, timeout=10_000)
    assert "nieuwste is van" in find(dialog, "backups_caveat").text()
    # The volunteer is held back for a year: a complaint is still being handled.
    click_row(qtbot, dialog.table.view, GONE_VOLUNTEER)
    click(qtbot, dialog, "hold_back")
    hold = dialog.hold_dialog
    type_into(qtbot, hold, "hold_reason", "Klacht nog in behandeling")
    type_into(qtbot, hold, "hold_until", dt.date(2027, 6, 30))
    with qtbot.waitSignal(hold.accepted, timeout=10_000):
        click(qtbot, hold, "hold_ok")
    qtbot.waitUntil(lambda: find(dialog, "anonymise").text() == "1 anonimiseren", timeout=10_000)

    prompts.set_next_answers([True, None])  # the one question, then the message that it is done
    click(qtbot, dialog, "anonymise")
    qtbot.waitUntil(lambda: len(prompts.shown) == 2, timeout=20_000)
    (title, question), (done_title, done) = prompts.shown
    assert title == "Anonimiseren" and question.startswith("1 dossier nu anonimiseren?")
    assert "Eerder gemaakte back-ups bevatten deze gegevens nog" in done
    assert _row(empty_case_file, Family, GONE_FAMILY).anonymised_on == TEST_TODAY
    assert _row(empty_case_file, Volunteer, GONE_VOLUNTEER).anonymised_on is None
    qtbot.waitUntil(lambda: dialog.table.visible_count() == 1, timeout=10_000)


def test_a_new_retention_period_is_saved_with_the_day_it_was_chosen(
    qtbot, settings, empty_case_file
):
    type_into(qtbot, settings, "retention_years", "7")
    with qtbot.waitSignal(settings.sig_saved, timeout=10_000):
        click(qtbot, settings, "save")
    period = empty_case_file.read(retention_period)
    assert (period.years, period.chosen_on) == (7, TEST_TODAY)
    qtbot.waitUntil(
        lambda: (
            "7 jaar" in find(settings, "retention_period").text()
            and "gekozen op 17/06/2026" in find(settings, "retention_period").text()
        ),
        timeout=10_000,
    )


def test_erasing_from_the_family_file_asks_twice_and_keeps_the_code(qtbot, ops, empty_case_file):
    family_id = _row(empty_case_file, Family, KEPT_FAMILY).id
    dialog = FamilyFileDialog(ops, family_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_loaded, timeout=10_000):
        dialog.show()
    prompts.set_next_answers([True, True, None])
    with qtbot.waitSignal(dialog.sig_loaded, timeout=20_000):
        click(qtbot, dialog, "eraseButton")
    first, second, done = prompts.shown
    assert first[0] == f"Gegevens van {KEPT_FAMILY} wissen?"
    assert "• Namen, gender, talen en telefoonnummers van ouders of opvoeders: 1" in first[1]
    assert second[0] == "Voorgoed wissen?"
    assert done[1].startswith(f"De gegevens van {KEPT_FAMILY} zijn gewist.")
    assert dialog.title.text() == f"{KEPT_FAMILY} · gewist"
    # Nothing is left to plan, change or print about an erased family.
    assert not any(b.isEnabled() for b in dialog.buttons.values())
    assert not dialog.erase_button.isEnabled()
    family = _row(empty_case_file, Family, KEPT_FAMILY)
    assert (family.erased_on, family.street) == (TEST_TODAY, "")


def test_erasing_from_the_volunteer_file_keeps_the_code_with_the_word_erased(
    qtbot, ops, empty_case_file
):
    volunteer_id = _row(empty_case_file, Volunteer, GONE_VOLUNTEER).id
    dialog = VolunteerFileDialog(ops, volunteer_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.first_name.text() == "Klaproosdromer", timeout=10_000)
    prompts.set_next_answers([True, True, None])
    click(qtbot, dialog, "eraseButton")
    qtbot.waitUntil(lambda: dialog.heading.text() == f"{GONE_VOLUNTEER} · gewist", timeout=20_000)
    assert [title for title, _text in prompts.shown][:2] == [
        f"Gegevens van {GONE_VOLUNTEER} wissen?",
        "Voorgoed wissen?",
    ]
    assert dialog.first_name.text() == "" and not find(dialog, "eraseButton").isEnabled()
    # Nothing is typed in again for an erased person: the fields are closed, and Save too.
    assert not dialog.first_name.isEnabled() and not dialog.save_button.isEnabled()
    assert "gewist" in dialog.general_error.text()


def test_an_erased_volunteer_cannot_be_saved_again_by_any_door(empty_case_file):
    from homestart_desktop.data.retention.erase import erase
    from homestart_desktop.data.validation import ValidationError
    from homestart_desktop.data.volunteers.register import VolunteerIn, update_volunteer

    write_people(empty_case_file)
    volunteer_id = _row(empty_case_file, Volunteer, GONE_VOLUNTEER).id
    erase(empty_case_file, reference=GONE_VOLUNTEER, today=TEST_TODAY)
    with pytest.raises(ValidationError) as refused, empty_case_file.session() as session:
        update_volunteer(
            session=session,
            volunteer_id=volunteer_id,
            volunteer_in=VolunteerIn(first_name="Klaproosdromer", last_name="Terug"),
            today=TEST_TODAY,
        )
    assert "gewist" in refused.value.problems[""]
    assert _row(empty_case_file, Volunteer, GONE_VOLUNTEER).first_name != "Klaproosdromer"
