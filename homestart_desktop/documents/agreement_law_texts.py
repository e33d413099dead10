"""The information note's clauses on liability, benefits and personal data, per language.

Kept apart from ``agreement_texts.py`` (which merges them in) so that each module stays
readable: these are the items of the law of 3 July 2005 (art. 5 and 6 on liability, the duty to
tell a benefits body) and of the GDPR (art. 13) that the first version of the note left out.
"""

from __future__ import annotations

NL = {
    "liability": (
        "3. Aansprakelijkheid",
        "Voor schade die de vrijwilliger tijdens het vrijwilligerswerk aan anderen of aan de "
        "organisatie veroorzaakt, is de organisatie burgerlijk aansprakelijk (artikel 5 van de "
        "wet). De vrijwilliger is zelf alleen aansprakelijk bij bedrog, bij een zware fout of "
        "bij een lichte fout die eerder gewoonlijk dan toevallig voorkomt. Schade die de "
        "vrijwilliger zelf lijdt, bijvoorbeeld bij een ongeval op weg naar het gezin, is gedekt "
        "voor zover de bijkomende verzekeringen hierboven die dekken (artikel 6). Meld elke "
        "schade of elk ongeval meteen aan de coördinator.",
    ),
    "benefits": (
        "5. Met een uitkering",
        "Wie een werkloosheidsuitkering krijgt, meldt het vrijwilligerswerk vóór de start aan de "
        "RVA (via de uitbetalingsinstelling). Wie een leefloon krijgt, meldt het vooraf aan het "
        "OCMW. Wie een ziekte- of invaliditeitsuitkering krijgt, vraagt vooraf de toestemming "
        "van de adviserend arts van het ziekenfonds. De organisatie bezorgt de nodige gegevens "
        "en formulieren.",
    ),
    "personal_data": (
        "7. Uw persoonsgegevens (AVG, artikel 13)",
        "Verwerkingsverantwoordelijke is {organisation}, {branch_address}. Wij bewaren uw "
        "identiteit en contactgegevens, geboortedatum, talen, beschikbaarheid, de datum van uw "
        "uittreksel uit het strafregister, uw koppelingen, begeleidingsgesprekken en "
        "onkosten. Wij gebruiken ze om het vrijwilligerswerk te organiseren en te begeleiden, "
        "om u te verzekeren en om uw onkosten te vergoeden. Rechtsgrond: deze overeenkomst "
        "(artikel 6.1.b AVG) en onze wettelijke verplichtingen (verzekering, uittreksel, "
        "boekhouding; artikel 6.1.c). Wij geven ze alleen door aan de verzekeraar wanneer dat "
        "voor een schadegeval nodig is; de centrale werking ontvangt enkel anonieme cijfers. "
        "Wij bewaren ze zolang u vrijwilliger bent en daarna alleen zolang de verzekering en "
        "de boekhouding dat vereisen; daarna worden ze gewist. U hebt het recht op inzage, "
        "verbetering, wissing, beperking, bezwaar en overdraagbaarheid, en u kunt klacht "
        "indienen bij de Gegevensbeschermingsautoriteit (www.gegevensbeschermingsautoriteit.be). "
        "Contact: {coordinator}, {branch_contact}.",
    ),
    "all_organisations": (
        "Deze grensbedragen gelden voor alle organisaties waarvoor de vrijwilliger werkt samen: "
        "wie ook elders vrijwilligerswerk doet, meldt wat hij of zij daar ontvangt."
    ),
    "car_period": "tarief van {first} tot {last}",
}

FR = {
    "liability": (
        "3. Responsabilité",
        "L'organisation est civilement responsable des dommages que le·la volontaire cause à "
        "des tiers ou à l'organisation pendant le volontariat (article 5 de la loi). Le·la "
        "volontaire n'en répond personnellement qu'en cas de dol, de faute grave ou de faute "
        "légère présentant un caractère habituel plutôt qu'accidentel. Les dommages que le·la "
        "volontaire subit lui-même, par exemple lors d'un accident sur le chemin de la famille, "
        "sont couverts dans la mesure des assurances complémentaires ci-dessus (article 6). "
        "Signalez tout dommage ou accident sans attendre au·à la coordinateur·rice.",
    ),
    "benefits": (
        "5. Si vous percevez une allocation",
        "Qui perçoit des allocations de chômage déclare le volontariat à l'ONEM (par son "
        "organisme de paiement) avant de commencer. Qui perçoit un revenu d'intégration le "
        "signale au préalable au CPAS. Qui perçoit une indemnité de maladie ou d'invalidité "
        "demande au préalable l'autorisation du médecin-conseil de sa mutualité. "
        "L'organisation fournit les informations et formulaires nécessaires.",
    ),
    "personal_data": (
        "7. Vos données personnelles (RGPD, article 13)",
        "Le responsable du traitement est {organisation}, {branch_address}. Nous conservons "
        "votre identité et vos coordonnées, votre date de naissance, vos langues, vos "
        "disponibilités, la date de votre extrait de casier judiciaire, vos mises en lien, les "
        "entretiens d'accompagnement et vos frais. Nous les utilisons pour organiser et "
        "accompagner le volontariat, vous assurer et rembourser vos frais. Base légale : la "
        "présente convention (article 6.1.b du RGPD) et nos obligations légales (assurance, "
        "extrait, comptabilité ; article 6.1.c). Nous ne les transmettons à l'assureur que si "
        "un sinistre l'exige ; la coordination centrale ne reçoit que des chiffres anonymes. "
        "Nous les conservons tant que vous êtes volontaire, puis uniquement le temps exigé par "
        "l'assurance et la comptabilité ; ensuite, elles sont effacées. Vous avez le droit "
        "d'accès, de rectification, d'effacement, de limitation, d'opposition et de "
        "portabilité, et vous pouvez introduire une plainte auprès de l'Autorité de protection "
        "des données (www.autoriteprotectiondonnees.be). Contact : {coordinator}, "
        "{branch_contact}.",
    ),
    "all_organisations": (
        "Ces plafonds valent pour toutes les organisations pour lesquelles le·la volontaire "
        "travaille ensemble : qui fait aussi du volontariat ailleurs signale ce qu'il·elle y "
        "perçoit."
    ),
    "car_period": "taux du {first} au {last}",
}

EN = {
    "liability": (
        "3. Liability",
        "The organisation is civilly liable for damage the volunteer causes to others or to the "
        "organisation during the volunteer work (article 5 of the law). The volunteer is "
        "personally liable only for fraud, serious fault, or a light fault that occurs "
        "habitually rather than by accident. Damage the volunteer suffers, for instance in an "
        "accident on the way to the family, is covered as far as the other cover above goes "
        "(article 6). Report any damage or accident to the coordinator at once.",
    ),
    "benefits": (
        "5. If you receive a benefit",
        "A volunteer on unemployment benefit tells the RVA/ONEM (through their payment body) "
        "before starting. A volunteer on a living wage (leefloon/revenu d'intégration) tells the "
        "OCMW/CPAS beforehand. A volunteer on sickness or disability benefit asks the health "
        "insurer's medical adviser for permission beforehand. The organisation provides the "
        "information and forms needed.",
    ),
    "personal_data": (
        "7. Your personal data (GDPR, article 13)",
        "The controller is {organisation}, {branch_address}. We keep your identity and contact "
        "details, birth date, languages, availability, the date of your criminal-record "
        "extract, your matches, coaching talks and expenses. We use them to organise and "
        "coach the volunteer work, to insure you and to reimburse your expenses. Legal basis: "
        "this agreement (GDPR article 6.1.b) and our legal obligations (insurance, extract, "
        "accounts; article 6.1.c). We pass them on only to the insurer when a claim needs it; "
        "the central office receives anonymous figures only. We keep them while you are a "
        "volunteer and afterwards only as long as the insurance and the accounts require; then "
        "they are erased. You have the right of access, rectification, erasure, restriction, "
        "objection and portability, and you can complain to the Data Protection Authority "
        "(www.dataprotectionauthority.be). Contact: {coordinator}, {branch_contact}.",
    ),
    "all_organisations": (
        "These ceilings apply to all the organisations the volunteer works for together: a "
        "volunteer who also volunteers elsewhere says what they receive there."
    ),
    "car_period": "rate from {first} to {last}",
}
