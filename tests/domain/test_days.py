"""Weekdays and half-days read the same on every screen: maandagavond, lundi soir."""

from __future__ import annotations

import pytest

from homestart_desktop.domain import days
from homestart_desktop.i18n import set_language


@pytest.mark.parametrize(
    ("lang", "evening", "short"),
    [
        ("nl", "maandagavond", "ma avond, di vm, do nm"),
        ("fr", "lundi soir", "lun soir, mar mat., jeu a.-m."),
        ("en", "Monday evening", "Mon eve, Tue am, Thu pm"),
    ],
)
def test_a_half_day_is_written_one_way(lang: str, evening: str, short: str) -> None:
    set_language(lang)
    assert days.half_day_text(0, "evening") == evening
    assert days.slot_text("mon-evening") == evening
    # Slot codes (families) and (weekday, half-day) pairs (volunteers) read alike, in week order.
    assert days.slots_text(["thu-afternoon", "mon-evening", "tue-morning"]) == short
    assert days.slots_text([(3, "afternoon"), (1, "morning"), (0, "evening")]) == short
