"""Words the name detector must not take for a family member's name on their own.

All folded (lower case, no accents). ``COMMON_WORDS``: given names and Flemish, Dutch, French and
English surnames that are also ordinary words; such a name counts only when written with a
capital in the middle of a sentence. ``ALWAYS_CAPITALISED``: words that are written with a capital
anyway (languages, months, feasts, places) and so never count alone. Extend freely: a missing
word costs a needless warning, never a missed name written in full.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PARTICLES = _words(
    """
    van von vom de der den het t ter ten te vanden vander vande op in
    le la les l du des d da di del della dos das do dal
    el al ben bin ibn abu bint ould
    mc mac o y e
    """
)

COMMON_WORDS = _words(
    """
    roos hoop bloem fleur lente zomer winter herfst storm wolf vos beer leeuw haan mol vink
    kraai mus duif kat hond kip vogel snoek baars paling vis bok pauw zwaan kievit spreeuw
    bakker smit smet visser koning boer groot grote groote klein kleine jong jonge oud wit witte
    zwart zwarte bruin bruine groen rood blauw geel grijs lang lange kort korte wilde goede
    hof berg bos beek dijk brug kerk molen huis dam veld ven heide water zee meer zon maan ster
    sterre hemel dag nacht brouwer schepper kok kuiper schilder timmerman molenaar slager
    kramer koster schipper jager herder meester ridder knecht prins hertog graaf keizer paus
    bisschop engel boon peer appel kers noot eik linde wilg hulst ceder moor
    iris lelie jasmijn margriet amber jade kiki robin hazel lies els pier staf lieve trui
    door bas ben wil job kas mark frank ward rune
    hanna lotte mila noa ella lien lore
    mei juni april juli maart
    pierre rose olive olivier violette marguerite capucine hortense aurore celeste etoile
    soleil lune lys ambre perle agate cristal grace joie paix foi charite ange colombe
    constant constance prudence patience clement aime desire modeste parfait fidele victoire
    esperance innocent blanche blanc noir brun roux gros petit grand fort bon roi
    renard lapin loup lion fontaine boulanger boucher meunier mercier charpentier maire
    marchand berger chevalier cousin fournier macon bois mai avril juin
    daisy lily holly ivy jasmine pearl ruby crystal faith hope joy dawn sky river summer
    autumn june may august will bill pat sue sandy rusty guy jack nick rob
    can su ay nur deniz umut
    """
)

ALWAYS_CAPITALISED = _words(
    """
    frans engels duits turks pools russisch arabisch marokkaans belgisch vlaams nederlands
    spaans italiaans roemeens bulgaars grieks portugees chinees japans
    noel toussaint pasen kerstmis pinksteren ramadan
    florence paris victoria lourdes jordan india china georgia sydney london roma brussel
    gent antwerpen leuven brugge mechelen
    """
)
