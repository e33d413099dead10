"""The plain-language sentences of a match: why a volunteer fits, or why they are excluded.

Pure text from plain values (no Qt, no session), in the current language: "Dinsdagvoormiddag vrij,
past bij het gezin", "6 km, fietst", "spreekt Arabisch zoals de moeder".
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from babel.dates import get_day_names
from babel.numbers import format_decimal

from homestart_desktop.domain import days
from homestart_desktop.domain.languages import language_name
from homestart_desktop.i18n import N_, _, locale_name, ngettext

if TYPE_CHECKING:
    from homestart_desktop.domain.matching import FamilyFacts, VolunteerFacts

FACTOR_LABELS = {
    "distance": N_("Distance"),
    "languages": N_("Languages"),
    "half_days": N_("Half-days"),
    "experience": N_("Experience"),
    "wishes": N_("Volunteer's wishes"),
    "volunteer_waiting": N_("Volunteer waiting"),
}
# The experience a family's situation can ask for and a volunteer can bring, as the sentence
# says it ("heeft ervaring met een tweeling"); the volunteer file and the intake show the
# check-box words below. Some needs follow from the file itself (twins, a baby, newcomers),
# the coordinator ticks the rest.
NEED_LABELS = {
    "newborn": N_("newborn babies"),
    "teenagers": N_("teenagers"),
    "twins": N_("twins"),
    "disability": N_("a disability"),
    "psychological": N_("psychological vulnerability"),
    "newcomers": N_("newcomers"),
    "single_fathers": N_("single fathers"),
}
EXPERIENCE_CHOICES = {
    "newborn": N_("Babies"),
    "teenagers": N_("Teenagers"),
    "twins": N_("Twins and multiple births"),
    "disability": N_("Disability"),
    "psychological": N_("Psychological vulnerability"),
    "newcomers": N_("Newcomers"),
    "single_fathers": N_("Single fathers"),
}
EXPERIENCE_TAGS = tuple(EXPERIENCE_CHOICES)
# Between the words of one list cell: "baby's, tieners; meerlingen", "bébés et ados".
_BETWEEN_WORDS = re.compile(r"[,;/+\n]|\s(?:en|et|and|&)\s", re.IGNORECASE)


def experience_words(text: str) -> list[str]:
    """The separate words of a written list of experience, in their order, each once."""
    words: list[str] = []
    for word in _BETWEEN_WORDS.split(text or ""):
        word = word.strip(" .-")
        if word and word.casefold() not in {w.casefold() for w in words}:
            words.append(word)
    return words


def in_tag_order(codes: set[str] | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Experience codes in the order the volunteer file shows its boxes."""
    return tuple(code for code in EXPERIENCE_TAGS if code in codes)


ONBOARDING_LABELS = {
    "extract": N_("criminal-record extract"),
    "agreement": N_("signed agreement"),
    "course": N_("preparation course"),
}
STATUS_WORDS = {
    "candidate": N_("candidate"),
    "in_training": N_("in training"),
    "paused": N_("paused"),
    "stopped": N_("stopped"),
}


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


@cache
def _weekday_names(locale: str) -> dict[int, str]:
    return dict(get_day_names("wide", locale=locale))


def weekday_names() -> list[str]:
    """Monday to Sunday in the current language."""
    table = _weekday_names(locale_name())
    return [table[i] for i in range(7)]


def and_list(items: Sequence[str]) -> str:
    """ "a, b and c" in the current language."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return _("{first} and {last}").format(first=", ".join(items[:-1]), last=items[-1])


def slot_name(slot: str) -> str:
    """``"tue-morning"`` as "dinsdagvoormiddag"."""
    return days.slot_text(slot)


def km_text(km: float) -> str:
    return _("less than 1 km") if km < 1 else _("{km} km").format(km=round(km))


def ages_text(ages: Sequence[int]) -> str:
    return ngettext("{ages} year", "{ages} years", max(ages, default=0)).format(
        ages=and_list([str(a) for a in sorted(ages)])
    )


# ---- Why a volunteer fits


def factor_text(
    key: str, family: FamilyFacts, volunteer: VolunteerFacts, km: float, today: dt.date
) -> str:
    """One sentence on how ``volunteer`` does on factor ``key`` for ``family``."""
    return capitalised(_FACTOR_TEXTS[key](family, volunteer, km, today))


def _distance(family: FamilyFacts, volunteer: VolunteerFacts, km: float, today: dt.date) -> str:
    if math.isnan(km):
        return _("distance unknown (postcode missing)")
    if volunteer.has_bike and km <= 10:
        return _("{distance}, cycles").format(distance=km_text(km))
    if volunteer.has_car:
        return _("{distance}, by car").format(distance=km_text(km))
    if volunteer.uses_public_transport:
        return _("{distance}, by public transport").format(distance=km_text(km))
    if volunteer.has_bike:
        return _("{distance}, cycles").format(distance=km_text(km))
    return km_text(km)


def _languages(family: FamilyFacts, volunteer: VolunteerFacts, km: float, today: dt.date) -> str:
    spoken = [c for c in family.caregivers if c.languages]
    if not spoken:
        return _("the family's languages are not filled in")
    roles_by_language: dict[str, list[str]] = {}
    for caregiver in spoken:
        common = [lang for lang in caregiver.languages if lang in volunteer.languages]
        if common:
            # A language other than Dutch says more about the fit than Dutch itself.
            language = next((c for c in common if c != "nl"), common[0])
            roles_by_language.setdefault(language, []).append(caregiver.role)
    parts = []
    for language, roles in roles_by_language.items():
        if len(roles) > 1:
            form = N_("speaks {language} like the parents")
        else:
            form = {
                "mother": N_("speaks {language} like the mother"),
                "father": N_("speaks {language} like the father"),
            }.get(roles[0], N_("speaks {language} like the family"))
        parts.append(_(form).format(language=language_name(language)))
    if not parts:
        family_languages = sorted({lang for c in spoken for lang in c.languages})
        return _("no common language with the family ({languages})").format(
            languages=and_list([language_name(lang) for lang in family_languages])
        )
    return "; ".join(parts)


def _half_days(family: FamilyFacts, volunteer: VolunteerFacts, km: float, today: dt.date) -> str:
    if not family.slots:
        count = len(volunteer.slots)
        return ngettext(
            "no preferred half-day; {count} half-day free",
            "no preferred half-day; {count} half-days free",
            count,
        ).format(count=count)
    from homestart_desktop.domain.matching import slot_mask, slots_of

    common = slots_of(slot_mask(volunteer.slots) & slot_mask(family.slots))
    if not common:
        return _("no common half-day")
    return _("{half_days} free, suits the family").format(
        half_days=and_list([slot_name(s) for s in common[:3]])
    )


def _experience(family: FamilyFacts, volunteer: VolunteerFacts, km: float, today: dt.date) -> str:
    if not family.needs:
        return _("no particular experience needed")
    has = [_(NEED_LABELS.get(n, n)) for n in sorted(family.needs) if n in volunteer.experience_tags]
    lacks = [
        _(NEED_LABELS.get(n, n)) for n in sorted(family.needs) if n not in volunteer.experience_tags
    ]
    parts = []
    if has:
        parts.append(_("has experience with {needs}").format(needs=and_list(has)))
    if lacks:
        parts.append(_("no experience yet with {needs}").format(needs=and_list(lacks)))
    return "; ".join(parts)


def _wishes(family: FamilyFacts, volunteer: VolunteerFacts, km: float, today: dt.date) -> str:
    low, high = volunteer.child_age_min, volunteer.child_age_max
    if (low is None and high is None) or not family.child_ages:
        return _("no preference for the children's age")
    span = _("{low} to {high} years").format(
        low=0 if low is None else low, high="12+" if high is None else high
    )
    inside = [a for a in family.child_ages if (low or 0) <= a <= (99 if high is None else high)]
    if len(inside) == len(family.child_ages):
        return ngettext(
            "child ({ages}) within the wished age, {span}",
            "children ({ages}) within the wished age, {span}",
            len(family.child_ages),
        ).format(ages=ages_text(family.child_ages), span=span)
    return _("{inside} of {count} children within the wished age, {span}").format(
        inside=len(inside), count=len(family.child_ages), span=span
    )


def _volunteer_waiting(
    family: FamilyFacts, volunteer: VolunteerFacts, km: float, today: dt.date
) -> str:
    if volunteer.available_since is None:
        return _("waiting time unknown")
    days = max((today - volunteer.available_since).days, 0)
    if days == 0:
        return _("available for a family since today")
    return ngettext(
        "has been waiting {days} day for a family",
        "has been waiting {days} days for a family",
        days,
    ).format(days=days)


_FACTOR_TEXTS = {
    "distance": _distance,
    "languages": _languages,
    "half_days": _half_days,
    "experience": _experience,
    "wishes": _wishes,
    "volunteer_waiting": _volunteer_waiting,
}


# ---- Why a volunteer is excluded


def exclusion_text(code: str, family: FamilyFacts, volunteer: VolunteerFacts, km: float) -> str:
    """One sentence on the hard constraint ``code`` that excludes ``volunteer``."""
    return capitalised(_exclusion(code, family, volunteer, km))


def _exclusion(code: str, family: FamilyFacts, volunteer: VolunteerFacts, km: float) -> str:
    if code == "status":
        return _("not available ({status})").format(
            status=_(STATUS_WORDS.get(volunteer.status, volunteer.status))
        )
    if code == "onboarding":
        return _("onboarding not complete: {missing} missing").format(
            missing=and_list([_(ONBOARDING_LABELS.get(m, m)) for m in volunteer.onboarding_missing])
        )
    if code == "pets":
        pets = family.pets_description.strip() or _("pets")
        return _("would rather not have pets — the family has {pets}").format(pets=pets)
    if code == "child_ages":
        return _("wishes children of {low} to {high} years; the children are {ages}").format(
            low=volunteer.child_age_min or 0,
            high="12+" if volunteer.child_age_max is None else volunteer.child_age_max,
            ages=ages_text(family.child_ages),
        )
    if code == "too_far":
        distance = km_text(km)
        if round(km) <= volunteer.max_travel_km:  # "5 km, further than 5 km" reads as a mistake
            distance = _("{km} km").format(km=format_decimal(round(km, 1), locale=locale_name()))
        return _("{distance}, further than the {max} km they will travel").format(
            distance=distance, max=round(volunteer.max_travel_km)
        )
    if code == "neighbour":
        return _(
            "lives in the family's neighbourhood ({distance}); the family does not want a neighbour"
        ).format(distance=km_text(km))
    if code == "gender":
        return {
            "female": _("the family prefers a woman as volunteer"),
            "male": _("the family prefers a man as volunteer"),
        }[family.gender_preference]
    return _(EXCLUSION_TEXTS[code])


EXCLUSION_TEXTS = {
    "full": N_("already matched with a family"),
    "no_slots": N_("no free half-days filled in"),
    "no_common_slot": N_("no common half-day with the family"),
    "smoking": N_("does not want smoking at home — there is smoking at the family's home"),
}
