"""Committee names and lists of people as printed in minutes."""

from __future__ import annotations

import re

from referat.model import Person
from referat.vocab import ABSENCE_MARKERS, OUTCOME_PATTERNS, PARTY_LETTER, ROLE_MARKERS

# "Udvalget for Job, Arbejdsmarked og Integration - 2022-2025", "Udvalget for Social, Sundhed og Ældre - 2022 - 2025"
TERM_SUFFIX = re.compile(r"\s*[-–,_]?\s*\(?((?:19|20)\d{2})\s*[-–/]\s*((?:19|20)?\d{2})\)?\s*$")
# Separators in "A, B og C" that are not the "og" of "Beskæftigelses- og Integrationsudvalget".
LIST_SEPARATOR = re.compile(r"\s*,\s*|(?<!-)\s+(?:og|samt)\s+|\s*;\s*")
# "Michael Dorph Jensen (Ø)", "Claus Jørgensen (Afbud)", "Maria Durhuus (A, formand)"
PERSON = re.compile(r"^(?P<name>[^()]+?)\s*(?P<notes>(?:\([^()]*\)\s*)*)\.?$")
NOTE = re.compile(r"\(([^()]*)\)")
PERSON_AFTER_PARTY = re.compile(r"\)\s+(?=[A-ZÆØÅ][a-zæøå])")


# "Beskæftigelses- og Integrationsudvalgets beslutning", "Byrådets møde"
GENITIVE_EVENT = re.compile(r"s\s+(?:beslutning|møde|behandling)$", re.I)


def committee_name(text: str) -> str:
    """The committee as a name: "Byrådets møde 2022-2025" -> "Byrådet"."""
    name = split_term(text)[0]
    return GENITIVE_EVENT.sub("", name).strip()


def split_term(name: str) -> tuple[str, str | None]:
    """Split "Beskæftigelses- og Integrationsudvalget 2022-2025" into name and term."""
    match = TERM_SUFFIX.search(name)
    if not match:
        return name.strip(" -–,:"), None
    return name[: match.start()].strip(" -–,:"), f"{match.group(1)}-{match.group(2)}"


def split_list(text: str) -> list[str]:
    """Split "A, B og C" into its parts, keeping parenthesised notes with their part."""
    parts: list[str] = []
    depth, start = 0, 0
    for match in re.finditer(r"[()]|" + LIST_SEPARATOR.pattern, text):
        token = match.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(text[start : match.start()])
            start = match.end()
    parts.append(text[start:])
    return [part.strip(" .") for part in parts if part.strip(" .")]


def parse_person(text: str) -> tuple[Person, bool] | None:
    """Read "Name (Party)" or "Name (Afbud)"; returns the person and whether marked absent."""
    match = PERSON.match(text.strip())
    if not match:
        return None
    name, role = match.group("name").strip(), None
    first, _, rest = name.partition(" ")
    if first.lower() in ROLE_MARKERS and rest:
        role, name = first.lower(), rest  # "Formand Helle Bjerregaard (A)"
    if not looks_like_name(name):
        return None
    party = None
    absent = False
    for note in NOTE.findall(match.group("notes")):
        for token in (t.strip() for t in note.split(",")):
            lowered = token.lower()
            if lowered in ABSENCE_MARKERS:
                absent = True
            elif lowered in ROLE_MARKERS:
                role = lowered
            elif PARTY_LETTER.match(token):
                party = token
    return Person(name=name, party=party, role=role), absent


def parse_people(text: str) -> list[tuple[Person, bool]]:
    """Read a comma-separated list of members as in "Mødedeltagere"; columns printed side by side
    ("Ole Bollesen (A) Niels Viderø (A)") part after each party letter."""
    text = PERSON_AFTER_PARTY.sub("), ", text)
    people = (parse_person(part) for part in split_list(text))
    return [person for person in people if person is not None]


def looks_like_name(text: str) -> bool:
    """A person's name: 1-6 words, the first capitalised, no word that joins a sentence, no digits or
    label ("Imod: A"), not an institution, and not the words of a decision ("Godkendt") or a heading ("Bemærkninger til
    dagsorden") that an absence line ran into."""
    words = text.split()
    if not 1 <= len(words) <= 6 or any(ch.isdigit() or ch == ":" for ch in text):
        return False
    if not words[0][:1].isupper() or any(word in SENTENCE_WORDS for word in words[1:]):
        return False
    if any(pattern.fullmatch(text.strip(" .")) for _, pattern in OUTCOME_PATTERNS):
        return False
    lowered = text.lower()
    return not any(word in lowered for word in INSTITUTION_WORDS)


# Words that join a sentence or a heading, never a name ("Ole skrald" is a name misprinted)
SENTENCE_WORDS = frozenset(
    {"til", "i", "på", "for", "med", "om", "fra", "ved", "efter", "over", "under", "mod", "at", "er", "var", "blev",
     "ikke", "som", "det", "ad", "og"}
)  # fmt: skip
INSTITUTION_WORDS = (
    "udvalg",
    "byråd",
    "kommune",
    "forvaltning",
    "direktion",
    "gruppe",
    "flertal",
    "mindretal",
    "medlem",
    "partier",
    "administration",
    "bestyrelse",
    "råd",
    "center",
    "afdeling",
)


def name_key(name: str) -> str:
    """Fold case and "aa"/"å" so "Susanne Damsgård" and "Susanne Damsgaard" match."""
    return " ".join(name.lower().replace("aa", "å").split())
