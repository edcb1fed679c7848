"""Standard content of a new catalogue: the Fenger routes and the kenmerken tree (one source)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RouteBasis:
    """A Fenger route as a new catalogue starts with it."""

    code: str  # stable key: "life_first", "human_capital_first", "work_first"
    naam: str  # "Life first", "Human Capital first", "Work first"
    label: str  # plain Dutch label, e.g. "Eerst verbeteren leefsituatie"
    uitleg: str  # for the professional: 1-3 sentences, faithful to the source
    uitleg_client: str  # for the client: ONE B1 sentence


@dataclass(frozen=True, slots=True)
class KenmerkBasis:
    """A kenmerk (characteristic) of a new catalogue; its parent is its code prefix."""

    code: str  # "1", "1.3", "1.3.1"
    naam: str  # exactly as in domain.md, e.g. "Sociale en werknemersvaardigheden"
    uitleg: str  # for the professional, faithful to Bijlage 4 (paraphrased, 1-4 sentences)
    uitleg_client: str  # for the client, B1
    # The client's short label: at most 6 words, B1, said as what improves.
    label_client: str = ""


# Source: TNO procesrapport keuzehulp Werkzaak Rivierenland (2021), indeling naar Fenger
# (Andriessen et al., 2019) en de handleiding van de Excel-keuzehulp.
ROUTES: tuple[RouteBasis, ...] = (
    RouteBasis(
        code="life_first",
        naam="Life first",
        label="Eerst verbeteren leefsituatie",
        uitleg=(
            "Richt zich op verbetering van de persoonlijke levenssituatie, waardoor op termijn "
            "participatie op de arbeidsmarkt mogelijk wordt. Barrières worden weggenomen, zodat "
            "daarvoor ruimte ontstaat. Het achterliggende doel is verbetering van de kwaliteit "
            "van leven."
        ),
        uitleg_client="Je pakt eerst problemen in je leven aan, zodat werk later kan.",
    ),
    RouteBasis(
        code="human_capital_first",
        naam="Human Capital first",
        label="Eerst vergroten kans op werk",
        uitleg=(
            "Richt zich op het vergroten van de kansen op de arbeidsmarkt, zodat meer functies "
            "bereikbaar zijn. Dat gebeurt door opleiding, ontwikkeling van vaardigheden, "
            "persoonlijke ontwikkeling, verbeteren van de gezondheid en wegnemen van "
            "belemmeringen."
        ),
        uitleg_client=("Je vergroot eerst je kans op werk, door te leren of gezonder te leven."),
    ),
    RouteBasis(
        code="work_first",
        naam="Work first",
        label="Eerst werk vinden",
        uitleg=(
            "De kern is een snelle terugkeer naar werk faciliteren. Dat gebeurt door "
            "sollicitatievaardigheden te versterken en zoekgedrag te stimuleren en te "
            "ondersteunen, bijvoorbeeld via een sollicitatietraining of een kortdurende "
            "werkgerichte training."
        ),
        uitleg_client="Je zoekt meteen werk, met hulp bij solliciteren of een korte training.",
    ),
)


# Source: Bijlage 4 "Overzicht (afgeleide) kenmerken" of the same report, with the integratieve
# gedragsmodel (Blonk, 2018) and the model van kwetsbaarheid (Wanberg et al., 2002).
KENMERKEN: tuple[KenmerkBasis, ...] = (
    # 1. Menselijk kapitaal
    KenmerkBasis(
        code="1",
        naam="Menselijk kapitaal",
        uitleg=(
            "Wat de werkzoekende aan kennis, vaardigheden en ervaring meebrengt, zoals opleiding "
            "en werkervaring (model van kwetsbaarheid, Wanberg et al., 2002). In de keuzehulp "
            "uitgewerkt in zeven afgeleide kenmerken, aangevuld met zelfregulatie uit het "
            "integratieve gedragsmodel (Blonk, 2018)."
        ),
        uitleg_client=(
            "Dit gaat over wat je kunt en weet. Denk aan school, werkervaring en vaardigheden."
        ),
        label_client="Wat je kunt en weet",
    ),
    KenmerkBasis(
        code="1.1",
        naam="Sociale en werknemersvaardigheden",
        uitleg=(
            "Vaardigheden om als werknemer te functioneren, in termen van de Dariuz-competenties: "
            "communiceren, werktempo, arbeidsritme, samenwerken, gevoel voor arbeidsverhoudingen, "
            "doorzettingsvermogen, nauwkeurigheid, zelfstandigheid en afspraken nakomen."
        ),
        uitleg_client=(
            "Je werkt goed samen en praat duidelijk met collega's en je baas. "
            "Je werkt netjes, in een goed tempo en zelfstandig."
        ),
        label_client="Goed samenwerken op je werk",
    ),
    KenmerkBasis(
        code="1.2",
        naam="Vakvaardigheden",
        uitleg=(
            "Kennis en vaardigheden voor een bepaald vak of een bepaalde branche, bijvoorbeeld "
            "het behalen van een startkwalificatie of een branchegericht certificaat, leren "
            "leidinggeven en veilig werken."
        ),
        uitleg_client=(
            "Je leert wat je nodig hebt voor een vak. "
            "Bijvoorbeeld een diploma halen, of leren veilig werken."
        ),
        label_client="Een vak leren",
    ),
    KenmerkBasis(
        code="1.3",
        naam="Basisvaardigheden",
        uitleg=(
            "De basisvaardigheden Nederlands lezen en schrijven, Nederlands verstaan en spreken, "
            "rekenen en digitale vaardigheden. Beheersing van de Nederlandse taal is voor veel "
            "instrumenten een voorwaarde."
        ),
        uitleg_client="Dit gaat over taal, rekenen en werken met een computer of telefoon.",
        label_client="Taal, rekenen en computer",
    ),
    KenmerkBasis(
        code="1.3.1",
        naam="Nederlands lezen en schrijven",
        uitleg=(
            "Nederlandse teksten kunnen lezen en begrijpen en zelf in het Nederlands kunnen "
            "schrijven, bijvoorbeeld formulieren, brieven en werkinstructies."
        ),
        uitleg_client=(
            "Je leest en schrijft Nederlands. Bijvoorbeeld een brief, een formulier of een bericht."
        ),
        label_client="Beter Nederlands lezen en schrijven",
    ),
    KenmerkBasis(
        code="1.3.2",
        naam="Nederlands verstaan en spreken",
        uitleg=(
            "Gesproken Nederlands kunnen verstaan en zelf Nederlands kunnen spreken, bijvoorbeeld "
            "in gesprekken met collega's, leidinggevenden en instanties."
        ),
        uitleg_client=(
            "Je begrijpt wat mensen in het Nederlands zeggen. Je kunt zelf ook Nederlands praten."
        ),
        label_client="Beter Nederlands praten en verstaan",
    ),
    KenmerkBasis(
        code="1.3.3",
        naam="Rekenen",
        uitleg=(
            "Kunnen rekenen zoals dat nodig is in het dagelijks leven en op het werk, "
            "bijvoorbeeld met getallen, maten en geld."
        ),
        uitleg_client=(
            "Je rekent met getallen en geld. Bijvoorbeeld tellen, meten of een bon nakijken."
        ),
        label_client="Beter leren rekenen",
    ),
    KenmerkBasis(
        code="1.3.4",
        naam="Digitale vaardigheden",
        uitleg=(
            "Kunnen werken met computer, tablet, smartphone en internet, bijvoorbeeld e-mail, "
            "online formulieren en vacaturesites."
        ),
        uitleg_client=(
            "Je werkt met een computer, tablet of telefoon. "
            "Bijvoorbeeld een e-mail sturen of iets opzoeken op internet."
        ),
        label_client="Beter werken met computer en telefoon",
    ),
    KenmerkBasis(
        code="1.4",
        naam="Zelfregulatie",
        uitleg=(
            "Doelen stellen en (alternatieve) plannen maken, prioriteiten stellen, reflecteren op "
            "het eigen handelen en verantwoordelijkheid nemen voor de gevolgen ervan. Volgens het "
            "integratieve gedragsmodel bepaalt zelfregulering mede of de intentie om werk te "
            "zoeken ook tot zoekgedrag leidt; ook omgaan met feedback en tegenslagen hoort erbij."
        ),
        uitleg_client=(
            "Je stelt een doel en maakt een plan om het te halen. Je zet door als iets tegenzit."
        ),
        label_client="Plannen en volhouden",
    ),
    KenmerkBasis(
        code="1.5",
        naam="Emotieregulatie",
        uitleg=(
            "Kunnen inschatten wat de gevolgen van het eigen gedrag zijn voor zichzelf en "
            "anderen, en gedrag kunnen onderdrukken dat niet gepast is."
        ),
        uitleg_client=(
            "Je denkt na over wat je gedrag met jezelf en anderen doet. "
            "Je houdt je in als je boos of gespannen bent."
        ),
        label_client="Rustig blijven als je boos bent",
    ),
    KenmerkBasis(
        code="1.6",
        naam="Werkervaring",
        uitleg=(
            "Opgedane ervaring met (betaald of onbetaald) werk. Weinig werkervaring is kenmerkend "
            "voor de doelgroep; werkervaring hoort bij het menselijk kapitaal in het model van "
            "Wanberg."
        ),
        uitleg_client=(
            "Je doet ervaring op met werken. "
            "Bijvoorbeeld met een baan, een stage of vrijwilligerswerk."
        ),
        label_client="Werkervaring opdoen",
    ),
    KenmerkBasis(
        code="1.7",
        naam="Zelfinzicht",
        uitleg=(
            "Inzicht in de eigen mogelijkheden en belemmeringen: weten wat je wel en niet kunt en "
            "wat je nodig hebt om te kunnen werken."
        ),
        uitleg_client=(
            "Je weet wat je goed kunt en wat je lastig vindt. Je weet ook wat je nodig hebt."
        ),
        label_client="Weten wat je kunt en wilt",
    ),
    # 2. Sociale omgeving
    KenmerkBasis(
        code="2",
        naam="Sociale omgeving",
        uitleg=(
            "Het sociaal kapitaal van de werkzoekende (model van kwetsbaarheid, Wanberg et al., "
            "2002): het persoonlijk netwerk van familie en vrienden die meedenken en steunen bij "
            "het zoeken naar werk. Bij de inventarisatie bleek dit een witte vlek: er waren geen "
            "instrumenten die hierop aanhaken."
        ),
        uitleg_client=(
            "Dit gaat over de mensen om je heen. Denk aan familie, vrienden en kennissen."
        ),
        label_client="De mensen om je heen",
    ),
    KenmerkBasis(
        code="2.1",
        naam="Sociale steun",
        uitleg=(
            "Praktische en emotionele ondersteuning: hoe familie en vrienden het hebben van werk "
            "waarderen, en of de werkzoekende van hen praktische en emotionele steun krijgt bij "
            "het zoeken naar werk."
        ),
        uitleg_client=(
            "Je krijgt hulp en steun van familie en vrienden bij het zoeken naar werk. "
            "Zij vinden het goed dat je gaat werken."
        ),
        label_client="Steun van familie en vrienden",
    ),
    KenmerkBasis(
        code="2.2",
        naam="Sociaal netwerk",
        uitleg=(
            "Ondersteuning bij het zoeken naar werk vanuit de eigen omgeving, zoals familie, "
            "vrienden, werk en vereniging."
        ),
        uitleg_client=(
            "Je kent mensen die je kunnen helpen om werk te vinden. "
            "Bijvoorbeeld via familie, vrienden, collega's of een club."
        ),
        label_client="Meer mensen leren kennen",
    ),
    # 3. Belemmeringen & Mogelijkheden
    KenmerkBasis(
        code="3",
        naam="Belemmeringen & Mogelijkheden",
        uitleg=(
            "Persoonlijke, sociale, verstandelijke, fysieke en praktische belemmeringen en "
            "mogelijkheden (model van kwetsbaarheid, Wanberg et al., 2002). Volgens het "
            "integratieve gedragsmodel bepalen belemmeringen mede of de intentie om werk te "
            "zoeken ook tot zoekgedrag leidt."
        ),
        uitleg_client=(
            "Dit gaat over wat werken moeilijk maakt, en wat je wel kunt. "
            "Denk aan gezondheid, stress of problemen thuis."
        ),
        label_client="Wat werken moeilijk maakt",
    ),
    KenmerkBasis(
        code="3.1",
        naam="Persoonlijk, sociaal en/of verstandelijk",
        uitleg=(
            "Psychische, sociale en/of verstandelijke belemmeringen en mogelijkheden. Uitgewerkt "
            "in algemene mentale functies, coping, tussenmenselijke interacties en relaties, "
            "zelfredzaamheid, angst en traumaverwerking, en structuur in het dagelijks leven."
        ),
        uitleg_client=(
            "Dit gaat over denken, gevoel, omgaan met anderen en je eigen zaken regelen."
        ),
        label_client="Denken, voelen en omgaan met anderen",
    ),
    KenmerkBasis(
        code="3.1.1",
        naam="Algemene mentale functies",
        uitleg=(
            "Concentratie, gevoeligheid voor externe prikkels, geheugen, denken en logisch "
            "redeneren."
        ),
        uitleg_client=(
            "Je let goed op en onthoudt dingen. Je hebt niet snel last van geluid, licht of drukte."
        ),
        label_client="Beter opletten en onthouden",
    ),
    KenmerkBasis(
        code="3.1.2",
        naam="Coping",
        uitleg="Omgaan met problemen, stress en andere mentale eisen.",
        uitleg_client=(
            "Je gaat goed om met problemen en stress. "
            "Je weet wat je kunt doen als het moeilijk wordt."
        ),
        label_client="Beter omgaan met stress",
    ),
    KenmerkBasis(
        code="3.1.3",
        naam="Tussenmenselijke interacties en relaties",
        uitleg=(
            "Omgaan met andere mensen en het aangaan en onderhouden van contacten en relaties, "
            "bijvoorbeeld bij moeite met communiceren."
        ),
        uitleg_client=(
            "Je gaat goed om met andere mensen. Je praat met ze en begrijpt wat ze bedoelen."
        ),
        label_client="Beter omgaan met andere mensen",
    ),
    KenmerkBasis(
        code="3.1.4",
        naam="Zelfredzaamheid",
        uitleg=(
            "Praktische vaardigheden, zoals omgaan met de telefoon, en dagelijkse "
            "routinehandelingen, zoals omgaan met geld, reizen met het openbaar vervoer en "
            "persoonlijke verzorging."
        ),
        uitleg_client=(
            "Je regelt zelf de dingen van elke dag. "
            "Bijvoorbeeld bellen, met geld omgaan en reizen met bus of trein."
        ),
        label_client="Zelf je dagelijkse zaken regelen",
    ),
    KenmerkBasis(
        code="3.1.5",
        naam="Angst en traumaverwerking",
        uitleg=(
            "Belemmeringen door angst of door (nog) niet verwerkte nare of schokkende ervaringen "
            "(trauma)."
        ),
        uitleg_client="Je leert omgaan met angst of met nare dingen die je hebt meegemaakt.",
        label_client="Minder angst, nare dingen verwerken",
    ),
    KenmerkBasis(
        code="3.1.6",
        naam="Structuur in het dagelijks leven",
        uitleg=(
            "Een vast dag- en weekritme en regelmaat in het dagelijks leven, als basis om "
            "afspraken en werktijden te kunnen volhouden."
        ),
        uitleg_client=(
            "Je hebt elke dag een vast ritme. Je staat op tijd op en weet wat je die dag doet."
        ),
        label_client="Meer vaste regelmaat in je dag",
    ),
    KenmerkBasis(
        code="3.2",
        naam="Fysiek",
        uitleg=(
            "Lichamelijke belemmeringen en mogelijkheden voor werk: belastbaarheid, zicht en "
            "horen, en fijne motoriek en handelingstempo."
        ),
        uitleg_client="Dit gaat over je lichaam en je gezondheid. Wat kan je lichaam aan bij werk?",
        label_client="Je lichaam en je gezondheid",
    ),
    KenmerkBasis(
        code="3.2.1",
        naam="Belastbaarheid",
        uitleg=(
            "Beperkingen in structurele, frequente of langdurige belastbaarheid: reiken, buigen, "
            "duwen of trekken, tillen of dragen, lopen, zitten of staan, en werken op hoogte."
        ),
        uitleg_client=(
            "Dit gaat over wat je lichaam lang of vaak aankan. "
            "Bijvoorbeeld tillen, bukken, lopen, zitten of lang staan."
        ),
        label_client="Meer aankunnen met je lichaam",
    ),
    KenmerkBasis(
        code="3.2.2",
        naam="Zicht en horen",
        uitleg="Beperkingen in het zien en/of horen die van invloed zijn op werk.",
        uitleg_client=(
            "Dit gaat over goed kunnen zien en horen. "
            "Bijvoorbeeld met een bril of een gehoorapparaat."
        ),
        label_client="Beter zien en horen",
    ),
    KenmerkBasis(
        code="3.2.3",
        naam="Fijne motoriek en handelingstempo",
        uitleg=(
            "Fijne motoriek: fijn werk kunnen doen. Handelingstempo: de snelheid van werken of "
            "handelen."
        ),
        uitleg_client=(
            "Je kunt klein en precies werk met je handen doen. Je werkt ook snel genoeg."
        ),
        label_client="Handiger en sneller werken",
    ),
    KenmerkBasis(
        code="3.3",
        naam="Praktische belemmeringen",
        uitleg=(
            "Praktische zaken die werk in de weg kunnen staan: kinderopvang, mantelzorg, "
            "mobiliteit en vervoer, schulden, justitie en detentie, huisvesting en "
            "cultuuraspecten."
        ),
        uitleg_client=(
            "Dit gaat over praktische dingen die werken lastig maken. "
            "Bijvoorbeeld oppas voor je kinderen, zorg voor een ander, vervoer, schulden of wonen."
        ),
        label_client="Praktische zaken, zoals vervoer of oppas",
    ),
    KenmerkBasis(
        code="3.4",
        naam="Leefstijl en verslaving",
        uitleg=(
            "Leefstijl en verslaving, bijvoorbeeld gebrek aan beweging, roken, slechte voeding, "
            "weinig slapen, veel stress, gameverslaving, alcoholgebruik en drugsgebruik."
        ),
        uitleg_client=(
            "Dit gaat over gezond leven. "
            "Denk aan bewegen, eten, slapen, roken, alcohol, drugs of veel gamen."
        ),
        label_client="Gezonder leven, minder drank of drugs",
    ),
    # 4. Werkzoekgedrag
    KenmerkBasis(
        code="4",
        naam="Werkzoekgedrag",
        uitleg=(
            "Het zoekgedrag waarmee de intentie om werk te vinden wordt uitgevoerd "
            "(integratieve gedragsmodel), en de focus, intensiteit en kwaliteit van het zoeken "
            "(model van kwetsbaarheid). Omvat sollicitatievaardigheden, beroepskeuze en "
            "persoonlijke verzorging."
        ),
        uitleg_client=(
            "Dit gaat over hoe je werk zoekt en vindt. "
            "Denk aan solliciteren, een beroep kiezen en er verzorgd uitzien."
        ),
        label_client="Werk zoeken",
    ),
    KenmerkBasis(
        code="4.1",
        naam="Sollicitatievaardigheden",
        uitleg=(
            "Werk zoeken, het eigen netwerk en sociale media gebruiken, een cv en "
            "motivatiebrieven opstellen en een sollicitatiegesprek voeren."
        ),
        uitleg_client=(
            "Je zoekt werk, via internet en via mensen die je kent. "
            "Je maakt een cv en oefent een gesprek met een werkgever."
        ),
        label_client="Beter leren solliciteren",
    ),
    KenmerkBasis(
        code="4.2",
        naam="Beroepskeuze, beroepsvoorkeur en beroepsoriëntatie",
        uitleg=(
            "Verkennen welk beroep of werk past en waar de voorkeur naar uitgaat, bijvoorbeeld "
            "via een bedrijfsbezoek, een snuffelstage of een beroepskeuze- of affiniteitentest."
        ),
        uitleg_client=(
            "Je ontdekt welk werk bij je past. "
            "Bijvoorbeeld door een bedrijf te bezoeken of een dag mee te lopen."
        ),
        label_client="Ontdekken welk werk bij je past",
    ),
    KenmerkBasis(
        code="4.3",
        naam="Persoonlijke verzorging",
        uitleg=(
            "Verzorgd voor de dag komen bij het zoeken naar en houden van werk: persoonlijke "
            "hygiëne, kledingkeuze en haardracht."
        ),
        uitleg_client=(
            "Je ziet er netjes en verzorgd uit bij een gesprek en op je werk. "
            "Denk aan wassen, schone kleren en je haar."
        ),
        label_client="Verzorgd op je werk komen",
    ),
    # 5. Motivatie
    KenmerkBasis(
        code="5",
        naam="Motivatie",
        uitleg=(
            "De intentie om werk te zoeken (het 'willen'): de mate waarin de persoon bereid is "
            "moeite te doen om werk te zoeken. Volgens het integratieve gedragsmodel (Blonk, "
            "2018) bepaald door attitude, sociale norm en geloof in eigen kunnen; een sterke "
            "intentie leidt vaker tot zoekgedrag."
        ),
        uitleg_client=("Dit gaat over hoe graag je wilt werken. En of je gelooft dat het lukt."),
        label_client="Zin in werk",
    ),
    KenmerkBasis(
        code="5.1",
        naam="Willen",
        uitleg=(
            "Zo regulier mogelijk willen werken en op zoek willen gaan naar werk. Hangt samen met "
            "de attitude: hoe belangrijk, nuttig en zinvol de persoon een baan vindt en wat het "
            "hem of haar oplevert."
        ),
        uitleg_client=(
            "Je wilt graag werken, het liefst bij een gewone werkgever. "
            "Je weet wat werk jou oplevert."
        ),
        label_client="Zin krijgen om te werken",
    ),
    KenmerkBasis(
        code="5.2",
        naam="Geloof in eigen kunnen",
        uitleg=(
            "Eigen-effectiviteit: de overtuiging dat je de acties kunt plannen en uitvoeren om een "
            "zo regulier mogelijke baan te zoeken, te vinden en te behouden, ook onder moeilijke "
            "omstandigheden. Daarbij hoort kunnen omgaan met teleurstellingen. Cliënten kunnen "
            "hun mogelijkheden onder- of overschatten."
        ),
        uitleg_client=(
            "Je gelooft dat je werk kunt vinden en houden. Je geeft niet op als iets niet lukt."
        ),
        label_client="Meer vertrouwen in jezelf",
    ),
    KenmerkBasis(
        code="5.3",
        naam="Sociale norm",
        uitleg=(
            "De waargenomen sociale norm, bijvoorbeeld hoe mensen in de omgeving denken over een "
            "uitkering of over het belang van betaald werk. Het gaat om wat anderen doen en om wat "
            "belangrijke anderen vinden dat de persoon moet doen, en hoeveel waarde de persoon "
            "aan hun mening hecht."
        ),
        uitleg_client=(
            "Dit gaat over wat mensen om je heen vinden van werk en een uitkering. "
            "Het gaat ook om hoe belangrijk hun mening voor jou is."
        ),
        label_client="Wat anderen van werk vinden",
    ),
)
