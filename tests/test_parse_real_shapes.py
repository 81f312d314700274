"""Shapes that real published minutes pages print and our first fixtures did not (issue 20).

Each text below is written in our own words, modelled on what pages saved as text look like: a
site's controls and table pipes around the minutes, numbers run into titles, items without a
printed title, a page cut short after its table of contents, labels over their values.
"""

from __future__ import annotations

import json
from pathlib import Path

from referat.extract.lines import Line
from referat.extract.webtext import tidy_web_text
from tests.helpers import parse_text

REAL_PAGES = Path(__file__).parent / "fixtures" / "real_pages"


def _tidy(*texts: str) -> list[str]:
    return [line.text for line in tidy_web_text([Line(n, text) for n, text in enumerate(texts, start=1)])]


def test_web_text_loses_table_pipes_bullets_and_control_text() -> None:
    assert _tidy("Udvalg: |", "Byrådet |", "---|---|", "|") == ["Udvalg:", "Byrådet", "", ""]
    assert _tidy("  • Beslutning i Byrådet den 03-04-2019", "  • at der bevilges 2 mio. kr.") == [
        "Beslutning i Byrådet den 03-04-2019",
        "• at der bevilges 2 mio. kr.",
    ]
    assert _tidy("Udskriv", "Til toppen", "Valg af revisorÅbn/luk punkt", "\u00a0 \u200b") == [
        "",
        "",
        "Valg af revisor",
        "",
    ]


def test_a_number_run_into_its_title_starts_an_item() -> None:
    document = parse_text(
        "Teknisk udvalgs møde den 2. maj 2023\n\nFold alle punkter\n\n"
        "12Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt\n\n"
        "13Ny belysning på stien ved åen\n\nIndstilling\n\nForvaltningen indstiller, at:\n\n"
        "  1. Projektet godkendes\n\nBeslutning\n\nGodkendt\n"
    )
    assert [(item.number, item.title) for item in document.agenda_items] == [
        (12, "Godkendelse af dagsorden"),
        (13, "Ny belysning på stien ved åen"),
    ]


def test_items_headed_by_a_case_line_alone_have_no_title_and_keep_the_number() -> None:
    document = parse_text(
        "Beslutningsprotokol\n\ntirsdag den 7. marts 2023 kl. 17:00\n\nUdvalg: Byrådet\nBemærkninger:\n"
        "  • Udskriv\n    Sagsid.: 23/118\n\n    Indstilling\n\n"
        "    Sekretariatet indstiller, at dagsordenen godkendes.\n\n"
        "    Beslutning Byrådet den 07-03-2023\n\n    Godkendt.\n\n"
        "  • Udskriv\n    Sagsid.: 22/9051\n\n    Sagsfremstilling\n\n    Skolen skal have nyt tag.\n\n"
        "    Beslutning Byrådet den 07-03-2023\n\n    Godkendt.\n"
    )
    assert document.meeting.organization == "Byrådet"
    assert [(item.number, item.title, item.case_number) for item in document.agenda_items] == [
        (None, "", "23/118"),
        (None, "", "22/9051"),
    ]


def test_items_without_headings_are_told_apart_by_their_cycle_of_sections() -> None:
    document = parse_text(
        "Referat\nSkoleudvalget onsdag den 8. marts 2023 kl. 16:00\n\nMødelokale 3\n\n"
        "Sagsfremstilling\n\nÅrshjulet er vedlagt.\n\nIndstilling\n\nUdvalget tager orienteringen til efterretning.\n\n"
        "Beslutning\n\nTaget til efterretning.\n\nBilag\n\n"
        "Resume\n\nEn ny model for støtte i dagtilbud foreslås.\n\nIndstilling\n\nAt modellen godkendes.\n\n"
        "Beslutning\n\nGodkendt.\n"
    )
    assert [item.decision.outcomes if item.decision else None for item in document.agenda_items] == [
        ["noted"],
        ["approved"],
    ]
    assert "cycle of section headings" in document.report.reading


def test_items_only_in_the_contents_of_a_page_cut_short_are_items() -> None:
    document = parse_text(
        "Referat\n\nKulturudvalget den 9. maj 2023\n\nIndholdsfortegnelse\n\n"
        "1. Godkendelse af dagsorden\n2. Tilskud til byfesten\n3. Lukket: Køb af grund\n\n"
        "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
        "2. Tilskud til byfesten\n\nSagsfremstilling\n\nForeningen søger tilskud på 40.000 kr. til"
    )
    assert [(item.number, item.title, item.public) for item in document.agenda_items] == [
        (1, "Godkendelse af dagsorden", True),
        (2, "Tilskud til byfesten", True),
        (3, "Lukket: Køb af grund", False),
    ]
    assert document.agenda_items[2].decision is None


def test_a_members_list_in_the_header_is_no_table_of_contents() -> None:
    document = parse_text(
        "Referat\n\nØkonomiudvalget den 3. april 2023\n\nDeltagerne var:\n\n1. Anne Holm (A)\n2. Bo Berg (V)\n\n"
        "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n"
    )
    assert [item.title for item in document.agenda_items] == ["Godkendelse af dagsorden"]


def test_a_numbered_point_of_a_recommendation_is_no_item_and_a_case_number_may_sit_under_its_label() -> None:
    document = parse_text(
        "Byrådet - Referat\n\nDato: 5. april 2016\n\n1. Lån til nye boliger\n\nSagsnummer\n00.34.00-S00-4-15\n\n"
        "Indstilling\n\nDirektionen indstiller, at\n\n  1. Byrådet optager et lån på 20 mio. kr.\n\n"
        "Beslutning\n\nGodkendt.\n"
    )
    assert [(item.number, item.title, item.case_number) for item in document.agenda_items] == [
        (1, "Lån til nye boliger", "00.34.00-S00-4-15")
    ]


def test_the_committee_and_date_come_from_the_decision_headings_when_nothing_else_names_them() -> None:
    document = parse_text(
        "Mødedetaljer\n\nUdvalg Dato Type Hent\n\n"
        "Punkt 41 Spørgetid\n  • Beslutning i Kulturudvalget den 14-06-2023\n\n    Ingen spørgsmål.\n\n"
        "Punkt 42 Ny hal i Ørsted\n  • Beslutning i Kulturudvalget den 14-06-2023\n\n    Godkendt.\n"
    )
    assert (document.meeting.organization, document.meeting.start) == ("Kulturudvalget", "2023-06-14")
    assert [item.decision.outcomes for item in document.agenda_items if item.decision] == [["nothing"], ["approved"]]


def test_a_committee_is_named_as_a_name_never_as_a_mention_or_a_date() -> None:
    site_heading = (
        "Gå til indhold\n\nArkiv 2009\n\nOversigt over alle møder i nordby byråd 2009\n\nNordby Byråd\n\n"
        "Referat\n\nTirsdag den 12-05-2009 kl. 18:00\n\n1. Valg af formand\n\nBESLUTNING\n\nGodkendt.\n"
    )
    assert parse_text(site_heading).meeting.organization == "Nordby Byråd"
    timed = "REFERAT fra møde i NORDBY BYRÅD kl i byrådssalen\n\n1. Valg af formand\n\nBeslutning\n\nGodkendt.\n"
    assert parse_text(timed).meeting.organization == "NORDBY BYRÅD"
    # an empty committee cell, the date cell below it
    empty_cell = (
        "Referat\nUdvalg:\nMandag, 9 marts, 2020 - 16:30\n\nPunkt 12 Godkendelse af dagsorden\n\n"
        "Beslutning\n\nGodkendt.\n"
    )
    meeting = parse_text(empty_cell).meeting
    assert meeting.organization is None and meeting.start == "2020-03-09T16:30"


def test_one_case_treated_at_two_meetings_on_one_page_is_one_item() -> None:
    page = (
        "Nordby\n\nNy vedtægt for Nordby Kommunes udvalg\n\n24/1234 -\n\nRelevans\n\nNej\n\n"
        "Sagsgang\n\nKommunalbestyrelsen beslutter.\n\nIndstilling\n\nDirektøren indstiller, at forslaget "
        "sendes til andenbehandling.\n\nBeslutning Kommunalbestyrelsen den 04-11-2024\n\nGodkendt.\n\n"
        "Indstilling\n\nDirektionen indstiller, at forslaget vedtages.\n\n"
        "Beslutning Kommunalbestyrelsen den 18-11-2024\n\nGodkendt.\n\nSagsfremstilling\n\nVedtægten ændres.\n"
    )
    document = parse_text(page)
    [item] = document.agenda_items
    assert (item.title, item.case_number) == ("Ny vedtægt for Nordby Kommunes udvalg", "24/1234")
    assert item.decision is not None and item.decision.date == "2024-11-18"
    assert [(c.date, c.outcome) for c in item.consultations] == [("2024-11-04", "approved")]


def test_a_sentence_after_an_item_word_is_no_item_heading() -> None:
    page = (
        "Regionsrådets beslutning den 4. marts 2025:\nSag 9 samt bilag til sag 2 var eftersendt.\n"
        "Dagsordenen blev godkendt.\nRegionsrådets beslutning den 4. marts 2025:\nSagen blev sendt til "
        "forretningsudvalget.\n"
    )
    items = parse_text(page).agenda_items
    assert [(item.number, item.decision.outcomes if item.decision else None) for item in items] == [
        (None, ["approved"]),
        (None, ["referred"]),
    ]


def test_the_real_pages_gold_is_complete_and_a_third_is_held_out() -> None:
    dev = sorted(p.name for p in (REAL_PAGES / "dev").glob("*.gold.json"))
    holdout = sorted(p.name for p in (REAL_PAGES / "holdout").glob("*.gold.json"))
    assert (len(dev), len(holdout)) == (31, 16)
    for path in [*(REAL_PAGES / "dev").glob("*.gold.json"), *(REAL_PAGES / "holdout").glob("*.gold.json")]:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert gold["meta"]["id"] == path.name.removesuffix(".gold.json")
        assert gold["agenda_items"], path.name


def test_an_item_numbered_with_nr_keeps_its_number() -> None:
    document = parse_text(
        "Nr.14 - Valg af formand for skolebestyrelsen\n\nBeslutning i Børneudvalget den 04-02-2019\n\nGodkendt.\n"
    )
    assert [(item.number, item.title) for item in document.agenda_items] == [
        (14, "Valg af formand for skolebestyrelsen")
    ]


def test_a_list_of_items_above_the_items_printed_is_their_contents() -> None:
    document = parse_text(
        "UDVALG\n\nBørne- og Skoleudvalget\n\nSTARTTIDSPUNKT\n\n03-05-2021 16:00:00\n\nPUNKTER\n\n"
        "1. Godkendelse af dagsorden\n2. Ny skolestruktur i nord\n3. Kvalitetsrapport 2020\n\n\n"
        "1. Godkendelse af dagsorden\n\nBeslutning Børne- og Skoleudvalget den 03-05-2021\n\nGodkendt.\n\n"
        "2. Ny skolestruktur i nord\n\nSagsfremstilling\n\nTo skoler lægges sam"
    )
    assert [(item.number, item.title) for item in document.agenda_items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Ny skolestruktur i nord"),
        (3, "Kvalitetsrapport 2020"),
    ]


def test_a_title_line_with_a_weekday_after_the_committee() -> None:
    document = parse_text(
        "Referat Teknisk Udvalg onsdag den 9. maj Kl. 15:00 i Byrådssalen\n\n"
        "1. Godkendelse af dagsorden\n\nBeslutning den :\n\nGodkendt.\n"
    )
    assert document.meeting.organization == "Teknisk Udvalg"
    assert document.agenda_items[0].decision is not None
    assert document.agenda_items[0].decision.outcomes == ["approved"]


def test_fields_between_empty_paragraphs_and_an_absence_line_in_the_decision() -> None:
    # each item's labels stand between empty paragraphs, as a page break would; they are no furniture
    blank = "\n\n \n\n"
    items = []
    for number, title, case, decision in (
        (4, "Valg af stedfortræder", "330-2019-1187", "Godkendt."),
        (5, "Orientering om vejarbejder", "330-2019-2240", "Taget til efterretning."),
        (6, "Takster for svømmehallen 2020", "330-2019-3012", "Anbefales."),
    ):
        items.append(
            f"{number}.      {title}{blank}Sagsnr.\n\n{case}\n\nInitialer\n\nABC\n\nÅbent{blank}"
            f"Sagsfremstilling\n\nForvaltningen har lavet en indstilling.{blank}Indstilling\n\n"
            f"Det indstilles, at sagen godkendes.{blank}{blank}"
            f"Beslutning i Byrådet 12. november 2019:\n\nFraværende:  Ib Holm (A), Bo Lund (V)\n\n \n\n{decision}\n\n"
        )
    document = parse_text("".join(items))
    assert (document.meeting.organization, document.meeting.start) == ("Byrådet", "2019-11-12")
    assert [
        (item.number, item.case_number, item.decision.outcomes if item.decision else None)
        for item in document.agenda_items
    ] == [
        (4, "330-2019-1187", ["approved"]),
        (5, "330-2019-2240", ["noted"]),
        (6, "330-2019-3012", ["recommended"]),
    ]
    assert [person.name for person in document.agenda_items[0].absent] == ["Ib Holm", "Bo Lund"]


def test_a_bullet_before_the_item_number_alone() -> None:
    document = parse_text(
        "Referat\n\nUdvalg: Teknisk Udvalg\n\n  • 7\n    Ny sti langs åen\n    Sagsid.: 21/1443\n\n"
        "    RESUMÉ:\n\n    Stien skal forbinde to skoler.\n\n    BESLUTNING: Teknisk Udvalg den 02-03-2021\n\n"
        "    Godkendt.\n"
    )
    assert [(item.number, item.title, item.case_number) for item in document.agenda_items] == [
        (7, "Ny sti langs åen", "21/1443")
    ]


def test_template_headings_of_a_page_cut_short_still_mark_its_last_item() -> None:
    document = parse_text(
        "12. maj 2022\n\n41. Godkendelse af dagsorden\n\nUdskriv\n\nSagstema\n\nDagsordenen.\n\n"
        "Indstilling\n\nTil godkendelse.\n\nBeslutning\n\nGodkendt.\n\nTil toppen\n\n"
        "42. Ny mødeplan for 2023\n\nUdskriv\n\nSagstema\n\nMøderne i 2023.\n\nRedegørelse\n\n"
        "Det foreslås, at møderne holdes på disse datoer:\n\nTirsdag den 31. januar 2023\n\nTirsdag den 28. feb"
    )
    assert [item.number for item in document.agenda_items] == [41, 42]


def test_a_closed_item_printed_as_its_number_and_lukket_punkt() -> None:
    document = parse_text(
        "Referat Kulturudvalget 2. maj 2022\n\n3. Godkendelse af dagsorden\n\nSagsnummer: 00.22.00-P35-3-22\n\n"
        "Beslutning\n\nGodkendt\n\n4. Lukket punkt\n\n5. Ny hal i Nordby\n\nSagsnummer: 18.15.00-G01-2-22\n\n"
        "Resume\n\nHallen er for lille."
    )
    assert [(item.number, item.title, item.public, item.case_number) for item in document.agenda_items] == [
        (3, "Godkendelse af dagsorden", True, "00.22.00-P35-3-22"),
        (4, "Lukket punkt", False, None),
        (5, "Ny hal i Nordby", True, "18.15.00-G01-2-22"),
    ]


def test_decision_words_labels_and_headings_are_never_people() -> None:
    from referat.parse.names import looks_like_name

    for text in ("Godkendt", "Anbefales med bemærkning om", "Imod: A", "Bemærkninger til dagsorden", "Drøftet"):
        assert not looks_like_name(text), text
    for text in ("Anne Holm", "Ib af Rosen", "Hans-Jørgen Bøgh", "Bo"):
        assert looks_like_name(text), text
