"""The demo's notes: visit notes, intervision notes and coaching talks, put together from parts.

Each note is a sentence about what happened and, often, one about how it went or what comes
next, so a branch of five years reads like many visits and not like five sentences repeated.
All invented; no names (the name check on notes must stay quiet on the demo).
"""

from __future__ import annotations

import random

VISIT_DONE = (
    "Samen naar de bib geweest en boekjes uitgekozen.",
    "Met de kinderen naar de speeltuin in het park.",
    "Brief van de mutualiteit samen bekeken.",
    "Kinderen voorgelezen; mama kon even rusten.",
    "Samen soep gemaakt met de groenten van de markt.",
    "Met de jongste gaan wandelen zodat mama kon slapen.",
    "Huiswerk gemaakt met de oudste; rekenen blijft moeilijk.",
    "Samen naar het consultatiebureau van Kind en Gezin.",
    "Formulier voor de schooltoelage samen ingevuld.",
    "Gespeeld met blokken en klei aan de keukentafel.",
    "Samen boodschappen gedaan en het weekbudget bekeken.",
    "Naar de inloopdag van het Huis van het Kind gegaan.",
    "Vooral geluisterd; het was een drukke week.",
    "Samen een afspraak bij de huisarts gemaakt.",
    "Liedjes gezongen en prentenboeken bekeken met de baby.",
    "Met de kinderen naar de kinderboerderij.",
    "Samen de brief van het OCMW gelezen en een antwoord opgesteld.",
    "De was opgevouwen terwijl we praatten over de nieuwe crèche.",
)
VISIT_HOW = (
    "",
    "",
    "Mama had een zware week en was blij met wat rust.",
    "Papa was er deze keer ook bij.",
    "De kinderen zaten al aan het raam te wachten.",
    "De oudste vertelde honderduit over school.",
    "De baby slaapt nu beter 's nachts.",
    "Mama durft nu zelf te bellen naar de school.",
    "Er was spanning in huis; rustig gebleven en later even nagebeld.",
    "Volgende week willen ze samen naar de markt.",
    "Mama vroeg of ik eens mee kan naar het oudercontact.",
    "Het Nederlands gaat elke week wat vlotter.",
    "De jongste was ziek, dus korter gebleven.",
)
SESSION_SITUATION = (
    "Ervaringen uitgewisseld over {family}: de vrijwilliger voelt zich soms machteloos.",
    "Casus {family} besproken; tips over het betrekken van de oudste.",
    "Vraag rond {family}: hoe reageer je als mama afzegt zonder te verwittigen?",
    "Bij {family} loopt het na een moeilijke start nu vlot.",
    "Rond {family} stilgestaan bij de taalbarrière; een tolk komt misschien eens mee.",
    "Bij {family} staat een verhuis gepland; wat betekent dat voor de bezoeken?",
    "Casus {family}: de vrijwilliger merkt schulden op en weet niet goed hoe die aan te kaarten.",
    "Over {family} gesproken: papa is nu vaker thuis en wil ook betrokken worden.",
    "Bij {family} is een tweede kindje op komst; de vrijwilliger wil de bezoeken houden.",
    "Bij {family} gaat het beter met slapen en eten; samen gekeken wat daarbij hielp.",
)
SESSION_ADVICE = (
    "",
    "",
    "",
    "",
    "De groep raadt aan om eerst met de coördinator te bellen.",
    "Afgesproken om het bij het volgende coachingsgesprek terug op te nemen.",
    "Een andere vrijwilliger deelde hoe zij het aanpakte.",
    "Goed om de eigen grenzen te bewaken.",
    "Idee: samen naar het Huis van het Kind voor de inloop.",
    "Tip uit de groep: kleine stappen benoemen als ze lukken.",
    "De vrijwilliger probeert het volgende keer met een vast weekritme.",
    "Herkenbaar voor meerderen in de groep.",
    "Besproken wat bij de vrijwilliger ligt en wat bij de hulpverlening.",
    "Voorstel: het gezin zelf laten kiezen wat ze samen doen.",
    "De coördinator neemt contact op met de verwijzer.",
    "Geoefend hoe je dat rustig en zonder oordeel zegt.",
)
SESSION_AGREEMENTS = (
    "Volgende keer bespreken we hoe het verder ging.",
    "Wie wil, deelt volgende keer een moment dat deugd deed.",
    "De coördinator stuurt het vormingsaanbod door.",
    "We nodigen iemand van het Huis van het Kind uit voor een volgende sessie.",
    "Volgende sessie: werken met een tolk.",
)
TALK_STATE = (
    "Gaat goed bij {family}; de kinderen kijken uit naar de bezoeken.",
    "Vrijwilliger twijfelt of ze genoeg doet bij {family}. Samen bekeken wat wel lukt.",
    "Bezoek bij {family} loopt vlot; volgende stap: samen naar het Huis van het Kind.",
    "Bij {family} is mama vaker moe; de vrijwilliger neemt meer de kinderen mee naar buiten.",
    "Bij {family} wordt nu ook aan de administratie gewerkt; dat geeft rust in huis.",
    "De band met {family} groeit; mama vraagt zelf om hulp bij afspraken.",
    "Bij {family} werden twee bezoeken afgezegd; samen gezocht naar een beter dagdeel.",
    "Bij {family} begint de oudste naar school; de vrijwilliger helpt met de overgang.",
)
TALK_FREE = (
    "Even stilgestaan bij de eigen grenzen; vrijwilliger neemt voldoende rust.",
    "Teruggeblikt op de vorming; vrijwilliger wil graag opnieuw een gezin.",
    "Besproken welk gezin goed zou passen; liefst jonge kinderen.",
    "Vrijwilliger had een drukke periode op het werk, nu weer meer tijd.",
)
TALK_NEXT = (
    "",
    "",
    "",
    "",
    "Volgende keer samen terugblikken.",
    "De coördinator belt volgende maand even.",
    "Vrijwilliger komt naar de volgende intervisie.",
    "Samen met de verwijzer bekijken of er meer nodig is.",
    "Vrijwilliger wil graag de vorming over taalarme gezinnen volgen.",
    "Afgesproken om de onkostennota's voortaan per maand binnen te brengen.",
    "Over drie maanden evalueren we samen met het gezin.",
    "Vrijwilliger mag altijd bellen als het zwaar wordt.",
    "Een extra bezoek samen met de coördinator wordt gepland.",
)
FOLLOW_UPS = (
    "Folder Huis van het Kind doorsturen",
    "Contact opnemen met de verwijzer",
    "Vormingsaanbod delen",
    "Adres van de tolkendienst doorgeven",
    "Info over de schooltoelage opzoeken",
    "Vrijwilliger uitnodigen voor een extra gesprek",
)


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def visit_note(rng: random.Random) -> str:
    """What a volunteer wrote after a visit."""
    return _join(rng.choice(VISIT_DONE), rng.choice(VISIT_HOW))


def session_note(rng: random.Random, family: str) -> str:
    """A case brought to intervision, named by its family code only."""
    return _join(rng.choice(SESSION_SITUATION).format(family=family), rng.choice(SESSION_ADVICE))


def session_agreements(rng: random.Random) -> str:
    """What the group agreed for next time."""
    return rng.choice(SESSION_AGREEMENTS)


def talk_note(rng: random.Random, family: str | None) -> str:
    """A coaching talk: about the family the volunteer visits, or about the volunteer when free."""
    state = rng.choice(TALK_STATE).format(family=family) if family else rng.choice(TALK_FREE)
    return _join(state, rng.choice(TALK_NEXT))


def follow_up(rng: random.Random) -> str:
    """A follow-up action after intervision."""
    return rng.choice(FOLLOW_UPS)
