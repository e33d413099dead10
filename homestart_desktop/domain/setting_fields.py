"""The branch's settings as the coordinator knows them: their groups, names and bounds.

One declaration for every place that names a setting: the Settings screen builds its editors
from it (ui/settings/fields.py), and the Logboek and its PDF say which setting changed with it,
instead of the key the case file stores.
"""

from __future__ import annotations

import dataclasses

from homestart_desktop.i18n import N_


@dataclasses.dataclass(frozen=True)
class Field:
    name: str
    label: str  # msgid
    kind: str = (
        "text"  # text, password, long_text, money, km_rate, int, bool, regime, language, months
    )
    low: int = 0
    high: int = 0
    suffix: str = ""  # msgid


GROUPS: tuple[tuple[str, tuple[Field, ...]], ...] = (
    (
        N_("The branch"),
        (
            Field("branch_name", N_("Name")),
            Field("branch_code", N_("Code at the central office")),
            Field("coordinator", N_("Coordinator")),
            Field("founded_year", N_("Working since (year)"), "int", 1970, 2100),
            Field("street", N_("Street and number")),
            Field("postcode", N_("Postcode")),
            Field("municipality", N_("Municipality")),
            Field("phone", N_("Phone")),
            Field("email", N_("E-mail")),
        ),
    ),
    (
        N_("Organisation and insurance"),
        (
            Field("organisation", N_("Organisation")),
            Field("legal_form", N_("Legal form")),
            Field("company_number", N_("Company number")),
            Field("non_profit_aim", N_("Non-profit aim"), "per_language_long"),
            Field("insurer", N_("Insurer (civil liability)")),
            Field("policy_number", N_("Policy number")),
            Field("other_cover", N_("Other cover"), "per_language"),
            Field("signature_place", N_("Place of signing"), "per_language"),
        ),
    ),
    (
        N_("Volunteer expenses"),
        (
            Field("expense_regime", N_("Usual regime"), "regime"),
            Field("flat_rate_day_cents", N_("Flat rate: ceiling per day"), "money"),
            Field("flat_rate_year_cents", N_("Flat rate: ceiling per year"), "money"),
            Field("car_km_rate_e4", N_("Car: per km"), "km_rate"),
            Field("bicycle_km_rate_e4", N_("Bicycle: per km"), "km_rate"),
            Field(
                "combined_km_limit", N_("Combined regimes: km limit"), "int", 0, 100_000, N_("km")
            ),
            Field("legal_amounts_added", N_("Legal amounts per year"), "legal_amounts"),
        ),
    ),
    (
        N_("Reviews and reminders"),
        (
            Field("first_reviews_months", N_("First reviews (months after the start)"), "months"),
            Field("review_every_months", N_("Then a review every"), "int", 1, 24, N_("months")),
            Field(
                "extract_max_age_days", N_("Extract 596.2 at most"), "int", 1, 365, N_("days old")
            ),
            Field(
                "extract_renewal_years", N_("Renew the extract every"), "int", 1, 10, N_("years")
            ),
            Field("no_visit_alert_days", N_("Warn after no visit for"), "int", 1, 365, N_("days")),
            Field(
                "coaching_alert_weeks", N_("Warn after no coaching for"), "int", 1, 104, N_("weeks")
            ),
            Field("waiting_alert_days", N_("Warn after waiting for"), "int", 1, 730, N_("days")),
        ),
    ),
    (
        N_("Matching"),
        (
            Field("match_weight_distance", N_("Weight: distance"), "int", 0, 100, N_("points")),
            Field("match_weight_languages", N_("Weight: languages"), "int", 0, 100, N_("points")),
            Field("match_weight_half_days", N_("Weight: half-days"), "int", 0, 100, N_("points")),
            Field("match_weight_experience", N_("Weight: experience"), "int", 0, 100, N_("points")),
            Field("match_weight_wishes", N_("Weight: wishes"), "int", 0, 100, N_("points")),
            Field(
                "match_weight_volunteer_waiting",
                N_("Weight: volunteer waiting"),
                "int",
                0,
                100,
                N_("points"),
            ),
            Field("match_neighbourhood_km", N_("Own neighbourhood within"), "int", 0, 50, N_("km")),
            Field(
                "match_family_wait_priority",
                N_("Priority for a year of waiting"),
                "int",
                0,
                1000,
                N_("points"),
            ),
            Field("match_several_families", N_("A volunteer may visit several families"), "bool"),
        ),
    ),
    (
        N_("Quarterly figures"),
        (
            Field(
                "around_birth_months_after",
                N_("Around birth: up to"),
                "int",
                0,
                24,
                N_("months after the birth"),
            ),
            Field(
                "young_parent_under", N_("Young parent: younger than"), "int", 14, 30, N_("years")
            ),
        ),
    ),
    (
        N_("Central office"),
        (
            Field("central_office_public_key", N_("Public key (age1…)")),
            Field("webdav_url", N_("Upload share (web address)")),
            Field("webdav_password", N_("Password of the share"), "password"),
        ),
    ),
    (
        N_("This app"),
        (
            Field("language", N_("Language"), "language"),
            Field(
                "autolock_minutes", N_("Lock after no activity for"), "int", 1, 120, N_("minutes")
            ),
            Field(
                "lock_with_screen", N_("Lock when the screen locks or the laptop sleeps"), "bool"
            ),
            Field("backups_to_keep", N_("Backups to keep"), "int", 1, 100),
            Field(
                "audit_retention_years",
                N_("Keep who and whom in the log for"),
                "int",
                1,
                50,
                N_("years"),
            ),
        ),
    ),
    (
        N_("Privacy"),
        (Field("privacy_statements", N_("Privacy statement versions"), "privacy_statements"),),
    ),
    (
        N_("Retention"),
        (
            Field(
                "retention_years",
                N_("Keep personal data for"),
                "int",
                1,
                30,
                N_("years after support ended"),
            ),
        ),
    ),
)

REGIMES = (("flat_rate", N_("Flat rate")), ("actual_costs", N_("Actual costs")))


# Keys the case file stores beside the settings, and what the Logboek calls them.
OTHER_KEYS: dict[str, str] = {
    "format": N_("Case file format"),
    "secret": N_("Key kept inside the file"),
    "import-mapping": N_("Columns of an imported list"),
    "retention_chosen_on": N_("Retention period chosen on"),
}

# Stored beside a field typed per language (ui/settings/per_language.py names them so).
_LANGUAGE_SUFFIXES = {"_fr": "FR", "_en": "EN"}


def setting_label(key: str) -> tuple[str, str] | None:
    """The msgid naming the setting stored under ``key`` and the language it is in ("FR",
    "EN" or ""); None for a key this version does not know (a newer app's)."""
    if key in OTHER_KEYS:
        return OTHER_KEYS[key], ""
    fields = {field.name: field for _title, group in GROUPS for field in group}
    if key in fields:
        return fields[key].label, ""
    for suffix, language in _LANGUAGE_SUFFIXES.items():
        base = key.removesuffix(suffix)
        if base != key and base in fields:
            return fields[base].label, language
    return None
