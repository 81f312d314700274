"""Danish text analysis for the search index: words, their index forms and compound parts.

Both backends index the forms computed here, so SQLite and PostgreSQL find the same items.

A word's form is its Snowball Danish stem (PyStemmer) as long as Snowball only took off an
inflection ("borgerne" -> "borg", "indsatsen" -> "indsats"). Snowball also strips derivational
endings, which makes false friends: "ledighed" (unemployment) and "ledelse" (management) both
become "led", the stem of "leder" (manager); "saglig" becomes "sag". When the part Snowball took
off is not an inflection, only the inflection is taken off instead ("ledigheden" -> "ledighed",
"ledelsen" -> "ledels"). A genitive "-s" is kept, so "indsats" is not "indsat" (an inmate), and
so is a "-t", so "valgt" is not "valg". A weak verb's past, which Snowball keeps, is taken off
("handicappede" -> "handicap", "besluttede" -> "beslut", as "beslutte"). An "-er" stays in the form
("iværksættere" -> "iværksæter", "skolerne" -> "skoler"): it may be a plural or a present tense, or part
of an agent noun, and an agent noun is not its verb ("iværksætter", the entrepreneur, is not
"iværksætte", to implement; "leder" is not "lede"). A query word finds both its forms with and without
"-er" (`query_forms`: "skole" finds "skoler", "beslutte" finds "beslutter") unless the vocabulary shows
it is an agent noun (`is_agent_noun`: its plural in "-ere" is there, a verb's participle in "-eret" is
not), which finds its own forms and its activity in "-eri" ("iværksætteri").

Compounds are split by the vocabulary of indexed words, not by a fixed dictionary (minutes are full
of new ones). A compound's last part (its head) is the longest indexed word that ends it: "skole|vejledere",
not "skolevej|ledere"; "bearbejdet", not "be|arbejdet". A query word finds a compound when it is
  - its head, after a linking -s- or a word of its own ("beskæftigelses|indsatsen", "nytte|indsats"),
    not after a verb particle ("sam|arbejde", "foran|lediget"): "arbejde" does not find "samarbejde"
    or "udarbejdet", "ældre" not "forældre", "valg" not "økonomi|udvalget";
  - or its first part, with or without a linking letter, before the head ("ledigheds|ydelse",
    "ældre|boliger", "bus|linje", "arbejd|s|giver"), unless the head is an ending that is also a word
    ("fravær|ende") or "udvalg": "Plan- og Tryghedsudvalget" names a committee, which every item it
    handles names in its procedure, so "tryghed" does not find it (the committee is a search filter).
A street's name is no compound either: a word seen only before a house number ("Skolevænget 7") is
kept in the vocabulary as a street (`street_names`), which no part finds; the word itself still does.
Short query words (three letters) may begin a compound but are never taken for its head.
A query word also stands for related words (`related_words`): an adjective's "-hed" noun for the
adjective ("ledighed" finds "ledige" and "langtidsledige"), a name for its other spelling of å
("Damsgård", "Damsgaard"), a word for its synonyms in synonyms.txt ("ældreråd", "seniorråd").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import Stemmer  # type: ignore[import-not-found]  # PyStemmer ships no type stubs

WORD = re.compile(r"[^\W_]+", re.UNICODE)
MIN_PART_LENGTH = 4  # shorter query words ("bus", "sag") may begin a compound but are never its head
# Frequent function words; indexing them only adds noise (PostgreSQL's danish configuration drops them too).
STOPWORD_TEXT = """
ad af aldrig alle alt anden andet andre at bare begge blev blive bliver da de dem den denne der
deres det dette dig din dine disse dit dog du efter eller en end er et fik fordi for fra få gennem
gjorde har havde helt hende hendes her hos hun hvad hvem hver hvilken hvis hvor hvordan hvorfor
hvornår i ikke ind ingen intet jeg jer jeres jo kan kom komme kommer kun kunne lad lidt lige man
mange med meget men mens mere mig min mine mit mod må ned nej noget nogle nu når og også om op os
over på sagde se selv sig sin sine sit skal skulle som så sådan thi til ud under var ved vi vil
ville vor vores være været
"""
STOPWORDS = frozenset(STOPWORD_TEXT.split())

_stemmer = Stemmer.Stemmer("danish")

PAST = ("ede", "edes")  # a weak verb's past, which Snowball keeps: "handicappede" is handicap's
# Inflections that keep the "-er" in the form: "iværksætter(e)" is an agent noun, not a form of "iværksætte".
ER_ENDINGS = frozenset(["er", "ere", "eren", "erens", "erer", "eres", "erne", "ernes", "ers"])
# What Snowball may take off that is only an inflection (plural, definite, genitive of those).
INFLECTIONS = frozenset(["", "e", "en", "et", "ene", "ens", "ets", *ER_ENDINGS, *PAST])
# The same, longest first, for taking one off by hand.
ENDINGS = sorted(INFLECTIONS - {""}, key=len, reverse=True)
MIN_FORM_LENGTH = 3
LINKING_LETTERS = "se"
# Particles that make verbs, not compounds: "foran|lediget", "sam|arbejde".
PARTICLES = frozenset(["bag", "bort", "foran", "frem", "gen", "hen", "imod", "sam", "sammen", "tilbage"])
# Endings that are also words but never a compound's last part: "fravær|ende" is not a compound of "ende".
SUFFIXES = frozenset(["ende", "endes", "else", "hed", "heden", "isk", "iske", "lig", "lige", "ligt"])
COMMITTEE = "udvalg"  # "Tryghedsudvalget" names a committee; it is not about tryghed
# "ledighed" -> "ledig": an adjective's noun in "-hed"
HED_NOUN = re.compile(r"^(?P<adjective>\w{4,}?)hed(?:en|er|erne|s)?$")
VOWELS = frozenset("aeiouyæøå")


# A capitalized word before a house number (not a year, a decimal or a time): "Skolevænget 7", "Landevej 98a".
STREET = re.compile(r"\b([A-ZÆØÅ][^\W\d_]{2,}) \d{1,3}[a-zA-Z]?(?=$|[\s,;)]|\.(?!\d))")


def street_names(text: str, text_words: list[str]) -> set[str]:
    """The words of `text` (`text_words`, as `words` gives them) that occur in it only as a street's
    name: a street is a name, not a compound, so "skole" should not find "Skolevænget 7"."""
    streets = Counter(match.group(1).lower() for match in STREET.finditer(text))
    if not streets:
        return set()
    occurrences = Counter(word for word in text_words if word in streets)
    return {word for word, count in streets.items() if occurrences[word] == count}


def words(text: str) -> list[str]:
    """Lower-cased words without stopwords, in order; a committee's coordinated name as the
    committees it names ("Skole-, Børne- og Ungeudvalget": skoleudvalget, børneudvalget, ungeudvalget)."""
    lowered = text.lower()
    if COMMITTEE in lowered:
        lowered = _committee_names(lowered)
    return [w for w in WORD.findall(lowered) if w not in STOPWORDS]


# "skole-, børne- og ungeudvalget", "plan- og tryghedsudvalget": the parts before a hyphen share the
# last word's head, so the name is about committees, not about "skole" or "plan" (the committee is a
# search filter; "skoleudvalget" still finds it). From the first hyphen on, so that the scan starts
# at a literal character; the word before it is found by hand.
COORDINATION = re.compile(r"-,?\s+(?:[^\W\d_]+-,?\s+)*(?:og|eller|samt)\s+([^\W\d_]*?)(" + COMMITTEE + r"[^\W\d_]*)")
TRUNCATED = re.compile(r"([^\W\d_]+)-")


def _coordinations(text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Each coordinated committee name: where its first word begins, and the match from its first hyphen."""
    at = 0
    while (match := COORDINATION.search(text, at)) is not None:
        first = match.start()
        while first > 0 and text[first - 1].isalpha():
            first -= 1
        if first == match.start():  # a dash with no word before it ("2 - Skole-, …"): look on from the next
            at = match.start() + 1
            continue
        yield first, match
        at = match.end()


def _committee_names(text: str) -> str:
    pieces, done = [], 0
    for first, match in _coordinations(text):
        head = match.group(2)
        parts = [part + head for part in TRUNCATED.findall(text, first, match.start(1))]
        pieces += [text[done:first], " ".join([*parts, match.group(1) + head])]
        done = match.end()
    return "".join(pieces) + text[done:]


# "Pædagogisk Psykologisk Rådgivning (PPR)": a name and the abbreviation the minutes define for it.
DEFINED_ABBREVIATION = re.compile(r"\(([A-ZÆØÅ]{2,6})\)")
MAX_NAME_WORDS = 12  # how far before the parenthesis the name's words are looked for


def abbreviations(text: str) -> list[tuple[str, str]]:
    """The abbreviations a text defines, each with the words of its name, lower-cased: the last words
    before "(ABBR)", as many as it has letters, not counting small words, whose initials spell it
    ("Borgerstyret Personlig Assistance (BPA)"; "Jobcentrets Aktive Tilbud (JAT)")."""
    found = []
    for match in DEFINED_ABBREVIATION.finditer(text):
        abbreviation = match.group(1).lower()
        before = WORD.findall(text[max(0, match.start() - 40 * MAX_NAME_WORDS) : match.start()].lower())
        name = [word for word in before[-MAX_NAME_WORDS:] if word not in STOPWORDS][-len(abbreviation) :]
        if len(name) == len(abbreviation) and "".join(word[0] for word in name) == abbreviation:
            found.append((abbreviation, " ".join(name)))
    return found


@dataclass(frozen=True)
class ItemAnalysis:
    """An item's fields as the index holds them, and what the vocabulary learns from them. A pure
    function of the text, so it is computed once per item, and may be computed in a worker process
    while another document is written (store/pipeline.py)."""

    forms: tuple[str, str, str]  # title, decision, body: their words' forms, space-separated
    words: frozenset[str]  # the words seen other than as a street's name
    streets: frozenset[str]  # the words seen as a street's name in a field that has them only so
    abbreviations: frozenset[tuple[str, str]]  # (short, name) pairs the text defines


def analyse_item(title: str, decision: str, body: str) -> ItemAnalysis:
    """Each field split into words once: their forms, the words for the vocabulary, the streets."""
    forms: list[str] = []
    seen: set[str] = set()
    streets: set[str] = set()
    for field in (title, decision, body):
        field_words = words(field)
        field_streets = street_names(field, field_words)
        streets |= field_streets
        seen.update(w for w in field_words if w not in field_streets)
        forms.append(" ".join(map(stem, field_words)))
    found = frozenset(pair for field in (title, decision, body) for pair in abbreviations(field))
    return ItemAnalysis((forms[0], forms[1], forms[2]), frozenset(seen), frozenset(streets), found)


def committee_name_parts(text: str) -> set[int]:
    """Where the parts before a hyphen of a committee's coordinated name begin ("Skole-" in "Skole-,
    Børne- og Ungeudvalget"): no word of their own, so a snippet does not mark them."""
    if COMMITTEE not in text:
        return set()
    return {
        part.start()
        for first, match in _coordinations(text)
        for part in TRUNCATED.finditer(text, first, match.start(1))
    }


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The form a word is indexed and searched by."""
    base, ending = split_inflection(word)
    return base + "er" if ending in ER_ENDINGS else base


def split_inflection(word: str) -> tuple[str, str]:
    """The word's base and the inflection taken off it: Snowball's, or one taken off by hand where
    Snowball took off more ("ledigheden" -> "ledighed", "en")."""
    snowball = str(_stemmer.stemWord(word))
    ending = word[len(snowball) :]
    if word.startswith(snowball) and ending in INFLECTIONS and not word.endswith(PAST):
        return snowball, ending
    return _without_inflection(word)


def _without_inflection(word: str) -> tuple[str, str]:
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_FORM_LENGTH:
            base = word[: -len(ending)]
            # "processen" -> "process" -> "proces", as Snowball undoubles
            if len(base) > MIN_FORM_LENGTH and base[-1] == base[-2] and base[-1] not in VOWELS:
                base = base[:-1]
            return base, ending
    return word, ""


def form_prefix(form: str) -> str:
    """What every word of a form begins with: the form, or its base before the "-er" it keeps
    ("iværksæt" for "iværksæter", the form of "iværksætter", whose doubled t the base undoubles)."""
    return form.removesuffix("er") or form


def query_forms(word: str, agent_noun: Callable[[str], bool]) -> set[str]:
    """The forms a query word finds as a whole word. An "-er" form stands for the word without it
    ("skoler", "skole"), and a word for its "-er" form ("sag", "sager"; "beslutte", "beslutter"),
    except that an agent noun ("iværksætter", "leder", "borger") does not stand for its verb or its
    root ("iværksætte", "lede", "borg"); `agent_noun` tells one by the vocabulary."""
    base, ending = split_inflection(word)
    if ending not in ER_ENDINGS:
        return {base, base + "er"}
    form = base + "er"
    return {form} if agent_noun(form) else {form, base}


def is_agent_noun(terms: Iterable[str]) -> bool:
    """Whether the vocabulary's words of one "-er" form are an agent noun's: its plural in "-ere"
    ("iværksættere", "ledere") is there, and no participle in "-eret" that makes it a verb in "-ere"
    ("registrere", "registreret")."""
    endings = {term[-n:] for term in terms for n in (3, 4)}
    return "ere" in endings and "eret" not in endings


def related_words(word: str, agent_noun: Callable[[str], bool] = lambda form: False) -> list[str]:
    """The query word and what it also stands for: an adjective's "-hed" noun the adjective ("ledighed",
    "ledig"); an agent noun its activity in "-eri" ("iværksætter", "iværksætteri"); a name the other
    spelling of å ("damsgård", "damsgaard"); a word its synonyms (store/synonyms.txt: "ældrerådet",
    "seniorråd")."""
    related = spellings(word)
    noun = HED_NOUN.match(word)
    if noun:
        related.append(noun.group("adjective"))
    if word.endswith("er") and agent_noun(stem(word)):
        related.append(word + "i")
    related += [synonym for synonym in _synonyms().get(split_inflection(word)[0], ()) if synonym != word]
    return related


def spellings(word: str) -> list[str]:
    """The word as written, and with the other spelling of å in names: "damsgård", "damsgaard"."""
    if "å" in word:
        return [word, word.replace("å", "aa")]
    return [word, word.replace("aa", "å")] if "aa" in word else [word]


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, tuple[str, ...]]:
    """Each synonym's base (without inflection, "-er" too: "solceller" is "solcelle"'s) -> the words of its group."""
    groups: dict[str, tuple[str, ...]] = {}
    for line in (files("referat.store") / "synonyms.txt").read_text(encoding="utf-8").splitlines():
        group = tuple(w.strip().lower() for w in line.split(",") if w.strip())
        if group and not line.lstrip().startswith("#"):
            groups.update({split_inflection(w)[0]: group for w in group})
    return groups


def compound_position(term: str, word: str, known: frozenset[str] | set[str]) -> bool:
    """Whether `word` is the first part ("ledigheds|ydelse", "ældre|boliger") or the head
    ("beskæftigelses|indsatsen") of the compound `term`; `known` holds the words of the vocabulary
    among `compound_pieces(term, word)`, by which the compound is split."""
    if term == word:
        return True
    head = _head(term, known)
    if head is None:
        return False  # nothing known to split it by
    if len(word) >= MIN_PART_LENGTH and _is_head(term, word, head, known):
        return True
    if head.startswith(COMMITTEE):
        return False  # a committee's name, "Plan- og Tryghedsudvalget", is not about its first part
    return any(_is_first_part(term, base, head) for base in _first_part_bases(word))


def compound_pieces(term: str, word: str) -> list[str]:
    """The parts of `term` that must be known words for `word` to be split from it: its proper
    suffixes (a head), and the prefixes that end where `word` begins (a first part before it)."""
    suffixes = [term[-n:] for n in range(MIN_FORM_LENGTH, len(term))]
    prefixes = [term[:at] for at in _occurrences(term, word)]
    return suffixes + prefixes + [prefix[:-1] for prefix in prefixes if prefix.endswith("e")]


def _occurrences(term: str, word: str) -> list[int]:
    """Where `word` occurs in `term` after a first part of three letters or more."""
    found, at = [], term.find(word, MIN_FORM_LENGTH)
    while at >= 0:
        found.append(at)
        at = term.find(word, at + 1)
    return found


def _head(term: str, known: frozenset[str] | set[str]) -> str | None:
    """The compound's last part: the longest known word that ends it ("skole|vejledere", not "skolevej|ledere")."""
    for start in range(1, len(term) - MIN_FORM_LENGTH + 1):
        suffix = term[start:]
        if suffix in known and suffix not in SUFFIXES and suffix not in INFLECTIONS:
            return suffix
    return None


def _is_head(term: str, word: str, head: str, known: frozenset[str] | set[str]) -> bool:
    """`term` is a compound headed by `word`: what follows `word` is an inflection, the known head holds
    no more than `word` ("bearbejdet" is not "arbejdet"), and what precedes it is a first part."""
    at = len(term) - len(head)
    if not head.startswith(word):
        return False
    after, before = head[len(word) :], term[:at]
    if not (after in INFLECTIONS or stem(head) == stem(word)):
        return False
    if before in PARTICLES or before in STOPWORDS or len(before) < MIN_FORM_LENGTH:
        return False  # "foranlediget", "samarbejde": a verb with a particle, not a compound
    if before[-1] == "s":
        return True  # "beskæftigelses|indsats"
    return before in known or (before[-1] == "e" and before[:-1] in known)  # "skole|vej", "barne|vogn"


def _is_first_part(term: str, base: str, head: str) -> bool:
    """`term` is `base`, maybe a linking letter, and the known head: "ledigheds|ydelse", "bus|linje"
    (not "bus|inesscase")."""
    return any(term == base + link + head for link in ("", *LINKING_LETTERS))


def _first_part_bases(word: str) -> set[str]:
    """How `word` may begin a compound: as it is; without a plural -e or a doubled consonant's ending
    ("skoleveje" -> "skolevej|s|analyse", "busser" -> "bus|linje", but not "borger" -> "borg|mester");
    and with a linking -s for a final -e ("arbejde" -> "arbejd|s|giver")."""
    bases = {word}
    base, _ = split_inflection(word)
    if word == base + "e" or (base and word.startswith(base + base[-1])):
        bases.add(base)
    if word.endswith("e"):
        bases.add(word[:-1] + "s")
    return {base for base in bases if len(base) >= MIN_FORM_LENGTH}
