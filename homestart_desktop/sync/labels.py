"""The words for every table and row of the figures (shared by the screen and the office report)."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

from babel.numbers import format_percent

from homestart_desktop.data.models import OUTCOME_AREA_LABELS
from homestart_desktop.i18n import (
    N_,
    _,
    format_datetime,
    format_money,
    format_number,
    locale_name,
)
from homestart_desktop.sync.figures import (
    BREAKDOWNS,
    FLOW,
    INDICATORS,
    MEASURES,
    OUTCOME_AREAS,
    STAGES,
    VOLUNTEERS,
)

TABLES: dict[str, str] = {
    "flow": N_("Flow"),
    "waiting_list": N_("Waiting list at quarter end, by stage"),
    "referrals": N_("New referrals by referrer"),
    "closed": N_("Trajectories closed, by reason"),
    "visits": N_("Home visits"),
    "families": N_("Families active in the quarter"),
    "children": N_("Children of the active families, by age"),
    "volunteers": N_("Volunteers"),
    "outcomes": N_("Closed trajectories whose score improved"),
    "measures": N_("Durations, hours and expenses"),
}

ROWS: dict[str, str] = {
    # referrers
    "ocmw": N_("OCMW"),
    "huis_van_het_kind": N_("Huis van het Kind"),
    "kind_en_gezin": N_("Kind & Gezin"),
    "clb": N_("CLB"),
    "school": N_("School (referrer)"),
    "kinderopvang": N_("Childcare"),
    "buurtwerk": N_("Neighbourhood work"),
    "caw": N_("CAW"),
    "ckg": N_("CKG"),
    "ocj": N_("OCJ"),
    "een_gezin_een_plan": N_("1Gezin1Plan"),
    "perinataal_netwerk": N_("Perinatal network"),
    "ziekenhuis": N_("Hospital / maternity"),
    "huisarts": N_("GP"),
    "vroedvrouw": N_("Midwife"),
    "cgg": N_("CGG"),
    "wijkgezondheidscentrum": N_("Community health centre"),
    "zelfaanmelding": N_("Self-referral"),
    "andere": N_("Other referrer"),
    # close reasons
    "goals_reached": N_("Goals reached"),
    "family_stops": N_("Family stops"),
    "family_moved": N_("Family moved"),
    "referred_on": N_("Referred on to other care"),
    "volunteer_stopped": N_("Volunteer stopped"),
    "other": N_("Other reason (closure)"),
    # visits
    "done": N_("Visits done"),
    "cancelled_family": N_("Cancelled by the family"),
    "cancelled_volunteer": N_("Cancelled by the volunteer"),
    "not_happened": N_("Did not take place"),
    # children
    "unborn": N_("Unborn"),
    "age_0_1": N_("0 to 1 year"),
    "age_1_3": N_("1 to 3 years"),
    "age_3_6": N_("3 to 6 years"),
    "age_6_12": N_("6 to 12 years"),
    "age_12_plus": N_("12 years and older (siblings)"),
    "unknown": N_("Age not known"),
    # flow
    "intakes": N_("Intakes"),
    "waiting_at_end": N_("On the waiting list at quarter end"),
    "started": N_("Trajectories started"),
    "new_families_started": N_("New families started (first trajectory ever)"),
    "active_at_end": N_("Trajectories running at quarter end"),
    "families_since_january": N_("Families supported since 1 January (each once)"),
    # waiting list stages
    "referred": N_("Referred, no intake planned yet"),
    "intake": N_("Intake planned or done, no decision yet"),
    "waiting": N_("Waiting for a volunteer"),
    "matched": N_("Match under way"),
    # families
    "base": N_("Families active in the quarter"),
    "financially_vulnerable": N_("Financially vulnerable"),
    "single_parent": N_("Single-parent family"),
    "around_birth": N_("Started around a birth"),
    "psychological_vulnerability": N_("Psychological vulnerability in the family"),
    "young_parent": N_("Young parent"),
    "physical_disability": N_("Physical disability in the family"),
    "newcomer": N_("Newcomer (less than 5 years in Belgium)"),
    "deprived": N_("Deprived (Kind & Gezin index)"),
    # volunteers
    "active": N_("Active volunteers"),
    "new": N_("New volunteers"),
    "trained": N_("Completed the preparation course"),
    "stopped": N_("Stopped"),
    "unmatched": N_("Active, without a family"),
    "intervision_sessions": N_("Intervision sessions"),
    "intervision_attendances": N_("Intervision attendances"),
    # outcome areas: their one list ("school" is scoped below)
    **{area: label for area, label in OUTCOME_AREA_LABELS.items() if area != "school"},
    # measures
    "median_waiting_days": N_("Median waiting time (days)"),
    "median_waiting_so_far_days": N_("Median days waited so far, families still waiting"),
    "median_closed_days": N_("Median length of closed trajectories (days)"),
    "visit_hours": N_("Visit hours"),
    "training_hours": N_("Training hours"),
    "expenses_paid_cents": N_("Expenses paid (€)"),
    "total": N_("Total"),
}

# Where one row key means something else in another table.
SCOPED: dict[tuple[str, str], str] = {
    ("outcomes", "school"): OUTCOME_AREA_LABELS["school"],
    ("referrals", "total"): N_("Total referrals"),
    ("closed", "total"): N_("Total closed"),
    ("visits", "total"): N_("Total visits"),
    ("children", "total"): N_("Total children"),
}

ORDER: dict[str, tuple[str, ...]] = {
    "flow": FLOW,
    "waiting_list": STAGES,
    "referrals": BREAKDOWNS["referrals"],
    "closed": BREAKDOWNS["closed"],
    "visits": BREAKDOWNS["visits"],
    "families": INDICATORS,
    "children": BREAKDOWNS["children"],
    "volunteers": VOLUNTEERS,
    "outcomes": OUTCOME_AREAS,
    "measures": MEASURES,
}
# Measures that add up over branches (medians do not).
ADDITIVE = frozenset({"visit_hours", "training_hours", "expenses_paid_cents"})


def table_label(table: str) -> str:
    return _(TABLES[table])


def row_label(key: str, table: str = "") -> str:
    """The words for one row (of ``table``, where the same key means something else)."""
    return _(SCOPED.get((table, key)) or ROWS.get(key, key))


def lines() -> Iterator[tuple[str, str]]:
    """Every (table, row) in display order; ``total`` and ``base`` rows included."""
    for table, rows in ORDER.items():
        if table == "families":
            yield table, "base"
        yield from ((table, row) for row in rows)
        if table in BREAKDOWNS:
            yield table, "total"


def value_of(figures: dict[str, Any], table: str, row: str) -> Any:
    """One published value: an int, a measure (number), None (too few, or absent), or in packages
    of schema version 1 "<5" or "x"."""
    part = figures.get(table, {})
    if row == "total":
        return part.get("total")
    if row == "base":
        return part.get("base")
    return part.get("rows", {}).get(row)


def share_of(figures: dict[str, Any], table: str, row: str) -> float | None:
    return figures.get(table, {}).get("shares", {}).get(row)


def shown(value: Any, row: str = "") -> str:
    """A published value as the coordinator reads it."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if row == "expenses_paid_cents":
        return format_money(int(value))
    return format_number(value)


def shown_with_share(value: Any, share: float | None, row: str = "") -> str:
    """A published value with its share of the base, as the figures table and package show it."""
    text = shown(value, row)
    if share is None:
        return text
    return f"{text}  ({format_percent(share, locale=locale_name())})"


# The package's own fields, for the readable view of what is sent.
PACKAGE_FIELDS: dict[str, str] = {
    "branch": N_("Branch"),
    "quarter": N_("Quarter"),
    "version": N_("Version of this quarter's package"),
    "sequence": N_("Package number of the branch"),
    "app_version": N_("App version"),
    "created_at": N_("Made on"),
    "central_office_key": N_("Encrypted for the central office key"),
    "around_birth_months_after": N_("Around birth: up to this many months after the birth"),
    "young_parent_under": N_("Young parent: younger than"),
    "reference_date": N_("Ages and years counted on"),
    "ptable": N_("Noise on every count (cell key method)"),
}
# The words a package's definitions use as values.
DEFINITION_WORDS: dict[str, str] = {"quarter_end": N_("the last day of the quarter")}


def package_lines(payload: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """A package as (label, value, is_heading) lines in the app's language: what leaves, readable.

    The same words and order as the figures table; the JSON itself stays available beside it.
    """
    found: list[tuple[str, str, bool]] = [(_("The package"), "", True)]
    for key in ("branch", "quarter", "version", "sequence", "app_version"):
        found.append((_(PACKAGE_FIELDS[key]), str(payload.get(key, "")), False))
    made = str(payload.get("created_at", ""))
    with contextlib.suppress(ValueError):
        made = format_datetime(dt.datetime.fromisoformat(made.replace("Z", "+00:00")).astimezone())
    found.append((_(PACKAGE_FIELDS["created_at"]), made, False))
    found.append(
        (
            _(PACKAGE_FIELDS["central_office_key"]),
            str(payload.get("central_office_key", ""))[:19] + "…",
            False,
        )
    )
    for key, value in payload.get("definitions", {}).items():
        # Version 2 also states its rules in words (the reference date, the median of an even
        # count): numbers in the app's style, words as sent.
        if isinstance(value, int | float):
            shown = format_number(value)
        elif isinstance(value, dict):  # the p-table: its name and parameters
            shown = ", ".join(f"{k} {v}" for k, v in value.items())
        else:
            shown = _(DEFINITION_WORDS.get(str(value), str(value)))
        found.append((_(PACKAGE_FIELDS.get(key, key)), shown, False))
    figures = payload.get("figures", {})
    current = ""
    for table, row in lines():
        if table != current:
            current = table
            found.append((table_label(table), "", True))
        value = shown_with_share(value_of(figures, table, row), share_of(figures, table, row), row)
        found.append((row_label(row, table), value, False))
    return found
