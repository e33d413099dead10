"""The Logboek names a changed setting as the Settings screen does, never by its stored key."""

from __future__ import annotations

import dataclasses

from homestart_desktop.data.settings import BranchSettings
from homestart_desktop.documents.access.labels import field_words
from homestart_desktop.domain.setting_fields import GROUPS, setting_label
from homestart_desktop.i18n import _, set_language


def test_every_setting_the_branch_stores_has_a_name_for_the_logboek():
    unnamed = [f.name for f in dataclasses.fields(BranchSettings) if setting_label(f.name) is None]
    assert unnamed == []


def test_the_logboek_says_which_setting_changed_in_the_coordinators_words():
    set_language("nl")
    keys = ("autolock_minutes", "non_profit_aim_fr", "secret", "retention_chosen_on")
    assert field_words("setting", keys, _) == (
        "Vergrendelen na geen activiteit gedurende, Belangeloos doel (FR), "
        "Sleutel die in het bestand blijft, Bewaartermijn gekozen op"
    )
    set_language("fr")
    assert field_words("setting", ("autolock_minutes",), _).startswith("Verrouiller")


def test_a_key_of_a_newer_app_is_shown_as_stored():
    assert field_words("setting", ("kleur_van_het_scherm",), _) == "kleur_van_het_scherm"


def test_every_field_of_the_screen_is_a_stored_setting():
    stored = {f.name for f in dataclasses.fields(BranchSettings)}
    assert {field.name for _t, group in GROUPS for field in group} <= stored
