"""Tidy text copied or converted from a web page: lines -> lines, one for one.

A minutes page saved as text keeps the page's controls and shapes as characters: a table row as
"Udvalg: | Kommunalbestyrelsen |" and its rule "---|---|", an accordion's entries as bullets
("  • Beslutning i Byrådet den 20-06-2018", "  • Sagsid.: 16/24751"), button and link text alone
on a line ("Udskriv", "Til toppen", "Fold alle punkter") or run into a title
("Godkendelse af dagsordenÅbn/luk punkt"), and lines that look blank but hold no-break or
zero-width spaces. None of it depends on a site: it is how any page's text comes out. Line
numbers are kept, so every fact still points at its source line.
"""

from __future__ import annotations

import re

from referat.extract.lines import Line
from referat.vocab import LINK_TEXTS

# "---|---|", "| --- | :-: |", "|": a table's rule or an empty row
TABLE_RULE = re.compile(r"^[\s|:\-]*\|[\s|:\-]*$")
# "Dato: |", "28-03-2022 17:00:00 |", "| Udvalg | Byrådet |": cells with a pipe between or after them
TABLE_ROW = re.compile(r"^\|?[^|]+(?:\|[^|]*)*\|\s*$|^\|[^|]+\|")
# An accordion's or list's bullet before a line: "• Beslutning", "▪ Sagsid.: 16/24751"
BULLET = re.compile(r"^[•▪●]\s+")
# A label or a heading after a bullet: short, capitalised, not ending like a sentence or a list entry
HEADING_LIKE = re.compile(r"^[A-ZÆØÅ0-9][^\t]{0,150}[^.,;!?\s]$|^[A-ZÆØÅ][^\t]{0,150}:$")
MAX_HEADING_WORDS = 12
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\ufeff\u2060]")
LINKS = {" ".join(text.casefold().split()) for text in LINK_TEXTS}
MAX_LINK_LENGTH = 2 * max(len(text) for text in LINK_TEXTS)  # room for the spaces a page pads them with
# A control's text run into the end of a title: "…dagsordenÅbn/luk punkt", "… Til toppen"
GLUED_TEXTS = tuple(text for text in LINK_TEXTS if " " in text or "/" in text)
GLUED_ENDINGS = tuple(text.casefold() for text in GLUED_TEXTS)
GLUED_LAST_LETTERS = frozenset(text[-1] for text in GLUED_ENDINGS)
GLUED_LINK = re.compile(r"(?<=\S)\s*(?:" + "|".join(re.escape(text) for text in GLUED_TEXTS) + r")\s*$", re.I)


def tidy_web_text(lines: list[Line]) -> list[Line]:
    """The lines with table pipes, accordion bullets, control text and invisible spaces taken out."""
    return [_tidy(line) for line in lines]


def _tidy(line: Line) -> Line:
    if not line.text:
        return line
    text = ZERO_WIDTH.sub("", line.text.replace("\u00a0", " ")).strip()
    if "|" in text:
        if TABLE_RULE.match(text):
            text = ""
        elif TABLE_ROW.match(text):
            text = "\t".join(cell.strip() for cell in text.split("|") if cell.strip())
    bullet = BULLET.match(text)
    if bullet:
        rest = text[bullet.end() :]
        if _link(rest) or (HEADING_LIKE.match(rest) and len(rest.split()) <= MAX_HEADING_WORDS):
            text = rest
    if len(text) <= MAX_LINK_LENGTH and _link(text):
        text = ""
    elif text[-1:].casefold() in GLUED_LAST_LETTERS and text.casefold().endswith(GLUED_ENDINGS):
        # the endings are checked first: the pattern is slow on long lines
        text = GLUED_LINK.sub("", text)
    if text == line.text:
        return line
    return Line(line.number, text, line.level, line.page, line.bold)


def _link(text: str) -> bool:
    return len(text) <= MAX_LINK_LENGTH and " ".join(text.casefold().split()) in LINKS
