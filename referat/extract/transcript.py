"""Find the lines again in a PDF's text as document-sharing sites print it.

Such a site prints a PDF's text one page to a line, its counter first and every line break lost:
"3 1. Godkendelse af dagsorden Åben sag Sagsnr.: 13/10057 … RESUMÉ Godkendt. BESLUTNING I
KOMMUNALBESTYRELSEN DEN Godkendt. 2". The minutes' own vocabulary still shows where their lines
began: fact labels ("Mødedato:", "Afbud:"), section headings (in capitals or not), access markers
("Åben sag"), case numbers with or without their label ("Sagsnr.: 13/10057", "DIHAJP / 06/17018")
and numbered headings ("1. Godkendelse …"). A page is cut there into lines, each keeping its source
line's number; nothing is added or dropped but the page counter.
"""

from __future__ import annotations

import itertools
import re
from importlib.resources import files

from referat.extract.lines import Line
from referat.vocab import (
    CASE_LABELS,
    CLOSED_WORDS,
    CONTENTS_HEADINGS,
    CONTENTS_PAGE_COLUMN,
    DOCUMENT_END_HEADINGS,
    FACT_LABELS,
    OPEN_WORDS,
    SECTION_KINDS,
)

# A page run into one line: its counter, then a long text
PAGE_LINE = re.compile(r"^(?P<page>\d{1,4}) (?P<text>\S.{150,})$")
PAGE_COUNTER = re.compile(r"(\d{1,4}) \S")
MIN_PAGES = 2
FIRST_PAGE = 2  # a transcript starts at its first page, or its second when the cover is an image
# The page's own number printed at its foot, after the last sentence: "… Godkendt. 2"
PAGE_FOOTER = re.compile(r"(?<=[.!?)])\s+\d{1,4}$")
# The page's own number printed at its head: "Side 2 2. Orientering"
PAGE_HEAD = re.compile(r"^Side\s+\d{1,4}\s+(?=\S)")

_HEADINGS = sorted({*SECTION_KINDS, *CONTENTS_HEADINGS}, key=len, reverse=True)
_LABELS = sorted(FACT_LABELS, key=len, reverse=True)
_MARKERS = sorted({word for word in (*OPEN_WORDS, *CLOSED_WORDS) if " " in word}, key=len, reverse=True)


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)


# A heading in capitals, the words in capitals after it being part of it: "BESLUTNING I
# KOMMUNALBESTYRELSEN DEN", "RESUMÉ"; or a heading as a capitalised word before a capitalised word.
CAPITAL_HEADING = re.compile(
    r"(?<!\S)(?:"
    + _alternatives([h.upper() for h in _HEADINGS])
    + r")(?:\s+[A-ZÆØÅ0-9.\-]+)*?(?=\s+(?:[A-ZÆØÅ][a-zæøå]|\d+\s*$)|$)"
)
TITLE_HEADING = re.compile(
    r"(?<!\S)(?:" + _alternatives([h.capitalize() for h in _HEADINGS]) + r"):?(?=\s+[A-ZÆØÅ0-9])"
)
# "Mødedato:", "Afbud:": a fact label, with its colon
FACT_LABEL = re.compile(r"(?<!\S)(?:" + _alternatives([label.capitalize() for label in _LABELS]) + r"):")
# "Åben sag", "Lukket punkt"
ACCESS = re.compile(r"(?<!\S)(?:" + _alternatives([m.capitalize() for m in _MARKERS]) + r")(?!\S)")
# "Sagsnr.: 13/10057", "J.nr.: 18.00.00A00", and a case number after a case worker's initials
CASE = re.compile(
    r"(?<!\S)(?:" + CASE_LABELS + r")\.?\s*:?\s*[\w.\-/]*\d[\w.\-/]*"
    r"|(?<!\S)[A-ZÆØÅ]{2,8}\s+/\s+\d{2}/\d{1,7}(?!\S)",
    re.I,
)
# "Punkt: 65": an item's number under its label
ITEM_LABEL = re.compile(r"(?<!\S)(?:Punkt|Pkt\.)\s*:\s*\d{1,4}(?!\S)")
# A KL journal-plan case number with its facet, text run on after it: "01.02.05-P16-8-16 Resume …"
CASE_LED = re.compile(r"^(?P<case>\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d{1,6}-\d{2})\s+(?=[A-ZÆØÅ])")
# A case label whose value the PDF left empty: "Sagsnr.: Resumé:"
EMPTY_CASE_LABEL = re.compile(r"(?<!\S)(?:" + CASE_LABELS + r")\.?\s*:(?=\s|$)", re.I)
# What follows an item's heading in a transcript: its access marker or its case number
ITEM_MARK = re.compile(
    r"^(?:" + _alternatives([m.capitalize() for m in _MARKERS]) + r")$|^(?:" + CASE_LABELS + r")|^[A-ZÆØÅ]{2,8} / \d",
    re.I,
)
MIN_LISTED_WORDS = 3  # a title found in the contents by its beginning has at least these words
MAX_UNLISTED_WORDS = 2
# A page number after an entry, without leaders: "… Idrætsråd 5 Overførsel af …"
PAGE_NUMBER = re.compile(r"(?<!\S)\d{1,3}(?=\s+[A-ZÆØÅ]|\s*$)")
COLUMN_LABELS = re.compile(r"^[^.]{0,40}?\bSide(?:nr\.)?(?!\S)")
NUMBER_ONLY = re.compile(r"^\s*\d{1,3}\.?\s*$")
# "Tårnbyforsyning Vand A/S": a company's legal form ends its name
LEGAL_FORMS = {"a/s", "aps", "i/s", "k/s", "p/s", "amba", "a.m.b.a."}
# An entry's page number after dot leaders, which ends the entry: "...ii", ".....12"
LEADER_END = re.compile(r"(?:\.{3,}|…+)\s*(?:[ivxlc]{1,6}|\d{1,4})(?=\s)")
ITEM_GROUP = re.compile(r"(?<!\S)(?:Åbne|Lukkede|ÅBNE|LUKKEDE)\s+(?:\w*punkter|\w*sager|\w*PUNKTER|\w*SAGER)(?!\S)")
CLOSED_MARK = re.compile(r"(?<!\S)-?\s*LUKKET\s+(?:SAG|PUNKT)(?!\S)")
CLOSING_PART = re.compile(r"(?<!\S)(?:" + _alternatives([h.capitalize() for h in DOCUMENT_END_HEADINGS]) + r")$")
TITLE_CASE_WORD = re.compile(r"^[A-ZÆØÅ][a-zæøå]")
# Entries that open with the abbreviation of the committee they come from, perhaps marked closed
# first: "ØU - Ejendomsanalyse", "Lukket - TM - Udbud af …"
ENTRY_PREFIX = re.compile(r"(?<!\S)(?:\d{1,3}\.\s+)?(?:Lukket\s+-\s+)?[A-ZÆØÅ]{2,5}\s+-\s+(?=[A-ZÆØÅ])")
MIN_PREFIXED = 3
# Words that join a title's parts: a capitalised word after them is inside the title
JOINING_WORDS = {
    "og", "for", "til", "af", "i", "på", "med", "om", "fra", "vedr.", "vedrørende", "samt", "ved", "under",
    "mellem", "den", "det", "de", "en", "et", "-", "–", "&", "nr.", "jf.",
}  # fmt: skip
# "1. Godkendelse af dagsorden": a numbered heading starts a line
# Words a number in a sentence follows: "på 1. januar", "pr 1. kvartal", "den 3. maj"
QUANTITY_WORDS = {
    "på",
    "i",
    "af",
    "til",
    "pr",
    "pr.",
    "den",
    "d.",
    "fra",
    "kl",
    "kl.",
    "ca",
    "ca.",
    "nr",
    "nr.",
    "med",
    "og",
}
MUNICIPALITY_WORDS = {"Kommune", "Kommunes", "Kommunalbestyrelse", "Byråd", "Byråds"}
# Words that open agenda item titles, learned from real minutes by scripts/title_openers.py
TITLE_OPENERS = frozenset(
    word
    for word in (files("referat.extract") / "title_openers.txt").read_text(encoding="utf-8").split("\n")
    if word and not word.startswith("#")
)
LAST_WORD = re.compile(r"\S+(?=\s*$)")
LAST_WORD_REACH = 40
NUMBERED = re.compile(r"(?<!\S)\d{1,3}\.\s+(?=[A-ZÆØÅ](?:[a-zæøå]|[A-ZÆØÅ]{2}|[A-ZÆØÅ]\s+-\s))")


def split_run_together_pages(lines: list[Line]) -> list[Line]:
    """The lines, with every page that was run into one line cut into its lines again."""
    pages = _pages(lines)
    if not pages:
        return _case_led(lines)
    result: list[Line] = []
    for index, line in enumerate(lines):
        if index not in pages:
            result.append(line)
            continue
        text = PAGE_HEAD.sub("", PAGE_FOOTER.sub("", line.text.split(" ", 1)[1]))
        result.extend(Line(line.number, piece, 0, pages[index]) for piece in _pieces(text))
    return _contents_entries(result)


def _case_led(lines: list[Line]) -> list[Line]:
    """Lines a PDF copy ran together after a case number in the KL journal plan's form
    ("00.22.02-A26-1-13 Beslutning Byrådet, 22.11.2016 Godkendt."), cut as a page would be."""
    result: list[Line] = []
    for line in lines:
        led = CASE_LED.match(line.text)
        if led is None:
            result.append(line)
            continue
        pieces = [led.group("case"), *_pieces(line.text[led.end() :])]
        result.extend(Line(line.number, piece, line.level, line.page) for piece in pieces)
    return result


def _pages(lines: list[Line]) -> dict[int, int]:
    """The lines that are whole pages, by index, with their page numbers: a block of long lines
    counted from 1 or 2 up by one, with only blank lines between, the last one perhaps cut short."""
    found: dict[int, int] = {}
    for index, line in enumerate(lines):
        if not line.text:
            continue
        counter = PAGE_COUNTER.match(line.text)
        if found and counter and int(counter.group(1)) == max(found.values()) + 1:
            found[index] = int(counter.group(1))
            continue
        if len(found) >= MIN_PAGES:
            break
        long = PAGE_LINE.match(line.text)
        found = {index: int(long.group("page"))} if long and int(long.group("page")) <= FIRST_PAGE else {}
    whole = all(PAGE_LINE.match(lines[index].text) for index in list(found)[:-1])
    if len(found) < MIN_PAGES or not whole:
        return {}
    return _with_cover(lines, found)


def _with_cover(lines: list[Line], found: dict[int, int]) -> dict[int, int]:
    """The pages, with a short first page (a cover's one line, "1 Referat tirsdag den …") before a
    found second page."""
    first = min(found)
    if found[first] != FIRST_PAGE:
        return found
    cover = next((index for index in range(first - 1, -1, -1) if lines[index].text), None)
    if cover is not None and PAGE_COUNTER.match(lines[cover].text) and lines[cover].text.startswith("1 "):
        return {cover: 1, **found}
    return found


def _pieces(text: str) -> list[str]:
    """A page's text cut before (and, for headings, markers and case numbers, after) each place the
    minutes' vocabulary starts a line."""
    cuts: set[int] = set()
    for pattern, after in (
        (CAPITAL_HEADING, True),
        (TITLE_HEADING, True),
        (ACCESS, True),
        (CASE, True),
        (ITEM_LABEL, True),
    ):
        for match in pattern.finditer(text):
            cuts.add(match.start())
            if after:
                cuts.add(match.end())
    cuts.update(match.start() for match in FACT_LABEL.finditer(text))
    cuts.update(match.start() for match in EMPTY_CASE_LABEL.finditer(text))
    for match in NUMBERED.finditer(text):
        before = LAST_WORD.search(text, max(0, match.start() - LAST_WORD_REACH), match.start())
        if before and before.group(0).lower() in QUANTITY_WORDS:
            continue  # "… pr på 1. Kommunens samlede budget": a number inside a sentence
        cuts.add(match.start())
        cuts.discard(match.end())  # "2. Meddelelser": a heading word after a number is the item's title
    return _cut(text, cuts)


def _cut(text: str, cuts: set[int]) -> list[str]:
    bounds = [0, *sorted(cuts), len(text)]
    pieces = [text[start:end].strip() for start, end in itertools.pairwise(bounds)]
    return [piece for piece in pieces if piece]


def _contents_entries(lines: list[Line]) -> list[Line]:
    """The table of contents cut into its entries, which the transcript ran together: at each title
    that an item's own heading repeats further on (the words before a case number or an access
    marker that begin an entry), and else before a capitalised word that opens a title."""
    contents = [
        index
        for index, line in enumerate(lines)
        if line.text.rstrip(":").lower() in CONTENTS_HEADINGS or CONTENTS_PAGE_COLUMN.search(line.text)
    ]
    if not contents:
        return lines
    paged = CONTENTS_PAGE_COLUMN.search(lines[contents[0]].text) is not None
    start = contents[0] + 1
    end = start
    while end < len(lines) and lines[end].page == lines[contents[0]].page:
        end += 1
    listed = " ".join(line.text for line in lines[start:end])
    result = lines[:start]
    titles: list[str] = []
    for index in range(end, len(lines)):
        line = lines[index]
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        heads = ITEM_MARK.match(following) or following.rstrip(":").lower() in SECTION_KINDS
        found = _listed_tail(line.text, listed) if heads else None
        title = found[0] if found else None
        if title and title != line.text and not NUMBER_ONLY.match(line.text[: -len(title)]):
            result.append(Line(line.number, line.text[: -len(title)].strip(), line.level, line.page))
            result.append(Line(line.number, title, line.level, line.page))
        else:
            result.append(line)
        if found:
            titles.append(found[1])
    entries = [
        Line(line.number, entry, line.level, line.page)
        for line in lines[start:end]
        for entry in _entries(line.text, titles, paged)
    ]
    return result[:start] + entries + result[start:]


def _listed_tail(text: str, listed: str) -> tuple[str, str] | None:
    """The longest end of `text`, from a capitalised word on, that the contents lists as an entry
    (the heading may end in a full stop the contents leave out, or in a year or a word or two the
    contents cut off: "Realisering af besparelse på Trommens driftsbudget 2010"), with the words the
    contents list of it."""
    for word in re.finditer(r"\S+", text):
        if not word.group(0)[:1].isupper():
            continue
        tail = text[word.start() :]
        words = tail.rstrip(".").split()
        shortest = max(MIN_LISTED_WORDS, len(words) - MAX_UNLISTED_WORDS)
        for kept in range(len(words), min(shortest, len(words)) - 1, -1):
            if re.search(r"(?<!\S)" + r"\s+".join(map(re.escape, words[:kept])) + r"(?!\S)", listed):
                return tail, " ".join(words[:kept])
    return None


def _entries(text: str, titles: list[str], paged: bool) -> list[str]:
    """A contents line cut into entries: around the titles printed again as items' headings, and
    before each capitalised word that opens a title (not inside a name, not after a joining word)."""
    cuts: set[int] = set()
    kept: list[tuple[int, int]] = []
    labels = COLUMN_LABELS.match(text)  # "Punkter til dagsorden Side": the table's column labels
    if labels:
        cuts.add(labels.end())
        kept.append((0, labels.end()))
    for title in titles:
        for match in re.finditer(r"(?<!\S)(?:\d{1,3}\.\s+)?" + re.escape(title.rstrip(".")) + r"(?!\S)", text):
            cuts.update((match.start(), match.end()))
            kept.append(match.span())
    prefixes = [match.start() for match in ENTRY_PREFIX.finditer(text)]
    if len(prefixes) >= MIN_PREFIXED:
        cuts.update(prefixes)  # every entry opens with its committee's abbreviation: cut there only
    else:
        words = list(re.finditer(r"\S+", text))
        for previous, word, following in zip(words, words[1:], [*words[2:], None], strict=False):
            if any(start < word.start() < stop for start, stop in kept):
                continue
            if _opens_title(previous.group(0), word.group(0)) and not _names_municipality(word, following):
                cuts.add(word.start())
    for marker in CLOSED_MARK.finditer(text):
        cuts.update((marker.start(), marker.end()))
    for group in ITEM_GROUP.finditer(text):  # "Åbne beslutningssager": a group heading between entries
        cuts.update(group.span())
    cuts.update(leader.end() for leader in LEADER_END.finditer(text))  # "… Dallund Slot...ii Til behandling"
    for closing in CLOSING_PART.finditer(text):  # "Bilagsoversigt": the document's closing part
        cuts.update((closing.start(), closing.end()))
    if paged:  # "Meddelelser 2 Realisering af …": each entry's page number, printed without leaders
        for number in PAGE_NUMBER.finditer(text):
            cuts.update(number.span())
    pieces = _cut(text, cuts)
    return [piece for piece in pieces if not CLOSED_MARK.fullmatch(piece) and not (paged and piece.isdigit())]


def _names_municipality(word: re.Match[str], following: re.Match[str] | None) -> bool:
    """ "Ringsted Kommune", "Hørsholm Kommunes": a town's name before its municipality is inside a
    title, unless the town's name is a word that opens titles."""
    return (
        following is not None
        and following.group(0).rstrip(",.:") in MUNICIPALITY_WORDS
        and word.group(0) not in TITLE_OPENERS
    )


def _opens_title(previous: str, word: str) -> bool:
    """Whether `word` opens a new entry after `previous` in a run-together contents list."""
    if not TITLE_CASE_WORD.match(word) or previous.lower() in JOINING_WORDS or previous.endswith(("-", ",", ":")):
        return False
    if NUMBER_ONLY.match(previous):
        return False  # "89. Til efterretning": the entry's own number
    if previous.isupper() and previous.lower() not in LEGAL_FORMS:
        return False  # "TÅRNBYFORSYNING Vand A/S": a name in capitals goes on
    # "Vigersted Kildeplads" is a name going on; "Kildeplads Revideret parkeringsbekendtgørelse" is
    # a new title, as "Revideret" opens titles and is rarely capitalised inside one
    return not TITLE_CASE_WORD.match(previous) or word.rstrip(",.:") in TITLE_OPENERS
