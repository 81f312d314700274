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
TOPICS = [
    ("Status på beskæftigelsesindsatsen", "beskæftigelsesindsatsen"),
    ("Nytteindsats for kontanthjælpsmodtagere", "nytteindsatsen"),
    ("Langtidsledigheden i kommunen", "langtidsledigheden"),
    ("Budgetopfølgning", "budgetopfølgningen"),
    ("Ungeindsatsen i udsatte boligområder", "ungeindsatsen"),
    ("Integrationsindsatsen for flygtninge", "integrationsindsatsen"),
    ("Kvalitetsrapport for folkeskolerne", "kvalitetsrapporten"),
    ("Klimaplan og energirenovering", "klimaplanen"),
    ("Trafiksikkerhedsplan", "trafiksikkerhedsplanen"),
    ("Ældreplejens kapacitet", "ældreplejen"),
    ("Fritidstilbud for unge", "fritidstilbuddene"),
    ("Sygedagpengeområdet", "sygedagpengeområdet"),
    ("Handleplan for psykiatrien", "handleplanen"),
    ("Anlægsbevilling til skolerenovering", "anlægsbevillingen"),
]
SENTENCES = [
    "Forvaltningen har gennemgået {subject} og vurderer, at der er behov for en styrket indsats i {year}.",
    "Sagen forelægges udvalget, fordi {subject} har betydning for både borgerne og kommunens økonomi.",
    "Udgifterne til {subject} afholdes inden for udvalgets ramme, og sagen har ikke bevillingsmæssige konsekvenser.",
    "Der er i {year} iværksat en række tiltag, som skal nedbringe langtidsledigheden og styrke virksomhedssamarbejdet.",
    "Erfaringerne fra de seneste år viser, at en tidlig og håndholdt indsats giver de bedste resultater.",
    "Kvartalsstatistikken viser et fald i antallet af borgere på offentlig forsørgelse sammenlignet med {year}.",
    "Forvaltningen foreslår, at {subject} evalueres i {next_year} med henblik på en beslutning om den videre proces.",
    "Høringssvarene fra de lokale råd er samlet i bilag 1, og de indgår i forvaltningens samlede vurdering.",
    "Medarbejderne i jobcentret har deltaget i et kompetenceudviklingsforløb om virksomhedsrettede tilbud.",
    "Der er afsat {amount} kr. i {year} til gennemførelsen, finansieret af puljen til særlige indsatser.",
]
