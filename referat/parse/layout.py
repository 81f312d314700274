"""Find the agenda items of line-based minutes by their own layout: lines -> Layout.

This is a scorer over candidate structures, not a fixed convention. Every line that could start
an item is a candidate, tagged with the form that makes it one (its signature):
- `keyword`: "Punkt 3: Titel", "Pkt. 196", "Dagsordenspunkt 4 -", "Sag nr. 42" (the title may be
  the heading-like line just before it, or the line after);
- `numbered`: "3. Titel", "3) Titel", "201 Titel", "1.Titel", in the style the line has;
- `number-line`: "3." alone, with the title on the next line (PDF tables print them apart);
- `styled`: a heading-styled or bold line (HTML h2, a larger PDF font), unnumbered;
- `before-case`: a short line right above a case-number line ("Sagsnr.: 22/1005").
Candidates of one signature form a candidate structure. Numbered structures are chained by rising
numbers (dynamic programming), so that lists restarting at 1 inside items and contents lines with
the same numbers fall out. Each structure is scored by the evidence its units give: template
section headings and decision headings inside the unit, a case-number line at its start, and
units without content (a table of contents) count against. The best structure is the reading; its
evidence is kept as reasons for the reading report. Numbered "at"-points, bullets and contents
entries are never candidates. A document whose best structure is empty but that has sections is
one item (a portal's page per item).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate, pairwise

from referat.extract.lines import Line
from referat.parse.blocks import ItemBlock
from referat.parse.case_numbers import is_case_number_line
from referat.parse.headings import heading_key, known_heading, looks_like_heading
from referat.parse.toc import TOC_ENTRY, contents_end, find_toc_start, is_toc_entry
from referat.vocab import (
    CASE_LABELS,
    CLOSED_WORDS,
    DOCUMENT_END_HEADINGS,
    FACT_LABELS,
    OPEN_WORDS,
)

# "Punkt 1: Modeller for borgerinddragelse", "Pkt. 196", "Dagsordenspunkt 4 - Budget", "Sag nr. 180",
# "Nr.60 - Godkendelse af dagsordenen", "Punkt: 65" (the title below a block of labels)
KEYWORD_START = re.compile(
    r"^(?:Punkt|Pkt\.?|Dagsordens?punkt|Dagsordenpunkt|Sag\s+nr\.?|Sag|Nr\.?)\s*(?:nr\.?\s*|:\s*)?(?P<number>\d{1,4})"
    r"(?![\d/.,-]\d)\s*(?:[:.)\-–]\s*|\s+|$)(?P<title>.*)$",
    re.I,
)
# "1. Godkendelse af dagsorden", "201 Godkendelse", "3) Budget", "1.Title (C)", "62.\tBudget", and the
# number run into its title where a page printed them in two elements: "38Godkendelse af dagsorden"
NUMBERED_START = re.compile(r"^(?P<number>\d{1,4})(?:\s*[.)]\s*|\s+|(?=[A-ZÆØÅ][a-zæøå]))(?P<title>\S.*)$")
# A case line that opens an item printed without a title: "Sagsid.: 18/3241", "Sagsnr.: 22/131",
# "Sagsid.:" (a closed item's number left out)
CASE_LINE_START = re.compile(r"^" + CASE_LABELS + r"\.?\s*:?\s*(?:[\w.\-/]*\d[\w.\-/]*)?(?:,.*)?$", re.I)
# "• 3": a bullet before a number alone, the title on the next line
BULLETED_NUMBER = re.compile(r"^[•\-–]\s+(?=\d{1,4}\s*[.)]?$)")
# "3." alone on its line, the title on the next
NUMBER_LINE = re.compile(r"^(?P<number>\d{1,4})\s*[.)]?$")
# A number's title that is really a date, an amount or an "at"-point: "12. oktober 2016", "1. at …"
NOT_A_TITLE = re.compile(
    r"^(?:at\s|og\s|(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\w*\.?\s+\d{4}|mio\.|kr\.|%|[-–]\s*\d)", re.I
)
# A member in a numbered list of those present: "Anne Holm (A)", "Borgmester Ib Berg (V)"
MEMBER = re.compile(r"^[A-ZÆØÅ][\w.'-]+(?:\s+[A-ZÆØÅ][\w.'-]+){1,5},?\s*\([A-ZÆØÅ]{1,3}\)$")
# "Lukkede punkter", "Lukket dagsorden" / "Åbne dagsordenspunkter": items after it are closed / open.
# "Lukkede punkter", "Åbne beslutningssager", "ÅBNE EFTERRETNINGSSAGER": a group of items
CLOSED_GROUP = re.compile(r"^(?:lukkede?\s+(?:\w*punkter|\w*sager|dagsorden)|lukket\s+dagsorden)\s*:?$", re.I)
OPEN_GROUP = re.compile(r"^(?:åbne?\s+(?:\w*punkter|\w*sager|dagsorden)|åben\s+dagsorden)\s*:?$", re.I)
CLOSED_TITLE = re.compile(
    r"^(?:lukket(?:\s+(?:punkt|sag))?\s*[:\-–]|\(lukket\))|[-–(]\s*lukket(?:\s+(?:punkt|sag))?\s*\)?\s*$"
    r"|^lukket(?:\s+(?:punkt|sag))?$",  # "6. Lukket punkt": a closed item's only title
    re.I,
)
LABELLED_NUMBER = re.compile(r"^\w+\.?\s*:\s*\d{1,4}$")  # "Punkt: 65"
# A labelled field ("Journalnr.: S01", "Sagsforløb:") or a value left dangling ("KFU -")
FIELD_LINE = re.compile(r"^[^:]{2,40}:(?:\s|$)|^\S{1,12}\s+[-–]$")
FIELD_BLOCK = 16  # lines from an item's number to the title below its fields
MIN_FIELDS = 2
TITLE_REACH = 6  # lines up from a case line to the title above it, empty ones included
MARKER_LINES = 3  # "Åbent punkt", "Lukket sag" printed within the first lines of an item
PAGE_HEAD_LINES = 3  # a running head (body, date) above a closing part at the top of its page
GROUP_REACH = 3  # a group heading belongs to the item whose heading is at most this many lines below it
MAX_TITLE_LENGTH = 250
MAX_NUMBER_STEP = 10
MAX_NUMBER_JUMP = 200
JUMP_PENALTY = 1.5
EMPTY_UNIT = -3.0
KEYWORD_BONUS = 0.5
UNTITLED_PENALTY = 0.1
# Sections printed after an item's decision: they end the item, never start the next one.
FOLLOWING_KINDS = {"absence", "attachments", "protocol_note"}


@dataclass(frozen=True)
class Candidate:
    """A line that could start an item, and how."""

    index: int  # the item's first line
    number: int | None
    title: str
    signature: str
    body: int  # the first line of the item's text, after its heading and title lines
    styled: bool


@dataclass(frozen=True)
class Layout:
    header: list[Line]
    blocks: list[ItemBlock]
    reading: str  # the structure chosen, e.g. "numbered headings (h2), 8 items"
    reasons: list[str] = field(default_factory=list)
    kind: str = "none"  # the structure's kind (ReadingReport.layout), e.g. "keyword"


@dataclass(frozen=True)
class _Evidence:
    """Per-line evidence as prefix sums, so any unit's evidence is found in constant time."""

    sections: list[int]
    decisions: list[int]
    content: list[int]
    cases: list[bool]
    section_styles: frozenset[str]  # the styles known section headings are printed in: not an item's
    end: int  # the number of lines: a unit ending here is the document's last

    @classmethod
    def of(cls, lines: list[Line]) -> _Evidence:
        sections, decisions, styles = [], [], set()
        for line in lines:
            heading = known_heading(line.text) if len(line.text) < 200 else None
            decisions.append(int(heading is not None and heading.kind == "decision" and not heading.committee_line))
            sections.append(int(heading is not None and heading.kind != "decision"))
            if heading is not None and _style(line):
                styles.add(_style(line))
        content = [int(bool(line.text) and not is_toc_entry(line.text)) for line in lines]
        return cls(
            [0, *accumulate(sections)],
            [0, *accumulate(decisions)],
            [0, *accumulate(content)],
            [is_case_number_line(line.text) for line in lines],
            frozenset(styles),
            len(lines),
        )

    def count(self, sums: list[int], start: int, end: int) -> int:
        return sums[end] - sums[start]


def find_layout(lines: list[Line]) -> Layout:
    """The reading of the document's items that its evidence supports best."""
    evidence = _Evidence.of(lines)
    structures: dict[str, list[Candidate]] = {}
    for candidate in _without_contents_entries(list(_candidates(lines, evidence)), lines, evidence):
        structures.setdefault(candidate.signature, []).append(candidate)
    best: tuple[float, str, list[Candidate]] = (0.0, "", [])
    for signature, candidates in structures.items():
        chosen, score = _best_structure(candidates, evidence, len(lines))
        if chosen and score > best[0]:
            best = (score, signature, chosen)
    score, signature, starts = best
    if not starts:
        starts = _section_cycles(lines)
        if len(starts) < 2:
            return _single_item(lines, evidence)
        signature, score = "section-cycle", 0.0
    blocks = _blocks(lines, starts)
    reasons = _reasons(starts, evidence, len(lines), score)
    header_end = _first_index(lines, blocks[0].lines[0], starts[0].index) if blocks[0].lines else starts[0].index
    listed = _listed_under_contents(lines[:header_end], blocks) or _listed_only(lines[:header_end], blocks)
    if listed:
        reasons.append(f"{len(listed)} items only in the table of contents (their text is not in the document)")
        # numbered items in their order; unnumbered ones (the contents lost their numbers) as listed
        blocks = sorted(blocks + listed, key=lambda block: (block.number is None, block.number or 0))
    reading = f"{_describe(signature)}, {len(blocks)} items"
    return Layout(lines[:header_end], blocks, reading, reasons, signature.partition("(")[0])


def _without_contents_entries(candidates: list[Candidate], lines: list[Line], evidence: _Evidence) -> list[Candidate]:
    """Numbered lines under a contents heading (on its page, in a paged text) with nothing of an item
    under them, that the same or a lower number follows later (a transcript's entries without
    page numbers, "93. Egebjerg Kommunes årsberetning … 101. Budget"; a web page's list of its items
    above the items it prints): no items."""
    toc = find_toc_start(lines)
    if toc is None:
        return candidates
    page = lines[toc].page
    if all(line.page == page for line in lines):
        page = None  # one page, or no pages: the contents' entries are known by their run
    run = _listed_run(candidates, toc, lines) if page is None else set()
    kept: list[Candidate] = []
    lowest_after: int | None = None
    following = len(lines)
    for candidate in reversed(candidates):
        number = candidate.number
        listed = lines[candidate.index].page == page if page is not None else candidate.index in run
        entry = (
            candidate.index > toc
            and listed
            and not evidence.count(evidence.sections, candidate.body, following)
            and not evidence.count(evidence.decisions, candidate.body, following)
        )
        following = candidate.index
        if not (entry and number is not None and lowest_after is not None and lowest_after <= number):
            kept.append(candidate)
        if number is not None:
            lowest_after = number if lowest_after is None else min(lowest_after, number)
    return kept[::-1]


def _listed_run(candidates: list[Candidate], toc: int, lines: list[Line]) -> set[int]:
    """The lines of the candidates that follow a contents heading one after another, with only blank
    lines between: the contents' entries, in a text without pages."""
    run: set[int] = set()
    last = toc
    for candidate in candidates:
        if candidate.index <= toc:
            continue
        if any(lines[between].text for between in range(last + 1, candidate.index)):
            break
        run.add(candidate.index)
        last = candidate.index
    return run


def _first_index(lines: list[Line], first: Line, start: int) -> int:
    """Where an item's first line is (a case line may stand above its heading at `start`): found by
    identity, as lines cut from one source line share its number."""
    return next((index for index in range(start, -1, -1) if lines[index] is first), start)


# --- candidates ----------------------------------------------------------------------------------


def _candidates(lines: list[Line], evidence: _Evidence) -> Iterable[Candidate]:
    for index, line in enumerate(lines):
        text = BULLETED_NUMBER.sub("", line.text.replace("\t", " ").strip())
        if not text or len(text) > MAX_TITLE_LENGTH or is_toc_entry(line.text) or text.startswith(("- ", "• ")):
            continue
        style = _style(line)
        keyword = KEYWORD_START.match(text)
        if keyword and _is_sentence(keyword.group("title")):
            continue  # "Sag 13 samt bilag til sag 2 og 3 var eftersendt."
        if keyword and LABELLED_NUMBER.match(text) and _under_field(lines, index):
            continue  # "Dato: 12.03.2024" / "Punkt: 7": an earlier treatment in a case history
        if keyword:
            yield _keyword_candidate(lines, index, int(keyword.group("number")), keyword.group("title"), style)
            continue
        number_line = NUMBER_LINE.match(text)
        if number_line:
            title_index = _next_text(lines, index)
            if title_index is not None and _is_title(lines[title_index].text):
                title = lines[title_index].text.strip()
                yield Candidate(
                    index, int(number_line.group("number")), title, "number-line", title_index + 1, bool(style)
                )
            continue
        numbered = NUMBERED_START.match(text)
        if numbered and _is_title(numbered.group("title")) and not _continues_sentence(lines, index, text):
            number, title = int(numbered.group("number")), numbered.group("title").strip()
            yield Candidate(index, number, title, f"numbered{style}", _after_title(lines, index, title), bool(style))
            continue
        if CASE_LINE_START.match(text) and not _titled_above(lines, index):
            yield Candidate(index, None, "", "case-line", index, False)
            continue
        # Unnumbered: a heading-styled line, or a short line right above a case-number line. Items
        # are headed above their sections, so a line styled as the section headings is no item.
        following = _next_text(lines, index)
        above_case = following is not None and following - index <= 2 and evidence.cases[following]
        styled = bool(style) and style not in evidence.section_styles
        if not (styled or above_case) or not _is_title(text) or known_heading(text) or _is_fact_label(text):
            continue
        if styled:
            yield Candidate(index, None, text, f"styled{style}", _after_title(lines, index, text), True)
        if above_case and looks_like_heading(line):
            yield Candidate(index, None, text, "before-case", index + 1, bool(style))


def _is_sentence(title: str) -> bool:
    """Words after an item word that go on as a sentence, lower-case and closed by a full stop."""
    stripped = title.strip()
    return stripped[:1].islower() and stripped.endswith(".")


def _continues_sentence(lines: list[Line], index: int, text: str) -> bool:
    """A numbered point of the sentence above on its page ("Direktionen indstiller, at" / "1. Byrådet
    hjemtager …"), or a case number ("00.34.00-S00-2-14"): not an item's heading."""
    if is_case_number_line(text):
        return True
    above = _previous_text(lines, index, within=2)
    return (
        above is not None
        and lines[above].page == lines[index].page  # a sentence does not go on over a page's head
        and lines[above].text.rstrip().endswith((":", ",", " at"))
    )


def _titled_above(lines: list[Line], index: int) -> bool:
    """A title printed just above a case line (empty paragraphs may stand between): the item is
    headed by the title, not the case line."""
    above = _previous_text(lines, index, within=TITLE_REACH)
    return (
        above is not None
        and looks_like_heading(lines[above])
        and not lines[above].text.rstrip().endswith(":")
        and _is_title(lines[above].text)
        and not known_heading(lines[above].text)
        and not _is_fact_label(lines[above].text)
    )


def _keyword_candidate(lines: list[Line], index: int, number: int, title: str, style: str) -> Candidate:
    """ "Punkt 3: Titel"; a bare "Pkt. 196" or "Sag nr. 42" takes its title from a heading just
    below it, or else from the heading just above it (printed before the number), or the next line."""
    title = title.strip(" :.-–")
    if title:
        return Candidate(index, number, title, "keyword", _after_title(lines, index, title), True)
    under_fields = _title_under_fields(lines, index)
    if under_fields is not None:
        return Candidate(index, number, lines[under_fields].text.strip(), "keyword", index + 1, True)
    below = _next_text(lines, index)
    if below is not None and _style(lines[below]) and _is_title(lines[below].text):
        return Candidate(index, number, lines[below].text.strip(), "keyword", below + 1, True)
    above = _previous_text(lines, index)
    # "Meddelelser" above "Sag nr. 180" is the item's title, though it is a section word too.
    if (
        above is not None
        and index - above <= 2
        and _is_title(lines[above].text)
        and (_style(lines[above]) or (looks_like_heading(lines[above]) and not known_heading(lines[above].text)))
    ):
        return Candidate(above, number, _without_keyword(lines[above].text, number), "keyword", index + 1, True)
    if below is not None and _is_title(lines[below].text) and not known_heading(lines[below].text):
        return Candidate(index, number, lines[below].text.strip(), "keyword", below + 1, True)
    return Candidate(index, number, "", "keyword", index + 1, bool(style))


def _under_field(lines: list[Line], index: int) -> bool:
    above = _previous_text(lines, index, within=2)
    return above is not None and FIELD_LINE.match(lines[above].text.strip()) is not None


def _without_keyword(text: str, number: int) -> str:
    """A title printed above its item's number that repeats the number: "Pkt. 1 Godkendelse af referat"."""
    keyword = KEYWORD_START.match(text.strip())
    if keyword and int(keyword.group("number")) == number and keyword.group("title").strip():
        return keyword.group("title").strip(" :.-–")
    return text.strip()


def _title_under_fields(lines: list[Line], index: int) -> int | None:
    """ "Punkt: 65" / "Sagsnr.: 09/17527" / "Sagsforløb:" / "Åben sag" / "Sagsbehandler: Ib Holm" /
    "Realisering af besparelse": the title printed below a block of the case's labelled fields."""
    fields = 0
    for later in range(index + 1, min(len(lines), index + 1 + FIELD_BLOCK)):
        text = lines[later].text.strip()
        if not text:
            continue
        if FIELD_LINE.match(text) or is_case_number_line(text) or _is_marker(text):
            fields += 1
            continue
        return later if fields >= MIN_FIELDS and _is_title(text) else None
    return None


def _style(line: Line) -> str:
    """ "(h2)", "(bold)" or "" — lines of one style are one candidate structure."""
    if line.level:
        return f"(h{line.level})"
    return "(bold)" if line.bold else ""


def _is_title(text: str) -> bool:
    text = text.strip()
    return (
        0 < len(text) <= MAX_TITLE_LENGTH
        and any(char.isalpha() for char in text)
        and not NOT_A_TITLE.match(text)
        and not MEMBER.match(text)
        and not is_case_number_line(text)
    )


def _is_fact_label(text: str) -> bool:
    return text.strip().rstrip(":").strip().lower() in FACT_LABELS


def _next_text(lines: list[Line], index: int, within: int = 3) -> int | None:
    for later in range(index + 1, min(len(lines), index + 1 + within)):
        if lines[later].text:
            return later
    return None


def _previous_text(lines: list[Line], index: int, within: int = 3) -> int | None:
    for earlier in range(index - 1, max(-1, index - 1 - within), -1):
        if lines[earlier].text:
            return earlier
    return None


def _wrapped_title(lines: list[Line], index: int, title: str) -> tuple[str, int]:
    """A title wrapped onto the next line by the page ("… Boliger ved Skovvejen," / "fremlæggelse"),
    and the index of the line after it."""
    title = title.strip()
    following = index + 1
    while (
        following < len(lines)
        and lines[following].text[:1].islower()
        and not title.endswith((".", ":"))
        and len(title) < MAX_TITLE_LENGTH
    ):
        title = f"{title} {lines[following].text.strip()}"
        following += 1
    return title, following


def _after_title(lines: list[Line], index: int, title: str) -> int:
    """The first body line: past a title printed a second time just below the heading."""
    following = _next_text(lines, index)
    if following is not None and _same_title(lines[following].text, title):
        return following + 1
    return index + 1


def _same_title(text: str, title: str) -> bool:
    plain = NUMBERED_START.match(text.strip())
    candidate = plain.group("title") if plain else text
    return " ".join(candidate.split()).lower() == " ".join(title.split()).lower()


# --- choosing a structure ------------------------------------------------------------------------


def _best_structure(candidates: list[Candidate], evidence: _Evidence, end: int) -> tuple[list[Candidate], float]:
    candidates = _distinct_titles(candidates)
    numbered = sum(c.number is not None for c in candidates)
    if numbered * 2 >= len(candidates) and numbered:
        chain, score = _chain([c for c in candidates if c.number is not None], evidence, end)
    else:
        chain, score = _all_with_content([c for c in candidates if c.number is None], evidence, end)
    # An item word ("Punkt 3", "Sag nr. 42") says more than a style does; a reading with titles more
    # than one of case lines alone.
    signature = chain[0].signature if chain else ""
    bonus = KEYWORD_BONUS if signature == "keyword" else -UNTITLED_PENALTY if signature == "case-line" else 0.0
    return chain, score + bonus * len(chain)


def _distinct_titles(candidates: list[Candidate]) -> list[Candidate]:
    """An agenda's items have titles of their own: an unnumbered line that recurs ("Økonomi") is a
    heading of the template, not an item."""
    counts = Counter(" ".join(c.title.lower().split()) for c in candidates if c.number is None)
    return [
        c for c in candidates if c.number is not None or not c.title or counts[" ".join(c.title.lower().split())] == 1
    ]


def _chain(candidates: list[Candidate], evidence: _Evidence, end: int) -> tuple[list[Candidate], float]:
    """The chain of rising numbers whose units carry the most evidence."""
    best: list[float] = []
    previous: list[int | None] = []
    twins = _twins(candidates)

    def unit(j: int, stop: int) -> float:
        # A line whose item is printed again before its unit ends is a contents entry.
        twin = twins[j]
        return EMPTY_UNIT if twin is not None and twin < stop else _unit_score(candidates[j], stop, evidence)

    for k, candidate in enumerate(candidates):
        score, link = _START_BONUS, None
        for j in range(k):
            before = candidates[j]
            assert before.number is not None and candidate.number is not None
            step = candidate.number - before.number
            if not 0 < step <= MAX_NUMBER_JUMP or candidate.index <= before.index:
                continue
            # Closed items are often numbered apart ("101"); other jumps are unlikely.
            jump = 0.0 if step <= MAX_NUMBER_STEP or CLOSED_TITLE.search(candidate.title) else JUMP_PENALTY
            value = best[j] + unit(j, candidate.index) + (0.5 if step == 1 else 0.0) - jump
            if value > score:
                score, link = value, j
        best.append(score)
        previous.append(link)
    if not best:
        return [], 0.0
    totals = [score + unit(k, end) for k, score in enumerate(best)]
    last = max(range(len(totals)), key=totals.__getitem__)
    chain: list[Candidate] = []
    cursor: int | None = last
    while cursor is not None:
        chain.append(candidates[cursor])
        cursor = previous[cursor]
    return chain[::-1], totals[last]


_START_BONUS = 0.5


def _twins(candidates: list[Candidate]) -> list[int | None]:
    """For each candidate, the line of a later candidate with its number and title, if any."""
    later: dict[tuple[int | None, str], int] = {}
    twins: list[int | None] = [None] * len(candidates)
    for k in range(len(candidates) - 1, -1, -1):
        key = (candidates[k].number, " ".join(candidates[k].title.lower().split()))
        twins[k] = later.get(key)
        later[key] = candidates[k].index
    return twins


def _all_with_content(candidates: list[Candidate], evidence: _Evidence, end: int) -> tuple[list[Candidate], float]:
    """Unnumbered starts: all of them, less those that begin a unit without content."""
    kept = list(candidates)
    while kept:
        ends = [c.index for c in kept[1:]] + [end]
        empty = [c for c, stop in zip(kept, ends, strict=True) if _content(c, stop, evidence) == 0]
        if not empty:
            break
        kept = [c for c in kept if c not in empty]
    if not kept:
        return [], 0.0
    ends = [c.index for c in kept[1:]] + [end]
    return kept, sum(_unit_score(c, stop, evidence) for c, stop in zip(kept, ends, strict=True))


def _content(candidate: Candidate, end: int, evidence: _Evidence) -> int:
    return evidence.count(evidence.content, candidate.body, end) if end > candidate.body else 0


def _unit_score(candidate: Candidate, end: int, evidence: _Evidence) -> float:
    """What the unit from this start to the next says about it being an agenda item."""
    if _content(candidate, end, evidence) == 0:
        # A contents line has no text below it; a closed item, one named "Punkt 3", or the last
        # heading of a page cut short may have none either.
        kept = candidate.signature == "keyword" or CLOSED_TITLE.search(candidate.title) or end == evidence.end
        return 0.0 if kept else EMPTY_UNIT
    start = candidate.body
    sections = evidence.count(evidence.sections, start, end)
    decisions = evidence.count(evidence.decisions, start, end)
    score = min(sections, 3) * 0.7 + (1.5 if decisions else 0.0) + (0.3 if candidate.styled else 0.0)
    near = [i for i in range(max(0, candidate.index - 2), min(end, start + 4)) if evidence.cases[i]]
    score += 1.0 if near else 0.0
    return score if sections or decisions or near else score - 0.5


# --- blocks --------------------------------------------------------------------------------------


def _blocks(lines: list[Line], starts: list[Candidate]) -> list[ItemBlock]:
    # "00.22.04-A00-1-16" printed above "1." and the title belongs to the item below it.
    firsts = [
        case
        if (case := _case_line_before(lines, c.index, previous.index + 1 if previous else 0)) is not None
        else c.index
        for previous, c in zip([None, *starts[:-1]], starts, strict=True)
    ]
    ends = [*firsts[1:], _document_end(lines, starts[-1].body)]
    listed_closed = _closed_in_contents(lines[: firsts[0]])
    closed_group = False
    blocks = []
    for candidate, first, end in zip(starts, firsts, ends, strict=True):
        above = [line for line in lines[max(0, first - 4 * GROUP_REACH) : first] if line.text][-GROUP_REACH:]
        closed_group = _group_state(above, closed_group)
        body = _without_trailing_markers(lines[candidate.body : end])
        if first < candidate.index:
            body = [lines[first], *body]
        public = not (
            closed_group
            or CLOSED_TITLE.search(candidate.title)
            or _closed_marker(body)
            or candidate.number in listed_closed
        )
        blocks.append(ItemBlock(candidate.number, candidate.title, public, lines[candidate.index], body))
    return blocks


def _without_trailing_markers(body: list[Line]) -> list[Line]:
    """ "Åbent punkt" / "Lukket punkt" printed above the next item belongs to it, not to this one."""
    end = len(body)
    while end and (not body[end - 1].text or _is_marker(body[end - 1].text)):
        end -= 1
    return body[:end] if end < len(body) and any(_is_marker(line.text) for line in body[end:]) else body


def _is_marker(text: str) -> bool:
    """ "Åbent punkt", "Lukket", or a group heading "Lukkede dagsordenspunkter"."""
    stripped = text.strip()
    return stripped.rstrip(".:").lower() in (*CLOSED_WORDS, *OPEN_WORDS) or bool(
        CLOSED_GROUP.match(stripped) or OPEN_GROUP.match(stripped)
    )


def _document_end(lines: list[Line], start: int) -> int:
    """Where the last item ends: at the document's own closing parts ("Bilagsliste", "Underskriftsblad"),
    from the top of their page when a page opens with them (a signature page's own date line)."""
    for index in range(start, len(lines)):
        if lines[index].text.strip().rstrip(":. ").lower() in DOCUMENT_END_HEADINGS:
            return _page_top(lines, index, start)
    return len(lines)


def _page_top(lines: list[Line], index: int, floor: int) -> int:
    """The first line of the page that `index` is on, when only a few short lines stand above it there."""
    page = lines[index].page
    top = index
    while page is not None and top > floor and lines[top - 1].page == page:
        top -= 1
    above = [line for line in lines[top:index] if line.text]
    return top if len(above) <= PAGE_HEAD_LINES and all(len(line.text) <= 80 for line in above) else index


def _case_line_before(lines: list[Line], index: int, floor: int) -> int | None:
    """A case-number line just above an item's heading, when the item has none of its own below it
    (else it ends the item above, as "21-1-00.22.00-P35" under an item without text does)."""
    earlier = _previous_text(lines, index)
    if earlier is None or earlier < floor or not is_case_number_line(lines[earlier].text):
        return None
    below = [line for line in lines[index + 1 : index + 8] if line.text][:MARKER_LINES]
    return None if any(is_case_number_line(line.text) for line in below) else earlier


def _group_state(lines: list[Line], closed: bool) -> bool:
    """Whether an item is in a "Lukkede punkter" group: a group heading just above it opens one, but
    not a group heading of the table of contents, which has its entries below it."""
    state = closed
    for line in lines:
        text = line.text.replace("\t", " ").strip().lstrip("-• ").strip()
        if CLOSED_GROUP.match(text):
            state = True
        elif OPEN_GROUP.match(text):
            state = False
        elif NUMBERED_START.match(text) or is_toc_entry(line.text):
            state = closed  # a contents entry: the heading above it grouped the contents
    return state


def _closed_marker(body: list[Line]) -> bool:
    """ "Lukket" alone, or closing a case line ("Sagsid.: 14/40 … Lukket sag"), near the item's start."""
    for line in [line for line in body if line.text][:MARKER_LINES]:
        tail = line.text.replace("\t", " ").strip().rstrip(".").lower()
        if any(word in tail.split() for word in ("åbent", "åben")) and "lukket" in tail.split():
            continue  # a table's head "Behandling  Mødedato  Åbent punkt  Lukket punkt"
        if any(tail == word or tail.endswith(" " + word) or tail.startswith(word + " - ") for word in CLOSED_WORDS):
            return True
        if any(tail == word or tail.endswith(" " + word) for word in OPEN_WORDS):
            return False
    return False


def _closed_in_contents(header: list[Line]) -> set[int]:
    """Numbers a table of contents lists under a "Lukkede punkter" heading."""
    closed, numbers = False, set()
    for line in header:
        text = line.text.replace("\t", " ").strip().lstrip("-• ").strip()
        if CLOSED_GROUP.match(text):
            closed = True
        elif OPEN_GROUP.match(text):
            closed = False
        elif closed and (numbered := NUMBERED_START.match(text)):
            numbers.add(int(numbered.group("number")))
    return numbers


def _single_item(lines: list[Line], evidence: _Evidence) -> Layout:
    """A page that holds one item: its title is the last heading before the first section."""
    first_section = next(
        (
            i
            for i in range(len(lines))
            if evidence.sections[i + 1] > evidence.sections[i] or evidence.decisions[i + 1] > evidence.decisions[i]
        ),
        None,
    )
    if first_section is None:
        listed = _contents_only(lines)
        if listed:
            reason = "the text is cut short in or after its table of contents, which lists its items"
            return Layout(
                lines, listed, f"items only in the table of contents, {len(listed)} items", [reason], "contents"
            )
        return Layout(lines, [], "no agenda items", ["no repeating item headings and no section headings"])
    # the line a case number is printed under, else the last heading-like line
    above_case = [_previous_text(lines, i, 2) for i in range(first_section) if evidence.cases[i]]
    title_index = next(
        (
            i
            for i in [*(above for above in above_case if above is not None), *range(first_section - 1, -1, -1)]
            if lines[i].text
            and (lines[i].level or lines[i].bold or looks_like_heading(lines[i]))
            and not known_heading(lines[i].text)
            and not evidence.cases[i]
            and not _is_fact_label(lines[i].text)
        ),
        None,
    )
    if title_index is None:
        return Layout(lines, [], "no agenda items", ["sections without an item heading before them"])
    text = lines[title_index].text.strip()
    keyword = KEYWORD_START.match(text) or NUMBERED_START.match(text)
    number = int(keyword.group("number")) if keyword else None
    title = keyword.group("title").strip(" :.-–") if keyword and keyword.group("title").strip() else text
    block = ItemBlock(number, title, not CLOSED_TITLE.search(title), lines[title_index], lines[title_index + 1 :])
    return Layout(lines[:title_index], [block], "one item (a page per item)", [f"item heading: {text!r}"], "single")


def _listed_only(header: list[Line], blocks: list[ItemBlock]) -> list[ItemBlock]:
    """Items that the table of contents lists and the text never prints: a page cut short, closed
    items left out. Each keeps its number and title; nothing else is read. A numbered list in the
    header is the contents only when it also lists an item the text prints, under a like title
    (a list of members, "1. Overborgmester …", is not)."""
    if not blocks or any(block.number is None for block in blocks):
        return []
    printed = {block.number: block.title for block in blocks}
    entries: dict[int, tuple[str, Line]] = {}
    for line in header:
        number, title = _contents_entry(line)
        if number is not None and _is_title(title) and number not in entries:
            entries[number] = (title, line)
    run = list(entries.items())
    matched = [k for k, (number, (title, _)) in enumerate(run) if _alike(title, printed.get(number))]
    if not matched:
        return []
    # The contents is the run of entries around the matched ones whose numbers rise in small steps.
    first, last = matched[0], matched[-1]
    while first > 0 and 0 < run[first][0] - run[first - 1][0] <= MAX_NUMBER_STEP:
        first -= 1
    while last + 1 < len(run) and 0 < run[last + 1][0] - run[last][0] <= MAX_NUMBER_STEP:
        last += 1
    return [
        ItemBlock(number, title, not CLOSED_TITLE.search(title), line, [])
        for number, (title, line) in run[first : last + 1]
        if number not in printed
    ]


def _contents_only(lines: list[Line]) -> list[ItemBlock]:
    """The items a table of contents lists, where the text prints none of them (a PDF copy cut off
    after its first pages): each keeps its number and title; nothing else is read."""
    start = find_toc_start(lines)
    if start is None:
        return []
    entries = _contents_entries(lines[start + 1 : contents_end(lines, start)])
    return [ItemBlock(number, title, not CLOSED_TITLE.search(title), line, []) for number, title, line in entries]


def _contents_entries(lines: list[Line]) -> list[tuple[int | None, str, Line]]:
    """The entries of a table of contents' lines, without its column labels, closing parts and markers."""
    entries: list[tuple[int | None, str, Line]] = []
    for line in lines:
        number, title = _contents_entry(line)
        if (
            _is_title(title)
            and not _is_column_labels(title)
            and not title.lower().startswith(DOCUMENT_END_HEADINGS)
            and not title[:1].islower()  # the rest of the entry above, wrapped
            and not _is_marker(title)
        ):
            entries.append((number, title, line))
    return entries


def _listed_under_contents(header: list[Line], blocks: list[ItemBlock]) -> list[ItemBlock]:
    """Entries under a contents heading ("Indholdsfortegnelse") after the last one a printed item
    repeats, numbered or not (a transcript may lose the numbers): the items of a text cut short."""
    start = find_toc_start(header)
    if start is None or not blocks:
        return []
    entries = _contents_entries(header[start + 1 : contents_end(header, start)])
    # every entry is compared with every printed title: fold each once, not once a comparison
    printed = {_folded(block.title) for block in blocks}
    matched = [k for k, (_, title, _) in enumerate(entries) if _folded_alike(_folded(title), printed)]
    if not matched:
        return []
    # the entries after the last one printed: where the text was cut short
    return [
        ItemBlock(number, title, not CLOSED_TITLE.search(title), line, [])
        for number, title, line in entries[matched[-1] + 1 :]
    ]


def _contents_entry(line: Line) -> tuple[int | None, str]:
    """A contents line's number (None when it prints none) and title, without its page number."""
    entry = TOC_ENTRY.match(line.text) if is_toc_entry(line.text) else None
    text = (entry.group("title").rstrip(" .…") if entry else line.text).replace("\t", " ").strip()
    numbered = KEYWORD_START.match(text) or NUMBERED_START.match(text)
    return (int(numbered.group("number")), numbered.group("title").strip(" .:-–")) if numbered else (None, text)


def _is_column_labels(text: str) -> bool:
    """ "Punkter til dagsorden Side", "Sag nr. Side": the contents table's row of column labels."""
    return text.lower().endswith(("side", "sidenr.", "side nr."))


def _alike(title: str, other: str | None) -> bool:
    return other is not None and _folded_alike(_folded(title), {_folded(other)})


def _folded_alike(folded: str, others: set[str]) -> bool:
    """One folded title the same as, or the start of, or starting with one of the others."""
    return any(folded.startswith(other) or other.startswith(folded) for other in others)


def _folded(title: str) -> str:
    return " ".join(title.lower().split())


def _section_cycles(lines: list[Line]) -> list[Candidate]:
    """Items printed without any heading of their own ("Sagsfremstilling … Indstilling … Beslutning
    … Bilag", then "Resume …" again): an item starts where the document's cycle of section headings
    starts over, at a kind of heading already seen in the item or the first one after a decision.
    Headings that follow a decision (absence, attachments, notes) never start one, nor does a
    second decision heading (earlier bodies' decisions are printed in a row). A heading-shaped line
    that recurs counts as a heading of its own kind ("Offentlig beslutning …")."""
    recurring = Counter(heading_key(line.text) for line in lines if looks_like_heading(line))
    starts: list[Candidate] = []
    seen: set[str] = set()
    after_decision = False
    for index, line in enumerate(lines):
        if not line.text or len(line.text) > MAX_TITLE_LENGTH:
            continue
        heading = known_heading(line.text)
        key = heading_key(line.text)
        if heading is not None and heading.committee_line:
            continue
        if heading is None and not (recurring[key] >= 2 and looks_like_heading(line) and not _is_fact_label(key)):
            continue
        # A decision heading printed again word for word is the next item's; another body's or
        # date's continues the item's chain of decisions.
        kind = heading.kind if heading else f"recurring:{key}"
        kind = f"decision:{key}" if kind == "decision" else kind
        if kind in FOLLOWING_KINDS:
            continue
        decision = kind.startswith("decision:")
        if not seen or kind in seen or (after_decision and not decision):
            starts.append(Candidate(index, None, "", "section-cycle", index, False))
            seen, after_decision = set(), False
        seen.add(kind)
        after_decision = after_decision or decision
    return starts[:1] if _treatments_of_one_case(lines, starts) else starts


def _treatments_of_one_case(lines: list[Line], starts: list[Candidate]) -> bool:
    """Cycles whose decision headings each name another date ("Beslutning Kommunalbestyrelsen den
    27-11-2025", then "… den 11-12-2025"): one case treated at successive meetings, not many items."""
    if len(starts) < 2:
        return False
    ends = [start.index for start in starts[1:]] + [len(lines)]
    dates: list[str | None] = []
    for start, end in zip(starts, ends, strict=True):
        headings = [known_heading(line.text) for line in lines[start.index : end] if len(line.text) < MAX_TITLE_LENGTH]
        decisions = [h for h in headings if h is not None and h.kind == "decision"]
        if decisions:  # a cycle of the case's text alone, with no decision, belongs to it too
            dates.append(decisions[0].date)
    return len(dates) > 1 and None not in dates and len(set(dates)) == len(dates)


def _reasons(starts: list[Candidate], evidence: _Evidence, end: int, score: float) -> list[str]:
    ends = [c.index for c in starts[1:]] + [end]
    with_sections = sum(bool(evidence.count(evidence.sections, c.body, e)) for c, e in zip(starts, ends, strict=True))
    with_decisions = sum(bool(evidence.count(evidence.decisions, c.body, e)) for c, e in zip(starts, ends, strict=True))
    numbers = [c.number for c in starts if c.number is not None]
    steps = sum(1 for a, b in pairwise(numbers) if b == a + 1)
    reasons = [
        f"{with_sections} of {len(starts)} items hold template section headings",
        f"{with_decisions} of {len(starts)} items hold a decision heading",
        f"score {score:.1f}",
    ]
    if numbers:
        reasons.insert(0, f"numbers {numbers[0]}–{numbers[-1]}, {steps} of {len(numbers) - 1} steps by one")
    return reasons


def _describe(signature: str) -> str:
    kind, _, style = signature.partition("(")
    names = {
        "keyword": '"Punkt N" headings',
        "numbered": "numbered headings",
        "number-line": "item numbers on their own line",
        "styled": "heading-styled titles",
        "before-case": "titles above a case-number line",
        "case-line": "case-number lines of items without a printed title",
        "section-cycle": "items without headings, told apart by their cycle of section headings",
    }
    return names.get(kind, kind) + (f" ({style.rstrip(')')})" if style else "")
