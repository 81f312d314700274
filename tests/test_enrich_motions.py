"""Vote events: each vote tied to the motion it decided, who moved it, and how it ended.

The decisions are written for these tests in the shapes real minutes use (moved motions followed by
their votes, amendments "fra V", "Ad 2" parts, numbered points, tallies that name a point, budget
proposals with lettered points); enrich/motions.py reads them by the order of the text.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from referat.enrich.motions import read_motions
from referat.enrich.votes import vote_sentences
from referat.model import Motion, Vote
from tests.helpers import parse_text


def motions_of(text: str) -> tuple[list[Motion], list[Vote]]:
    return read_motions(vote_sentences(text, []))


def sides(motion: Motion) -> dict[str, list[str]]:
    return {vote.option: [*vote.names, *vote.parties] for vote in motion.votes}


def test_three_motions_moved_in_the_meeting_each_with_its_votes() -> None:
    motions, votes = motions_of(
        "Anna Holm (Ø) stiller forslag om, at alle besparelser på biblioteket rulles tilbage.\n\n"
        "Anna Holm (Ø) stemmer for.\n\n"
        "V og Per Lund (UP) stemmer imod.\n\n"
        "A og C undlader.\n\n"
        "V og Per Lund (UP) stiller forslag om, at åbningstiden om lørdagen genindføres. "
        "Herudover skal administrationen fremlægge en samlet sag inden budgetforhandlingerne.\n\n"
        "V, Per Lund (UP) og Anna Holm (Ø) stemmer for.\n\n"
        "A og C undlader.\n\n"
        "A stiller forslag om at bogbussen kører som hidtil.\n\n"
        "A og Anna Holm (Ø) stemmer for.\n\n"
        "V og Per Lund (UP) stemmer imod.\n\n"
        "Orienteringen fra KL vedlægges referatet."
    )
    assert [(m.kind, m.moved_by, m.moved_by_parties) for m in motions] == [
        ("motion", ["Anna Holm"], ["Ø"]),
        ("motion", ["Per Lund"], ["V", "UP"]),
        ("motion", [], ["A"]),
    ]
    assert motions[0].text == "at alle besparelser på biblioteket rulles tilbage."
    # the motion's text runs on until it is voted on
    assert motions[1].text is not None and motions[1].text.endswith("inden budgetforhandlingerne.")
    assert sides(motions[0]) == {"for": ["Anna Holm", "Ø"], "against": ["Per Lund", "V", "UP"], "abstain": ["A", "C"]}
    assert sides(motions[2]) == {"for": ["Anna Holm", "A", "Ø"], "against": ["Per Lund", "V", "UP"]}
    # nothing says how they ended and no counts settle it: left empty, not guessed
    assert [m.result for m in motions] == [None, None, None]
    # the item's votes are all there, in the order of the text, each pointing at its motion
    assert [vote.motion for vote in votes] == [0, 0, 0, 1, 1, 2, 2]


def test_an_amendment_from_a_party_rejected_as_the_text_says() -> None:
    motions, _ = motions_of(
        "Ændringsforslag fra V: at projektet udskydes et år.\n"
        "For stemte: V og C.\n"
        "Imod stemte: A, F og Ø.\n"
        "Ændringsforslaget blev forkastet.\n"
        "Herefter blev indstillingen godkendt med 9 stemmer mod 4."
    )
    assert (motions[0].kind, motions[0].moved_by_parties, motions[0].result) == ("amendment", ["V"], "rejected")
    assert motions[0].text == "at projektet udskydes et år."
    assert sides(motions[0]) == {"for": ["V", "C"], "against": ["A", "F", "Ø"]}
    assert motions[1].kind == "recommendation" and motions[1].result == "adopted"


def test_counts_settle_a_result_the_text_does_not_state() -> None:
    motions, _ = motions_of(
        "Enhedslisten stillede forslag om, at taksten fastholdes.\nFor stemte 3 (Ø og F).\nImod stemte 12 (A, V og C)."
    )
    assert motions[0].result == "rejected"
    assert motions[0].moved_by_parties == ["Ø"]


def test_a_tie_lapses() -> None:
    motions, _ = motions_of("Ad 2.\n\nFor: Gruppe A og C.\n\nImod: Gruppe F og Ø.\n\nBortfaldet pga. stemmelighed.")
    assert [(m.kind, m.points, m.result) for m in motions] == [("point", ["2"], "lapsed")]


def test_ad_parts_and_numbered_points_carry_their_own_votes() -> None:
    motions, _ = motions_of(
        "Byrådet godkendte Økonomiudvalgets indstilling.\n\nAd 2, imod stemte: F og Ø.\n\nAd 3 , imod stemte: Ø."
    )
    # the points were approved with the recommendation as a whole
    assert [(m.points, sides(m), m.result) for m in motions] == [
        (["2"], {"against": ["F", "Ø"]}, "adopted"),
        (["3"], {"against": ["Ø"]}, "adopted"),
    ]
    motions, _ = motions_of(
        "1.-2. Anbefales ikke.\n\nTo medlemmer (V) stemte imod.\n\nEt medlem (Ø) stemte for.\n\n3. Anbefales."
    )
    # a vote on a range of points is a vote in each point's event
    assert [(m.points, m.result) for m in motions] == [(["1"], "rejected"), (["2"], "rejected")]


def test_a_numbered_point_whose_sentence_is_its_vote_has_no_text() -> None:
    motions, _ = motions_of("1. Imod stemte UP. V og A undlader.\n\n2. For stemte UP. V og A undlader.")
    assert [(m.points, m.text, sides(m)) for m in motions] == [
        (["1"], None, {"against": ["UP"], "abstain": ["V", "A"]}),
        (["2"], None, {"for": ["UP"], "abstain": ["V", "A"]}),
    ]


def test_a_tally_that_names_a_point_votes_on_that_point() -> None:
    motions, _ = motions_of(
        "Byrådet godkendte Økonomiudvalgets indstillingspunkt 1.\n"
        "Med stemmerne 18 for og 2 imod godkendte Byrådet Økonomiudvalgets indstillingspunkt 2.\n"
        "For stemte: (V), (A) og (D).\n"
        "Imod stemte: (F) og (Ø)."
    )
    assert [(m.kind, m.points, m.result) for m in motions] == [("point", ["2"], "adopted")]
    assert [vote.count for vote in motions[0].votes] == [18, 2]


def test_budget_proposals_with_lettered_points_and_who_laid_them_before_the_council() -> None:
    motions, _ = motions_of(
        "Med stemmerne 1 for og 20 imod afviste Byrådet indstillingspunkt 1a - budgetforslag fremlagt af (Ø).\n\n"
        "For stemte: (Ø).\n\n"
        "Imod stemte: (V), (A), (C) og (F).\n\n"
        "Med stemmerne 19 for og 2 imod godkendte Byrådet indstillingspunkt 1b – budgetforslag fremlagt af "
        "partierne (V), (A) og (C).\n\n"
        "For stemte: (V), (A) og (C).\n\n"
        "Imod stemte: (Ø) og (F)."
    )
    assert [(m.points, m.moved_by_parties, m.result) for m in motions] == [
        (["1a"], ["Ø"], "rejected"),
        (["1b"], ["V", "A", "C"], "adopted"),
    ]


def test_lettered_points_written_with_a_space() -> None:
    motions, _ = motions_of(
        "1 a. Ikke godkendt\n\nFor stemte: Ø\n\nImod stemte: V, A og C\n\n"
        "1 b. Godkendt\n\nFor stemte: V, A og C\n\nImod stemte: Ø\n\n2. Godkendt."
    )
    assert [(m.points, m.result, sides(m)) for m in motions] == [
        (["1a"], "rejected", {"for": ["Ø"], "against": ["V", "A", "C"]}),
        (["1b"], "adopted", {"for": ["V", "A", "C"], "against": ["Ø"]}),
    ]


def test_what_the_chair_put_to_the_vote() -> None:
    motions, _ = motions_of(
        "Herefter satte formanden Eva Sø (A) kandidatur til afstemning. Eva Sø (A) stemte for, Kim Ager (F) "
        "stemte imod. Bo Hald (V) undlod at stemme.\n\n"
        "Herefter satte formanden Kim Agers (F) kandidatur til afstemning. Eva Sø (A) stemte imod, Kim Ager (F) "
        "stemte for. Bo Hald (V) undlod at stemme."
    )
    assert [(m.kind, m.text, sorted(sides(m))) for m in motions] == [
        ("motion", "Eva Sø (A) kandidatur", ["abstain", "against", "for"]),
        ("motion", "Kim Agers (F) kandidatur", ["abstain", "against", "for"]),
    ]


def test_a_vote_on_two_points_is_a_vote_on_each() -> None:
    motions, votes = motions_of(
        "Økonomiudvalget anbefaler overfor Byrådet, at fagudvalgets indstilling godkendes.\n\n"
        "Mette Berg (Ø) stemte imod punkt 2 og 3.\n\n"
        "Ole Sand (A) undlod at tage stilling til punkt 2."
    )
    assert [(m.points, sides(m)) for m in motions] == [
        (["2"], {"against": ["Mette Berg", "Ø"], "abstain": ["Ole Sand", "A"]}),
        (["3"], {"against": ["Mette Berg", "Ø"]}),
    ]
    assert [(vote.subject, vote.motion) for vote in votes] == [("punkt 2", 0), ("punkt 3", 1), ("punkt 2", 0)]


def test_points_named_by_abbreviation_or_number_alone_and_a_line_of_two_points() -> None:
    motions, votes = motions_of(
        "1. Godkendes.\n\n2. og 3. Planerne godkendes med bemærkning om, at de følges op.\n\n4. Godkendes ikke.\n\n"
        "(V) stemmer imod pkt. 2 og 3\n\n"
        "(C) undlader på 1) og 4)"
    )
    assert [(m.points, sides(m), m.result) for m in motions] == [
        (["1"], {"abstain": ["C"]}, "adopted"),
        (["2"], {"against": ["V"]}, "adopted"),
        (["3"], {"against": ["V"]}, "adopted"),
        (["4"], {"abstain": ["C"]}, "rejected"),
    ]
    # one vote on the line "2. og 3.", counted once in each point's event
    assert [vote.motion for vote in votes] == [1, 2, 0, 3]


def test_a_vote_on_a_line_of_its_own_after_the_last_point_is_on_the_whole() -> None:
    motions, _ = motions_of("1.-4. Godkendes.\n\nBo Holm (V) undlod at stemme.\n\nUdvalget ønsker en status.")
    assert [(m.kind, m.points, sides(m), m.result) for m in motions] == [
        ("recommendation", [], {"abstain": ["Bo Holm", "V"]}, "adopted")
    ]
    # the points say different things: the whole has no single result
    motions, _ = motions_of("1. Godkendes.\n\n2. Godkendes ikke.\n\n(C) stemmer imod.")
    assert [(m.kind, m.result) for m in motions] == [("recommendation", None)]


def test_a_vote_on_its_point_s_line_or_between_points_is_the_point_s() -> None:
    on_line, _ = motions_of("1. Godkendes.\n\n2.-3. Godkendes. Imod stemte (Ø).")
    assert [m.points for m in on_line] == [["2"], ["3"]]
    # where blank lines part the paragraphs, a vote just under its point is of its paragraph
    under, _ = motions_of("1. Godkendes.\n\n2. Godkendes\nImod stemte (Ø).")
    assert [m.points for m in under] == [["2"]]
    between, _ = motions_of("1. Godkendes.\n\n(F) undlod at stemme.\n\n2. Godkendes.")
    assert [m.points for m in between] == [["1"]]
    heading, _ = motions_of("Byrådet godkendte indstillingen.\n\nAd punkt 3\n\nImod: F og Ø")
    assert [m.points for m in heading] == [["3"]]


def test_where_points_carry_their_own_votes_the_last_one_s_are_its_own() -> None:
    motions, _ = motions_of(
        "1. Ikke godkendt\n\nFor stemte: Ø\n\nImod stemte: V og A\n\n2. Godkendt\n\nFor stemte: V\n\nImod stemte: Ø"
    )
    assert [(m.points, sides(m)) for m in motions] == [
        (["1"], {"for": ["Ø"], "against": ["V", "A"]}),
        (["2"], {"for": ["V"], "against": ["Ø"]}),
    ]


def test_sending_the_case_on_is_a_procedure_the_votes_after_it_are_on() -> None:
    back, _ = motions_of(
        "Udvalget sender sagen tilbage til administrationen med ønske om et nyt oplæg.\n\n"
        "Ib Lund (D) stemte imod.\n\nKaren Mø (B) undlod."
    )
    assert [(m.kind, m.result, sides(m)) for m in back] == [
        ("procedure", "adopted", {"against": ["Ib Lund", "D"], "abstain": ["Karen Mø", "B"]})
    ]
    assert back[0].text is not None and back[0].text.startswith("tilbage til administrationen")
    onward, _ = motions_of("Rådet sendte forslaget til realitetsbehandling i Teknisk Udvalg.\n\nImod stemte: O")
    assert [(m.kind, m.result) for m in onward] == [("procedure", "adopted")]
    declined, _ = motions_of("Byrådet besluttede ikke at sende forslaget til realitetsbehandling.\n\nFor: Ø og F")
    assert [(m.kind, m.result) for m in declined] == [("procedure", "rejected")]
    passive, _ = motions_of("Sagen sendes tilbage til fagudvalget.\n\n(V) stemte imod.")
    assert [(m.kind, m.result) for m in passive] == [("procedure", "adopted")]
    returned, _ = motions_of("Udvalget beslutter, at sagen sendes retur til forvaltningen.\n\nImod: C")
    assert [(m.kind, m.result, m.text) for m in returned] == [("procedure", "adopted", "retur til forvaltningen.")]


def test_a_decision_made_after_the_outcome_is_an_event_when_voted_on() -> None:
    motions, votes = motions_of(
        "Orienteringen blev taget til efterretning.\n\n"
        "Udvalget besluttede, at spørgeskemaet fremover kun sendes digitalt.\n\n"
        "Imod stemte: B med bemærkning om, at papir bør være muligt.\n\n"
        "Udvalget besluttede desuden, at resultaterne offentliggøres."
    )
    assert [(m.kind, m.text, m.moved_by_parties, m.result, sides(m)) for m in motions] == [
        ("motion", "at spørgeskemaet fremover kun sendes digitalt.", [], "adopted", {"against": ["B"]})
    ]
    assert [vote.motion for vote in votes] == [0]
    # as the decision's first words it decides the recommendation
    first, _ = motions_of("Udvalget besluttede, at skemaet sendes digitalt.\n\nIb Lund (D) stemte imod.")
    assert [m.kind for m in first] == ["recommendation"]


def test_a_side_printed_with_no_one_on_it_settles_the_result() -> None:
    motions, _ = motions_of(
        "Udvalget stemte om, hvorvidt Ib Lund kunne deltage i behandlingen.\n\n"
        "For stemte:\n\nImod stemte: Ib Lund (D), Karen Mø (B)"
    )
    assert [(m.kind, m.text, m.result, sides(m)) for m in motions] == [
        (
            "procedure",
            "hvorvidt Ib Lund kunne deltage i behandlingen.",
            "rejected",
            {"against": ["Ib Lund", "Karen Mø", "D", "B"]},
        )
    ]


def test_a_recommendation_adopted_only_in_part_has_no_result_of_its_own() -> None:
    def result(text: str) -> str | None:
        [motion] = motions_of(text)[0]
        return motion.result

    # some of it recommended, the rest not
    assert (
        result("Udvalget anbefaler, at indstillingens a og b godkendes.\n\nUdvalget anbefaler ikke c.\n\nImod: Ø")
        is None
    )
    # points approved with a hole among them
    assert result("Udvalget anbefaler at godkende fagudvalgets indstilling 1, 4-6.\n\nUndlod: Bo Holm (V)") is None
    # two sentences that together approve every point; a remark's words are no result
    assert (
        result(
            "Udvalget anbefaler, at indstillingspunkterne 1 og 3 godkendes.\n\n"
            "Udvalget anbefaler endvidere, at indstillingspunkt 2 godkendes med bemærkning om, at finansieringen "
            "afvises.\n\n(C) undlod at stemme."
        )
        == "adopted"
    )
    # counts still settle it
    assert result("Udvalget anbefaler punkt 1. Udvalget anbefaler ikke punkt 2.\n\nFor: V og C (5)\n\nImod: Ø (2)") == (
        "adopted"
    )
    assert result("Økonomiudvalget anbefaler ikke indstillingen.\n\nFor stemte: Ø") == "rejected"


def test_sides_printed_after_two_equal_tallies_are_on_both_events() -> None:
    motions, _ = motions_of(
        "Med stemmerne 15 for og 2 imod godkendte Byrådet indstillingspunkt 1.\n\n"
        "Endvidere godkendte Byrådet med stemmerne 15 for og 2 imod indstillingspunkt 3 og 4.\n\n"
        "For stemte: (A), (V) og (C).\n\nImod stemte: (Ø).\n\n(B) undlod at stemme."
    )
    both = {"for": ["A", "V", "C"], "against": ["Ø"], "abstain": ["B"]}
    assert [(m.points, sides(m), m.result) for m in motions] == [
        (["1"], both, "adopted"),
        (["3"], both, "adopted"),
        (["4"], both, "adopted"),
    ]


def test_a_side_that_names_the_recommendation_and_one_that_does_not_are_one_vote() -> None:
    motions, votes = motions_of(
        "Flertallet (B, C og V) kan tiltræde indstillingen.\n\nMindretallet (Ø) kan ikke tiltræde."
    )
    assert [(m.kind, sides(m), m.result) for m in motions] == [
        ("recommendation", {"for": ["B", "C", "V"], "against": ["Ø"]}, "adopted")
    ]
    assert [vote.motion for vote in votes] == [0, 0]


def test_a_mover_named_after_the_motion() -> None:
    laid, _ = motions_of(
        "Budgetforslaget fremsendt af aftalepartierne (B), (O) og (V) blev vedtaget med 18 stemmer mod 7."
    )
    assert [(m.kind, m.moved_by_parties, m.result) for m in laid] == [("motion", ["B", "O", "V"], "adopted")]
    amended, _ = motions_of("Ændringsforslag, stillet af F: at pladsen belyses.\n\nFor: F\n\nImod: V og O")
    assert [(m.kind, m.moved_by_parties, m.text) for m in amended] == [("amendment", ["F"], "at pladsen belyses.")]


def test_a_decision_that_does_what_the_motion_asked_passes_it() -> None:
    motions, _ = motions_of(
        "Bo Holm (C) stillede forslag om, at sagen sendes tilbage til fagudvalget.\n\n"
        "Byrådet sendte sagen tilbage til fagudvalget.\n\nImod: A og Ø"
    )
    assert [(m.kind, m.moved_by, m.text, m.result, sides(m)) for m in motions] == [
        ("motion", ["Bo Holm"], "at sagen sendes tilbage til fagudvalget.", "adopted", {"against": ["A", "Ø"]})
    ]


def test_an_ad_heading_followed_by_a_sentence_on_its_line_is_that_point_s() -> None:
    motions, _ = motions_of(
        "Ad 1. Udvalget anbefaler, at formanden vælges.\n\nImod stemte: Bo Holm (C).\n\n"
        "Ad 2: Udvalget anbefaler ikke forslaget.\n\nBo Holm (C) stemte for."
    )
    assert [(m.points, sides(m), m.result) for m in motions] == [
        (["1"], {"against": ["Bo Holm", "C"]}, "adopted"),
        (["2"], {"for": ["Bo Holm", "C"]}, "rejected"),
    ]


def test_a_lettered_point_takes_the_result_stated_on_its_number_s_line() -> None:
    motions, _ = motions_of(
        "1. a) - d) godkendes\n\n(V) stemmer imod pkt. 1. c), idet prisen er for høj.\n\n2. Drøftet."
    )
    assert [(m.points, sides(m), m.result) for m in motions] == [(["1c"], {"against": ["V"]}, "adopted")]


def test_a_numbered_list_inside_an_amendment_is_its_text_not_points() -> None:
    motions, _ = motions_of(
        "(C) stillede et ændringsforslag:\n"
        "Udvalget beslutter, at administrationen undersøger:\n\n"
        "1. Erfaringer fra andre kommuner.\n"
        "2. Prisen på støjreducerende asfalt.\n\n"
        "For stemte (C) og (A).\n\n"
        "(V) undlod.\n\n"
        "1. og 2. Ikke godkendt."
    )
    assert len(motions) == 1
    amendment = motions[0]
    assert (amendment.kind, amendment.moved_by_parties) == ("amendment", ["C"])
    assert amendment.text is not None and "støjreducerende asfalt" in amendment.text
    assert sides(amendment) == {"for": ["C", "A"], "abstain": ["V"]}


def test_votes_that_are_not_one_vote_and_name_nothing_stay_untied() -> None:
    motions, votes = motions_of("Imod stemte: Ø.\n\nFor stemte: A.\n\nImod stemte: Ø.")
    assert motions == []
    assert [vote.motion for vote in votes] == [None, None, None]


def test_votes_before_any_motion_that_form_one_vote_were_on_the_recommendation() -> None:
    motions, _ = motions_of(
        "Økonomiudvalget anbefaler overfor Byrådet, at indstillingen godkendes.\n"
        "Lise Blom (UP) undlod at tage stilling.\n"
        "Mads Dam (Ø) undlod at tage stilling."
    )
    assert [(m.kind, m.result, len(m.votes)) for m in motions] == [("recommendation", "adopted", 2)]


def test_no_one_against_and_a_majority_for_settle_adoption() -> None:
    motions, _ = motions_of(
        "Udvalget stemte om, hvorvidt Jens Lund kunne deltage i sagens behandling.\n\n"
        "For stemte:\n\nKaren Ravn (V), Jens Lund (A) og Bo Hald (Ø)\n\n"
        "Imod stemte: ingen"
    )
    assert [(m.kind, m.result) for m in motions] == [("procedure", "adopted")]
    assert sides(motions[0])["for"] == ["Karen Ravn", "Jens Lund", "Bo Hald", "V", "A", "Ø"]
    motions, _ = motions_of("Et flertal af udvalget (Eva Sø og Kim Ager) stemte for.\n\nLone Vig stemte imod.")
    assert motions[0].result == "adopted"


def test_a_later_decision_closes_the_motion_before_it() -> None:
    motions, _ = motions_of(
        "Udvalget stemte om, hvorvidt Jens Lund var inhabil.\n"
        "Imod stemte: ingen\n"
        "For stemte: V og A.\n"
        "Økonomiudvalget anbefaler overfor Byrådet, at indstillingen godkendes.\n"
        "Karen Ravn (C) undlod at tage stilling."
    )
    assert [(m.kind, [v.option for v in m.votes]) for m in motions] == [
        ("procedure", ["against", "for"]),
        ("recommendation", ["abstain"]),
    ]


def test_a_parsed_item_keeps_all_votes_and_its_motions_agree_with_them() -> None:
    document = parse_text(
        "Greve Kommune\nReferat\nØkonomiudvalget\nMødedato: 06-03-2023 kl. 17:00\n\n"
        "Punkt 1: Energitiltag\nSagsnr.: 23/0001\nBeslutning\n"
        "A stiller forslag om at temperaturen hæves.\n\nA stemmer for.\n\nV stemmer imod.\n"
    )
    item = document.agenda_items[0]
    assert item.decision is not None
    assert [(m.kind, m.moved_by_parties) for m in item.decision.motions] == [("motion", ["A"])]
    assert [vote.motion for vote in item.votes] == [0, 0]


DECISION_WORDS = st.sampled_from(
    [
        "A stiller forslag om, at X.",
        "Ændringsforslag fra V: at Y.",
        "Ad 2, imod stemte: F og Ø.",
        "1. Godkendt.",
        "2.-3. Anbefales ikke.",
        "For stemte: A og C.",
        "Imod stemte: ingen",
        "Mette Berg (Ø) stemte imod punkt 2 og 3.",
        "B undlod at stemme.",
        "Forslaget blev forkastet.",
        "Med stemmerne 9 for og 8 imod godkendte byrådet indstillingen.",
        "Økonomiudvalget anbefaler, at indstillingen godkendes.",
        "",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(DECISION_WORDS, max_size=12))
def test_every_vote_is_kept_and_points_at_a_motion_that_holds_it(sentences: list[str]) -> None:
    text = "\n\n".join(sentences)
    read = vote_sentences(text, [])
    motions, votes = read_motions(read)
    assert len(votes) >= sum(len(sentence.votes) for sentence in read)  # a vote on two points is two
    for index, motion in enumerate(motions):
        assert motion.votes == [vote for vote in votes if vote.motion == index]
    assert all(vote.motion is None or 0 <= vote.motion < len(motions) for vote in votes)
