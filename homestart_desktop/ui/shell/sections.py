"""The sidebar's sections, in order. A feature adds its screen with ONE line in ``SECTIONS``.

Add your line above Settings (which stays last)::

    Section("families", N_("Families"), "mdi6.home-heart", "homestart_desktop.ui.families.screen:FamiliesScreen"),

- ``key``: stable id (used to return to the same section after unlocking, and in tests).
- ``label``: a msgid, translated when the sidebar is built.
- ``icon``: a Material Design icon name, listed in ``ui/common/icons.py`` (the label is always
  shown beside it).
- ``factory``: ``"module:Class"`` (imported when the main window is built, so this list stays
  light) or a callable; either is called as ``factory(ops, parent)`` and returns the screen.

A screen is a QWidget that
- loads its data with ``ops.query`` in ``reload()`` (called after each unlock and when the
  language changes) and refreshes itself from ``ops.sig_changes`` when the ``Changes`` concern it;
- empties every widget holding personal data in ``clear()`` (called on lock: required);
- may define ``can_leave() -> bool`` to ask about unsaved changes before the sidebar moves on.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
from collections.abc import Callable
from typing import Any

from homestart_desktop.i18n import N_


@dataclasses.dataclass(frozen=True)
class Section:
    key: str
    label: str
    icon: str
    factory: str | Callable[..., Any]

    def available(self) -> bool:
        """False while the screen's module does not exist yet (the section is left out)."""
        if not isinstance(self.factory, str):
            return True
        return importlib.util.find_spec(self.factory.partition(":")[0]) is not None

    def make(self, ops: Any, parent: Any) -> Any:
        """Build this section's screen."""
        factory = self.factory
        if isinstance(factory, str):
            module_name, _, attribute = factory.partition(":")
            factory = getattr(importlib.import_module(module_name), attribute)
        return factory(ops, parent)


SECTIONS: list[Section] = [
    Section(
        "today", N_("Today"), "mdi6.calendar-today", "homestart_desktop.ui.today.screen:TodayScreen"
    ),
    # Feature screens go here, in the order of DESIGN.md (Families, Volunteers, Matching,
    # Planning, Intervision, Figures).
    Section(
        "families",
        N_("Families"),
        "mdi6.home-heart",
        "homestart_desktop.ui.families.screen:FamiliesScreen",
    ),
    Section(
        "volunteers",
        N_("Volunteers"),
        "mdi6.account-heart-outline",
        "homestart_desktop.ui.volunteers.screen:VolunteersScreen",
    ),
    Section(
        "matching",
        N_("Matching"),
        "mdi6.account-switch-outline",
        "homestart_desktop.ui.matching.screen:MatchingScreen",
    ),
    Section(
        "planning",
        N_("Planning"),
        "mdi6.calendar-week",
        "homestart_desktop.ui.planning.screen:PlanningScreen",
    ),
    Section(
        "intervision",
        N_("Intervision"),
        "mdi6.account-group-outline",
        "homestart_desktop.ui.intervision.screen:IntervisionScreen",
    ),
    Section(
        "figures",
        N_("Figures"),
        "mdi6.chart-bar",
        "homestart_desktop.ui.figures.screen:FiguresScreen",
    ),
    Section(
        "settings",
        N_("Settings"),
        "mdi6.cog-outline",
        "homestart_desktop.ui.settings.screen:SettingsScreen",
    ),
]
