"""The letter to the referrer from the planning's trajectories, as a coordinator sends it."""

import datetime as dt

from PySide6.QtWidgets import QApplication, QTableView
from sqlmodel import select

from homestart_desktop.data.models import Family, Referral, ReferrerCategory
from homestart_desktop.data.planning.referrer_letters import LetterKind, referrer_informed_on
from homestart_desktop.data.privacy.consent import ConsentIn, follow_referral, save_consent
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.document_preview import DocumentPreview
from tests.ui.planning.test_planning import screen  # noqa: F401 (the fixture)
from tests.ui.typing_helpers import click_row, find, open_tab


def _agree(case_file, agreed: bool) -> int:
    with case_file.session() as session:
        family = session.exec(select(Family).where(Family.reference == "GZ-2026-021")).one()
        session.add(
            Referral(
                family_id=family.id,
                referred_on=dt.date(2026, 1, 12),
                category=ReferrerCategory.caw,
                organisation="CAW Oost-Vlaanderen",
                contact="Sofie De Smet",
                inform_referrer=agreed,
            )
        )
        # Consent is a record since migration 0009: the referral's tick alone is not enough.
        follow_referral(
            session=session,
            family_id=family.id,
            agrees=agreed,
            on=dt.date(2026, 1, 12),
            today=dt.date(2026, 1, 12),
        )
        return family.id


def _preview() -> DocumentPreview | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentPreview)), None)


def _choose_start_letter(qtbot, screen) -> None:  # noqa: F811
    with qtbot.waitSignal(screen.sig_loaded, timeout=10_000):
        open_tab(qtbot, screen.tabs, "Trajecten")
    view = find(screen, "trajectoryList", QTableView)
    qtbot.waitUntil(lambda: view.model().rowCount() == 1)
    click_row(qtbot, view, "GZ-2026-021")
    panel = screen.trajectories
    assert panel.letter.isEnabled() and panel.letter.text() == "Brief aan de verwijzer"
    assert not panel.letter_ended.isEnabled()  # still running: no end letter yet
    panel.letter_started.trigger()


def test_the_start_letter_is_previewed_and_the_referrer_marked_informed(
    qtbot,
    screen,  # noqa: F811
    empty_case_file,
):
    _agree(empty_case_file, True)
    _choose_start_letter(qtbot, screen)
    qtbot.waitUntil(lambda: _preview() is not None and _preview().isVisible(), timeout=10_000)
    preview = _preview()
    assert preview.windowTitle() == "Brief aan de verwijzer"
    assert preview.suggested_name == "brief-verwijzer-GZ-2026-021.pdf"
    prompts.set_next_answers([True])  # "Did the letter go out?" yes
    preview.reject()

    def informed() -> dict:
        with empty_case_file.session() as session:
            return referrer_informed_on(session=session, trajectory_id=1)

    qtbot.waitUntil(lambda: informed() == {LetterKind.start: screen.ops.today()}, timeout=10_000)


def test_no_letter_when_the_family_did_not_agree(qtbot, screen, empty_case_file):  # noqa: F811
    _agree(empty_case_file, False)
    prompts.clear_answers()
    _choose_start_letter(qtbot, screen)
    qtbot.waitUntil(lambda: bool(prompts.shown), timeout=10_000)
    assert "niet mee akkoord" in prompts.shown[-1][1]
    assert _preview() is None


def test_no_letter_after_the_family_withdrew_its_consent(qtbot, screen, empty_case_file):  # noqa: F811
    family_id = _agree(empty_case_file, True)
    with empty_case_file.session() as session:
        save_consent(
            session=session,
            family_id=family_id,
            consent=ConsentIn(inform_referrer=False, inform_referrer_on=dt.date(2026, 5, 4)),
            today=dt.date(2026, 5, 4),
        )
    prompts.clear_answers()
    _choose_start_letter(qtbot, screen)
    qtbot.waitUntil(lambda: bool(prompts.shown), timeout=10_000)
    assert "trok op 04/05/2026 de toestemming in" in prompts.shown[-1][1]
    assert _preview() is None
