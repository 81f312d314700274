"""Danish text analysis for the search index: words, stems and compound parts.

Stemming is Snowball Danish (PyStemmer). Snowball alone cannot find compounds: "indsats" stems to
"indsat" but "beskæftigelsesindsatsen" to "beskæftigelsesindsats", and "ledighed" to "led". So a
query word is also matched against the vocabulary of indexed words: every indexed word that holds
the query word as its first part or as a later part (starting at least three letters in, so "led"
does not match "udled…") contributes its stem to the query. Splitting compounds with a dictionary
was considered and dropped: it would need a Danish word list shipped with the project, and it still
misses new compounds, which minutes are full of.
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer  # type: ignore[import-not-found]  # PyStemmer ships no type stubs

WORD = re.compile(r"[^\W_]+", re.UNICODE)
MIN_PART_LENGTH = 4  # shorter query words are only stemmed, never looked for inside compounds
MIN_MODIFIER_LENGTH = 3  # "langtids" in "langtidsledigheden"
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


def words(text: str) -> list[str]:
    """Lower-cased words without stopwords, in order."""
    return [w for w in WORD.findall(text.lower()) if w not in STOPWORDS]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return str(_stemmer.stemWord(word))


def contains_as_part(term: str, word: str) -> bool:
    """Whether `word` is a part of the compound `term`: "indsats" in "beskæftigelsesindsatsen"."""
    if term.startswith(word):
        return True
    at = term.find(word, MIN_MODIFIER_LENGTH)
    return at >= MIN_MODIFIER_LENGTH
