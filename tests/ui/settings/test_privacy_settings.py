"""Settings → Privacy: the privacy statement's versions, and the register of processing."""

# ruff: noqa: F811 (the screen fixture imported from test_settings)

from __future__ import annotations

import io
import os

import pypdf
from PySide6.QtWidgets import QApplication

from homestart_desktop.data.settings import load_settings
from homestart_desktop.ui.common.document_preview import DocumentPreview
from tests.ui.settings.test_settings import screen  # noqa: F401
from tests.ui.typing_helpers import click, error_beside, find, type_into

SHOTS = os.environ.get("HOMESTART_SHOTS")


def test_the_coordinator_adds_a_new_version_of_the_privacy_statement(
    qtbot, screen, empty_case_file
) -> None:
    find(screen, "privacy_statements")
    assert find(screen, "privacy_version_1").text() == "1"  # the default version
    click(qtbot, screen, "add_privacy_statement")
    type_into(qtbot, screen, "privacy_version_2", "1")  # the same label twice
    type_into(qtbot, screen, "privacy_dated_2", "15/01/2026")
    if SHOTS:
        screen.resize(1366, 768)
        find(screen, "privacy_statements").parentWidget().grab().save(
            os.path.join(SHOTS, "settings-privacy.png")
        )
    click(qtbot, screen, "save")
    qtbot.waitUntil(lambda: bool(error_beside(screen, "privacy_statements")), timeout=10_000)
    assert error_beside(screen, "privacy_statements") == "Elke versie heeft een eigen naam nodig."
    type_into(qtbot, screen, "privacy_version_2", "2026-1")
    with qtbot.waitSignal(screen.sig_saved, timeout=10_000):
        click(qtbot, screen, "save")
    assert empty_case_file.read(load_settings).privacy_statements == (
        {"version": "1", "dated": "2018-05-25"},
        {"version": "2026-1", "dated": "2026-01-15"},
    )


def _preview() -> DocumentPreview | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentPreview)), None)


def test_the_register_of_processing_is_one_click_from_settings(qtbot, screen) -> None:
    click(qtbot, screen, "Verwerkingsregister afdrukken…")
    qtbot.waitUntil(lambda: _preview() is not None and _preview().isVisible(), timeout=20_000)
    preview = _preview()
    assert preview.windowTitle() == "Verwerkingsregister"
    assert preview.suggested_name == "verwerkingsregister.pdf"
    reader = pypdf.PdfReader(io.BytesIO(preview.pdf))
    assert len(reader.pages) == 1
    assert "Bewaartermijn" in reader.pages[0].extract_text()
    preview.reject()
