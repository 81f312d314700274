"""Proposals ("at …" points) and who proposes them, with and without an Indstilling heading."""

from __future__ import annotations

from tests.helpers import parse_text

HEADER = "REFERAT Økonomiudvalget d. 12-03-2024\n\nPunkt 1: Sag\n\n"


def test_proposer_line_without_heading_starts_the_proposals() -> None:
    text = HEADER + (
        "Sagsfremstilling\n\nTekst om sagen.\n\nSocial- og Sundhedsforvaltningen indstiller,\n\n"
        "1. at Model 1 vælges,\n2. at puljen anvendes, og\n3. at forummet ikke oprettes.\n"
    )
    item = parse_text(text).agenda_items[0]
    assert item.proposals == ["at Model 1 vælges", "at puljen anvendes", "at forummet ikke oprettes"]
    assert item.sections["Sagsfremstilling"] == "Tekst om sagen."
    assert item.recommendation is not None and item.recommendation.by == "Social- og Sundhedsforvaltningen"


def test_indstilling_heading_with_proposer_line() -> None:
    text = (
        HEADER
        + "Indstilling\n\nDirektionen indstiller:\n\n"
        + "1. at udvalget drøfter oplægget og tager punktet til efterretning\n"
    )
    item = parse_text(text).agenda_items[0]
    assert item.proposals == ["at udvalget drøfter oplægget og tager punktet til efterretning"]
    assert list(item.sections) == ["Indstilling"]


def test_recommend_onwards_to_other_bodies() -> None:
    text = HEADER + (
        "Indstilling\n\nDirektøren indstiller til Social- og Arbejdsmarkedsudvalget at anbefale over for "
        "Økonomiudvalget og Kommunalbestyrelsen\n\n"
        "1. at godkende bevillingen,\n2. at godkende, at der gives en bevilling.\n"
    )
    item = parse_text(text).agenda_items[0]
    assert item.proposals == ["at godkende bevillingen", "at godkende, at der gives en bevilling"]
    assert item.recommendation is not None
    assert item.recommendation.by == "Direktøren"
    assert item.recommendation.to == "Social- og Arbejdsmarkedsudvalget"
    assert item.recommendation.forward_to == ["Økonomiudvalget", "Kommunalbestyrelsen"]


def test_proposal_on_the_proposer_line_and_wrapped_lines() -> None:
    text = HEADER + (
        "Indstilling\n\nAdministrationen indstiller, at udvalget godkender planen\nmed de nævnte ændringer.\n"
        "- at sagen sendes i høring\n"
    )
    item = parse_text(text).agenda_items[0]
    assert item.proposals == ["at udvalget godkender planen med de nævnte ændringer", "at sagen sendes i høring"]


def test_summary_sentence_with_indstiller_is_not_a_heading() -> None:
    text = HEADER + "Resumé\n\nForvaltningen indstiller, at indsatsen fortsættes i to år.\n"
    item = parse_text(text).agenda_items[0]
    assert list(item.sections) == ["Resumé"]
    assert item.proposals == []
