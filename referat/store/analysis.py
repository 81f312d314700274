"""Danish text analysis for the search index: words, their index forms and compound parts.

Both backends index the forms computed here, so SQLite and PostgreSQL find the same items.

A word's form is its Snowball Danish stem (PyStemmer) as long as Snowball only took off an
inflection ("borgerne" -> "borg", "indsatsen" -> "indsats"). Snowball also strips derivational
endings, which makes false friends: "ledighed" (unemployment) and "ledelse" (management) both
become "led", the stem of "leder" (manager); "saglig" becomes "sag". When the part Snowball took
off is not an inflection, only the inflection is taken off instead ("ledigheden" -> "ledighed",
"ledelsen" -> "ledels"). A genitive "-s" is kept, so "indsats" is not "indsat" (an inmate), and
so is a "-t", so "valgt" is not "valg".

Compounds are not split by a dictionary (minutes are full of new ones). A query word is matched
against the vocabulary of indexed words, and a word holding it counts when the query word is its
last part (the compound's head: "beskæftigelsesindsatsen" is an indsats, "langtidsledigheden" a
ledighed) after a linking letter (-s-, -e-) or after a word of its own ("skole|vej"), or its first
part followed by a linking letter ("ledighedsydelse"). So "arbejde" does not find "samarbejde" or
"udarbejdet", "ældre" not "forældre", "valg" not "økonomiudvalget", "borger" not "borgerbetjening".
An adjective's "-hed" noun also finds the adjective: "ledighed" finds "ledige" and "langtidsledige".
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer  # type: ignore[import-not-found]  # PyStemmer ships no type stubs

WORD = re.compile(r"[^\W_]+", re.UNICODE)
MIN_PART_LENGTH = 4  # shorter query words are only stemmed, never looked for inside compounds
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

# What Snowball may take off that is only an inflection (plural, definite, genitive of those).
INFLECTIONS = frozenset(
    ["", "e", "en", "er", "et", "ene", "ens", "ere", "eren", "erens", "eres", "erne", "ernes", "ers", "ets"]
)
# The same, longest first, for taking one off by hand.
ENDINGS = sorted(INFLECTIONS - {""}, key=len, reverse=True)
MIN_FORM_LENGTH = 3
LINKING_LETTERS = "se"
# "ledighed" -> "ledig": an adjective's noun in "-hed"
HED_NOUN = re.compile(r"^(?P<adjective>\w{4,}?)hed(?:en|er|erne|s)?$")
VOWELS = frozenset("aeiouyæøå")


def words(text: str) -> list[str]:
    """Lower-cased words without stopwords, in order."""
    return [w for w in WORD.findall(text.lower()) if w not in STOPWORDS]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The form a word is indexed and searched by."""
    snowball = str(_stemmer.stemWord(word))
    if word.startswith(snowball) and word[len(snowball) :] in INFLECTIONS:
        return snowball
    return _without_inflection(word)


def _without_inflection(word: str) -> str:
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_FORM_LENGTH:
            base = word[: -len(ending)]
            # "processen" -> "process" -> "proces", as Snowball undoubles
            if len(base) > MIN_FORM_LENGTH and base[-1] == base[-2] and base[-1] not in VOWELS:
                base = base[:-1]
            return base
    return word


def related_words(word: str) -> list[str]:
    """The query word and what it also stands for: "ledighed" -> ["ledighed", "ledig"]."""
    noun = HED_NOUN.match(word)
    return [word, noun.group("adjective")] if noun else [word]


def compound_position(term: str, word: str, known: frozenset[str] | set[str]) -> bool:
    """Whether `word` is the head ("beskæftigelses|indsatsen") or, before a linking letter, the first
    part ("ledigheds|ydelse") of the compound `term`; `known` are the words a head may follow."""
    if term == word:
        return True
    rest = term[len(word) :]
    if term.startswith(word) and len(rest) > 3 and rest[0] in LINKING_LETTERS:
        return True
    for at in _occurrences(term, word):
        before, after = term[:at], term[at + len(word) :]
        is_head = after in INFLECTIONS or stem(word + after) == stem(word)
        if is_head and len(before) >= MIN_FORM_LENGTH and (before[-1] in LINKING_LETTERS or before in known):
            return True
    return False


def compound_prefixes(term: str, word: str) -> list[str]:
    """The words `term` would have to start with for `word` to be its head: "skole" in "skolevej"."""
    return [term[:at] for at in _occurrences(term, word) if at >= MIN_FORM_LENGTH]


def _occurrences(term: str, word: str) -> list[int]:
    found, at = [], term.find(word, MIN_FORM_LENGTH)
    while at >= 0:
        found.append(at)
        at = term.find(word, at + 1)
    return found
