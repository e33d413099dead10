"""The preview's Save as PDF makes a file only the coordinator can read (0600), even under the
usual umask 022 and when it replaces an older PDF that everyone could read."""

from __future__ import annotations

import os
import stat

from PySide6.QtCore import Qt

from homestart_desktop.documents.intake_form import intake_form_for
from homestart_desktop.ui.common import prompts
from homestart_desktop.ui.common.document_preview import DocumentPreview
from tests.clock import TEST_TODAY


def test_save_as_pdf_writes_a_private_file(qtbot, empty_case_file, tmp_path) -> None:
    with empty_case_file.session() as session:
        pdf = intake_form_for(session=session, family_id=None, lang="nl", today=TEST_TODAY)
    preview = DocumentPreview(
        pdf, title="Intakeformulier", suggested_name="intake.pdf", record=None
    )
    qtbot.addWidget(preview)
    target = tmp_path / "intake.pdf"
    target.write_bytes(b"an older PDF")
    old = os.umask(0o022)
    try:
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        prompts.set_next_answers([target])
        qtbot.mouseClick(
            preview.findChild(type(preview.save_button), "saveDocument"), Qt.MouseButton.LeftButton
        )
    finally:
        os.umask(old)
    assert preview.saved_to == target
    assert target.read_bytes() == pdf
    assert oct(stat.S_IMODE(target.stat().st_mode)) == "0o600"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
