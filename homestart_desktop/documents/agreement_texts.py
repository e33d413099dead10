"""The words of the volunteer agreement and its information note, in Dutch, French and English.

Why not gettext: this is a legal document (law of 3 July 2005 on the rights of volunteers). Each
language version is written as a whole, by clause, so that a reviewer reads one coherent text per
language; a clause missing in one language must be an error a test catches, never a silent fall
back to the English message id, which is what gettext does. The screens' words stay in gettext.

Placeholders are filled from the branch's settings and the volunteer's file (see agreement.py).
``CLAUSES`` lists, per key, the law's items each text must cover; the PDF tests check them.
"""

from __future__ import annotations

from homestart_desktop.documents import agreement_law_texts as law_texts

# The information note (art. 4 of the law) and what the agreement adds, by clause key.
NOTE_CLAUSES = (
    "organisation",
    "insurance",
    "liability",
    "expenses",
    "benefits",
    "discretion",
    "personal_data",
)
AGREEMENT_CLAUSES = ("role", "coaching", "extract", "privacy", "child_safety", "duration", "costs")

NL = {
    "title": "Vrijwilligersovereenkomst en informatienota",
    "note_title": "Informatienota voor de vrijwilliger",
    "note_intro": (
        "Volgens de wet van 3 juli 2005 betreffende de rechten van vrijwilligers informeert de "
        "organisatie elke vrijwilliger vóór het begin van het vrijwilligerswerk over de volgende "
        "punten."
    ),
    "organisation": (
        "1. De organisatie",
        "{organisation} is een {legal_form} met ondernemingsnummer {company_number}. "
        "De lokale werking {branch_name}, {branch_address}, maakt er deel van uit. "
        "Onbaatzuchtig doel: {non_profit_aim}",
    ),
    "insurance": (
        "2. Verzekeringen",
        "De organisatie heeft de verplichte verzekering burgerlijke aansprakelijkheid afgesloten "
        "voor schade die de vrijwilliger tijdens het vrijwilligerswerk aan anderen veroorzaakt, "
        "bij {insurer}, polisnummer {policy_number}. Bijkomende dekking: {other_cover}.",
    ),
    "expenses": (
        "4. Onkostenvergoeding",
        "Vrijwilligerswerk is onbezoldigd. De organisatie vergoedt onkosten volgens één van twee "
        "regelingen, per vrijwilliger één regeling per kalenderjaar: "
        "(a) een forfaitaire onkostenvergoeding van hoogstens {day_amount} per dag en "
        "{year_amount} per jaar ({year}; deze bedragen worden jaarlijks geïndexeerd); of "
        "(b) een vergoeding van de reële kosten op bewijs, met een kilometervergoeding van "
        "{car_rate} per km met de auto (het tarief van het federaal openbaar ambt, elk kwartaal "
        "geïndexeerd; {car_period}) en {bicycle_rate} per km met de fiets. Naast een forfaitaire vergoeding "
        "kunnen vervoerskosten enkel als reële kosten vergoed worden, voor hoogstens {km_limit} "
        "km per jaar. De gewone regeling in deze werking: {default_regime}. {all_organisations}",
    ),
    "discretion": (
        "6. Discretieplicht en beroepsgeheim",
        "De vrijwilliger heeft discretieplicht: wat de vrijwilliger over het gezin, de kinderen, "
        "andere vrijwilligers en de werking te weten komt, blijft vertrouwelijk, ook na het "
        "einde van het vrijwilligerswerk. Waar de vrijwilliger geheimen krijgt toevertrouwd in "
        "het kader van de ondersteuning, kan het beroepsgeheim van artikel 458 van het "
        "Strafwetboek van toepassing zijn; bij twijfel overlegt de vrijwilliger met de "
        "coördinator.",
    ),
    "receipt_title": "Voor ontvangst",
    "receipt": (
        "De vrijwilliger verklaart een exemplaar van deze informatienota ontvangen en gelezen te "
        "hebben."
    ),
    "agreement_title": "Vrijwilligersovereenkomst",
    "parties": "Tussen {organisation}, voor de lokale werking {branch_name}, vertegenwoordigd "
    "door {coordinator}, coördinator, en de vrijwilliger {volunteer} ({reference}), "
    "wonende te {volunteer_address}, geboren op {birth_date}, wordt het volgende afgesproken.",
    "role": (
        "Artikel 1. De opdracht",
        "De vrijwilliger bezoekt één gezin met jonge kinderen, één dagdeel per week, gedurende "
        "minstens één jaar, als een vriend aan huis: luisteren, samen spelen met de kinderen, "
        "meegaan naar diensten, helpen de weg te vinden. De ouders houden de regie. De "
        "vrijwilliger neemt geen taken van professionele hulpverleners over, doet geen "
        "huishoudelijk werk, past niet zonder afspraak alleen op de kinderen, leent of geeft "
        "geen geld en beslist niets in de plaats van de ouders.",
    ),
    "coaching": (
        "Artikel 2. Begeleiding en intervisie",
        "De coördinator begeleidt de vrijwilliger: een basisvorming vóór de eerste koppeling, "
        "individuele gesprekken, tussentijdse evaluaties met het gezin en regelmatige "
        "intervisie met andere vrijwilligers. De vrijwilliger neemt daar zo veel mogelijk aan "
        "deel en meldt het tijdig wanneer een bezoek niet kan doorgaan.",
    ),
    "extract": (
        "Artikel 3. Uittreksel uit het strafregister",
        "Omdat de vrijwilliger structureel contact heeft met minderjarigen, bezorgt de "
        "vrijwilliger vóór de start een uittreksel uit het strafregister model 596.2 dat "
        "hoogstens {extract_max_age} dagen oud is op het moment dat het wordt binnengebracht. "
        "De organisatie kan later een nieuw uittreksel vragen.",
    ),
    "privacy": (
        "Artikel 4. Privacy van de gezinnen",
        "Gegevens over het gezin gebruikt de vrijwilliger alleen voor de ondersteuning. De "
        "vrijwilliger deelt ze met niemand behalve de coördinator, neemt geen foto's van het "
        "gezin en zet niets over het gezin op sociale media. Notities worden na de "
        "ondersteuning aan de coördinator gegeven of vernietigd. De organisatie verwerkt de "
        "gegevens van de vrijwilliger alleen voor het vrijwilligersbeleid en de verzekering, "
        "volgens de Algemene Verordening Gegevensbescherming (AVG).",
    ),
    "child_safety": (
        "Artikel 5. Bezorgd om de veiligheid van een kind",
        "Wie zich zorgen maakt over de veiligheid van een kind, praat daar zo snel mogelijk "
        "over met de coördinator, en niet met anderen. De vrijwilliger gaat niet zelf op "
        "onderzoek en belooft het gezin geen geheimhouding hierover. Bij acuut gevaar belt de "
        "vrijwilliger 112. Buiten de bereikbaarheid van de coördinator kan de vrijwilliger "
        "terecht bij 1712, de hulplijn voor geweld, misbruik en kindermishandeling (in het Frans: "
        "103 Écoute-Enfants).",
    ),
    "duration": (
        "Artikel 6. Duur en einde",
        "Deze overeenkomst geldt voor onbepaalde duur vanaf de ondertekening. De vrijwilliger en "
        "de organisatie kunnen haar op elk moment beëindigen, bij voorkeur met een opzeg van "
        "een maand, zodat de ondersteuning van het gezin met een afscheidsbezoek kan worden "
        "afgerond. Bij een ernstige tekortkoming kan de organisatie de overeenkomst onmiddellijk "
        "beëindigen.",
    ),
    "costs": (
        "Artikel 7. Onkosten en verzekering",
        "Voor {regime_year} geldt voor deze vrijwilliger: {regime}. Voor de bedragen en de verzekering "
        "verwijst deze overeenkomst naar de informatienota, die er deel van uitmaakt.",
    ),
    "flat_rate": "forfaitaire onkostenvergoeding",
    "actual_costs": "vergoeding van de reële kosten",
    "made_at": "Opgemaakt in twee exemplaren, te {signature_place} op ____ / ____ / ________.",
    "for_organisation": "Voor de organisatie",
    "the_volunteer": "De vrijwilliger",
    "coordinator_role": "coördinator",
    "who": "{role}: {name}",
    "signature": "Handtekening",
    "received_on": "Voor ontvangst, op",
    "date_blank": "____ / ____ / ________",
    "not_filled": "________________________",
    "none": "geen",
}

FR = {
    "title": "Convention de volontariat et note d'organisation",
    "note_title": "Note d'organisation pour le·la volontaire",
    "note_intro": (
        "Conformément à la loi du 3 juillet 2005 relative aux droits des volontaires, "
        "l'organisation informe chaque volontaire, avant le début du volontariat, des points "
        "suivants."
    ),
    "organisation": (
        "1. L'organisation",
        "{organisation} est une {legal_form} portant le numéro d'entreprise {company_number}. "
        "L'antenne locale {branch_name}, {branch_address}, en fait partie. "
        "But désintéressé : {non_profit_aim}",
    ),
    "insurance": (
        "2. Assurances",
        "L'organisation a souscrit l'assurance obligatoire en responsabilité civile pour les "
        "dommages que le·la volontaire cause à des tiers pendant le volontariat, auprès de "
        "{insurer}, police n° {policy_number}. Couverture complémentaire : {other_cover}.",
    ),
    "expenses": (
        "4. Défraiement",
        "Le volontariat n'est pas rémunéré. L'organisation rembourse les frais selon l'un de "
        "deux régimes, un seul régime par volontaire et par année civile : "
        "(a) un défraiement forfaitaire d'au maximum {day_amount} par jour et {year_amount} "
        "par an ({year} ; ces montants sont indexés chaque année) ; ou "
        "(b) le remboursement des frais réels sur justificatifs, avec une indemnité "
        "kilométrique de {car_rate} par km en voiture (le taux de la fonction publique "
        "fédérale, indexé chaque trimestre ; {car_period}) et de {bicycle_rate} par km à vélo. En plus d'un "
        "défraiement forfaitaire, les frais de transport ne peuvent être remboursés qu'en frais "
        "réels, pour {km_limit} km par an au maximum. Le régime habituel de cette antenne : "
        "{default_regime}. {all_organisations}",
    ),
    "discretion": (
        "6. Devoir de discrétion et secret professionnel",
        "Le·la volontaire est tenu·e à un devoir de discrétion : ce qu'il·elle apprend sur la "
        "famille, les enfants, les autres volontaires et l'organisation reste confidentiel, "
        "même après la fin du volontariat. Lorsque des secrets lui sont confiés dans le cadre "
        "du soutien, le secret professionnel de l'article 458 du Code pénal peut s'appliquer ; "
        "en cas de doute, le·la volontaire en parle avec le·la coordinateur·rice.",
    ),
    "receipt_title": "Pour réception",
    "receipt": (
        "Le·la volontaire déclare avoir reçu et lu un exemplaire de la présente note "
        "d'organisation."
    ),
    "agreement_title": "Convention de volontariat",
    "parties": "Entre {organisation}, pour l'antenne locale {branch_name}, représentée par "
    "{coordinator}, coordinateur·rice, et le·la volontaire {volunteer} ({reference}), "
    "domicilié·e à {volunteer_address}, né·e le {birth_date}, il est convenu ce qui suit.",
    "role": (
        "Article 1. La mission",
        "Le·la volontaire rend visite à une famille avec de jeunes enfants, une demi-journée "
        "par semaine, pendant au moins un an, comme un·e ami·e à la maison : écouter, jouer "
        "avec les enfants, accompagner vers les services, aider à trouver son chemin. Les "
        "parents gardent la main. Le·la volontaire ne remplace pas les professionnel·le·s de "
        "l'aide, ne fait pas le ménage, ne garde pas seul·e les enfants sans accord, ne prête "
        "ni ne donne d'argent et ne décide rien à la place des parents.",
    ),
    "coaching": (
        "Article 2. Accompagnement et intervision",
        "Le·la coordinateur·rice accompagne le·la volontaire : une formation de base avant la "
        "première mise en lien, des entretiens individuels, des évaluations intermédiaires avec "
        "la famille et des séances d'intervision régulières avec d'autres volontaires. Le·la "
        "volontaire y participe autant que possible et prévient à temps lorsqu'une visite ne "
        "peut avoir lieu.",
    ),
    "extract": (
        "Article 3. Extrait de casier judiciaire",
        "Comme le·la volontaire a des contacts structurels avec des mineurs, il·elle remet "
        "avant le début un extrait de casier judiciaire modèle 596.2 datant d'au maximum "
        "{extract_max_age} jours lors de sa remise. L'organisation peut demander plus tard un "
        "nouvel extrait.",
    ),
    "privacy": (
        "Article 4. Vie privée des familles",
        "Le·la volontaire n'utilise les données de la famille que pour le soutien. Il·elle ne "
        "les partage avec personne d'autre que le·la coordinateur·rice, ne photographie pas la "
        "famille et ne publie rien à son sujet sur les réseaux sociaux. Les notes sont remises "
        "au·à la coordinateur·rice ou détruites à la fin du soutien. L'organisation traite les "
        "données du·de la volontaire uniquement pour la gestion du volontariat et l'assurance, "
        "conformément au Règlement général sur la protection des données (RGPD).",
    ),
    "child_safety": (
        "Article 5. Inquiétude pour la sécurité d'un enfant",
        "Qui s'inquiète pour la sécurité d'un enfant en parle au plus vite avec le·la "
        "coordinateur·rice, et avec personne d'autre. Le·la volontaire ne mène pas d'enquête "
        "et ne promet pas le secret à la famille à ce sujet. En cas de danger immédiat, il·elle "
        "appelle le 112. Lorsque le·la coordinateur·rice n'est pas joignable, le·la volontaire "
        "peut appeler le 103 Écoute-Enfants, la ligne d'écoute pour les enfants et les jeunes, "
        "ou, en néerlandais, le 1712, la ligne d'aide contre la violence, les abus et la "
        "maltraitance d'enfants.",
    ),
    "duration": (
        "Article 6. Durée et fin",
        "La présente convention est conclue pour une durée indéterminée à partir de sa "
        "signature. Le·la volontaire et l'organisation peuvent y mettre fin à tout moment, de "
        "préférence moyennant un préavis d'un mois, afin que le soutien à la famille puisse se "
        "clôturer par une visite d'au revoir. En cas de manquement grave, l'organisation peut "
        "mettre fin à la convention immédiatement.",
    ),
    "costs": (
        "Article 7. Frais et assurance",
        "Pour {regime_year}, ce régime s'applique à ce·tte volontaire : {regime}. Pour les montants et "
        "l'assurance, la présente convention renvoie à la note d'organisation, qui en fait "
        "partie.",
    ),
    "flat_rate": "défraiement forfaitaire",
    "actual_costs": "remboursement des frais réels",
    "made_at": "Fait en deux exemplaires, à {signature_place} le ____ / ____ / ________.",
    "for_organisation": "Pour l'organisation",
    "the_volunteer": "Le·la volontaire",
    "coordinator_role": "coordinateur·rice",
    "who": "{role}\u00a0: {name}",
    "signature": "Signature",
    "received_on": "Pour réception, le",
    "date_blank": "____ / ____ / ________",
    "not_filled": "________________________",
    "none": "aucune",
}

EN = {
    "title": "Volunteer agreement and information note",
    "note_title": "Information note for the volunteer",
    "note_intro": (
        "Under the Belgian law of 3 July 2005 on the rights of volunteers, the organisation "
        "informs every volunteer of the following points before the voluntary work begins."
    ),
    "organisation": (
        "1. The organisation",
        "{organisation} is a {legal_form} (non-profit association) with company number "
        "{company_number}. The local branch {branch_name}, {branch_address}, is part of it. "
        "Non-profit aim: {non_profit_aim}",
    ),
    "insurance": (
        "2. Insurance",
        "The organisation has taken out the compulsory civil-liability insurance for damage the "
        "volunteer causes to others during the voluntary work, with {insurer}, policy number "
        "{policy_number}. Other cover: {other_cover}.",
    ),
    "expenses": (
        "4. Expenses",
        "Voluntary work is unpaid. The organisation reimburses expenses under one of two "
        "regimes, one regime per volunteer per calendar year: "
        "(a) a flat-rate allowance of at most {day_amount} a day and {year_amount} a year "
        "({year}; these amounts are indexed every year); or "
        "(b) actual costs against proof, with a mileage allowance of {car_rate} per km by car "
        "(the federal civil service rate, indexed every quarter; {car_period}) and {bicycle_rate} per km by "
        "bicycle. Beside a flat-rate allowance, travel can only be reimbursed at actual cost, "
        "for at most {km_limit} km a year. The usual regime in this branch: {default_regime}. "
        "{all_organisations}",
    ),
    "discretion": (
        "6. Duty of discretion and professional secrecy",
        "The volunteer has a duty of discretion: what the volunteer learns about the family, "
        "the children, other volunteers and the organisation stays confidential, also after "
        "the voluntary work ends. Where secrets are entrusted to the volunteer in the course of "
        "the support, the professional secrecy of article 458 of the Belgian Criminal Code may "
        "apply; when in doubt, the volunteer talks it over with the coordinator.",
    ),
    "receipt_title": "For receipt",
    "receipt": "The volunteer declares having received and read a copy of this information note.",
    "agreement_title": "Volunteer agreement",
    "parties": "Between {organisation}, for the local branch {branch_name}, represented by "
    "{coordinator}, coordinator, and the volunteer {volunteer} ({reference}), living at "
    "{volunteer_address}, born on {birth_date}, the following is agreed.",
    "role": (
        "Article 1. The role",
        "The volunteer visits one family with young children, one half-day a week, for at "
        "least one year, as a friend at home: listening, playing with the children, going "
        "along to services, helping to find the way. The parents stay in charge. The volunteer "
        "does not take over the tasks of professional carers, does no housework, does not look "
        "after the children alone unless agreed, does not lend or give money and decides "
        "nothing in the parents' place.",
    ),
    "coaching": (
        "Article 2. Coaching and intervision",
        "The coordinator supports the volunteer: a preparation course before the first match, "
        "individual talks, interim reviews with the family and regular intervision (peer "
        "review) with other volunteers. The volunteer takes part as much as possible and says "
        "in good time when a visit cannot take place.",
    ),
    "extract": (
        "Article 3. Criminal-record extract",
        "Because the volunteer has structural contact with minors, the volunteer hands in, "
        "before starting, a criminal-record extract model 596.2 that is at most "
        "{extract_max_age} days old when handed in. The organisation may later ask for a new "
        "extract.",
    ),
    "privacy": (
        "Article 4. The families' privacy",
        "The volunteer uses the family's data only for the support. The volunteer shares them "
        "with no one but the coordinator, takes no photographs of the family and posts nothing "
        "about the family on social media. Notes are handed to the coordinator or destroyed "
        "when the support ends. The organisation processes the volunteer's data only to manage "
        "the voluntary work and the insurance, under the General Data Protection Regulation "
        "(GDPR).",
    ),
    "child_safety": (
        "Article 5. Worried about a child's safety",
        "A volunteer who is worried about a child's safety talks about it with the coordinator "
        "as soon as possible, and with no one else. The volunteer does not investigate and does "
        "not promise the family to keep it secret. In immediate danger, the volunteer calls "
        "112. When the coordinator cannot be reached, the volunteer can call 1712 (in Dutch), the "
        "helpline for violence, abuse and child abuse, or 103 Écoute-Enfants (in French).",
    ),
    "duration": (
        "Article 6. Duration and ending",
        "This agreement holds for an indefinite period from its signature. The volunteer and "
        "the organisation can end it at any time, preferably with one month's notice, so that "
        "the support of the family can close with a farewell visit. In case of a serious "
        "breach, the organisation can end the agreement at once.",
    ),
    "costs": (
        "Article 7. Expenses and insurance",
        "For {regime_year}, this regime applies to this volunteer: {regime}. For the amounts and the "
        "insurance, this agreement refers to the information note, which is part of it.",
    ),
    "flat_rate": "flat-rate allowance",
    "actual_costs": "reimbursement of actual costs",
    "made_at": "Made in two copies, at {signature_place} on ____ / ____ / ________.",
    "for_organisation": "For the organisation",
    "the_volunteer": "The volunteer",
    "coordinator_role": "coordinator",
    "who": "{role}: {name}",
    "signature": "Signature",
    "received_on": "For receipt, on",
    "date_blank": "____ / ____ / ________",
    "not_filled": "________________________",
    "none": "none",
}

NL |= law_texts.NL
FR |= law_texts.FR
EN |= law_texts.EN
TEXTS: dict[str, dict[str, object]] = {"nl": NL, "fr": FR, "en": EN}

# The words each clause must contain in every language (besides the branch's values): what the
# law of 3 July 2005 and DOMAIN.md require the volunteer to be told. Checked by the PDF tests.
CLAUSES: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "organisation": ("ondernemingsnummer", "Onbaatzuchtig doel"),
        "insurance": ("burgerlijke aansprakelijkheid", "polisnummer", "Bijkomende dekking"),
        "expenses": (
            "forfaitaire onkostenvergoeding",
            "reële kosten",
            "één regeling per kalenderjaar",
        ),
        "discretion": ("discretieplicht", "beroepsgeheim"),
        "role": ("één dagdeel per week", "minstens één jaar"),
        "coaching": ("intervisie", "basisvorming"),
        "extract": ("596.2",),
        "privacy": ("AVG", "sociale media"),
        "child_safety": ("veiligheid van een kind", "112", "1712"),
        "liability": ("burgerlijk aansprakelijk", "artikel 5", "zware fout"),
        "benefits": ("RVA", "OCMW", "ziekenfonds"),
        "all_organisations": ("alle organisaties",),
        "personal_data": (
            "Verwerkingsverantwoordelijke",
            "Rechtsgrond",
            "Gegevensbeschermingsautoriteit",
        ),
        "duration": ("onbepaalde duur", "beëindigen"),
        "signatures": ("Handtekening", "Voor ontvangst"),
    },
    "fr": {
        "organisation": ("numéro d'entreprise", "But désintéressé"),
        "insurance": ("responsabilité civile", "police n°", "Couverture complémentaire"),
        "expenses": ("défraiement forfaitaire", "frais réels", "un seul régime par volontaire"),
        "discretion": ("devoir de discrétion", "secret professionnel"),
        "role": ("une demi-journée par semaine", "au moins un an"),
        "coaching": ("intervision", "formation de base"),
        "extract": ("596.2",),
        "privacy": ("RGPD", "réseaux sociaux"),
        "child_safety": ("sécurité d'un enfant", "112", "103 Écoute-Enfants"),
        "liability": ("civilement responsable", "article 5", "faute grave"),
        "benefits": ("ONEM", "CPAS", "mutualité"),
        "all_organisations": ("toutes les organisations",),
        "personal_data": ("responsable du traitement", "Base légale", "Autorité de protection"),
        "duration": ("durée indéterminée", "mettre fin"),
        "signatures": ("Signature", "Pour réception"),
    },
    "en": {
        "organisation": ("company number", "Non-profit aim"),
        "insurance": ("civil-liability insurance", "policy number", "Other cover"),
        "expenses": ("flat-rate allowance", "actual costs", "one regime per volunteer"),
        "discretion": ("duty of discretion", "professional secrecy"),
        "role": ("one half-day a week", "at least one year"),
        "coaching": ("intervision", "preparation course"),
        "extract": ("596.2",),
        "privacy": ("GDPR", "social media"),
        "child_safety": ("child's safety", "112", "1712", "103 Écoute-Enfants"),
        "liability": ("civilly liable", "article 5", "serious fault"),
        "benefits": ("RVA/ONEM", "OCMW/CPAS", "health insurer"),
        "all_organisations": ("all the organisations",),
        "personal_data": ("controller", "Legal basis", "Data Protection Authority"),
        "duration": ("indefinite period", "end it at any time"),
        "signatures": ("Signature", "For receipt"),
    },
}
