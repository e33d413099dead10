"""The app's fields a branch's list can fill, and the words branches use for them.

Each field knows how its cells are read (text, a name to split, a date, a phone number, a
postcode, a choice from a list) and the headers it answers to in Dutch, French and English.
Each list knows its codes, their labels and the values people type for them, so that *OCMW*,
*ocmw Gent* and *CPAS* all become ``ocmw``. Headers and values are compared folded (no accents,
no case, no punctuation).
"""

from __future__ import annotations

import dataclasses
import enum
import re

from homestart_desktop.data.families.intake_choices import REFERRER_CATEGORIES
from homestart_desktop.domain.matching_words import EXPERIENCE_CHOICES
from homestart_desktop.domain.search import normalise
from homestart_desktop.i18n import LANGUAGES, N_, gettext


class Kind(enum.StrEnum):
    families = "families"
    volunteers = "volunteers"
    matches = "matches"


KIND_LABELS = {
    Kind.families: N_("Families"),
    Kind.volunteers: N_("Volunteers"),
    Kind.matches: N_("Running matches"),
}


@dataclasses.dataclass(frozen=True)
class Field:
    key: str
    label: str  # a msgid: translate where shown
    reads: str  # text, name, date, phone, postcode, email, choice, tags (several choices)
    headers: tuple[str, ...]
    choices: str = ""  # the list of a choice field
    number: int = 0  # the child's number in a label "Birth date child {number}"

    def title(self, lang: str | None = None) -> str:
        """The field's name in ``lang`` (the current language by default)."""
        return gettext(self.label, lang=lang).format(number=self.number)

    def all_headers(self) -> tuple[str, ...]:
        """The words it answers to, and its own name in every language (the template's)."""
        return self.headers + tuple(fold(self.title(lang)) for lang in LANGUAGES)


def fold(text: str) -> str:
    """Header or value as compared: 'Geboortedatum  Kind1 ' → 'geboortedatum kind 1'."""
    folded = re.sub(r"[^\w&+]+", " ", normalise(text)).replace("_", " ")
    return " ".join(re.sub(r"(?<=[a-z])(?=\d)", " ", folded).split())


def _f(key: str, label: str, reads: str, headers: str, choices: str = "", number: int = 0) -> Field:
    return Field(key, label, reads, tuple(fold(h) for h in headers.split("|")), choices, number)


_REFERENCE = "referentie|ref|code|dossier|dossiernummer|dossiernr|nummer|reference|numero|id"
_FIRST = "voornaam|prenom|first name|firstname|given name"
_LAST = "achternaam|familienaam|nom de famille|last name|surname|nom"
_FULL = "naam|volledige naam|naam en voornaam|nom et prenom|nom complet|full name|name"
_PHONE = "gsm|telefoon|tel|telefoonnummer|gsm nummer|telephone|portable|gsm moeder|phone|mobile"
_STREET = "straat|adres|straat en nummer|straat + nr|rue|adresse|street|address"
_POSTCODE = "postcode|post code|pc|postnummer|code postal|cp|postal code|zip"
_PLACE = "gemeente|woonplaats|stad|deelgemeente|commune|localite|ville|municipality|city|town"
_LANGUAGE = "taal|thuistaal|documenttaal|langue|language"
_STATUS = "status|statuut|stand van zaken|statut|etat|state"
_VOLUNTEER = "vrijwilliger|vrijwilligster|naam vrijwilliger|benevole|volontaire|volunteer"
_START = (
    "start koppeling|startdatum|start begeleiding|begin koppeling|gekoppeld sinds|"
    "debut accompagnement|date de debut|debut|match start|start date|start"
)


def _children() -> list[Field]:
    fields = []
    for n in (1, 2, 3):
        fields.append(
            _f(
                f"child_first_name_{n}",
                N_("First name child {number}"),
                "text",
                f"naam kind {n}|voornaam kind {n}|kind {n}|prenom enfant {n}|enfant {n}|"
                f"child {n}|first name child {n}",
                number=n,
            )
        )
        fields.append(
            _f(
                f"child_birth_date_{n}",
                N_("Birth date child {number}"),
                "date",
                f"geboortedatum kind {n}|geb datum kind {n}|geboorte kind {n}|"
                f"date de naissance enfant {n}|naissance enfant {n}|birth date child {n}",
                number=n,
            )
        )
    return fields


FIELDS: dict[Kind, tuple[Field, ...]] = {
    Kind.families: (
        _f("reference", N_("Family code"), "text", _REFERENCE + "|code gezin"),
        _f(
            "first_name",
            N_("First name parent"),
            "text",
            _FIRST + "|voornaam moeder|voornaam ouder|prenom mere",
        ),
        _f("last_name", N_("Last name parent"), "text", _LAST),
        _f(
            "full_name",
            N_("Name parent (first and last name, split)"),
            "name",
            _FULL + "|naam moeder|naam ouder|naam mama|moeder|ouder|mere|parent",
        ),
        _f("phone", N_("Phone"), "phone", _PHONE),
        _f("street", N_("Street and number"), "text", _STREET),
        _f("postcode", N_("Postcode"), "postcode", _POSTCODE),
        _f("municipality", N_("Municipality"), "text", _PLACE),
        _f("language", N_("Language"), "choice", _LANGUAGE, "language"),
        _f(
            "referred_on",
            N_("Referral date"),
            "date",
            "datum aanmelding|aanmelddatum|aanmelding|datum verwijzing|aangemeld op|"
            "date de signalement|date d inscription|date inscription|date de demande|"
            "referral date|referred on",
        ),
        _f(
            "referrer",
            N_("Referred by"),
            "choice",
            "verwezen door|verwijzer|doorverwijzer|aanmelder|verwijzende dienst|envoye par|"
            "oriente par|orientation|service envoyeur|referred by|referrer",
            "referrer",
        ),
        _f(
            "single_parent",
            N_("Single parent"),
            "choice",
            "alleenstaande|alleenstaand|alleenstaande ouder|eenoudergezin|gezinssituatie|"
            "monoparental|famille monoparentale|single parent",
            "yes_no",
        ),
        *_children(),
        _f(
            "due_date",
            N_("Due date (unborn child)"),
            "date",
            "uitgerekende datum|verwachte bevalling|vermoedelijke bevallingsdatum|terme|"
            "date prevue d accouchement|due date",
        ),
        _f("status", N_("Status"), "choice", _STATUS, "family_status"),
        _f(
            "waiting_since",
            N_("On the waiting list since"),
            "date",
            "wachtlijst sinds|op wachtlijst sinds|wachtend sinds|datum wachtlijst|"
            "en attente depuis|liste d attente depuis|waiting since",
        ),
        _f("volunteer", N_("Volunteer"), "text", _VOLUNTEER),
        _f("match_start", N_("Start of the match"), "date", _START),
        _f(
            "closed_on",
            N_("Closed on"),
            "date",
            "einddatum|einde|afgesloten op|datum afsluiting|stopdatum|gestopt op|"
            "date de fin|date de cloture|fin|closed on|end date",
        ),
    ),
    Kind.volunteers: (
        _f("reference", N_("Volunteer code"), "text", _REFERENCE + "|code vrijwilliger"),
        _f("first_name", N_("First name"), "text", _FIRST),
        _f("last_name", N_("Last name"), "text", _LAST),
        _f(
            "full_name",
            N_("Name (first and last name, split)"),
            "name",
            _FULL + "|vrijwilliger|benevole",
        ),
        _f(
            "birth_date",
            N_("Birth date"),
            "date",
            "geboortedatum|geb datum|date de naissance|naissance|birth date|date of birth",
        ),
        _f("gender", N_("Gender"), "choice", "geslacht|m v|gender|sexe|genre", "gender"),
        _f("phone", N_("Phone"), "phone", _PHONE),
        _f("email", N_("E-mail"), "text", "e mail|email|mail|e mailadres|emailadres|courriel"),
        _f("street", N_("Street and number"), "text", _STREET),
        _f("postcode", N_("Postcode"), "postcode", _POSTCODE),
        _f("municipality", N_("Municipality"), "text", _PLACE),
        _f("language", N_("Language"), "choice", _LANGUAGE, "language"),
        _f("status", N_("Status"), "choice", _STATUS, "volunteer_status"),
        _f("has_car", N_("Has a car"), "choice", "auto|wagen|eigen vervoer|voiture|car", "yes_no"),
        _f(
            "experience_tags",
            N_("Experience with families"),
            "tags",
            "ervaring|ervaringen|ervaring met|ervaring met gezinnen|expertise|"
            "experience|experiences|experience avec|experience with",
            "experience",
        ),
    ),
    Kind.matches: (
        _f(
            "family",
            N_("Family (code or name of the parent)"),
            "text",
            "gezin|familie|code gezin|naam gezin|referentie gezin|famille|family",
        ),
        _f("volunteer", N_("Volunteer (code or name)"), "text", _VOLUNTEER),
        _f("start_on", N_("Start of the match"), "date", _START),
        _f(
            "weekday",
            N_("Visit day"),
            "choice",
            "dag|bezoekdag|weekdag|vaste dag|jour|jour de visite|day|visit day",
            "weekday",
        ),
        _f(
            "half_day",
            N_("Part of the day"),
            "choice",
            "dagdeel|moment|tijdstip|partie de la journee|moment de la journee|half day",
            "half_day",
        ),
    ),
}


def field(kind: Kind, key: str) -> Field:
    return next(f for f in FIELDS[kind] if f.key == key)


# ---- The lists: code → (label msgid, what people type)

_REFERRER_WORDS = {
    "ocmw": "ocmw|cpas|om|sociaal huis|sociale dienst",
    "huis_van_het_kind": "huis van het kind|hvhk|hvk|maison de l enfant",
    "kind_en_gezin": "kind en gezin|k&g|kg|k en g|kind & gezin|one|opgroeien",
    "clb": "clb|pms|cpms",
    "school": "school|ecole|kleuterschool",
    "kinderopvang": "kinderopvang|creche|kribbe|opvang|onthaalouder|childcare",
    "buurtwerk": "buurtwerk|samenlevingsopbouw|wijkwerk|buurtcentrum",
    "caw": "caw|jac",
    "ckg": "ckg|centrum voor kinderzorg",
    "ocj": "ocj|sdj|ondersteuningscentrum jeugdzorg",
    "een_gezin_een_plan": "1g1p|1 gezin 1 plan|een gezin een plan",
    "perinataal_netwerk": "perinataal|perinataal netwerk|perinatal",
    "ziekenhuis": "ziekenhuis|hopital|materniteit|maternite|kraamafdeling|hospital|uz|az",
    "huisarts": "huisarts|dokter|arts|medecin|medecin generaliste|gp",
    "vroedvrouw": "vroedvrouw|sage femme|midwife",
    "cgg": "cgg|geestelijke gezondheid|sante mentale",
    "wijkgezondheidscentrum": "wijkgezondheidscentrum|wgc|maison medicale",
    "zelfaanmelding": "zelf|zelfaanmelding|eigen initiatief|ouder zelf|lui meme|elle meme|self",
    "andere": "andere|anders|autre|other",
}

# A volunteer's experience, as branches write it in one cell: "baby's, tieners; meerlingen".
_EXPERIENCE_WORDS = {
    "newborn": "baby|babys|baby s|babies|pasgeborenen|pasgeboren|zuigelingen|nieuwgeborenen|"
    "bebe|bebes|nourrissons|nouveau nes|newborn|newborns|infants",
    "teenagers": "tieners|tiener|pubers|puber|adolescenten|jongeren|ados|adolescents|teenagers|"
    "teens",
    "twins": "tweeling|tweelingen|meerling|meerlingen|drieling|jumeaux|jumelles|triples|"
    "naissances multiples|twins|multiple births|multiples",
    "disability": "handicap|beperking|beperkingen|mensen met een beperking|handicape|disability|"
    "disabilities|special needs",
    "psychological": "psychisch|psychische kwetsbaarheid|psychische problemen|"
    "geestelijke gezondheid|sante mentale|vulnerabilite psychologique|psychologique|"
    "mental health|psychological",
    "newcomers": "nieuwkomers|nieuwkomer|anderstaligen|vluchtelingen|migranten|primo arrivants|"
    "nouveaux arrivants|refugies|newcomers|refugees|migrants",
    "single_fathers": "alleenstaande vaders|alleenstaande vader|vaders alleen|peres seuls|"
    "pere seul|papas solos|single fathers|single dads",
}

LISTS: dict[str, dict[str, tuple[str, str]]] = {
    "experience": {
        code: (label, _EXPERIENCE_WORDS[code]) for code, label in EXPERIENCE_CHOICES.items()
    },
    "referrer": {
        code.value: (label, _REFERRER_WORDS[code.value])
        for code, label in REFERRER_CATEGORIES.items()
    },
    "language": {
        "nl": (N_("Dutch"), "nl|nederlands|neerlandais|dutch|vlaams|ned|n"),
        "fr": (N_("French"), "fr|frans|francais|french|f"),
        "en": (N_("English"), "en|engels|anglais|english|e"),
    },
    "yes_no": {
        "yes": (
            N_("yes"),
            "ja|j|x|1|yes|y|oui|o|waar|true|v|alleenstaande|alleenstaand|"
            "eenoudergezin|eenouder|monoparental|monoparentale|single",
        ),
        "no": (
            N_("no"),
            "nee|neen|n|0|no|non|onwaar|false|samenwonend|samen|gehuwd|koppel|"
            "tweeoudergezin|couple|cohabitant|maries",
        ),
    },
    "family_status": {
        "waiting": (
            N_("waiting list"),
            "wachtlijst|wacht|wachtend|op wachtlijst|en attente|attente|liste d attente|waiting",
        ),
        "active": (
            N_("active"),
            "actief|lopend|loopt|begeleiding|gekoppeld|in begeleiding|"
            "actif|active|en cours|accompagnement",
        ),
        "closed": (
            N_("closed"),
            "afgesloten|gestopt|einde|beeindigd|afgerond|stop|cloture|termine|arrete|closed|ended",
        ),
    },
    "volunteer_status": {
        "candidate": (N_("candidate"), "kandidaat|kandidaat vrijwilliger|candidat|candidate"),
        "in_training": (N_("in training"), "in opleiding|opleiding|vorming|en formation|training"),
        "available": (N_("available"), "beschikbaar|actief|vrij|disponible|actif|available|active"),
        "paused": (N_("paused"), "pauze|gepauzeerd|tijdelijk gestopt|en pause|pause|paused"),
        "stopped": (N_("stopped"), "gestopt|stop|uit dienst|arrete|stopped|ended"),
    },
    "gender": {
        "female": (N_("woman"), "v|vrouw|f|femme|female|w|vrouwelijk"),
        "male": (N_("man"), "m|man|h|homme|male|mannelijk"),
        "other": (N_("other"), "x|anders|autre|other"),
    },
    "weekday": {
        str(day): (label, words)
        for day, (label, words) in enumerate(
            (
                (N_("Monday"), "maandag|ma|lundi|lu|monday|mon"),
                (N_("Tuesday"), "dinsdag|di|mardi|ma|tuesday|tue"),
                (N_("Wednesday"), "woensdag|wo|mercredi|me|wednesday|wed"),
                (N_("Thursday"), "donderdag|do|jeudi|je|thursday|thu"),
                (N_("Friday"), "vrijdag|vr|vendredi|ve|friday|fri"),
                (N_("Saturday"), "zaterdag|za|samedi|sa|saturday|sat"),
                (N_("Sunday"), "zondag|zo|dimanche|sunday|sun"),
            )
        )
    },
    "half_day": {
        "morning": (N_("morning"), "voormiddag|vm|ochtend|morgen|matin|morning|am"),
        "afternoon": (N_("afternoon"), "namiddag|nm|middag|apres midi|afternoon|pm"),
        "evening": (N_("evening"), "avond|soir|evening"),
    },
}


def suggest_value(list_name: str, raw: str) -> str | None:
    """The code ``raw`` most likely means in ``list_name``, or None when nothing fits."""
    value = fold(raw)
    if not value:
        return None
    choices = LISTS[list_name]
    for code, (label, words) in choices.items():  # the whole value, as typed for a code
        if value in {fold(word) for word in words.split("|")} or value == fold(code):
            return code
        if value in {fold(gettext(label, lang=lang)) for lang in LANGUAGES}:
            return code  # the label itself, as the template's drop-down offers it
    tokens = f" {value} "
    best: tuple[int, str] | None = None
    for code, (_label, words) in choices.items():  # a word of it: 'ocmw Gent', 'CPAS Namur'
        for word in words.split("|"):
            word = fold(word)
            if len(word) >= 2 and f" {word} " in tokens and (best is None or len(word) > best[0]):
                best = (len(word), code)
    return best[1] if best else None
