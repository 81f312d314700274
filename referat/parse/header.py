"""Read the meeting's facts: the lines before the first item, the document's title, its name -> Header.

The facts come from, most trusted first:
- the fact list, in any of its shapes: "Mødested: Rådhuset", "Mødedato Onsdag d. 31. maj 2023"
  (no colon), "Dato<TAB>19. maj 2021" (a table row), a label over its value ("UDVALG" /
  "Økonomiudvalget", HTML dt/dd), or a column of labels printed before a column of values (a
  two-column PDF table: "Mødedato:", "Mødested:", then "12. oktober 2016", "Rådhuset");
- the title lines: "REFERAT Økonomiudvalget 2022-2025 d. 12-03-2024", "Kultur- og Fritidsudvalget -
  Referat", "Referat - Byrådet den 12. marts 2019", "Teknisk Udvalg – Dagsorden – 4. maj 2021",
  "Referat til mødet i Økonomiudvalget den 15. juni 2022 kl. 15:00 i Mødelokale 1, Hobro Rådhus";
- the document's own title (HTML <title>, PDF metadata), then its file name ("…-2021-05-19.pdf").
Only these are read for the date: an attachment's date or an earlier meeting's date in an item
can never become the meeting's date. "X Kommune" named in the header is the municipality; else
the municipality the text names most often (at least twice).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from referat.extract.lines import Line
from referat.model import Person
from referat.parse.dates import ANY_DATE, ANY_DATE_RE, TIME, parse_date, parse_times
from referat.parse.names import name_key, parse_people, split_term
from referat.parse.toc import contents_end, find_toc_start, is_toc_entry
from referat.vocab import ABSENCE_NOTE, COMMITTEE_NOUN, FACT_LABELS, TITLE_KINDS

TITLE_WORD = re.compile(r"\b(" + "|".join(TITLE_KINDS) + r")\b", re.I)
SITE_SECTION = re.compile(r"\bdagsorden(?:er)?\s+(?:og|&)\s+referat(?:er)?\b|[»>]", re.I)
COMMITTEE = re.compile(r"\b" + COMMITTEE_NOUN + r"\b", re.I)
# "THISTED BYRÅD kl i byrådssalen", "Økonomiudvalget tirsdag den 18. april": when and where, right
# after a committee's name in a title
TIME_OR_PLACE = re.compile(r"\s+(?:(?:kl\.?|i|på|den|d\.)\s+\S|(?:man|tirs|ons|tors|fre|lør|søn)dag\b)", re.I)
WEEKDAY_START = re.compile(r"^(?:man|tirs|ons|tors|fre|lør|søn)dag\b", re.I)
# Words around the committee in a title: "Referat af møde i", "til mødet i", "fra det ordinære møde i"
TITLE_FILLER = re.compile(
    r"\b(?:af|fra|for|til)?\s*(?:det\s+)?(?:ordinære\s+|ekstraordinære\s+)?(?:møde[ts]?|mødet)\s+(?:i|for)\b"
    r"|^\s*(?:af|fra|til|for)\b|\b(?:åben|lukket)\s+(?:dagsorden|referat)\b",
    re.I,
)
# A date with what is printed around it: "d. 31-05-2023", "den 12. marts 2024 kl. 16.30",
# "Onsdag, 29 april, 2019 - 17:00"
DATE_PHRASE = re.compile(
    r"(?:\b(?:den|d\.)\s*)?(?:\b\w+dag\b,?\s*(?:den\s+|d\.\s*)?)?"
    + ANY_DATE
    + r"(?:\s*(?:,|-|–)?\s*(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?::\d{2})?(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?)?",
    re.I,
)
# "… kl. 15:00 i Mødelokale 1, Hobro Rådhus", "… kl. 16.30 på Rådhuset"
PLACE_AFTER_TIME = re.compile(
    r"\bkl\.?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?\s+(?:i|på)\s+(?P<place>\S.{2,120}?)\.?$", re.I
)
# Between a title's parts: a dash or bar, a colon, a full stop before a capital ("Referat. Klima- og
# Miljøudvalget. Møde nr.: 2/2018"), or a comma before the municipality
SEPARATORS = re.compile(
    r"\s+[-–•|»>/]\s+|\s*:\s+|(?<=[a-zæøå])\.\s+(?=[A-ZÆØÅ])|,\s+(?=[A-ZÆØÅ][a-zæøå]+\s+(?:Regions)?[Kk]ommune\b)"
)
# "Afbud fra Lone Kragh.", "Jonna Skovbjerg var fraværende." as a sentence under the title
HEADER_ABSENCE = re.compile(
    r"\bafbud\s+fra\s+(?P<who>[A-ZÆØÅ][^.:;]{2,200})|^(?P<who2>[A-ZÆØÅ][^.:;]{2,120}?)\s+(?:var\s+fraværende|deltog\s+ikke\s+i\s+mødet)",
    re.I,
)
# "Fraværende: Anne Holm", "Afbud fra Lise Marie Holt." in a header line or a note
ABSENCE_IN_TEXT = re.compile(r"\b" + ABSENCE_NOTE + r"\s*:?\s*(?P<who>[A-ZÆØÅ][^.;:]{2,200})", re.I)
# "Gladsaxe Kommune har ambitioner …" — found by looking back from each "Kommune".
# No leading word boundary: a pattern that starts with a literal is found many times faster, and
# a capitalised "Kommune" run into a word before it is not met in practice.
KOMMUNE = re.compile(r"(?:Regionsk|K)ommune\b")
# The name before "Kommune", looked for back from each "Kommune" (a literal is quick to find)
MUNICIPALITY_NAME = re.compile(r"\b([A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?)\s+$")
MUNICIPALITY_LOOKBACK = 40
NOT_A_MUNICIPALITY = {"Kommunernes", "Hver", "Den", "Hele", "Enhver", "Egen", "Anden", "Samme", "Denne", "Vores", "Din"}
MIN_MUNICIPALITY_MENTIONS = 2
TITLE_LINES = 12  # title lines are among the first lines of the header
LABEL_WITH_VALUE = re.compile(r"^(?P<label>[^:\t]{2,40}?)\s*(?::|\t|\s{2,})\s*(?P<value>.*)$")
FILE_DATE = re.compile(r"(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)|(?<!\d)(\d{2})[-_.](\d{2})[-_.](\d{4})(?!\d)")
# Words run in before a committee's name in a title: "TÅRNBY KOMMUNE. . til Kommunalbestyrelsen"
LEADING_WORDS = re.compile(
    r"^(?:.*?[.\s]\s*)?(?:til|i)\.?\s+(?=[A-ZÆØÅ][\w-]*(?:\s+og\s+[A-ZÆØÅ][\w-]*)?(?:udvalg|råd|bestyrelse|repræsentation)\w*$)"
)
TERM = re.compile(r"\b((?:19|20)\d{2})\s*[-–/]\s*((?:19|20)\d{2})\b")
# A line of a table of contents: an entry with a number or a bullet, a group heading, a page column
CONTENTS_LINE = re.compile(
    r"^(?:[-•*]\s*)?(?:(?:punkt|pkt\.?|sag(?:\s+nr\.?)?)\s*)?\d{1,4}[.)]?\s|^[-•*]\s|^\d{1,4}$"
    r"|^(?:åbne?|lukkede?)\s+(?:dagsordens)?(?:punkter|sager)|^(?:side|sag\s+nr\.?|pkt\.?\s+tekst)\b",
    re.I,
)
# The line under the date that says where: "i Økonomiudvalgsværelset", "Mødelokale C, Ullasvej 23, Rønne"
PLACE_LINE = re.compile(
    r"^(?:(?:i|på)\s+(?P<inside>[A-ZÆØÅ].{2,100}?)|(?P<place>\S*(?:lokale|rådhus|værelse|salen|sal\b)\S*.{0,100}?))\.?$",
    re.I,
)
PARTY_AFTER_NAME = re.compile(r"[A-ZÆØÅ][\w.-]+\s*\([A-ZÆØÅ]{1,3}\)")
TIME_ALONE = re.compile(r"^kl\.?\s*\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?$", re.I)
LONG_LINE = 60  # a value line this long that does not end a name was wrapped by the page


@dataclass
class Header:
    body: str | None = None
    organization: str | None = None
    term: str | None = None
    kind: str | None = None
    date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    location: str | None = None
    participants: list[Person] = field(default_factory=list)
    absent: list[Person] = field(default_factory=list)


def read_header(
    lines: list[Line], document_title: str | None = None, uri: str = "", furniture: list[str] | None = None
) -> Header:
    """Read committee, date, time, place, municipality and attendance; `furniture` are the running
    headers and footers, which often name the municipality and the committee."""
    relevant = _relevant(lines)
    facts = read_facts(relevant)
    texts = [line.text.strip() for line in relevant if line.text]
    titles = [text for text in texts[:TITLE_LINES] if not _fact_label(text)[0]]
    header = Header()
    _apply_facts(facts, header)
    _read_titles(titles, header)
    for source in (document_title or "", _file_date(uri)):
        if header.date is None and source:
            header.date = parse_date(source)
    if header.organization is None and document_title:
        header.organization, header.term = _committee_in(document_title) or (None, header.term)
    header.body = _municipality_in([*texts, *facts.get("organization", []), document_title or "", *(furniture or [])])
    for text in titles:
        for match in HEADER_ABSENCE.finditer(text):
            header.absent.extend(person for person, _ in parse_people(match.group("who") or match.group("who2")))
    header.absent = _unique(header.absent)
    absent_keys = {name_key(p.name) for p in header.absent}
    header.participants = [p for p in header.participants if name_key(p.name) not in absent_keys]
    return header


def _relevant(lines: list[Line]) -> list[Line]:
    """The header's lines but a table of contents, blank lines kept (they end a fact's value)."""
    toc_start = find_toc_start(lines)
    toc_end = contents_end(lines, toc_start) if toc_start is not None else 0
    return [
        line
        for i, line in enumerate(lines)
        if (toc_start is None or not toc_start <= i < toc_end) and not is_toc_entry(line.text)
    ]


# --- the fact list -------------------------------------------------------------------------------


def read_facts(lines: list[Line]) -> dict[str, list[str]]:
    """Facts by kind ("date", "location", "participants", …) from a fact list in any shape."""
    texts = [line.text.strip() for line in lines]
    facts: dict[str, list[str]] = {}
    i = 0
    while i < len(texts):
        label, value = _fact_label(texts[i]) if texts[i] else (None, "")
        if label is None:
            i += 1
            continue
        if value:
            facts.setdefault(label, []).append(value)
            i += 1
            continue
        labels = [label]
        i += 1
        while i < len(texts) and (not texts[i] or (_fact_label(texts[i])[0] and not _fact_label(texts[i])[1])):
            if texts[i]:
                labels.append(_fact_label(texts[i])[0] or "")
            i += 1
        # Under a label, "Mødelokale 2A" is a value, not a label without a colon; a heading, or a
        # blank line once every label has its value, ends the values.
        values: list[str] = []
        while i < len(texts) and _fact_label(texts[i], loose=False)[0] is None and not lines[i].level:
            if not texts[i]:
                # A list of members may go on after a blank line: another row of the table.
                following = next((t for t in texts[i + 1 :] if t), "")
                more_people = labels[-1] in {"participants", "absent"} and PARTY_AFTER_NAME.search(following)
                if len(values) >= len(labels) and not more_people:
                    break
            else:
                values.append(texts[i])
            i += 1
        # A column of labels and a column of values: one value each, the last label takes the rest.
        # Fewer values than labels cannot be told apart ("Mødelokale: Medlemmer: Afbud:" over one
        # run-together line): none is given rather than a guess.
        if len(labels) > 1 and len(values) < len(labels):
            continue
        for k, each in enumerate(labels):
            given = values[k : k + 1] if k < len(labels) - 1 else values[k:]
            if given:
                facts.setdefault(each, []).append(
                    _join_wrapped(given) if each in {"participants", "absent"} else given[0]
                )
    return facts


def _fact_label(text: str, loose: bool = True) -> tuple[str | None, str]:
    """The fact a line labels, and the value printed with it ("" when the value follows);
    `loose` also reads a label without a colon ("Mødedato Onsdag d. 31. maj 2023")."""
    stripped = text.strip()
    bare = stripped.rstrip(":").strip().lower()
    if bare in FACT_LABELS:
        return FACT_LABELS[bare], ""
    match = LABEL_WITH_VALUE.match(stripped)
    if match and match.group("label").strip().lower() in FACT_LABELS:
        return FACT_LABELS[match.group("label").strip().lower()], match.group("value").strip()
    # "UdvalgKommunalbestyrelsen", "MødestedRådssalen": a table's label cell run into its value cell
    glued = GLUED_LABEL.match(stripped)
    if glued:
        return FACT_LABELS[glued.group("label").lower()], glued.group("value")
    # "Mødedato Onsdag d. 31. maj 2023", "Mødested 2608 - Gladsaxeværrelset": a label without a colon
    lowered = stripped.lower()
    for label in _LOOSE_LABELS if loose else ():
        if lowered.startswith(label + " "):
            value = stripped[len(label) + 1 :].strip()
            # "Udvalg Dato Type Hent" is a table's row of labels, not a label and its value
            first_word = value.split()[0].lower().rstrip(":") if value else ""
            if (value[:1].isupper() or value[:1].isdigit()) and first_word not in _LOOSE_LABELS:
                return FACT_LABELS[label], value
    return None, ""


# Labels read without a colon too; "Mødelokale C, Ullasvej 23" and "Lokale 0.13" are places, not labels.
GLUED_LABEL = re.compile(
    r"^(?P<label>"
    + "|".join(label.capitalize() for label in sorted(FACT_LABELS, key=len, reverse=True) if " " not in label)
    + r")(?P<value>[A-ZÆØÅ][a-zæøå].*)$"
)
_LOOSE_LABELS = sorted((label for label in FACT_LABELS if label not in {"mødelokale", "lokale"}), key=len, reverse=True)


def _join_wrapped(values: list[str]) -> str:
    """Lines of a list of people: one name a line, or a comma list wrapped by the page."""
    joined = values[0]
    for previous, value in pairwise(values):
        wrapped = len(previous) >= LONG_LINE and not previous.rstrip().endswith((",", ")"))
        joined += (" " if wrapped else ", ") + value
    return joined


def _apply_facts(facts: dict[str, list[str]], header: Header) -> None:
    for value in facts.get("meeting", []):
        kind = TITLE_WORD.search(value)
        if kind:
            header.kind = header.kind or TITLE_KINDS[kind.group(1).lower()]
    for label in ("date", "start", "time", "meeting", "end"):
        for value in facts.get(label, []):
            header.date = header.date or (parse_date(value) if label != "end" else None)
            start, end = parse_times(value, bare=True)
            if label == "end":
                header.end_time = header.end_time or start
            else:
                header.start_time = header.start_time or start
                header.end_time = header.end_time or end
    if facts.get("location"):
        header.location = facts["location"][0]
    named = [value for value in facts.get("organization", []) if not _is_date_only(value)]
    if named:
        header.organization, header.term = split_term(named[0])
    if facts.get("term"):
        header.term = header.term or facts["term"][0]
    for value in facts.get("participants", []):
        for person, absent in parse_people(value.replace("\t", ", ")):
            (header.absent if absent else header.participants).append(person)
    for value in facts.get("absent", []):
        header.absent.extend(person for person, _ in parse_people(value.replace("\t", ", ")))
    for value in facts.get("notes", []):
        for match in ABSENCE_IN_TEXT.finditer(value):
            header.absent.extend(person for person, _ in parse_people(match.group("who")))
    header.absent = _unique(header.absent)


def _unique(people: list[Person]) -> list[Person]:
    seen: dict[str, Person] = {}
    for person in people:
        known = seen.get(name_key(person.name))
        if known is None or (known.party is None and person.party):
            seen[name_key(person.name)] = person
    return list(seen.values())


# --- the title -----------------------------------------------------------------------------------


def _read_titles(titles: list[str], header: Header) -> None:
    """Kind, committee, date, time and place from the title lines, where the fact list left them open."""
    # A site's "Dagsordener og referater" navigation names both kinds; a line that is the title word
    # alone ("Referat") says most.
    worded = [t for t in titles if TITLE_WORD.search(t) and not SITE_SECTION.search(t)]
    worded.sort(key=lambda t: not TITLE_WORD.fullmatch(t.strip(" .:")))
    if worded and header.kind is None:
        word = TITLE_WORD.search(worded[0])
        assert word is not None
        header.kind = TITLE_KINDS[word.group(1).lower()]
    dated = [text for text in titles if parse_date(text)]
    if header.date is None and dated:
        header.date = parse_date(dated[0])
    if header.start_time is None:
        # "Byrådets møder foregår som udgangspunkt kl. 16.00" on a site's page is not this meeting's
        # time; the dated line, or a line of the time alone below it ("Kl. 10:30"), is.
        below = titles[titles.index(dated[0]) + 1 : titles.index(dated[0]) + 2] if dated else []
        for text in dated + [t for t in below if TIME_ALONE.match(t)]:
            start, end = parse_times(text, bare=ANY_DATE_RE.search(text) is not None)
            if start:
                header.start_time, header.end_time = start, header.end_time or end
                break
    if header.location is None:
        header.location = next((m.group("place") for t in titles if (m := PLACE_AFTER_TIME.search(t))), None)
    if header.location is None and dated:
        # "den 8. november 2017 kl. 08:30" / "i Økonomiudvalgsværelset", or the address below the date
        following = titles[titles.index(dated[0]) + 1 :][:1]
        place = PLACE_LINE.match(following[0]) if following else None
        header.location = (place.group("inside") or place.group("place")) if place else None
    if header.organization is None:
        found = next((named for text in titles if (named := _committee_in(text))), None)
        if found is None:
            found = next(
                (named for text in titles if TITLE_WORD.search(text) and (named := _title_remainder(text))), None
            )
        if found:
            header.organization, header.term = found[0], header.term or found[1]


def _committee_in(text: str) -> tuple[str, str | None] | None:
    """The committee a title names: the part of it that holds a committee noun, and the term
    printed with it ("Udvalget for Job, Arbejdsmarked og Integration - 2022-2025")."""
    parts = [_named_part(part.strip(" -–,:.|")) for part in SEPARATORS.split(_strip_title(text))]
    for index in range(len(parts) - 1, -1, -1):
        part = parts[index]
        if part and _names_committee(part) and not KOMMUNE.search(part) and len(part.split()) <= 10:
            name, term = split_term(_without_time_or_place(part))
            following = parts[index + 1] if index + 1 < len(parts) else ""
            if term is None and (printed := TERM.fullmatch(following)):
                term = f"{printed.group(1)}-{printed.group(2)}"
            return name, term
    return None


def _without_time_or_place(part: str) -> str:
    """A title part cut after its committee's name where a time or place follows it."""
    nouns = list(COMMITTEE.finditer(part))
    if nouns and TIME_OR_PLACE.match(part, nouns[-1].end()):
        return part[: nouns[-1].end()]
    return part


def _names_committee(part: str) -> bool:
    """A committee named as a name, its noun capitalised ("Odense Byråd", "Teknisk Udvalg"), not one
    mentioned in a sentence ("Oversigt over dagsordener og referater for odense byråd 2008")."""
    return any(_word_at(part, noun.start())[:1].isupper() for noun in COMMITTEE.finditer(part))


def _word_at(text: str, position: int) -> str:
    start = max(text.rfind(" ", 0, position), text.rfind("-", 0, position)) + 1
    return text[start:]


def _named_part(part: str) -> str:
    """The committee's name in a title part, or "" when the part is no name: "TÅRNBY KOMMUNE. . til
    Kommunalbestyrelsen" -> "Kommunalbestyrelsen"; a table's row of labels ("Udvalg Dato Type Hent",
    "Titel Udvalg Funktioner") names none, as the bare word "Udvalg" is no name without an
    adjective before it ("Teknisk Udvalg") or "for" after it ("Udvalget for Erhverv og Kultur")."""
    words = part.split()
    for index, word in enumerate(words):
        if word.lower() in {"udvalg", "udvalget"}:
            before = words[index - 1].lower() if index else ""
            after = words[index + 1].lower() if index + 1 < len(words) else ""
            if not (before.endswith(("sk", "ske")) or after in {"for", "vedr.", "vedrørende"} or len(words) == 1):
                return ""
    joined = LEADING_WORDS.search(part)
    return part[joined.end() :] if joined else part


def _title_remainder(text: str) -> tuple[str, str | None] | None:
    """ "Referat Handicaprådet d. 5. maj": what is left of a title line without its title word."""
    remainder = " ".join(_strip_title(text).replace("|", " ").split()).strip(" -–,:.")
    if not remainder or len(remainder.split()) > 10 or _is_date_only(remainder):
        return None
    return split_term(remainder)


def _is_date_only(text: str) -> bool:
    """ "Mandag, 21 februar, 2022 - 17:00": a date, never a committee's name."""
    return not COMMITTEE.search(text) and (parse_date(text) is not None or WEEKDAY_START.match(text) is not None)


def _strip_title(text: str) -> str:
    """A title line without its title word, fillers, dates, times and place, and the municipality."""
    # What is taken out parts the words around it: "Byrådet 20-06-2018 16:00 Referat Samlet dokument"
    text = PLACE_AFTER_TIME.sub(" | ", text)
    text = DATE_PHRASE.sub(" | ", text)
    text = TIME.sub(" | ", text)
    text = TITLE_WORD.sub(" | ", text)
    text = TITLE_FILLER.sub(" ", text)
    text = re.sub(r"\b[A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?\s+(?:Regions)?[Kk]ommune\b", " ", text)
    text = TERM.sub(r"\1-\2", text)  # "2022 - 2025" is one term, not two parts of the title
    return " ".join(text.split())


def _file_date(uri: str) -> str:
    """ "…/greve-oekonomiudvalget-2023-03-06.pdf" -> "2023-03-06"; "" when the name holds no date."""
    name = uri.rsplit("/", 1)[-1]
    match = FILE_DATE.search(name)
    if not match:
        return ""
    if match.group(1):
        return f"{match.group(1)}-{match.group(2)}-{match.group(3)}"
    return f"{match.group(6)}-{match.group(5)}-{match.group(4)}"


# --- the municipality ----------------------------------------------------------------------------


def _municipality_in(texts: list[str]) -> str | None:
    return next((name for text in texts for name in _municipalities(text)), None)


def _municipalities(text: str) -> Iterator[str]:
    """Each municipality a text names: "Gladsaxe Kommune", "Bornholms Regionskommune"."""
    for match in KOMMUNE.finditer(text):
        before = MUNICIPALITY_NAME.search(text, max(0, match.start() - MUNICIPALITY_LOOKBACK), match.start())
        if before and before.group(1) not in NOT_A_MUNICIPALITY:
            yield f"{before.group(1)} {match.group(0)}"


def find_municipality(text: str) -> str | None:
    """The municipality the minutes mention most often, e.g. "Gladsaxe Kommune"."""
    counts = Counter(_municipalities(text))
    if not counts:
        return None
    municipality, mentions = counts.most_common(1)[0]
    return municipality if mentions >= MIN_MUNICIPALITY_MENTIONS else None
