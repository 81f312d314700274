"""Danish word matching without false friends (store/analysis.py), the same on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from referat.sources.raw import RawDocument
from referat.store.analysis import (
    abbreviations,
    compound_pieces,
    compound_position,
    is_agent_noun,
    query_forms,
    related_words,
    stem,
    street_names,
    words,
)
from referat.store.ingest import ingest
from referat.store.reindex import reindex_all
from referat.store.search import Filters, make_snippet, search


def agent(form: str) -> bool:
    """The vocabulary's verdict in these tests: only these are agent nouns."""
    return form in {stem("iværksætter"), stem("leder")}


@pytest.mark.parametrize(
    "same",
    [
        ("borger", "borgere", "borgerne", "borgers"),
        ("indsats", "indsatsen", "indsatser", "indsatserne"),
        ("ledighed", "ledigheden"),
        ("ledig", "ledige"),
        ("kommune", "kommunen", "kommuner", "kommunerne", "kommunens"),
        ("proces", "processen"),
        ("iværksætter", "iværksættere", "iværksætterne"),
        ("registrere", "registrerer", "registreres", "registreret", "registrerede"),
    ],
)
def test_inflections_find_each_other(same: tuple[str, ...]) -> None:
    for word in same:
        assert {stem(other) for other in same} <= query_forms(word, agent), word


@pytest.mark.parametrize(
    ("word", "other"),
    [("ledighed", "leder"), ("ledighed", "ledelse"), ("leder", "ledelse"), ("indsats", "indsat"), ("valg", "valgt"),
     ("sag", "saglig"), ("plan", "plante"), ("iværksætter", "iværksætte"), ("leder", "lede")],
)  # fmt: skip
def test_false_friends_do_not_share_a_form(word: str, other: str) -> None:
    assert stem(word) != stem(other)


# The vocabulary a compound is split by: words seen on their own in the stored minutes.
VOCABULARY = {
    "indsats", "indsatsen", "ledigheden", "ydelse", "nytte", "skole", "vej", "vejledere", "ledere", "boliger",
    "linje", "giver", "arbejde", "arbejdet", "bearbejdet", "sam", "ældre", "udvalget", "betjening",
    "ende", "analyse", "case", "foran", "diget",
}  # fmt: skip


@pytest.mark.parametrize(
    ("term", "word", "part"),
    [
        ("beskæftigelsesindsatsen", "indsats", True),  # the head, after a linking -s-
        ("nytteindsats", "indsats", True),  # after a word of its own
        ("langtidsledigheden", "ledighed", True),
        ("ledighedsydelse", "ledighed", True),  # the first part, before a linking -s-
        ("ældreboliger", "ældre", True),  # the first part of a known head
        ("buslinje", "bus", True),  # a short word may begin a compound …
        ("skolevej", "vej", False),  # … but is never taken for its head
        ("arbejdsgiver", "arbejde", True),  # -e becomes a linking -s-
        ("skolevejsanalyse", "skoleveje", True),  # the query's form begins it
        ("skolevejledere", "skoleveje", False),  # the longest known head: skole|vejledere
        ("viderebearbejdet", "arbejde", False),  # the head is bearbejdet
        ("samarbejde", "arbejde", False),  # a particle, not a first part
        ("udarbejdet", "arbejde", False),
        ("foranlediget", "ledig", False),
        ("forældre", "ældre", False),
        ("businesscase", "bus", False),  # the rest must be the head itself
        ("fraværende", "fravær", False),  # -ende is an ending, not a word here
        ("økonomiudvalget", "valg", False),
        ("tryghedsudvalget", "tryghed", False),  # a committee's name
    ],
)
def test_compound_parts_by_their_place(term: str, word: str, part: bool) -> None:
    known = {piece for piece in compound_pieces(term, word) if piece in VOCABULARY}
    assert compound_position(term, word, known) is part


def test_a_hed_noun_also_stands_for_its_adjective() -> None:
    assert related_words("ledighed") == ["ledighed", "ledig"]
    assert related_words("tryghed") == ["tryghed", "tryg"]
    assert related_words("budget") == ["budget"]


@pytest.mark.parametrize(
    ("word", "finds", "not_finds"),
    [
        ("skole", "skoler", ""),  # a word stands for its "-er" form …
        ("skoler", "skole", ""),  # … and the "-er" form for the word
        ("sager", "sag", ""),
        ("beslutte", "beslutter", ""),  # a verb for its present tense
        ("iværksætter", "iværksættere", "iværksætte"),  # an agent noun not for its verb
        ("leder", "ledere", "lede"),
    ],
)
def test_an_er_form_stands_for_its_word_unless_it_is_an_agent_noun(word: str, finds: str, not_finds: str) -> None:
    forms = query_forms(word, agent)
    assert stem(finds) in forms
    assert not not_finds or stem(not_finds) not in forms


def test_an_agent_noun_is_told_by_its_plural_and_a_verb_by_its_participle() -> None:
    assert is_agent_noun(["iværksætter", "iværksættere"])
    assert not is_agent_noun(["skoler", "skolerne"])  # a plural of "skole"
    assert not is_agent_noun(["registrere", "registreret"])  # a verb in "-ere"
    assert related_words("iværksætter", agent)[-1] == "iværksætteri"  # its activity
    assert related_words("skoler", agent) == ["skoler"]


def test_a_query_word_also_stands_for_its_other_spelling_and_synonyms() -> None:
    assert related_words("damsgård") == ["damsgård", "damsgaard"]
    assert related_words("ældrerådet")[-1] == "seniorråd"  # store/synonyms.txt
    assert related_words("solceller")[-1] == "solpanel"  # a plural in "-er" too


MINUTES = """Greve Kommune
Referat
Beskæftigelsesudvalget
Mødedato: 01-02-2024 kl. 16:00

Punkt 1: Langtidsledigheden i kommunen
Sagsnr.: 24/0001
Sagsfremstilling
Langtidsledigheden er faldet, og flere langtidsledige er kommet i arbejde.
Beslutning
Taget til efterretning.

Punkt 2: Ny leder af jobcentret
Sagsnr.: 24/0002
Sagsfremstilling
Jobcentrets ledelse får en ny leder, som led i omorganiseringen.
Beslutning
Godkendt.

Punkt 3: Beskæftigelsesindsatsen for unge
Sagsnr.: 24/0003
Sagsfremstilling
Indsatsen samler de unge og deres forældre om et samarbejde med skolerne.
Beslutning
Godkendt.

Punkt 4: Ældre ledige i job
Sagsnr.: 24/0004
Sagsfremstilling
Ældre borgere, der er ledige, tilbydes en indsats med virksomhedspraktik.
Beslutning
Godkendt.
"""


def titles(engine: Engine, query: str) -> list[str]:
    return sorted(hit.title for hit in search(engine, query).matches)


def test_search_keeps_false_friends_apart_on_both_backends(engine: Engine) -> None:
    assert ingest(engine, RawDocument(uri="greve.txt", data=MINUTES.encode())).status == "stored"
    unemployment = ["Langtidsledigheden i kommunen", "Ældre ledige i job"]
    assert titles(engine, "ledighed") == unemployment  # not the manager, the management or "som led i"
    assert titles(engine, "leder") == ["Ny leder af jobcentret"]
    assert titles(engine, "indsats") == ["Beskæftigelsesindsatsen for unge", "Ældre ledige i job"]
    assert titles(engine, "ældre") == ["Ældre ledige i job"]  # not "forældre"
    assert titles(engine, "arbejde") == ["Langtidsledigheden i kommunen"]  # not "samarbejde"
    assert titles(engine, '"som led i"') == ["Ny leder af jobcentret"]


ENTREPRENEURS = """Greve Kommune
Referat
Beskæftigelsesudvalget
Mødedato: 01-03-2024 kl. 16:00

Punkt 1: Rådgivning af iværksættere
Sagsnr.: 24/0011
Sagsfremstilling
Kommunens iværksættere får rådgivning, og hver iværksætter kan låne et kontor.
Beslutning
Godkendt.

Punkt 2: Ny indsats for unge
Sagsnr.: 24/0012
Sagsfremstilling
Administrationen foreslår at iværksætte indsatsen, som iværksættes i foråret.
Beslutning
Godkendt.

Punkt 3: Ny skole i Greve Nord
Sagsnr.: 24/0013
Sagsfremstilling
Byggeriet af den nye skole begynder til sommer.
Beslutning
Godkendt.

Punkt 4: Skolevænget 7 - solceller på taget
Sagsnr.: 24/0014
Sagsfremstilling
Ejeren af Skolevænget 7 søger om solceller; naboerne på Skolevænget 5 og 9 er hørt.
Beslutning
Godkendt.
"""


def test_an_agent_noun_does_not_find_its_verb_on_both_backends(engine: Engine) -> None:
    assert ingest(engine, RawDocument(uri="greve-marts.txt", data=ENTREPRENEURS.encode())).status == "stored"
    assert titles(engine, "iværksætter") == ["Rådgivning af iværksættere"]  # not what is to be implemented
    snippet = search(engine, "iværksætter").hits[0].snippet
    assert "<mark>iværksættere</mark>" in snippet and "<mark>iværksætter</mark>" in snippet
    assert "Ny indsats for unge" in titles(engine, "iværksætte")
    assert titles(engine, "skoler") == ["Ny skole i Greve Nord"]  # a plural finds its singular


def test_a_street_is_found_by_its_name_not_by_its_parts_on_both_backends(engine: Engine) -> None:
    ingest(engine, RawDocument(uri="greve-marts.txt", data=ENTREPRENEURS.encode()))
    assert titles(engine, "skole") == ["Ny skole i Greve Nord"]
    assert titles(engine, "Skolevænget") == ["Skolevænget 7 - solceller på taget"]


CITIZENS = """Greve Kommune
Referat
Økonomiudvalget
Mødedato: 01-04-2024 kl. 16:00

Punkt 1: Ny borgerrådgiver
Sagsnr.: 24/0021
Sagsfremstilling
Borgere kan klage til borgerrådgiveren over kommunens betjening og sagsbehandling.
Beslutning
Godkendt.

Punkt 2: Godkendelse af dagsorden
Sagsnr.: 24/0022
Indstilling
Center for Politik, Organisation & Borgerbetjening indstiller, at dagsordenen godkendes.
Beslutning
Godkendt.

Punkt 3: Dialogmøde
Sagsnr.: 24/0023
Indstilling
Center for Politik, Organisation & Borgerbetjening indstiller, at borgerne inviteres til dialogmøde.
Beslutning
Godkendt.
"""


def test_a_search_says_what_its_words_also_found_and_leaves_out_what_it_is_told(engine: Engine) -> None:
    """A false friend no word rule can tell (borgerbetjening is a unit's name here) is shown and can be
    left out; an item that holds the query word as well stays, and a query word itself is never left out."""
    assert ingest(engine, RawDocument(uri="greve-april.txt", data=CITIZENS.encode())).status == "stored"
    found = search(engine, "borger")
    assert sorted(hit.title for hit in found.matches) == ["Dialogmøde", "Godkendelse af dagsorden", "Ny borgerrådgiver"]
    assert found.also_found_as == ["borgerbetjening"] and found.left_out == []
    narrowed = search(engine, "borger", Filters(without=("Borgerbetjeningen",)))  # any form of the word
    assert sorted(hit.title for hit in narrowed.matches) == ["Dialogmøde", "Ny borgerrådgiver"]
    assert (narrowed.total, narrowed.also_found_as, narrowed.left_out) == (2, [], ["borgerbetjening"])
    assert search(engine, "borger", Filters(without=("borgere",))).total == 3  # the query word's own forms
    assert search(engine, "borgerbetjening", Filters(without=("borgerbetjening",))).total == 2


def test_a_word_before_a_house_number_is_a_street() -> None:
    text_ = "På Skolevænget 7, Greve Landevej 98a og Rådhuset 2. Bilag 1: kort over rådhuset. Lokalplan 12.51"
    assert street_names(text_, words(text_)) == {"skolevænget", "landevej"}  # "rådhuset" is also a word here
    assert street_names("Skolevalg 2023 kl. 16:00", words("Skolevalg 2023 kl. 16:00")) == set()  # a year, a time


def test_an_index_made_before_is_made_again_from_the_stored_items(engine: Engine) -> None:
    ingest(engine, RawDocument(uri="greve.txt", data=MINUTES.encode()))
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM search_terms"))
        reindex_all(connection)
    assert titles(engine, "ledighed") == ["Langtidsledigheden i kommunen", "Ældre ledige i job"]


def test_title_matches_come_first_then_decision_matches(engine: Engine) -> None:
    from referat.sources.files import find_documents, read_file
    from tests.conftest import EXAMPLES

    for path in find_documents(EXAMPLES):
        ingest(engine, read_file(path))
    hits = search(engine, "indsats", limit=100).matches
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)  # relevance orders each tier
    tiers = [int(score) for score in scores]  # store/index.py: 5, 4 in the title, 3, 2 in the decision, 1, 0 elsewhere
    assert tiers[0] == 5 and tiers[-1] == 0
    assert all("indsats" in hit.title.lower() for hit, tier in zip(hits, tiers, strict=True) if tier >= 4)
    assert not any("indsats" in hit.title.lower() for hit, tier in zip(hits, tiers, strict=True) if tier < 4)
    # In the title, the word of its own ("Indsatsen for …") before a compound that holds it ("Beskæftigelsesindsatsen").
    whole = {
        tier: [stem("indsats") in map(stem, words(hit.title)) for hit, t in zip(hits, tiers, strict=True) if t == tier]
        for tier in (5, 4)
    }
    assert all(whole[5]) and whole[4] and not any(whole[4])


def test_a_case_number_as_the_query_finds_the_items_of_that_case(engine: Engine) -> None:
    ingest(engine, RawDocument(uri="greve.txt", data=MINUTES.encode()))
    found = search(engine, " 24/0002 ")
    assert (found.query, [hit.title for hit in found.hits]) == (" 24/0002 ", ["Ny leder af jobcentret"])
    assert search(engine, "24/9999").total == 0  # not a stored case: searched as words, and not found


def test_a_committees_coordinated_name_names_committees() -> None:
    """The parts before a hyphen share the last word's head: the name is about committees."""
    assert words("Skole-, Børne- og Ungeudvalget behandlede sagen") == [
        "skoleudvalget",
        "børneudvalget",
        "ungeudvalget",
        "behandlede",
        "sagen",
    ]
    assert words("sendes til Plan- og Tryghedsudvalget") == ["sendes", "planudvalget", "tryghedsudvalget"]
    assert words("en skole- og fritidsordning") == ["skole", "fritidsordning"]  # no committee: as written


SCHOOLS = """Greve Kommune
Referat
Byrådet
Mødedato: 06-05-2024 kl. 18:00

Punkt 1: Budgetopfølgning
Sagsnr.: 24/0031
Indstilling
Skole-, Børne- og Ungeudvalget anbefaler, at budgetopfølgningen godkendes.
Beslutning
Godkendt.

Punkt 2: Kapacitet på skolerne
Sagsnr.: 24/0032
Sagsfremstilling
Skolerne i Greve Nord har flere elever end pladser, oplyser Skole-, Børne- og Ungeudvalget.
Beslutning
Godkendt.
"""


def test_a_committees_name_is_not_about_its_first_part_on_both_backends(engine: Engine) -> None:
    assert ingest(engine, RawDocument(uri="greve-maj.txt", data=SCHOOLS.encode())).status == "stored"
    assert titles(engine, "skolerne") == ["Kapacitet på skolerne"]
    text = "Skolerne har flere elever, oplyser Skole-, Børne- og Ungeudvalget."
    snippet = make_snippet([text], {stem("skolerne")})
    assert snippet == "<mark>Skolerne</mark> har flere elever, oplyser Skole-, Børne- og Ungeudvalget."
    assert sorted(titles(engine, "skoleudvalget")) == ["Budgetopfølgning", "Kapacitet på skolerne"]


def test_an_abbreviation_is_learned_from_its_definition() -> None:
    text = "Henvist til Pædagogisk Psykologisk Rådgivning (PPR) og Borgerstyret Personlig Assistance (BPA)."
    assert abbreviations(text) == [
        ("ppr", "pædagogisk psykologisk rådgivning"),
        ("bpa", "borgerstyret personlig assistance"),
    ]
    assert abbreviations("Det Centrale Visitationsudvalg (CVI)") == []  # the initials do not spell it
    assert abbreviations("budgettet (BO) for 2024") == []


ABBREVIATED = """Greve Kommune
Referat
Skole-, Børne- og Ungeudvalget
Mødedato: 03-06-2024 kl. 17:00

Punkt 1: Ventetid til udredning
Sagsnr.: 24/0041
Sagsfremstilling
Børn venter i dag op til 20 uger på udredning i Pædagogisk Psykologisk Rådgivning (PPR).
Beslutning
Godkendt.

Punkt 2: Pædagogisk Psykologisk Rådgivning - årsrapport
Sagsnr.: 24/0042
Sagsfremstilling
Årsrapporten beskriver rådgivningens arbejde med skolerne.
Beslutning
Taget til efterretning.

Punkt 3: Psykologisk førstehjælp
Sagsnr.: 24/0043
Sagsfremstilling
Et kursus for pædagogisk personale.
Beslutning
Godkendt.
"""


def test_an_abbreviation_finds_its_name_written_out_on_both_backends(engine: Engine) -> None:
    assert ingest(engine, RawDocument(uri="greve-juni.txt", data=ABBREVIATED.encode())).status == "stored"
    assert sorted(titles(engine, "PPR")) == ["Pædagogisk Psykologisk Rådgivning - årsrapport", "Ventetid til udredning"]
    snippet = search(engine, "ppr").hits[0].snippet
    assert "<mark>" in snippet
    assert "Psykologisk førstehjælp" not in titles(engine, "PPR")  # the words apart are not the name


def test_a_word_finds_the_compounds_of_a_document_stored_a_moment_ago(engine: Engine) -> None:
    """What a word stands for is kept between searches, but not past a change to the database."""
    assert ingest(engine, RawDocument(uri="greve.txt", data=MINUTES.encode())).status == "stored"
    assert "nytteindsats" not in search(engine, "indsats").also_found_as
    later = MINUTES.replace("Beskæftigelsesindsatsen for unge", "Nytteindsats for unge til nytte for byen").replace(
        "Greve Kommune", "Solrød Kommune"
    )
    assert ingest(engine, RawDocument(uri="solrod.txt", data=later.encode())).status == "stored"
    assert "nytteindsats" in search(engine, "indsats").also_found_as
