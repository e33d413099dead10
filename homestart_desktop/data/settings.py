"""The branch's settings: policy choices with the defaults of DOMAIN.md, stored in the case file.

Each setting is a field of :class:`BranchSettings`; the ``setting`` table keeps one JSON value per
field that differs from nothing at all, so a new setting needs no migration: its default applies
until the coordinator changes it.
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any

from homestart_desktop.data.changes import Changes
from homestart_desktop.data.codes import ExpenseRegime

if TYPE_CHECKING:  # the settings read without SQLAlchemy too (settings_from_stored)
    from sqlmodel import Session


@dataclasses.dataclass(frozen=True)
class BranchSettings:
    # The branch
    branch_name: str = ""
    branch_code: str = ""  # short code the central office knows the branch by
    street: str = ""
    postcode: str = ""
    municipality: str = ""
    phone: str = ""
    email: str = ""
    coordinator: str = ""
    founded_year: int = 2000  # no event of the branch lies before it (data/validation.py)
    # The organisation (information note, law of 3 July 2005)
    organisation: str = "Home-Start Vlaanderen vzw"
    legal_form: str = "vzw"
    company_number: str = ""
    non_profit_aim: str = (
        "Gezinnen met jonge kinderen ondersteunen via vrijwilligers die hen thuis bezoeken."
    )
    # The documents' own words, typed per language (nl in the plain field, fr and en beside it):
    # a French document never prints the Dutch text.
    non_profit_aim_fr: str = (
        "Soutenir les familles avec de jeunes enfants grâce à des volontaires qui leur rendent "
        "visite à domicile."
    )
    non_profit_aim_en: str = (
        "Supporting families with young children through volunteers who visit them at home."
    )
    insurer: str = ""
    policy_number: str = ""
    other_cover: str = ""
    other_cover_fr: str = ""
    other_cover_en: str = ""
    signature_place: str = ""  # where the agreement is signed ("Gent"); empty: a line to fill in
    signature_place_fr: str = ""
    signature_place_en: str = ""
    # Expenses (2025 amounts; indexed every year, km rate every quarter)
    expense_regime: ExpenseRegime = ExpenseRegime.flat_rate
    flat_rate_day_cents: int = 4231
    flat_rate_year_cents: int = 169251
    car_km_rate_e4: int = 4320  # euro × 10 000: €0.4320 per km
    bicycle_km_rate_e4: int = 3500
    combined_km_limit: int = 2000
    # Legal amounts of the years the app does not ship (data/legal_amounts.py), one dict a year.
    legal_amounts_added: tuple[dict[str, Any], ...] = ()
    # Central office
    central_office_public_key: str = ""
    webdav_url: str = ""  # the central office's upload-only share (e.g. a Nextcloud file drop)
    webdav_password: str = ""  # the share's password, if it has one
    # Quarterly figures: "around birth" = from pregnancy to this many months after the birth;
    # a "young parent" is younger than this at the start of the trajectory.
    around_birth_months_after: int = 6
    young_parent_under: int = 23
    # The app
    language: str = "nl"
    autolock_minutes: int = 10
    lock_with_screen: bool = True  # lock too when the computer's screen locks or it sleeps
    backups_to_keep: int = 10
    # Privacy: the versions of the branch's privacy statement that families sign (label and the
    # date of that version, ISO); the default is one version dated the day the GDPR applied.
    privacy_statements: tuple[dict[str, str], ...] = ({"version": "1", "dated": "2018-05-25"},)
    # Retention (data/retention/): years after support ended that personal data is kept (the day
    # it was chosen is kept beside it, see data/retention/due.py).
    retention_years: int = 5
    audit_retention_years: int = 7  # the Logboek's entries lose who and subject after this
    # Reviews: months after the start, then every ``review_every_months``.
    first_reviews_months: tuple[int, ...] = (3, 6)
    review_every_months: int = 6
    extract_max_age_days: int = 31
    extract_renewal_years: int = 3
    no_visit_alert_days: int = 14
    coaching_alert_weeks: int = 8
    waiting_alert_days: int = 60
    # Matching: weights of the soft factors (points out of 100 by default), the neighbourhood
    # a family may refuse, how much a year of waiting adds to a family's claim in the whole list.
    match_weight_distance: int = 25
    match_weight_languages: int = 20
    match_weight_half_days: int = 15
    match_weight_experience: int = 20
    match_weight_wishes: int = 10
    match_weight_volunteer_waiting: int = 10
    match_neighbourhood_km: int = 2
    match_family_wait_priority: int = 50
    match_several_families: bool = False  # a volunteer may take up to their own maximum

    def replace(self, **changes: Any) -> BranchSettings:
        return dataclasses.replace(self, **changes)


_FIELDS = {f.name: f for f in dataclasses.fields(BranchSettings)}


def _decode(name: str, raw: str) -> Any:
    value = json.loads(raw)
    default = _FIELDS[name].default
    if isinstance(default, ExpenseRegime):
        return ExpenseRegime(value)
    if isinstance(default, tuple):
        return tuple(value)
    return value


def _encode(value: Any) -> str:
    if isinstance(value, ExpenseRegime):
        value = value.value
    if isinstance(value, tuple):
        value = list(value)
    return json.dumps(value, ensure_ascii=False)


def load_settings(*, session: Session) -> BranchSettings:
    """The branch's settings, defaults where nothing was stored."""
    from sqlmodel import select

    from homestart_desktop.data.models import Setting

    return settings_from_stored({row.key: row.value for row in session.exec(select(Setting))})


def settings_from_stored(stored: dict[str, str]) -> BranchSettings:
    """The settings from the ``setting`` table's rows (key → JSON), defaults for the rest."""
    values = {name: _decode(name, raw) for name, raw in stored.items() if name in _FIELDS}
    return BranchSettings(**values)


def save_settings(*, session: Session, settings: BranchSettings) -> Changes:
    """Store every setting that differs from what is stored now."""
    current = load_settings(session=session)
    for name in _FIELDS:
        value = getattr(settings, name)
        if value == getattr(current, name):
            continue
        from homestart_desktop.data.models import Setting

        row = session.get(Setting, name) or Setting(key=name)
        row.value = _encode(value)
        session.add(row)
    return Changes(settings=True)


def get_secret(*, session: Session, key: str) -> str | None:
    """A value kept only inside the case file (e.g. the branch's signing key)."""
    from homestart_desktop.data.models import Setting

    row = session.get(Setting, f"secret:{key}")
    return None if row is None else json.loads(row.value)


def set_secret(*, session: Session, key: str, value: str) -> None:
    from homestart_desktop.data.models import Setting

    row = session.get(Setting, f"secret:{key}") or Setting(key=f"secret:{key}")
    row.value = json.dumps(value)
    session.add(row)
