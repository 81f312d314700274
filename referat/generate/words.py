"""Danish vocabulary for synthetic minutes: places, committees, names, topics and sentences."""

from __future__ import annotations

MUNICIPALITIES = ["Gladsaxe", "Lejre", "Hvidovre", "Greve", "Vejle", "Roskilde", "Silkeborg", "Horsens"]
COMMITTEES = [
    ("Beskæftigelses- og Integrationsudvalget", "BIU"),
    ("Social- og Sundhedsudvalget", "SSU"),
    ("Børne- og Undervisningsudvalget", "BUU"),
    ("Teknik- og Miljøudvalget", "TMU"),
    ("Kultur- og Fritidsudvalget", "KFU"),
]
# Cases go on from a committee to these, in this order, when they need a higher decision.
FINANCE_COMMITTEE = ("Økonomiudvalget", "ØU")
COUNCIL = ("Byrådet", "BY")
PARTIES = ["A", "V", "C", "F", "Ø", "B", "O", "I", "Æ", "M"]
FIRST_NAMES = [
    "Anne", "Peter", "Mette", "Lars", "Hanne", "Søren", "Karin", "Jens", "Louise", "Mads", "Signe", "Henrik",
    "Birgitte", "Ole", "Camilla", "Torben", "Pernille", "Jesper", "Trine", "Bjørn", "Marianne", "Rasmus", "Ida",
]  # fmt: skip
LAST_NAMES = [
    "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
    "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen", "Damsgaard", "Holm",
]  # fmt: skip
# (title, subject in the definite form, sentences about it). Each topic has its own words, as real
# minutes do, so that a word a user searches for is found in some items and not in all.
TOPICS: list[tuple[str, str, list[str]]] = [
    (
        "Status på beskæftigelsesindsatsen",
        "beskæftigelsesindsatsen",
        [
            "Jobcentret har i {year} haft {n} borgere i virksomhedspraktik og løntilskud.",
            "Samtaleforløbene med ledige dagpengemodtagere er omlagt, så flere samtaler holdes digitalt.",
            "Virksomhedskonsulenterne har besøgt {n} lokale virksomheder for at finde praktikpladser.",
        ],
    ),
    (
        "Nytteindsats for kontanthjælpsmodtagere",
        "nytteindsatsen",
        [
            "Nytteindsatsen etableres i kommunens parker, hvor deltagerne udfører grønne opgaver.",
            "Arbejdspligten betyder, at kontanthjælpsmodtagere skal arbejde {n} timer om ugen for ydelsen.",
            "En driftsleder med erfaring fra anlægsgartneri tilknyttes nyttejobholdet.",
        ],
    ),
    (
        "Langtidsledigheden i kommunen",
        "langtidsledigheden",
        [
            "Langtidsledigheden er faldet fra {pct} procent til {pct2} procent i løbet af {year}.",
            "De langtidsledige tilbydes et opkvalificeringsforløb med fokus på brancher med mangel på arbejdskraft.",
            "Kvartalsstatistikken viser, at ledigheden blandt unge under 30 år er steget svagt.",
        ],
    ),
    (
        "Budgetopfølgning",
        "budgetopfølgningen",
        [
            "Budgetopfølgningen viser et forventet mindreforbrug på {amount} mio. kr. på serviceudgifterne.",
            "Der søges en tillægsbevilling, fordi udgifterne til forsørgelse er højere end budgetteret.",
            "Overførslerne fra {year} indgår i det korrigerede budget.",
        ],
    ),
    (
        "Ungeindsatsen i udsatte boligområder",
        "ungeindsatsen",
        [
            "Værestederne har udvidet åbningstiden med en ekstra aften om ugen.",
            "Gadeplansmedarbejderne arbejder opsøgende i boligområderne om aftenen.",
            "Samarbejdet med boligsociale medarbejdere og skolerne er styrket.",
        ],
    ),
    (
        "Integrationsindsatsen for flygtninge",
        "integrationsindsatsen",
        [
            "Flygtninge fra Ukraine udgør nu {pct} procent af borgerne i integrationsprogrammet.",
            "Danskuddannelsen kombineres med praktik, så sproget læres på arbejdspladsen.",
            "Familiesammenførte tilbydes et introduktionsforløb om foreningsliv og arbejdsmarked.",
        ],
    ),
    (
        "Kvalitetsrapport for folkeskolerne",
        "kvalitetsrapporten",
        [
            "Karaktergennemsnittet ved afgangsprøverne var {grade} i {year}.",
            "Elevernes trivsel er målt i den nationale trivselsmåling, og mobning er faldet.",
            "Fraværet blandt eleverne i udskolingen er fortsat højere end før pandemien.",
        ],
    ),
    (
        "Klimaplan og energirenovering",
        "klimaplanen",
        [
            "Klimaplanen sætter mål for en reduktion af CO2-udledningen på {pct} procent inden 2030.",
            "Energirenoveringen af de kommunale bygninger omfatter solceller og varmepumper.",
            "Fjernvarmen udbygges til de sidste områder med oliefyr og naturgas.",
        ],
    ),
    (
        "Trafiksikkerhedsplan",
        "trafiksikkerhedsplanen",
        [
            "Trafiksikkerhedsplanen prioriterer sikre skoleveje og lavere hastighed i boligveje.",
            "Der etableres cykelstier langs de mest trafikerede veje ved skolerne.",
            "Antallet af trafikuheld med personskade er faldet siden den forrige plan.",
        ],
    ),
    (
        "Ældreplejens kapacitet",
        "ældreplejen",
        [
            "Ventelisten til plejeboliger er på {n} borgere, og ventetiden er steget.",
            "Hjemmeplejen mangler social- og sundhedsassistenter, og rekrutteringen er svær.",
            "Velfærdsteknologi som skærmbesøg frigør tid til omsorg i hjemmeplejen.",
        ],
    ),
    (
        "Fritidstilbud for unge",
        "fritidstilbuddene",
        [
            "Foreningerne har fået tilskud til at åbne idrætshallerne for uorganiserede unge.",
            "Ungdomsskolen tilbyder nye hold i e-sport, musik og madlavning.",
            "Fritidspasset giver børn fra familier med lav indkomst adgang til foreningslivet.",
        ],
    ),
    (
        "Sygedagpengeområdet",
        "sygedagpengeområdet",
        [
            "Varigheden af sygedagpengeforløbene er nedbragt med {n} uger i gennemsnit.",
            "Rehabiliteringsteamet har behandlet flere sager om jobafklaringsforløb end sidste år.",
            "Arbejdsgiverne inddrages tidligere i fastholdelsesplanen for den sygemeldte.",
        ],
    ),
    (
        "Handleplan for psykiatrien",
        "handleplanen",
        [
            "Handleplanen styrker samarbejdet mellem regionspsykiatrien og socialpsykiatrien.",
            "Der oprettes akutpladser til borgere med psykiske lidelser i krise.",
            "Pårørende inddrages i udarbejdelsen af borgerens recoveryplan.",
        ],
    ),
    (
        "Anlægsbevilling til skolerenovering",
        "anlægsbevillingen",
        [
            "Renoveringen omfatter nye faglokaler, ventilation og udskiftning af tage.",
            "Anlægsarbejdet udbydes i totalentreprise med forventet start efter sommerferien.",
            "Skolens elever undervises i pavilloner, mens byggeriet står på.",
        ],
    ),
    (
        "Bibliotekernes åbningstider",
        "biblioteksbetjeningen",
        [
            "Selvbetjente åbningstider udvides på filialbibliotekerne om aftenen.",
            "Udlånet af e-bøger og lydbøger er steget med {pct} procent.",
        ],
    ),
    (
        "Affaldssortering i husstande",
        "affaldsordningen",
        [
            "Husstandene sorterer nu madaffald, plast, metal og glas ved kilden.",
            "Genbrugspladsen får en ny station for genbrug af møbler og byggematerialer.",
        ],
    ),
    (
        "Dagtilbud og pasningsgaranti",
        "pasningsgarantien",
        [
            "Børnetallet stiger i den nordlige del af kommunen, og der mangler vuggestuepladser.",
            "Normeringerne i daginstitutionerne lever op til minimumsnormeringerne.",
        ],
    ),
    (
        "Lokalplan for nyt boligområde",
        "lokalplanen",
        [
            "Lokalplanen giver mulighed for {n} boliger i rækkehuse og etageboliger.",
            "Høringssvarene fra naboerne handler især om trafik og skyggegener.",
        ],
    ),
]
GENERIC_SENTENCES = [
    "Udgifterne afholdes inden for udvalgets ramme, og sagen har ikke bevillingsmæssige konsekvenser.",
    "Forvaltningen foreslår, at indsatsen evalueres i {next_year}.",
    "Høringssvarene er samlet i bilag 1.",
    "Der er afsat {amount} mio. kr. i {year} til formålet.",
]
