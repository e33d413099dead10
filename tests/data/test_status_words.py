"""Each status in the coordinator's words: a family's and a volunteer's share a value, not a word."""

from __future__ import annotations

from homestart_desktop import i18n
from homestart_desktop.data.codes import FamilyStatus, TrajectoryStatus, VolunteerStatus
from homestart_desktop.data.workflow import status_label


def test_a_family_matched_and_a_volunteer_matched_read_differently() -> None:
    i18n.set_language("nl")
    try:
        assert status_label(FamilyStatus.matched) == "koppeling lopend"
        assert status_label(VolunteerStatus.matched) != status_label(FamilyStatus.matched)
        assert status_label(TrajectoryStatus.paused) == status_label(FamilyStatus.paused)
    finally:
        i18n.set_language("nl")


def test_every_status_has_its_words() -> None:
    for kind in (FamilyStatus, VolunteerStatus, TrajectoryStatus):
        for status in kind:
            assert status_label(status)


def test_the_logbook_says_a_status_step_in_words() -> None:
    from homestart_desktop.data.audit.kinds import what_happened

    line = what_happened(
        kind="step", action="family.matched", record="family", detail="waiting->matched"
    )
    assert line.endswith("(wachtlijst → koppeling lopend)")
    line = what_happened(
        kind="step", action="volunteer.matched", record="volunteer", detail="available->matched"
    )
    assert line.endswith("(beschikbaar → gekoppeld)")
