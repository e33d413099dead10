"""Invented people for the demo branch: names as they occur in Gent, streets, phone numbers.

Every person here is made up by combining common first and last names at random. The mix
follows the families a Gent branch sees: Flemish and Brussels names next to Turkish, Moroccan,
Polish, Romanian, Ukrainian (often written in Cyrillic), Syrian and Congolese ones, each written
with its own letters.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


def _n(text: str) -> tuple[str, ...]:
    return tuple(text.split(", "))


@dataclass(frozen=True)
class Origin:
    """A group of names and the languages that come with it."""

    code: str
    weight: int  # share of families, in percent
    female: tuple[str, ...]
    male: tuple[str, ...]
    last: tuple[str, ...]
    languages: tuple[str, ...]  # ISO 639-1, first is the home language
    newcomer_share: float  # share that arrived in Belgium less than five years ago


ORIGINS: tuple[Origin, ...] = (
    Origin(
        "flemish",
        46,
        _n(
            "Els, An, Sofie, Lien, Eline, Hanne, Marieke, Griet, Lotte, Jana, Femke, Kaat, Ine, Annelies, Nele, Lore, Fien, Joke, Saartje, Leen"
        ),
        _n(
            "Jef, Pieter, Bram, Wout, Tom, Koen, Joris, Stijn, Dries, Thomas, Jens, Lander, Sander, Bart, Wim, Kobe, Arne, Seppe, Matthias, Jonas"
        ),
        _n(
            "Van den Broeck, Peeters, Janssens, De Smet, Claeys, Verbeke, De Vos, Goethals, Van de Velde, De Clercq, Maes, Vermeulen, Desmet, D'hondt, Van Acker, De Coninck, Vandenberghe, Mertens, Wuyts, Van Damme, Declercq, Baert, Stevens, Van Hecke, De Baets, Lievens, Vervaet, Coppens"
        ),
        ("nl",),
        0.0,
    ),
    Origin(
        "brussels",
        6,
        _n("Amélie, Chloé, Élodie, Manon, Camille, Léa, Noémie, Céline"),
        _n("Loïc, Mathéo, Benoît, Cédric, Jérôme, Grégoire, François, Noé"),
        _n("Dubois, Lambert, Dupont, Lefèvre, Renard, Moreau, Lecomte, Deschamps"),
        ("fr", "nl"),
        0.0,
    ),
    Origin(
        "moroccan",
        10,
        _n("Fatima, Khadija, Nadia, Samira, Meryem, Imane, Hafsa, Loubna, Yasmina"),
        _n("Mohamed, Youssef, Karim, Rachid, Bilal, Hamza, Mehdi, Anouar, Said"),
        _n(
            "El Amrani, Bouzid, El Idrissi, Benali, Ait Taleb, Chaoui, El Khattabi, Azzouzi, Boukhari, Tahiri"
        ),
        _n("ar, nl, fr"),
        0.12,
    ),
    Origin(
        "turkish",
        9,
        _n("Özlem, Ayşe, Gülşen, Büşra, Elif, Şeyma, Dilek, Hatice, Esra"),
        _n("Mehmet, Ömer, Yiğit, Emre, Mustafa, Hüseyin, Çağan, Burak, Tolga"),
        _n("Yılmaz, Öztürk, Çelik, Doğan, Şahin, Kaya, Aydın, Güneş, Koç, Erdoğan"),
        ("tr", "nl"),
        0.10,
    ),
    Origin(
        "polish",
        5,
        _n("Agnieszka, Małgorzata, Katarzyna, Żaneta, Joanna, Urszula, Beata"),
        _n("Łukasz, Paweł, Krzysztof, Michał, Wojciech, Grzegorz, Tomasz"),
        _n("Wróbel, Kowalczyk, Nowak, Wiśniewski, Zieliński, Dąbrowski, Szymański"),
        ("pl", "nl"),
        0.25,
    ),
    Origin(
        "romanian",
        5,
        _n("Ioana, Andreea, Mădălina, Ștefania, Raluca, Alina, Cristina"),
        _n("Andrei, Ștefan, Mihai, Florin, Răzvan, Ionuț, Bogdan"),
        _n("Țurcanu, Popescu, Ionescu, Stănescu, Munteanu, Dumitrașcu, Răducanu"),
        ("ro", "nl"),
        0.30,
    ),
    Origin(
        "ukrainian",
        6,
        _n("Наталія, Олена, Оксана, Ірина, Тетяна, Yuliia, Kateryna, Svitlana"),
        _n("Андрій, Олександр, Дмитро, Сергій, Taras, Bohdan, Mykola"),
        _n("Коваленко, Шевченко, Бондаренко, Ткаченко, Kravchenko, Melnyk, Boyko"),
        _n("uk, ru, en"),
        0.85,
    ),
    Origin(
        "syrian",
        6,
        _n("Rasha, Hiba, Nour, Lama, Rana, Ghada, Aya, Dima"),
        _n("Ahmad, Omar, Khaled, Mahmoud, Yazan, Tarek, Fadi, Samer"),
        _n("Al-Hassan, Haddad, Al-Khatib, Kassab, Darwish, Al-Masri, Hamoud"),
        ("ar", "en"),
        0.55,
    ),
    Origin(
        "congolese",
        7,
        _n("Grâce, Bénédicte, Chantal, Nsimba, Mireille, Divine, Esther"),
        _n("Jean-Pierre, Patrick, Dieudonné, Christian, Glody, Héritier, Junior"),
        _n("Mbuyi, Kabongo, Tshibanda, Lukusa, Ilunga, Mukendi, Kalala, Nzeza"),
        _n("fr, ln, nl"),
        0.20,
    ),
)

# Volunteers in a Flemish branch are mostly Flemish women; a few speak another language too.
VOLUNTEER_ORIGIN_WEIGHTS: dict[str, int] = {
    "flemish": 76,
    "brussels": 6,
    "moroccan": 6,
    "turkish": 5,
    "polish": 2,
    "romanian": 1,
    "ukrainian": 2,
    "syrian": 1,
    "congolese": 1,
}

STREETS: tuple[str, ...] = _n(
    "Kerkstraat, Stationsstraat, Molenstraat, Dorpsstraat, Nieuwstraat, Schoolstraat, Kapelstraat, Veldstraat, Brugsesteenweg, Kortrijksesteenweg, Sint-Pietersplein, Drongensesteenweg, Wondelgemstraat, Dendermondsesteenweg, Sleepstraat, Lindenlaan, Beukenlaan, Populierenlaan, Meersstraat, Boerenstraat, Koning Albertlaan, Bellevue, Rabotstraat, Sluizeken, Tolhuislaan, Gebroeders Vandeveldestraat"
)

# Gent and the municipalities around it; the first ones are where most families live.
POSTCODES: tuple[tuple[str, int], ...] = (
    ("9000", 30),
    ("9030", 5),
    ("9031", 3),
    ("9032", 4),
    ("9040", 6),
    ("9041", 6),
    ("9042", 4),
    ("9050", 7),
    ("9051", 3),
    ("9052", 3),
    ("9070", 3),
    ("9080", 2),
    ("9090", 2),
    ("9820", 3),
    ("9830", 1),
    ("9840", 2),
    ("9860", 1),
    ("9880", 1),
    ("9890", 1),
    ("9920", 1),
    ("9930", 1),
    ("9940", 2),
    ("9950", 1),
    ("9960", 1),
    ("9968", 1),
    ("9970", 1),
    ("9980", 1),
    ("9990", 1),
    ("9991", 1),
    ("9992", 1),
)

CHILD_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "flemish": (
        _n("Lina, Mila, Noor, Olivia, Fleur, Marie, Julie, Nora"),
        _n("Noah, Lucas, Vic, Mathis, Warre, Finn, Lowie, Jules"),
    ),
    "brussels": (_n("Zoé, Inès, Clémence, Anaïs"), _n("Théo, Gaël, Raphaël, Léon")),
    "moroccan": (_n("Amira, Salma, Aya, Lina"), _n("Adam, Ayoub, Ilyas, Rayan")),
    "turkish": (_n("Zeynep, Eylül, Ecrin, Defne"), _n("Yusuf, Eymen, Çınar, Ömer")),
    "polish": (_n("Zuzanna, Łucja, Hanna, Maja"), _n("Jakub, Szymon, Antoni, Kacper")),
    "romanian": (_n("Ana, Sofia, Ioana, Bianca"), _n("David, Luca, Ștefan, Matei")),
    "ukrainian": (_n("Софія, Анна, Zlata, Марія"), _n("Максим, Артем, Mark, Іван")),
    "syrian": (_n("Jana, Maya, Lara, Tala"), _n("Karam, Adam, Omar, Zain")),
    "congolese": (_n("Merveille, Océane, Grâce, Précieuse"), _n("Nathan, Éli, Josué, Ezéchiel")),
}

COORDINATORS: tuple[str, ...] = ("Griet Vanhoutte", "Sarah Ben Haddou")


def pick_origin(rng: random.Random, weights: dict[str, int] | None = None) -> Origin:
    """An origin group, drawn with the branch's shares (or the given weights)."""
    if weights is None:
        return rng.choices(ORIGINS, weights=[o.weight for o in ORIGINS])[0]
    return rng.choices(ORIGINS, weights=[weights.get(o.code, 0) for o in ORIGINS])[0]


def _cyrillic(name: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in name)


def name_like(rng: random.Random, names: tuple[str, ...], like: str) -> str:
    """A name from ``names`` in the same script as ``like`` (Cyrillic or Latin letters)."""
    same = [n for n in names if _cyrillic(n) == _cyrillic(like)]
    return rng.choice(same or names)


def pick_postcode(rng: random.Random) -> str:
    return rng.choices([p for p, _ in POSTCODES], weights=[w for _, w in POSTCODES])[0]


def street_address(rng: random.Random) -> str:
    number = rng.randint(1, 180)
    box = f" bus {rng.randint(1, 12)}" if rng.random() < 0.2 else ""
    return f"{rng.choice(STREETS)} {number}{box}"


def phone_number(rng: random.Random) -> str:
    """A mobile number in Belgian notation, from one invented block (0499 00…)."""
    return f"0499 00 {rng.randint(10, 99)} {rng.randint(10, 99)}"
