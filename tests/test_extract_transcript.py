"""PDF minutes as document-sharing sites print them: each page run into one line, its counter first.
The texts are modelled on real transcripts (Tårnby, Haderslev), in our own words."""

from __future__ import annotations

from referat.extract.lines import Line
from referat.extract.transcript import split_run_together_pages
from tests.helpers import parse_text

MENU = """Teknisk Udvalg. Referat

Save this PDF as:
 WORD  PNG  TXT  JPG

Størrelse: px
Starte visningen fra side:

Download "Teknisk Udvalg. Referat"

Transkript

"""
PAGES = [
    "1 NORDBY KOMMUNE Referat til Teknisk Udvalg Mødedato: Tirsdag den 4. marts 2014 Mødetidspunkt: 16:00 "
    "Mødelokale: Medlemmer: Afbud: Udvalgsværelset Anne Holm, Bo Dahl, Carl Eriksen, Dorte Friis, Erik Lund "
    "Bo Dahl",
    "2 Indholdsfortegnelse Punkter til dagsorden Side 1. Godkendelse af dagsorden Vejbelysning i Nordby "
    "Budgetopfølgning 2. kvartal Udbud af snerydning Eventuelt Bilagsoversigt",
    "3 1. Godkendelse af dagsorden Åben sag Sagsnr.: 14/2201 Sagsansvarlig: abc RESUMÉ Dagsordenen forelægges "
    "til godkendelse. BESLUTNING I TEKNISK UDVALG DEN Godkendt. 2",
    "4 2. Vejbelysning i Nordby Åben sag Sagsnr.: 14/1875 Sagsansvarlig: def RESUMÉ Gadelyset på Skolevej er "
    "nedslidt og skal skiftes. Forvaltningen har indhentet to tilbud på nye master og armaturer til hele str",
]
TRANSCRIPT = MENU + "\n\n".join(PAGES)


def test_a_transcript_is_cut_into_its_lines_again() -> None:
    lines = [Line(number, text) for number, text in enumerate(TRANSCRIPT.split("\n"), start=1)]
    texts = [line.text for line in split_run_together_pages(lines) if line.page == 3]
    assert texts == [
        "1. Godkendelse af dagsorden",
        "Åben sag",
        "Sagsnr.: 14/2201",
        "Sagsansvarlig: abc",
        "RESUMÉ",
        "Dagsordenen forelægges til godkendelse.",
        "BESLUTNING I TEKNISK UDVALG DEN",
        "Godkendt.",  # the page's own number at its foot is not the decision's
    ]


def test_a_transcript_reads_as_minutes() -> None:
    document = parse_text(TRANSCRIPT)
    meeting = document.meeting
    assert (meeting.organization, meeting.start) == ("Teknisk Udvalg", "2014-03-04T16:00")
    # three labels over one run-together line of values: which value is whose cannot be told
    assert meeting.location is None and meeting.participants == [] and meeting.absent == []
    items = [
        (item.number, item.title, item.case_number, item.decision.outcomes if item.decision else None)
        for item in document.agenda_items
    ]
    assert items == [
        (1, "Godkendelse af dagsorden", "14/2201", ["approved"]),
        (2, "Vejbelysning i Nordby", "14/1875", None),
        # listed in the contents after the last printed item: the text was cut short
        (None, "Budgetopfølgning 2. kvartal", None, None),
        (None, "Udbud af snerydning", None, None),
        (None, "Eventuelt", None, None),
    ]


def test_a_title_run_into_the_text_above_is_cut_where_the_contents_list_it() -> None:
    pages = [
        "1 REFERAT Udvalget for Kultur og Fritid Mødested: Mødelokale 12, Rådhuset Starttidspunkt: Kl. 16:00 "
        "Sluttidspunkt: Kl. 18:30 Afbud: Hanne Berg Bemærkninger: Ingen bemærkninger til mødet i dag.",
        "2 Indholdsfortegnelse Sag nr. Side Til efterretning Til orientering Musikskolens nye lokaler i den "
        "gamle banegård Tilskud til foreninger 2015 Halfordeling for sæsonen Kunstudvalgets indkøb af værker "
        "Eventuelt",
        "3 Til efterretning ABCDEF / 08/1234 Sagsfremstilling Sommerens koncerter i parken havde mange gæster. "
        "Taget til efterretning Til orientering ABCDEF / 08/1240 Sagsfremstilling Biblioteket holder åbent "
        "længere i december. Musikskolens nye lokaler i den gamle banegård GHIJ / 09/77 Sagsfremstilling Musik",
    ]
    items = parse_text(MENU + "\n\n".join(pages)).agenda_items
    assert [(i.title, i.case_number) for i in items] == [
        ("Til efterretning", "08/1234"),
        ("Til orientering", "08/1240"),
        ("Musikskolens nye lokaler i den gamle banegård", "09/77"),
        ("Tilskud til foreninger 2015", None),
        ("Halfordeling for sæsonen", None),
        ("Kunstudvalgets indkøb af værker", None),
        ("Eventuelt", None),
    ]


def test_numbered_paragraphs_are_no_pages() -> None:
    """Long lines that happen to start with a number ("5 medlemmer …") are text, not a transcript."""
    text = [
        "5 medlemmer af udvalget stemte for forslaget, og det blev derfor vedtaget med det flertal, som "
        "forretningsordenen kræver for en sag af denne art, idet ingen af de øvrige medlemmer stemte imod.",
        "",
        "4 medlemmer af udvalget stemte for ændringsforslaget, som dermed faldt, da et flertal stemte imod "
        "det, og udvalget gik derefter over til at stemme om indstillingen som helhed uden ændringer.",
        "",
        "5 Eventuelt",
    ]
    lines = [Line(number, line) for number, line in enumerate(text, start=1)]
    assert split_run_together_pages(lines) == lines


def test_group_headings_roman_page_numbers_and_numbers_in_sentences() -> None:
    pages = [
        "1 REFERAT fra møde i Nordby Byråd kl i byrådssalen Medlemmer: Anne Holm, Bo Dahl, Carl Eriksen, "
        "Dorte Friis, Erik Lund, Fie Mark, Gert Nør, Hans Ravn, Ida Sand, Jens Tang Mødet hævet kl Side 12",
        "2 Indholdsfortegnelse: Åbne efterretningssager Regnskab for havnen 2013...i Åbne beslutningssager "
        "Salg af grund på Skovvej...ii Takster for musikskolen - anlægsbevilling...iii Bilagsliste...1 Side 13",
        "3 ÅBNE EFTERRETNINGSSAGER 14. Regnskab for havnen 2013 J.nr.: 04.02.00 Åben sag Sagsfremstilling: "
        "Havnen fik et overskud i året, og det ventes at holde på 1. kvartals niveau i det kommende år.",
    ]
    items = parse_text(MENU + "\n\n".join(pages)).agenda_items
    assert [(item.number, item.title, item.case_number) for item in items] == [
        (14, "Regnskab for havnen 2013", "04.02.00"),
        (None, "Salg af grund på Skovvej", None),
        (None, "Takster for musikskolen - anlægsbevilling", None),
    ]


ABBREVIATED = MENU + "\n\n".join(
    [
        "1 Referat onsdag den 9. maj 2018 Kl. 15:00 i Byrådssalen",
        "2 Indholdsfortegnelse 1. TU - Godkendelse af dagsorden TU - Vejplan for Nordby TU - Status på "
        "cykelstier i Syd Lukket - TU - Køb af grund ved Havnen BU - Ny legeplads ved Skovskolen...14",
        "3 Side 1 1. TU - Godkendelse af dagsorden Sagsnr.: Resumé: Indstilling: Beslutningskompetence: "
        "Beslutning den : Godkendt. Sagsfremstilling: Administrationens vurdering: Økonomi og finansiering:",
        "4 Side 2 2. TU - Vejplan for Nordby Sagsnr.: 18/311 Resumé: Vejplanen fra 2012 skal fornyes, og "
        "forvaltningen har derfor samlet de ønsker, som borgerne har sendt ind siden sidste plan blev ved",
    ]
)


def test_a_cover_line_running_heads_and_abbreviated_entries() -> None:
    lines = [Line(number, text) for number, text in enumerate(ABBREVIATED.split("\n"), start=1)]
    cut = split_run_together_pages(lines)
    assert [line.text for line in cut if line.page == 1 and line.text][-1] == (
        "Referat onsdag den 9. maj 2018 Kl. 15:00 i Byrådssalen"
    )
    assert [line.text for line in cut if line.page == 3][:4] == [
        "1. TU - Godkendelse af dagsorden",
        "Sagsnr.:",
        "Resumé:",
        "Indstilling:",
    ]
    document = parse_text(ABBREVIATED)
    assert [
        (item.number, item.title, item.case_number, item.decision.outcomes if item.decision else None)
        for item in document.agenda_items
    ] == [
        (1, "TU - Godkendelse af dagsorden", None, ["approved"]),
        (2, "TU - Vejplan for Nordby", "18/311", None),
        (None, "TU - Status på cykelstier i Syd", None, None),
        (None, "Lukket - TU - Køb af grund ved Havnen", None, None),
        (None, "BU - Ny legeplads ved Skovskolen", None, None),
    ]


ACADRE = MENU + "\n\n".join(
    [
        "1 Børneudvalget Referat fra ordinært møde :00 Tirsdag kl. 16:00 Mødelokale 2 Følgende sager behandles "
        "på mødet Side Meddelelser 2 Ny legeplads ved Skovskolen Tilskud til ungdomsklubben i Syd 5 Pasning "
        "i ferierne 7 Bilagsoversigt 9 Fraværende Anne Holm (A) Bemærkninger til dagsorden",
        "2 Børneudvalget Punkt: 31 Acadre sagsnr.: Journalnr.: Sagsforløb: BU - Åben sag Mødedato: "
        "Sagsansvarlig enhed: Nordby Kommune Sagsbehandler: Ib Berg Meddelelser Beslutning Børneudvalget den "
        "Orientering om nye åbningstider i klubberne. Børneudvalget Tirsdag den Side 2",
        "3 Børneudvalget Punkt: 32 Acadre sagsnr.: 21/5521 Journalnr.: S02 Sagsforløb: BU - Åben sag "
        "Mødedato: Sagsansvarlig enhed: Nordby Kommune Sagsbehandler: Eva Dahl Ny legeplads ved Skovskolen "
        "2022 Resume Skolens legeplads er slidt, og forvaltningen foreslår en ny",
    ]
)


def test_an_acadre_transcript_with_page_numbers_in_its_contents() -> None:
    document = parse_text(ACADRE)
    assert [(item.number, item.title, item.case_number) for item in document.agenda_items] == [
        (31, "Meddelelser", None),
        (32, "Ny legeplads ved Skovskolen 2022", "21/5521"),
        (None, "Tilskud til ungdomsklubben i Syd", None),
        (None, "Pasning i ferierne", None),
    ]
    assert [person.name for person in document.meeting.absent] == ["Anne Holm"]


def test_a_title_opening_word_after_a_name_starts_the_next_entry() -> None:
    lines = [
        Line(
            1,
            "2 Indholdsfortegnelse Punkt nr. Side 1. Godkendelse af dagsorden Tilladelse til Nordby "
            "Kildeplads Revideret plan for Skovvejen Nordby Kommune Deltagelse ved konference om veje "
            "og stier i Danmark og i Norden og andre steder i landet",
        ),
        Line(2, ""),
        Line(
            3,
            "3 1. Godkendelse af dagsorden Sagsnr.: 18/1 Resumé: Dagsordenen forelægges til godkendelse "
            "af udvalget, som den foreligger, og der er ingen bemærkninger til den fra forvaltningen.",
        ),
    ]
    entries = [line.text for line in split_run_together_pages(lines) if line.number == 1]
    assert entries[-3:] == [
        "Tilladelse til Nordby Kildeplads",
        "Revideret plan for Skovvejen Nordby Kommune",
        "Deltagelse ved konference om veje og stier i Danmark og i Norden og andre steder i landet",
    ]


def test_lines_run_together_after_a_journal_plan_case_number_are_cut() -> None:
    lines = [
        Line(1, "Punkt 12: Godkendelse af dagsorden"),
        Line(2, "00.22.02-A26-1-19 Beslutning Teknisk Udvalg, 04.03.2019 Bo Dahl var fraværende. Godkendt."),
        Line(3, "Det blev nævnt, at 00.22.02-A26-1-19 er sagens nummer."),
    ]
    assert [line.text for line in split_run_together_pages(lines)] == [
        "Punkt 12: Godkendelse af dagsorden",
        "00.22.02-A26-1-19",
        "Beslutning",
        "Teknisk Udvalg, 04.03.2019 Bo Dahl var fraværende. Godkendt.",
        "Det blev nævnt, at 00.22.02-A26-1-19 er sagens nummer.",
    ]


def test_a_town_before_its_municipality_stays_in_the_title() -> None:
    lines = [
        Line(
            1,
            "2 Indholdsfortegnelse Punkt nr. Side 1. Godkendelse af dagsorden Ny parkeringsplan Nordby Kommune "
            "Orientering om vejarbejder i Syd og andre steder i kommunen og i nabokommunerne i den kommende tid",
        ),
        Line(2, ""),
        Line(
            3,
            "3 1. Godkendelse af dagsorden Sagsnr.: 18/1 Resumé: Dagsordenen forelægges til godkendelse "
            "af udvalget, som den foreligger, og der er ingen bemærkninger til den fra forvaltningen.",
        ),
    ]
    entries = [line.text for line in split_run_together_pages(lines) if line.number == 1]
    assert entries[-2:] == [
        "Ny parkeringsplan Nordby Kommune",
        "Orientering om vejarbejder i Syd og andre steder i kommunen og i nabokommunerne i den kommende tid",
    ]


def test_a_transcript_cut_short_in_its_contents_lists_its_items() -> None:
    document = parse_text(
        MENU + "1 NORDBY KOMMUNE Referat til Teknisk Udvalg Mødedato: Tirsdag den 4. marts 2014 Mødetidspunkt: 16:00 "
        "Mødelokale: Udvalgsværelset Medlemmer: Anne Holm, Bo Dahl, Carl Eriksen, Dorte Friis, Erik Lund\n\n"
        "2 Indholdsfortegnelse Punkter til dagsorden Side 1. Godkendelse af dagsorden Vejbelysning i Nordby "
        "Budgetopfølgning 2. kvartal Udbud af snerydning Eventuelt Bilagsoversigt"
    )
    assert [(item.number, item.title, item.decision) for item in document.agenda_items] == [
        (1, "Godkendelse af dagsorden", None),
        (None, "Vejbelysning i Nordby", None),
        (None, "Budgetopfølgning 2. kvartal", None),
        (None, "Udbud af snerydning", None),
        (None, "Eventuelt", None),
    ]
