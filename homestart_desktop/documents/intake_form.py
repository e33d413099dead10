"""The intake form on paper: blank for the kitchen table, or pre-filled from the family file.

Blank, every list is a row of tick boxes and every answer has room to write; pre-filled, the
same form shows what the file holds (ticked boxes, printed answers), so a coordinator can check it
with the family and correct by hand. Nederlands, français or English, whatever the screen shows.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from homestart_desktop.data.privacy.statements import current_statement
from homestart_desktop.documents.common import escape, render_pdf, styles, translator
from homestart_desktop.documents.intake_form_household import (
    file_part,
    household_part,
    referral_part,
)
from homestart_desktop.documents.intake_form_support import (
    consent_part,
    practical_part,
    scores_part,
    situation_part,
    support_part,
)

if TYPE_CHECKING:  # a blank form never reads a family file: not loaded for `print intake-form`
    from homestart_desktop.data.families.file import FamilyFile
    from homestart_desktop.data.settings import BranchSettings


def intake_form_pdf(
    *,
    branch: BranchSettings,
    lang: str,
    file: FamilyFile | None = None,
    out: Path | None = None,
) -> bytes:
    """The intake form as PDF bytes: blank without ``file``, pre-filled with it."""
    _ = translator(lang)
    title = _("Intake form")
    subtitle = (
        _("Pre-filled from the family file: check it with the family and correct by hand.")
        if file
        else _("To fill in during the intake conversation at home.")
    )
    story: list[Flowable] = [
        Paragraph(escape(title), styles()["title"]),
        Paragraph(escape(subtitle), styles()["subtitle"]),
        Spacer(1, 3 * mm),
    ]
    for part in (
        functools.partial(file_part, lang=lang),
        functools.partial(referral_part, lang=lang),
        functools.partial(household_part, lang=lang),
        situation_part,
        support_part,
        practical_part,
        scores_part,
        functools.partial(consent_part, statement=current_statement(branch)),
    ):
        story += part(_, file)
    reference = file.family.reference if file else ""
    return render_pdf(
        story,
        title=title,
        branch=branch,
        lang=lang,
        reference=reference,
        subject=subtitle,
        out=out,
    )


def intake_form_for(
    *, session: Any, today: dt.date, family_id: int | None = None, lang: str | None = None
) -> bytes:
    """Read what the form needs from the case file and print it (for the app and the CLI).

    Without ``lang``: the family's language for a pre-filled form, the branch's for a blank one.
    """
    from homestart_desktop.data.settings import load_settings

    branch = load_settings(session=session)
    file = None
    if family_id is not None:
        from homestart_desktop.data.families.file import load_family  # not for a blank form

        file = load_family(session=session, family_id=family_id, today=today)
    language = lang or (file.family.language if file else branch.language)
    return intake_form_pdf(branch=branch, lang=language, file=file)
