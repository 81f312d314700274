"""Markdown markup to plain lines: headings keep their level, bold and links lose their markup,
pipe tables become tab-separated rows (the same shape as tables in text extracted from PDF)."""

from __future__ import annotations

import re

from referat.extract.lines import Line

# "## **Punkt 5: Endelig afrapportering på genberegning**"
ATX_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
# "|--|----|" or "| :--- | ---: |"
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
# "| Mundtlige meddelelser.....   | 17 |"
TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
# "**Mødedato**", "__Bilag__"
BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# "[Bilag 1](https://…)" and "![figur](…)"
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
# A form feed separates pages in text extracted from PDF.
FORM_FEED = "\f"


def looks_like_markdown(lines: list[str]) -> bool:
    """At least two ATX headings, or a pipe table, make a document Markdown."""
    headings = 0
    for text in lines:
        if ATX_HEADING.match(text):
            headings += 1
            if headings >= 2:
                return True
        elif TABLE_RULE.match(text) and "|" in text:
            return True
    return False


def markdown_lines(raw_lines: list[str], headings: bool = True) -> list[Line]:
    """Strip inline markup from every line; with `headings`, also read ATX headings and tables."""
    lines: list[Line] = []
    page = 1
    for number, text in enumerate(raw_lines, start=1):
        if FORM_FEED in text:
            page += text.count(FORM_FEED)
            text = text.replace(FORM_FEED, "")
        level = 0
        if headings:
            if TABLE_RULE.match(text) and "|" in text:
                lines.append(Line(number, "", 0, page))
                continue
            heading = ATX_HEADING.match(text)
            if heading:
                level, text = len(heading.group(1)), heading.group(2)
            else:
                row = TABLE_ROW.match(text)
                if row:
                    text = "\t".join(cell.strip() for cell in row.group(1).split("|")).strip("\t")
            if "[" in text or "\\" in text:
                text = ESCAPE.sub(r"\1", LINK.sub(r"\1", text))
        if "**" in text or "__" in text:
            text = BOLD.sub(r"\2", text)
        text = text.replace("\u00a0", " ").strip()
        lines.append(Line(number, text, level, page))
    return lines
