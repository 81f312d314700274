"""How deep an HTML page nests its elements, told from its tags before any parser builds a tree.

Lexbor's tree building costs time in proportion to the depth for every tag: a page nested 100,000
deep took minutes, so the depth has to be known before parsing. The count follows the tree builder
where it matters: void elements, and self-closed ones in SVG and MathML, hold nothing (a "<div/>" is
an open div), an end tag closes what is open above
its element, a new paragraph, list item, cell or row closes the one open just before it, and the
text of scripts, styles and comments holds no tags. It never counts less than a browser would
build; where a page leaves many elements unclosed it may count more.
"""

from __future__ import annotations

import re
from collections import Counter

from referat.errors import ExtractError
from referat.settings import MAX_HTML_DEPTH

# Comments and the text of elements that hold no markup: their "<div>" is text.
TEXTS = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript)\b[^>]*>.*?(?:</\1\s*>|\Z)",
    re.S | re.I,
)
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:\s[^>]*)?(/?)>")
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source",
    "track", "wbr", "basefont", "bgsound", "frame", "image",
}  # fmt: skip
# A start tag of one of these closes the element of the kinds listed when it is the innermost open one.
CLOSES_OPEN = {
    "p": {"p"},
    "li": {"li", "p"},
    "dt": {"dt", "dd", "p"},
    "dd": {"dt", "dd", "p"},
    "td": {"td", "th"},
    "th": {"td", "th"},
    "tr": {"td", "th", "tr"},
    "option": {"option"},
    "optgroup": {"option", "optgroup"},
}


def check_nesting(html: str, uri: str) -> None:
    """Refuse a page whose elements nest deeper than the limit, before it is parsed."""
    if html.count("<") <= MAX_HTML_DEPTH:
        return  # too few tags to nest that deep
    depth = nesting_depth(html, MAX_HTML_DEPTH)
    if depth > MAX_HTML_DEPTH:
        raise ExtractError(uri, f"the HTML nests elements more than {MAX_HTML_DEPTH:,} deep, the most referat reads")


def nesting_depth(html: str, stop: int) -> int:
    """The deepest nesting of open elements, counted until it passes `stop`."""
    stack: list[str] = []
    open_counts: Counter[str] = Counter()
    deepest = 0
    for closing, name, self_closed in TAG.findall(TEXTS.sub("", html)):
        name = name.lower()
        if closing:
            if stack and stack[-1] == name:
                open_counts[stack.pop()] -= 1
            elif open_counts[name]:
                while (popped := stack.pop()) != name:
                    open_counts[popped] -= 1
                open_counts[name] -= 1
            continue
        if name in VOID or (self_closed and (open_counts["svg"] or open_counts["math"])):
            continue
        closed = CLOSES_OPEN.get(name)
        while closed and stack and stack[-1] in closed:
            open_counts[stack.pop()] -= 1
        stack.append(name)
        open_counts[name] += 1
        if len(stack) > deepest:
            deepest = len(stack)
            if deepest > stop:
                break
    return deepest
