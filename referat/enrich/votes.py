"""Read votes and protocol notes from a decision text.

5 medlemmer i Beskæftigelses- og Integrationsudvalget (Michael Dorph Jensen, …) stemte for.
Susanne Damsgaard undlod at stemme.
Michael Dorph Jensen og Suleman Naim stemte imod med henvisning til følgende protokollat: ”…”
For: Gruppe A og C.   Imod: Gruppe F og gruppe Ø.   Stemte imod: A
Et mindretal (F og Ø) stemte imod.   For stemte 15: A, C og V.
"""

from __future__ import annotations

import re

from referat.model import Person, Vote, VoteOption
from referat.parse.names import looks_like_name, name_key, split_list
from referat.vocab import PARTY_LETTER, PARTY_NAMES

# "… følgende protokollat: ”Det er meget positivt …”", "Protokolbemærkning fra V: …"
PROTOCOL = re.compile(
    r"(?:protokollat|protokolbemærkning|ført\s+til\s+protokol(?:len)?|tilførsel\s+til\s+protokollen)"
    r"(?:\s+fra\s+[^:]{1,80})?\s*:\s*(?P<note>.+)$",
    re.I,
)
QUOTES = '"“”„«»'
# Labelled votes: "For: Gruppe A og C.", "Imod stemte: F (2)", "Undlod at stemme: Ø"
LABELLED = re.compile(
    r"^(?P<label>for\s+stemte|imod\s+stemte|stemte\s+for|stemte\s+imod|for|imod|undlod\s+at\s+stemme|undlod|"
    r"hverken\s+for\s+eller\s+imod|undlader|blank|blanke)(?:\s+(?P<count>\d+))?\s*:\s*(?P<who>.+)$",
    re.I,
)
# "<who> stemte for indstilling 1", "<who> stemmer imod"
VERB = re.compile(
    r"^(?P<who>.+?)\s+(?:stemte|stemmer|har\s+stemt|voterede)\s+(?P<option>for|imod)\b(?P<rest>.*)$", re.I
)
# "<who> undlod at stemme", "<who> undlod at stemte", "<who> stemte blankt"
ABSTAIN = re.compile(
    r"^(?P<who>.+?)\s+(?:undlod|undlader|afstod|afstår)\s+(?:at\s+stem\w*|fra\s+at\s+stemme)|^(?P<who2>.+?)\s+stemte\s+blankt",
    re.I,
)
# "indstilling 1", "forslaget", "ændringsforslag 2", "model 1"
SUBJECT = re.compile(
    r"^\s*(?P<subject>(?:indstilling|forslag|ændringsforslag|model|punkt)(?:et|en)?(?:\s+\d+)?)\b", re.I
)
# "5 medlemmer i Beskæftigelses- og Integrationsudvalget (…)", "Et flertal af … (…)"
GROUP = re.compile(r"\((?P<inner>[^()]*(?:,|\bog\b)[^()]*)\)")
COUNT = re.compile(r"^(?P<count>\d+)\s+(?:medlemmer|stemmer)\b|\((?P<paren>\d+)\)\s*$", re.I)
# A sentence ends at ". " before a capital, but not after an initial as in "Connie B. Jensen".
SENTENCE_END = re.compile(
    r"(?<=[.!?])\s+(?=(?:For|Imod|Undlod|Hverken|Stemte)\b)|(?<!\s[A-ZÆØÅ]\.)(?<=[.!?])\s+(?=[A-ZÆØÅ])"
)
# "Gruppe F", "gruppe Ø", "Gruppen A"
GROUP_PREFIX = re.compile(r"^(?:gruppe(?:n|rne)?|partierne|partiet|listen)\s+", re.I)
LABEL_OPTIONS: dict[str, VoteOption] = {
    "for": "for",
    "for stemte": "for",
    "stemte for": "for",
    "imod": "against",
    "imod stemte": "against",
    "stemte imod": "against",
}


def find_protocol_notes(text: str) -> list[str]:
    """Protocol notes in a decision, without their quotation marks."""
    notes = []
    for paragraph in text.split("\n"):
        match = PROTOCOL.search(paragraph)
        if match:
            notes.append(match.group("note").strip().strip(QUOTES).strip())
    return notes


def find_votes(text: str, members: list[Person]) -> list[Vote]:
    """Every vote stated in `text`; parties of named members are filled in from `members`."""
    parties_by_name = {name_key(m.name): m.party for m in members if m.party}
    votes = []
    for paragraph in text.split("\n"):
        paragraph = PROTOCOL.sub("", paragraph).strip()
        for sentence in SENTENCE_END.split(paragraph):
            vote = _read_vote(sentence.strip(), parties_by_name)
            if vote:
                votes.append(vote)
    return votes


def _read_vote(sentence: str, parties_by_name: dict[str, str]) -> Vote | None:
    option: VoteOption
    subject = None
    count = None
    labelled = LABELLED.match(sentence)
    if labelled:
        label = " ".join(labelled.group("label").lower().split())
        option = LABEL_OPTIONS.get(label, "abstain")
        who = labelled.group("who").split(". ")[0]
        count = int(labelled.group("count")) if labelled.group("count") else None
    elif verb := VERB.match(sentence):
        option = "for" if verb.group("option").lower() == "for" else "against"
        who = verb.group("who")
        subject_match = SUBJECT.match(verb.group("rest"))
        subject = subject_match.group("subject") if subject_match else None
    elif abstain := ABSTAIN.match(sentence):
        option = "abstain"
        who = abstain.group("who") or abstain.group("who2")
    else:
        return None
    names, parties = _read_who(who)
    if count is None:
        count_match = COUNT.search(who)
        if count_match:
            count = int(count_match.group("count") or count_match.group("paren"))
    for name in names:
        party = parties_by_name.get(name_key(name))
        if party and party not in parties:
            parties.append(party)
    if not names and not parties and count is None and not _is_group_word(who):
        return None
    return Vote(option=option, names=names, parties=parties, count=count, subject=subject, text=sentence)


def _read_who(who: str) -> tuple[list[str], list[str]]:
    """Names and party letters in "Michael Dorph Jensen og Suleman Naim" or "(A, C og V)"."""
    group = GROUP.search(who)
    listed = group.group("inner") if group else who
    names: list[str] = []
    parties: list[str] = []
    for part in split_list(listed):
        part = GROUP_PREFIX.sub("", part.strip()).strip()
        party_paren = re.fullmatch(r"(?P<name>.+?)\s*\((?P<party>[^()]+)\)", part)
        if party_paren and PARTY_LETTER.match(party_paren.group("party").strip()):
            part, party = party_paren.group("name"), party_paren.group("party").strip()
            if party not in parties:
                parties.append(party)
        letter = PARTY_NAMES.get(part.lower()) or (part if PARTY_LETTER.match(part) else None)
        if letter:
            if letter not in parties:
                parties.append(letter)
        elif looks_like_name(part):
            names.append(part)
    return names, parties


def _is_group_word(who: str) -> bool:
    """ "Et flertal", "Et enigt udvalg", "Resten af udvalget": a vote whose members are not named."""
    return re.search(r"\b(?:flertal|mindretal|enigt|resten|øvrige|alle)\b", who, re.I) is not None
