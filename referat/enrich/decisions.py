"""Read the decision of this meeting and its outcome per part.

  Ad 1. at:            Ad 1. Anbefales drøftet.
  Tiltrådt.            Ad 2.
  Ad 2. at:            For: Gruppe A og C.  Imod: Gruppe F og gruppe Ø.
  Anbefalet.           Bortfaldet pga. stemmelighed.

Quoted passages (protocol notes) and vote lines are not read for outcome words, so a note saying
"vi kan ikke godkende …" does not turn an approval into a rejection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from referat.enrich.points import NAMED_POINTS, POINT, named_points, point_labels
from referat.model import Decision, DecisionPart, Motion, Vote
from referat.parse.sections import DatedSection
from referat.vocab import OUTCOME_PATTERNS, Outcome

# "Ad 1. at:", "Ad 1.-2. Anbefales godkendt.", "Ad 2 og 3: Godkendt", "Ad b) Godkendt", "Indstillingspunkt 2: Udsat."
PART = re.compile(
    r"^(?:Ad|Indstillingspunkt|Indstillingens\s+punkt)\s+(?P<numbers>(?:\d{1,2}|[a-h](?=\)))(?:\s*\.?\s*(?:-|–|og|,)\s*\d{1,2})*)"
    r"\s*[.)]?\s*(?:at\s*)?[:.]?\s*(?P<rest>.*)$",
    re.I,
)
# "Ad 1. at:": the recommendation's "at" left before the part's decision
AT_COLON = re.compile(r"^at\s*:\s*", re.I)
QUOTED = re.compile(r"[”“\"„«][^”“\"„«»]*[”“\"»]|protokol\w*\s*:.*$", re.I | re.M)
# Sentences that do not state what the body did with this item: a minority's, a party's or a named
# member's position ("Et mindretal (Ø) kunne ikke tiltræde …", "SF ønskede ført til protokol, at …"), and
# what happened to other items ("Punkt 11 udgår", "Sag 12 udgår og erstattes af sag 21").
ASIDE = re.compile(
    r"\b(?:mindretal\w*|ført\s+til\s+protokol\w*|til\s+protokol(?:len)?|protokollat|stemte\s+(?:imod|for)|tog\s+forbehold)\b"
    # a party's own sentence: "(F) vil ikke være med til …", "(Ø) ønsker ikke …"
    r"|^\s*\([A-ZÆØÅ]{1,3}(?:[- ]?\d)?\)\s",
    re.I,
)
# "Punkt 11 udgår", "Punkt 19 blev behandlet før punkt 18": the handling of another agenda item
# (where "Punkt 1-3 anbefales" names the recommendation's points).
OTHER_ITEM = re.compile(
    r"\b(?:punkt|pkt|sag|dagsordenens\s+punkt)\.?\s+(?:nr\.?\s*)?\d{1,3}\b.*"
    r"\b(?:udgår|udgik|udsat|udsættes|behandle[st]?|blev\s+behandlet|tages\s+af|trækkes|sendes\s+tilbage|erstattes)\b",
    re.I,
)
# A sentence ends at ". " before a capital, a digit or a quote, but not after an abbreviation that
# a number follows ("imod pkt. 2 og 3", "pk. 14").
SENTENCE = re.compile(r"(?<!\bpkt\.)(?<!\bpk\.)(?<=[.!?])\s+(?=[A-ZÆØÅ\d\"“(])|\n+")


def choose_decision(
    sections: list[DatedSection], meeting_date: str | None
) -> tuple[DatedSection | None, list[DatedSection]]:
    """The decision of this meeting, and the other committees' dated decisions printed with it."""
    decisions = [s for s in sections if s.section.kind == "decision"]
    if not decisions:
        return None, []
    current = next((s for s in decisions if meeting_date and s.date == meeting_date), None)
    undated = [s for s in decisions if s.date is None]
    if current is None and undated:
        current = undated[0]  # "Beslutning": this meeting's; the dated ones are other committees'
    if current is None:
        later = [s for s in decisions if not meeting_date or (s.date or "") >= meeting_date]
        current = later[-1] if later else decisions[-1]
    others = [s for s in decisions if s is not current and s.date and s.date != current.date]
    return current, others


def read_decision(dated: DatedSection, votes: list[Vote], motions: list[Motion] | None = None) -> Decision | None:
    """Decision text with its parts by point ("Ad 2.", "1 a. Ikke godkendt"), each with its outcome,
    and the distinct outcomes of them all in order."""
    text = dated.section.text.strip()
    if not text:
        return None
    preamble, parts = _split_parts(text)
    # a numbered list that says nothing of its points ("1. Status for Corona 2. Åbent hus …", the
    # members present) is no split: two of its parts at least say what became of them ("Ad 2." is
    # a part whatever it says)
    stated = sum(classify_outcome(body, votes) is not Outcome.OTHER for _, body in parts)
    if stated < 2 and not any(PART.match(line) for line in text.split("\n")):
        parts = []
    if parts:
        # "Byrådet godkendte indstillingen. Ad 2: imod stemte F og Ø." A part that states no outcome
        # of its own shares the one stated before the parts.
        shared = classify_outcome(preamble, votes) if preamble else Outcome.OTHER
        decision_parts = []
        for points, body in parts:
            outcome = classify_outcome(body, votes)
            decision_parts.append(
                DecisionPart(points=points, text=body, outcome=shared if outcome is Outcome.OTHER else outcome)
            )
    else:
        decision_parts = [DecisionPart(text=text, outcome=classify_outcome(text, votes))]
    return Decision(
        text=text,
        outcomes=list(dict.fromkeys(part.outcome for part in decision_parts)),
        parts=decision_parts,
        organization=dated.organization,
        date=dated.date,
        motions=motions or [],
    )


def classify_outcome(text: str, votes: list[Vote] | None = None) -> Outcome:
    """The outcome a decision text states; a vote with a majority for counts as approved."""
    sentences = [s for s in SENTENCE.split(QUOTED.sub(" ", text)) if s.strip()]
    own = [s for s in sentences if not ASIDE.search(s) and not OTHER_ITEM.search(s)]
    # Asides count only where nothing else is said ("Punkt 11 udgår." alone is the item's outcome).
    for candidates in (own, sentences):
        plain = "\n".join(candidates)
        for outcome, pattern in OUTCOME_PATTERNS:
            if pattern.search(plain):
                return outcome
    if votes and _majority_for(text, votes):
        return Outcome.APPROVED
    return Outcome.OTHER


def _majority_for(text: str, votes: list[Vote]) -> bool:
    in_text = [vote for vote in votes if vote.text in text]
    return any(vote.option == "for" and re.search(r"\b(?:flertal|enig)", vote.text, re.I) for vote in in_text)


@dataclass
class _Part:
    points: list[str]
    lines: list[str]
    headed: bool  # the line starts with its points ("3. Godkendt."), not a sentence that names them


def _split_parts(text: str) -> tuple[str, list[tuple[list[str], str]]]:
    """The text before the first part, and the parts: a line that starts with its points ("Ad 1.",
    "1 a. Ikke godkendt", "4.-14. Godkendt."), or a sentence that names points and says what became of
    them ("Med stemmerne 20 for og 1 imod godkendte Byrådet indstillingspunkt 1b …")."""
    preamble: list[str] = []
    parts: list[_Part] = []
    for line in text.split("\n"):
        numbered = POINT.match(line)  # "1 a. Ikke godkendt", "Ad 2b."
        labelled = None if numbered else PART.match(line)  # "Indstillingspunkt 2: Udsat.", "Ad b) Godkendt"
        if numbered or labelled:
            points = point_labels(numbered) if numbered else _labels(labelled.group("numbers"))  # type: ignore[union-attr]
            rest = AT_COLON.sub("", (numbered.group("text") if numbered else labelled.group("rest")) or "")  # type: ignore[union-attr]
            parts.append(_Part(points, [rest] if rest else [], headed=True))
            continue
        for sentence in SENTENCE.split(line) if NAMED_POINTS.search(line) else [line]:
            named = NAMED_POINTS.search(sentence)
            if named and _states_outcome(sentence):
                parts.append(_Part(named_points(named), [sentence], headed=False))
            elif parts:
                parts[-1].lines.append(sentence)
            else:
                preamble.append(sentence)
    # Headed numbering that starts over after points that say nothing of what became of them belongs
    # to another list (a moved motion's "1. … 2. …" before the decision's "1. og 2. Ikke godkendt.");
    # after points that do, it is a vote on them ("1.-4. (V) stemmer imod").
    restarts = [
        k
        for k in range(1, len(parts))
        if parts[k].headed
        and parts[k - 1].headed
        and _order(parts[k].points[0]) <= _order(parts[k - 1].points[-1])
        and all(classify_outcome("\n".join(part.lines)) is Outcome.OTHER for part in parts[:k])
    ]
    first = restarts[-1] if restarts else 0
    for part in parts[:first]:
        preamble.extend(part.lines)
    kept = [(part.points, "\n".join(part.lines).strip()) for part in parts[first:]]
    return "\n".join(preamble).strip(), kept


def _order(point: str) -> tuple[int, str]:
    """ "1b" -> (1, "b"): where a point stands in its list."""
    number = re.match(r"\d*", point).group(0)  # type: ignore[union-attr]
    return int(number or 0), point[len(number) :]


def _states_outcome(sentence: str) -> bool:
    """A sentence that says what became of what it names, not a vote or a remark about it."""
    own = QUOTED.sub(" ", sentence)
    return not ASIDE.search(own) and any(pattern.search(own) for _, pattern in OUTCOME_PATTERNS)


def _labels(text: str) -> list[str]:
    """ "1.-3." -> ["1", "2", "3"]; "2 og 4" -> ["2", "4"]; "b" -> ["b"]."""
    if text.strip().isalpha():
        return [text.strip().lower()]
    values = [int(n) for n in re.findall(r"\d+", text)]
    if len(values) == 2 and re.search(r"[-–]", text):
        return [str(n) for n in range(values[0], values[1] + 1)]
    return [str(n) for n in values]
