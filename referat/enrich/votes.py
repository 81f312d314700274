"""Read votes and protocol notes from a decision text.

5 medlemmer i Beskæftigelses- og Integrationsudvalget (Michael Dorph Jensen, …) stemte for.
Susanne Damsgaard undlod at stemme.
Michael Dorph Jensen og Suleman Naim stemte imod med henvisning til følgende protokollat: ”…”
For: Gruppe A og C.   Imod: Gruppe F og gruppe Ø.   Stemte imod: A
Et mindretal (F og Ø) stemte imod.   For stemte 15: A, C og V.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from typing import NamedTuple

from referat.model import Person, Vote, VoteOption
from referat.parse.names import looks_like_name, name_key, split_list
from referat.vocab import PARTY_ABBREVIATIONS, PARTY_LETTER, PARTY_NAMES

# "… følgende protokollat: ”Det er meget positivt …”", "Protokolbemærkning fra V: …"
PROTOCOL = re.compile(
    r"(?:protokollat|protokolbemærkning|ført\s+til\s+protokol(?:len)?|tilførsel\s+til\s+protokollen)"
    r"(?:\s+fra\s+[^:]{1,80})?\s*:\s*(?P<note>.+)$",
    re.I,
)
QUOTES = '"“”„«»'
# Labelled votes: "For: Gruppe A og C.", "Imod stemte: F (2)", "Undlod at stemme: Ø", "For stemte (V) og (A)",
# "Imod administrationens indstilling stemte: Hans Hansen (D)". A bare "For"/"Imod" needs its colon.
LABELLED = re.compile(
    r"^(?:følgende\s+)?(?:(?P<verb_label>for\s+stemte|imod\s+stemte|stemte\s+for|stemte\s+imod)(?:\s+stemte)?(?:\s+(?P<count>\d+))?\s*:?"
    r"|(?P<label>for|imod|undlod\s+at\s+stemme|undlod|hverken\s+for\s+eller\s+imod|undlader|blank|blanke)"
    r"(?:\s+(?P<subject>[^:]{1,60}?)\s+stemte)?(?:\s+(?P<count2>\d+))?\s*:)"
    r"\s*(?P<who>.*)$",
    re.I,
)
# "<who> stemte for indstilling 1", "<who> stemmer imod", "<who> stemte i mod", "<who> stemte nej",
# "<who> kunne ikke tiltræde indstillingen", "<who> kan ikke gå ind for beslutningen"
# "Et flertal (A, C og V) kunne tiltræde indstillingen", "mens A og F ikke kunne tiltræde"
_POSITION = r"(?:tiltræde|anbefale|godkende|støtte|gå\s+ind\s+for)\b"
VERB = re.compile(
    r"^(?P<who>.+?)\s+(?:(?:stemte|stemmer|har\s+stemt|voterede)\s+(?P<option>for|imod|i\s+mod|nej|ja)\b"
    rf"|(?P<refused>(?:kunne|kan)\s+ikke|ikke\s+(?:kunne|kan))\s+{_POSITION}|(?P<agreed>kunne|kan)\s+{_POSITION})(?P<rest>.*)$",
    re.I,
)
# "<who> undlod at stemme", "… undlod at tage stilling til …", "<who> undlod.", "<who>: Undlod.", "… stemte blankt"
# "… undlader på 1) og 3)", "… undlod ved pkt. 2": abstentions that name the points they are on
ABSTAIN = re.compile(
    r"^(?P<who>.+?):?\s+(?:undlod|udlod|undlader|afstod|afstår)(?:\s+(?:at\s+stem\w*|fra\s+at\s+stemme"
    r"|at\s+tage\s+stilling|(?=(?:på|ved)\s+(?:pkt|pk|punkt|indstillingspunkt|\d)))(?P<rest>.*)|\.?$)"
    r"|^(?P<who2>.+?)\s+(?:stemte\s+blankt|tog\s+forbehold\b.*)"
    # the verb first: "Undlader S, C og Ø."
    r"|^(?:undlader|undlod)\s+(?!(?:at|fra|på|ved|til|sig)\b)(?P<who3>[^.:]+)\.?$",
    re.I,
)
_POINT = r"\d+(?:\.?\s?[a-h](?![\wæøå]))?"  # "2", "1a", "2. c"
# "indstilling 1", "forslaget", "ændringsforslag 2", "model 1", "administrationens indstillingspunkt 2",
# "V's ændringsforslag", "punkt 2 og 3", "for så vidt angår indstillingspunkt 1, 4 og 6", "pkt. 2. c."
SUBJECT = re.compile(
    r"^\s*(?:til|for\s+så\s+vidt\s+angår|vedr\.?|vedrørende|på|ved)?\s*(?P<subject>(?:[\wæøåÆØÅ]+(?:s|'s|’s)\s+)?"
    r"(?:(?:indstilling|indstillingspunkt|forslag|ændringsforslag|model|punkt)(?:et|en|erne)?|pkt?\.)"
    rf"(?:\s*{_POINT}(?:\s*(?:,|og|-|–)\s*{_POINT})*)?)(?!\w)",
    re.I,
)
# "på 1) og 3)": points named by their numbers alone
BARE_POINTS = re.compile(r"^\s*(?:på|ved)\s+(?P<points>\d{1,2}\)(?:\s*(?:,|og)\s*\d{1,2}\))*)", re.I)
# "Med stemmerne 19 for og 1 imod godkendte …", "Godkendt med stemmerne 12 for og ingen imod."
TALLY = re.compile(
    r"\bstemmer(?:ne)?\s+(?P<for>\d+|ingen)\s+for\b(?:\s*(?:og|,)?\s*(?P<against>\d+|ingen)\s+imod\b)?", re.I
)
# "Vedtaget med 7 stemmer mod 2 (V)", "forkastet med 31 stemmer imod 9", "godkendt med 15 stemmer for
# (A, F, Ø) og 10 imod (V, C, O)", "vedtaget 24:1": which number is for depends on the verb.
TALLY_VERB = re.compile(
    r"\b(?P<verb>vedtaget|vedtog|godkendt|godkendte|forkastet|forkastede|afvist|afviste|nedstemt|faldt|valgt)\b[^.;]*?"
    r"(?:\bmed\s+(?P<a>\d+)\s+stemmer?(?P<for_word>\s+for)?(?:\s*\((?P<a_who>[^()]*)\))?"
    r"(?:\s+(?:mod|imod|og)\s+(?P<b>\d+)(?:\s+(?:stemmer?\s+)?imod)?(?:\s*\((?P<b_who>[^()]*)\))?)?"
    r"|\s(?P<a2>\d+)\s*:\s*(?P<b2>\d+)\b)",
    re.I,
)
REJECTING = ("forkast", "afvis", "afvist", "nedstemt", "faldt")
VOTE_VERB = re.compile(
    r"\b(?:stemte|stemmer|undlod|undlader|tog\s+forbehold|(?:ikke\s+)?(?:kunne|kan)\s+(?:ikke\s+)?tiltræde"
    r"|kunne\s+ikke|kan\s+ikke)\b",
    re.I,
)
CLAUSE_BREAK = re.compile(r",\s+(?:mens|medens|og)\s+|,\s+")
# "A stemmer for og V stemmer imod": two votes in one sentence.
TWO_CLAUSES = re.compile(
    r"^(?P<first>.+?\b(?:stemte|stemmer)\s+(?:for|imod)\b[^,]*?)\s+og\s+"
    r"(?P<second>\S.*\b(?:stemte|stemmer|undlod|undlader)\b.*)$",
    re.I,
)
# "Ad 2, imod stemte: F og Ø." or "Ad punkt 2, Imod: F": the part of the decision a vote is about.
PART_PREFIX = re.compile(r"^ad\s+(?P<part>(?:punkt\s+|pkt\.?\s*)?(?:\d+|[a-zæøå]\b))\s*[,.:]?\s+", re.I)
# "1.-3. Bjarke Abel (A) undlod at tage stilling": the numbering of a decision's points.
POINT_PREFIX = re.compile(r"^\d+(?:\.?\s?[a-z]\.|\.)(?:\s*(?:-|–|og)\s*\d+\.)?\s+")
# "1.", "2.-3.", "Ad 1." split off as a sentence of their own
POINT_NUMBER_ONLY = re.compile(
    r"^(?:ad\s+(?:punkt\s+)?)?\d{1,2}(?:\.?\s?[a-z]\.|\.)(?:\s*(?:-|–|og)\s*\d{1,2}\.)?$", re.I
)
# What follows the voters: "(Ø) med bemærkning om, at …", "… fordi …"
WHO_END = re.compile(
    r",?\s+(?:med\s+(?:den\s+|følgende\s+|fælles\s+|en\s+)?(?:bemærkning|henvisning|et\s+ønske|begrundelse|mindretalsudtalelse)"
    r"|idet|fordi|da|på\s+(?:punkt|pkt)|i\s+forhold\s+til)\b.*$",
    re.I,
)
# "5 medlemmer i Beskæftigelses- og Integrationsudvalget (…)", "Et flertal af … (…)"
GROUP = re.compile(r"\((?P<inner>[^()]*(?:,|\bog\b)[^()]*)\)")
COUNT = re.compile(r"^(?P<count>\d+)\s+(?:medlemmer|stemmer)\b|\((?P<paren>\d+)\)\s*$", re.I)
# A sentence ends at ". " before a capital or a party letter in parentheses, but not after an
# initial as in "Connie B. Jensen".
SENTENCE_END = re.compile(
    r"(?<=[.!?])\s+(?=(?:For|Imod|Undlod|Hverken|Stemte)\b|\d+\s+(?:undlod|undlader|stemte|stemmer)\b)|(?<!\s[A-ZÆØÅ]\.)(?<=[.!?])\s+(?=[A-ZÆØÅ(])"
)
# "Et flertal bestående af A, F og Ø", "Mindretallet bestående af V": the parties of a majority or minority
MAJORITY_OF = re.compile(r"^(?:et\s+)?(?:flertal|mindretal)(?:let)?\s+(?:bestående\s+af|af)\s+(?=[^()]*$)", re.I)
# "…, 14 for at bevare den nuværende ordning": a count for keeping things as they are
STATUS_QUO = re.compile(
    r",\s*(?:mens\s+|og\s+)?(?P<count>\d+)\s+(?:stemte\s+|stemmer\s+)?for\s+at\s+(?:bevare|fastholde|beholde)\b", re.I
)
# "Et flertal (…)", "Flertallet bestående af …": a side named as a majority or minority
MAJORITY_NAMED = re.compile(r"^(?:et\s+)?(?:flertal|mindretal)", re.I)
# "Gruppe F", "gruppe Ø", "Gruppen A"
GROUP_PREFIX = re.compile(r"^(?:gruppe(?:n|rne)?|partierne|partiet|listen|liste|følgende)\s+", re.I)
# "Venstres byrådsgruppe", "Det Konservative Folkepartis byrådsgrupper", "Enhedslisten de Rød-Grønnes gruppe"
GROUP_SUFFIX = re.compile(r"s?\s+(?:byrådsgruppe|kommunalbestyrelsesgruppe|gruppe)(?:r|n|rne)?$", re.I)
# A count after the voters: "A, V og C (8)", "Kristine Henriksen (A) m.fl. (5)"
TRAILING_COUNT = re.compile(r"\s*\((?P<count>\d+)\)\s*\.?$")
# A count before them: "2 (C+V)", "11 (Radikale Venstre, Konservative, …)"
LEADING_COUNT = re.compile(r"^(?P<count>\d+)\s*\((?P<who>[^()]*)\)\s*\.?$")
# "Kenneth Jerkel fra (A)", "Liselott Blixt (UP-1)", "(Ø)"
PARTY_AFTER_NAME = re.compile(r"^(?P<name>.*?)\s*(?:\bfra\s+)?\((?P<party>[^()]+)\)$")
# "Men når (F) stemmer imod, er det fordi …": a sentence of a remark that tells of the vote.
REMARK_START = re.compile(r"(?:men|når|hvis|fordi|selvom|derfor|så|at|og|da)\b", re.I)
# "John T": a name's initial, whose full stop does not end the sentence.
NAME_INITIAL = re.compile(r"\b[A-ZÆØÅ][a-zæøå]+\s[A-ZÆØÅ]$")
# "Kenneth Jerkel (A) John T. Olsen (A)": a comma left out between two voters.
MISSING_COMMA = re.compile(r"\)\s+(?=[A-ZÆØÅ][a-zæøå])")
# One voter per line after "For stemte:": "Anne Marie Lyduch (V)", "(Ø) med bemærkning …", "A, med …"
LISTED_VOTER = re.compile(r"^(?:\(|[A-ZÆØÅ]{1,3},|[A-ZÆØÅ][^():.]{1,60}\([^()]+\)\.?$)")
NUMBERED_PARTY = re.compile(r"^(?P<party>[A-ZÆØÅ]{1,3})[- ]?\d$")  # "UP-1", "UP1", "UP 1"
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
    """Every vote stated in `text`; parties of named members are filled in from `members`.

    A tally ("Med stemmerne 19 for og 1 imod") gives its counts to the sides named after it
    ("For stemte (V), (A) …"), or stands as a side of its own when no side is named.
    """
    return [vote for sentence in vote_sentences(text, members) for vote in sentence.votes]


class Sentence(NamedTuple):
    """A sentence of a decision, the votes read from it, and whether it starts a paragraph (a vote
    on a line of its own is not part of the point whose line comes before it)."""

    text: str
    votes: list[Vote]
    opens_paragraph: bool = True


def vote_sentences(text: str, members: list[Person]) -> list[Sentence]:
    """The decision's sentences in order, each with the votes read from it (a tally's sides that no
    later sentence names stand at the tally's sentence): the order motions are read in.

    Tallies of the same counts in a row with no sides between them ("Med stemmerne 19 for og 1 imod
    godkendte … punkt 1. Yderligere godkendte … med stemmerne 19 for og 1 imod punkt 2 og 3. For
    stemte: …") share the sides printed after the last of them."""
    parties_by_name = {name_key(m.name): m.party for m in members if m.party}
    rows: list[Sentence] = []
    tallied: dict[VoteOption, int] = {}  # the current tally's counts not yet given to a side
    printed: dict[VoteOption, int] = {}  # its counts as printed
    tally_row = 0
    chained: list[int] = []  # earlier tallies of the same counts, with no sides of their own

    def close() -> None:
        rows[tally_row].votes.extend(_unclaimed(tallied, rows[tally_row].text))
        shared = [vote for row in rows[tally_row:] for vote in row.votes]
        for row in chained:
            rows[row].votes.extend(vote.model_copy() for vote in shared)
        chained.clear()

    for sentence, opens in _sentences(text):
        rows.append(Sentence(sentence, [], opens))
        tally = TALLY.search(sentence)
        verb_tally = None if tally else TALLY_VERB.search(sentence)
        if tally or verb_tally:
            sides: list[Vote] = []
            if tally:
                counts = _tally(tally)
            elif verb_tally:
                sides, counts = _verb_tally(verb_tally, sentence, parties_by_name)
            silent = not any(row.votes for row in rows[tally_row:])
            if printed and silent and counts == printed and tallied == printed:
                chained.append(tally_row)
            else:
                close()
            tally_row, tallied, printed = len(rows) - 1, dict(counts), counts
            rows[-1].votes.extend(sides)
            continue
        vote = _read_vote(sentence, parties_by_name)
        if vote and vote.count is not None and printed and not (vote.names or vote.parties or vote.option in printed):
            tallied[vote.option] = printed[vote.option] = vote.count  # "… imod 9. 7 undlod.": the tally's third count
            continue
        if vote:
            if vote.count is None and vote.option in tallied:
                vote = vote.model_copy(update={"count": tallied.pop(vote.option)})
            rows[-1].votes.append(vote)
            rows[-1].votes.extend(_for_things_as_they_are(vote, sentence))
    if rows:
        close()
    return rows


def _for_things_as_they_are(vote: Vote, sentence: str) -> list[Vote]:
    """ "7 stemte for forslaget, 14 for at bevare den nuværende ordning": those for keeping things as
    they are voted against the proposal."""
    kept = STATUS_QUO.search(sentence)
    if kept is None or vote.option != "for":
        return []
    return [Vote(option="against", count=int(kept.group("count")), text=sentence)]


def _sentences(text: str) -> list[tuple[str, bool]]:
    """Sentences of the decision without protocol notes, each saying whether it opens a paragraph;
    "Imod stemte:" alone takes the "(X) …" lines after it."""
    sentences: list[str] = []
    opening: set[int] = set()  # the indices of sentences that open a paragraph
    paragraphs = [PROTOCOL.sub("", paragraph).strip() for paragraph in text.split("\n")]
    # where blank lines part the paragraphs, a line just under another is of its paragraph
    spaced = any(not line.strip() for line in text.strip().split("\n"))
    listing = False  # after a label standing alone, each "(X) …" line adds voters to it
    after_blank = True
    for paragraph in paragraphs:
        if not paragraph:
            after_blank = True
            continue
        opens, after_blank = after_blank or not spaced, False
        listing = listing or bool(sentences and sentences[-1].endswith(":") and LABELLED.match(sentences[-1]))
        listed = not LABELLED.match(paragraph) and (LISTED_VOTER.match(paragraph) or _only_voters(paragraph))
        if listing and listed:
            separator = " " if sentences[-1].endswith(":") else ", "
            sentences[-1] += separator + WHO_END.sub("", paragraph).rstrip(" ,.")
            continue
        listing = False
        if opens:
            opening.add(len(sentences))
        for sentence in _joined_numbers(filter(None, (s.strip() for s in SENTENCE_END.split(paragraph)))):
            for clause in _clauses(sentence):
                two = TWO_CLAUSES.match(clause)
                sentences.extend(two.group("first", "second") if two else [clause])
    return [(sentence, index in opening) for index, sentence in enumerate(sentences)]


def empty_side(sentence: str) -> VoteOption | None:
    """ "For stemte:" with no one after it: the side no one voted on."""
    labelled = LABELLED.match(sentence)
    if labelled is None or labelled.group("who").strip(" .") or labelled.group("subject"):
        return None
    label = " ".join((labelled.group("verb_label") or labelled.group("label")).lower().split())
    return LABEL_OPTIONS.get(label, "abstain")


def _only_voters(paragraph: str) -> bool:
    """ "Pernille Beckmann (V), Marc Genning (V) og Mehmet Zeki Dogru (Ø)": a line of voters and nothing else."""
    parts = split_list(paragraph)
    return bool(parts) and all(PARTY_AFTER_NAME.fullmatch(part) or _party(part) for part in parts)


def _first_sentence(who: str) -> str:
    """The voters up to the first full stop that is not a name's initial ("John T. Olsen")."""
    for stop in re.finditer(r"\.\s", who):
        if not NAME_INITIAL.search(who, 0, stop.start()):
            return who[: stop.start()]
    return who


def _joined_numbers(sentences: Iterable[str]) -> list[str]:
    """ "1." or "1.-2." split off as a sentence of its own is the numbering of the next one."""
    joined: list[str] = []
    for sentence in sentences:
        if joined and POINT_NUMBER_ONLY.match(joined[-1]):
            joined[-1] += " " + sentence
        else:
            joined.append(sentence)
    return joined


def _clauses(sentence: str) -> list[str]:
    """ "C, A og V stemte for, B undlod at stemme, mens Ø stemte nej": one clause per vote verb, split
    at the last comma before each later clause's voters."""
    verbs = list(VOTE_VERB.finditer(sentence))
    if len(verbs) < 2 or TALLY_VERB.search(sentence):
        return [sentence]
    clauses, start = [], 0
    for previous, verb in pairwise(verbs):
        between = sentence[previous.end() : verb.start()]
        if WHO_END.search(" " + between):
            break  # "… stemte imod med bemærkning om, at SF stemmer imod": the rest is a remark
        breaks = list(CLAUSE_BREAK.finditer(sentence, previous.end(), verb.start()))
        if breaks:
            clauses.append(sentence[start : breaks[-1].start()])
            start = breaks[-1].end()
    clauses.append(sentence[start:])
    return [clause.strip() for clause in clauses if clause.strip()]


def _tally(match: re.Match[str]) -> dict[VoteOption, int]:
    counts: dict[VoteOption, int] = {}
    sides: tuple[tuple[VoteOption, str], ...] = (("for", "for"), ("against", "against"))
    for option, group in sides:
        value = match.group(group)
        if value is not None:
            counts[option] = 0 if value.lower() == "ingen" else int(value)
    return counts


def _verb_tally(
    match: re.Match[str], sentence: str, parties_by_name: dict[str, str]
) -> tuple[list[Vote], dict[VoteOption, int]]:
    """Sides with their parties printed in the tally, and counts left for the sides named after it."""
    first, second = match.group("a") or match.group("a2"), match.group("b") or match.group("b2")
    rejecting = match.group("verb").lower().startswith(REJECTING) and not match.group("for_word")
    options: tuple[VoteOption, VoteOption] = ("against", "for") if rejecting else ("for", "against")
    if not match.group("for_word") and second is not None and int(first) < int(second):
        options = options[::-1]  # "forkastet med 4 stemmer mod 5": the larger count is the winning side's
    sides: list[Vote] = []
    counts: dict[VoteOption, int] = {}
    for option, number, who in zip(options, (first, second), (match.group("a_who"), match.group("b_who")), strict=True):
        if number is None:
            continue
        if who:
            names, parties = read_who(who.replace("+", ", "))
            parties += [p for n in names if (p := parties_by_name.get(name_key(n))) and p not in parties]
            sides.append(Vote(option=option, names=names, parties=parties, count=int(number), text=sentence))
        else:
            counts[option] = int(number)
    return sides, counts


def _unclaimed(tallied: dict[VoteOption, int], sentence: str) -> list[Vote]:
    return [Vote(option=option, count=count, text=sentence) for option, count in tallied.items()]


def _read_vote(sentence: str, parties_by_name: dict[str, str]) -> Vote | None:
    option: VoteOption
    subject = None
    count = None
    text = sentence
    part = PART_PREFIX.match(sentence)
    if part:
        subject = f"punkt {part.group('part').split()[-1].removeprefix('pkt.')}"
        sentence = sentence[part.end() :]
    sentence = POINT_PREFIX.sub("", sentence)
    if labelled := LABELLED.match(sentence):
        label = " ".join((labelled.group("verb_label") or labelled.group("label")).lower().split())
        option = LABEL_OPTIONS.get(label, "abstain")
        who = _first_sentence(labelled.group("who"))
        subject = labelled.group("subject") or subject
        counted = labelled.group("count") or labelled.group("count2")
        count = int(counted) if counted else None
    elif verb := VERB.match(sentence):
        option = "for" if verb.group("agreed") or (verb.group("option") or "").lower() in {"for", "ja"} else "against"
        who = verb.group("who")
        if verb.group("agreed") and _is_group_word(who) and not MAJORITY_NAMED.match(who):
            return None  # "Et enigt udvalg kan anbefale, at …" is the decision, not a side
        subject = _subject(verb.group("rest")) or subject
    elif abstain := ABSTAIN.match(sentence):
        option = "abstain"
        who = abstain.group("who") or abstain.group("who2") or abstain.group("who3")
        subject = _subject(abstain.group("rest") or "") or subject
    else:
        return None
    if not labelled and (WHO_END.search(who) or REMARK_START.match(who)):
        return None  # "(D) med bemærkning om, at (D) stemmer imod", "Men når (F) stemmer imod": a remark
    who = WHO_END.sub("", who).strip()
    counted_who = TRAILING_COUNT.search(who) or LEADING_COUNT.match(who)
    if counted_who:
        count = count if count is not None else int(counted_who.group("count"))
        who = counted_who.group("who") if "who" in counted_who.groupdict() else who[: counted_who.start()]
    names, parties = read_who(who.replace("+", ", "))
    if count is None:
        count_match = COUNT.search(who)
        if count_match:
            count = int(count_match.group("count") or count_match.group("paren"))
    for name in names:
        party = parties_by_name.get(name_key(name))
        if party and party not in parties:
            parties.append(party)
    if count is None and who.strip(" .").isdigit():
        count = int(who.strip(" ."))  # "7 undlod."
    if count is None and labelled and who.strip(" .").lower() == "ingen":
        count = 0  # "Imod stemte: ingen"
    if not names and not parties and count is None and not _is_group_word(who):
        return None
    return Vote(option=option, names=names, parties=parties, count=count, subject=subject, text=text)


def _subject(rest: str) -> str | None:
    """What the words after a vote's verb name: "indstillingspunkt 2", "pkt. 2 og 3", and points named
    by their numbers alone ("på 1) og 3)" -> "punkt 1 og 3")."""
    if named := SUBJECT.match(rest):
        return named.group("subject")
    if bare := BARE_POINTS.match(rest):
        return "punkt " + bare.group("points").replace(")", "")
    return None


def read_who(who: str) -> tuple[list[str], list[str]]:
    """Names and party letters in "Michael Dorph Jensen og Suleman Naim", "(A, C og V)" or "(Ø) og (F)"."""
    who = MAJORITY_OF.sub("", who.strip())
    if who.startswith("(") and who.rstrip(" .").endswith(")") and who.count("(") == 1:
        who = who.rstrip(" .")[1:-1]  # "(Ø og Suleman Naim)" after a count
    group = GROUP.search(who)
    listed = group.group("inner") if group and not who.startswith("(") else who
    names: list[str] = []
    parties: list[str] = []
    for part in split_list(MISSING_COMMA.sub("), ", listed)):
        part = GROUP_SUFFIX.sub("", GROUP_PREFIX.sub("", part.strip())).strip()
        if part.count("(") != part.count(")"):
            part = part.strip("() ")  # "(V), A), (C)": a parenthesis mistyped
        party_paren = PARTY_AFTER_NAME.fullmatch(part)
        if party_paren and _party(party_paren.group("party")):
            part, party = party_paren.group("name").strip(), _party(party_paren.group("party"))
            if party and party not in parties:
                parties.append(party)
            if not part:
                continue
        letter = PARTY_NAMES.get(part.lower()) or PARTY_NAMES.get(part.lower().removesuffix("s")) or _party(part)
        if letter:
            if letter not in parties:
                parties.append(letter)
        elif looks_like_name(part):
            names.append(part)
    return names, parties


def _party(text: str) -> str | None:
    """A party letter as printed, "UP-1" (a numbered independent) read as "UP", "EL" as "Ø"."""
    text = PARTY_ABBREVIATIONS.get(text.strip(), text.strip())
    numbered = NUMBERED_PARTY.match(text)
    if numbered:
        text = numbered.group("party")
    return text if PARTY_LETTER.match(text) else None


def _is_group_word(who: str) -> bool:
    """ "Et flertal", "Et enigt udvalg", "Resten af udvalget": a vote whose members are not named."""
    return re.search(r"\b(?:flertal|mindretal|enigt|resten|øvrige|alle)\b", who, re.I) is not None
