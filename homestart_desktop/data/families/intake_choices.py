"""The lists of the intake, in the coordinator's words: codes stored in the file, labels shown.

Labels are marked with ``N_`` and translated where they are shown (screen or paper), so one list
serves the form in Dutch, French and English. The codes are what the case file and the quarterly
figures hold; never rename a code, only add.
"""

from __future__ import annotations

from homestart_desktop.data.codes import (
    Gender,
    GenderPreference,
    HalfDay,
    IntakeOutcome,
    ReferrerCategory,
)
from homestart_desktop.i18n import N_

REFERRER_CATEGORIES: dict[ReferrerCategory, str] = {
    ReferrerCategory.ocmw: N_("OCMW"),
    ReferrerCategory.huis_van_het_kind: N_("Huis van het Kind"),
    ReferrerCategory.kind_en_gezin: N_("Kind & Gezin"),
    ReferrerCategory.clb: N_("CLB"),
    ReferrerCategory.school: N_("School"),
    ReferrerCategory.kinderopvang: N_("Childcare"),
    ReferrerCategory.buurtwerk: N_("Neighbourhood work"),
    ReferrerCategory.caw: N_("CAW"),
    ReferrerCategory.ckg: N_("CKG"),
    ReferrerCategory.ocj: N_("OCJ"),
    ReferrerCategory.een_gezin_een_plan: N_("1Gezin1Plan"),
    ReferrerCategory.perinataal_netwerk: N_("Perinatal network"),
    ReferrerCategory.ziekenhuis: N_("Hospital / maternity ward"),
    ReferrerCategory.huisarts: N_("GP"),
    ReferrerCategory.vroedvrouw: N_("Midwife"),
    ReferrerCategory.cgg: N_("CGG (mental health centre)"),
    ReferrerCategory.wijkgezondheidscentrum: N_("Community health centre"),
    ReferrerCategory.zelfaanmelding: N_("Self-referral"),
    ReferrerCategory.andere: N_("Other"),
}

INTAKE_OUTCOMES: dict[IntakeOutcome, str] = {
    IntakeOutcome.waiting_list: N_("Accepted: onto the waiting list"),
    IntakeOutcome.not_suitable: N_("Not started: Home-Start does not fit"),
    IntakeOutcome.referred_elsewhere: N_("Not started: referred elsewhere"),
    IntakeOutcome.family_declines: N_("Not started: the family declines"),
    IntakeOutcome.no_contact: N_("Not started: no contact"),
}

# The six Kind & Gezin deprivation criteria: (Family column, label).
KG_CRITERIA: tuple[tuple[str, str], ...] = (
    ("kg_income", N_("Monthly income")),
    ("kg_education", N_("Parents' education")),
    ("kg_work", N_("Parents' work")),
    ("kg_stimulation", N_("Stimulation of the children")),
    ("kg_housing", N_("Housing")),
    ("kg_health", N_("Health")),
)

SITUATION_FLAGS: tuple[tuple[str, str], ...] = (
    ("psychological_vulnerability", N_("Psychological vulnerability in the family")),
    ("physical_disability", N_("Physical disability in the family")),
    ("small_network", N_("Small network")),
    ("recently_moved", N_("Recently moved")),
    ("twins", N_("Twins or multiple birth")),
)

# Support questions by the three domains of the Home-Start method.
SUPPORT_DOMAINS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        N_("Parenting and talents"),
        (
            ("parenting", N_("Parenting")),
            ("perinatal", N_("Pregnancy and the first months")),
            ("play", N_("Play, reading and outings with the children")),
            ("school", N_("School and homework")),
            ("respite", N_("A moment of respite for the parent")),
        ),
    ),
    (
        N_("Social network"),
        (
            ("emotional_support", N_("A listening ear and emotional support")),
            ("network", N_("Building a network")),
            ("leisure", N_("Leisure and taking part in the neighbourhood")),
            ("language", N_("Practising Dutch")),
        ),
    ),
    (
        N_("Basic rights and connection"),
        (
            ("paperwork", N_("Paperwork and home administration")),
            ("services", N_("Finding the way to services and care")),
        ),
    ),
)
SUPPORT_QUESTIONS: dict[str, str] = {
    code: label for _domain, items in SUPPORT_DOMAINS for code, label in items
}


WEEKDAYS: tuple[tuple[str, str], ...] = (
    ("mon", N_("Mon")),
    ("tue", N_("Tue")),
    ("wed", N_("Wed")),
    ("thu", N_("Thu")),
    ("fri", N_("Fri")),
    ("sat", N_("Sat")),
    ("sun", N_("Sun")),
)
HALF_DAYS: dict[HalfDay, str] = {
    HalfDay.morning: N_("morning"),
    HalfDay.afternoon: N_("afternoon"),
    HalfDay.evening: N_("evening"),
}

GENDERS: dict[Gender, str] = {
    Gender.female: N_("woman"),
    Gender.male: N_("man"),
    Gender.other: N_("other"),
    Gender.unknown: N_("not given"),
}
GENDER_PREFERENCES: dict[GenderPreference, str] = {
    GenderPreference.none: N_("no preference"),
    GenderPreference.female: N_("a woman"),
    GenderPreference.male: N_("a man"),
}

# Languages families speak most often in Flanders and Brussels (ISO 639-1); others may be typed.
COMMON_LANGUAGES: tuple[str, ...] = (
    "nl", "fr", "en", "ar", "tr", "ber", "pl", "ro", "uk", "ru", "bg", "es", "so", "ti", "fa",
    "ps", "prs", "sq", "pt", "it", "de",
)  # fmt: skip


def slot_code(weekday: str, half_day: HalfDay | str) -> str:
    """The stored code of a preferred half-day: ``tue-morning``."""
    return f"{weekday}-{HalfDay(half_day).value}"
