"""A short letter from the branch to the referrer: the support started on, or ended on, a date.

Only when the family agreed (data.planning.referrer_letters refuses otherwise), and only that:
the family is named by the referral date and the branch's reference, never by name, and nothing of
the content of the support is said. Printed, or saved as PDF for e-mail, from the trajectory.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer
from sqlmodel import Session

from homestart_desktop.data.planning.referrer_letters import (
    LetterKind,
    ReferrerLetter,
    referrer_letter,
)
from homestart_desktop.data.postcodes import municipality_name
from homestart_desktop.documents.common import escape, render_pdf, styles, translator
from homestart_desktop.i18n import format_date


def referrer_letter_pdf(letter: ReferrerLetter, *, lang: str, out: Path | None = None) -> bytes:
    """The letter as PDF bytes (written to ``out`` when given), in the referrer's language."""
    tr = translator(lang)
    st = styles()
    branch = letter.branch

    def long(day: dt.date | None) -> str:
        return format_date(day, format="long", lang=lang)

    title = tr("Letter to the referrer")
    subject = tr(
        "Home-Start support for the family you referred (our reference {reference})"
    ).format(reference=letter.family_reference)
    town = municipality_name(branch.postcode, lang) if branch.postcode else ""
    place = town or branch.municipality
    attention = tr("For the attention of {contact}").format(contact=letter.contact)
    recipient = [letter.organisation, attention if letter.contact else ""]
    story: list[Flowable] = [Spacer(1, 8 * mm)]
    story += [Paragraph(escape(line), st["value"]) for line in recipient if line]
    story += [
        Spacer(1, 10 * mm),
        Paragraph(escape(", ".join(p for p in (place, long(letter.written_on)) if p)), st["body"]),
        Spacer(1, 8 * mm),
        Paragraph(escape(subject), st["h3"]),
        Spacer(1, 4 * mm),
        Paragraph(escape(tr("Dear Sir or Madam,")), st["body"]),
        Spacer(1, 3 * mm),
    ]
    if letter.kind == LetterKind.start:
        said = tr(
            "On {referred} you referred a family to Home-Start. With the family's agreement we "
            "let you know that the support by a Home-Start volunteer started on {started}."
        )
    else:
        said = tr(
            "On {referred} you referred a family to Home-Start. With the family's agreement we "
            "let you know that the support by a Home-Start volunteer ended on {ended}."
        )
    said = said.format(
        referred=long(letter.referred_on),
        started=long(letter.started_on),
        ended=long(letter.ended_on),
    )
    story += [
        Paragraph(escape(said), st["body"]),
        Spacer(1, 3 * mm),
        Paragraph(
            escape(
                tr(
                    "As agreed with the family, we share nothing of the content of the support. "
                    "For a question, you can reach us at the address above."
                )
            ),
            st["body"],
        ),
        Spacer(1, 6 * mm),
        Paragraph(escape(tr("Kind regards,")), st["body"]),
        Spacer(1, 14 * mm),
    ]
    signature = [branch.coordinator, branch.branch_name or branch.organisation]
    story += [Paragraph(escape(line), st["body"]) for line in signature if line]
    return render_pdf(
        story,
        title=title,
        branch=branch,
        lang=lang,
        reference=letter.family_reference,
        subject=subject,
        out=out,
    )


def referrer_letter_for(
    *,
    session: Session,
    trajectory_id: int,
    kind: LetterKind,
    today: dt.date,
    lang: str | None = None,
) -> tuple[bytes, str]:
    """The letter PDF and the family's reference (for the screens' worker thread).

    Without ``lang``: the branch's language, the one the branch writes to its partners in.
    """
    letter = referrer_letter(session=session, trajectory_id=trajectory_id, kind=kind, today=today)
    pdf = referrer_letter_pdf(letter, lang=lang or letter.branch.language)
    return pdf, letter.family_reference
