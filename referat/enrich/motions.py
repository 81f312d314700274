"""Tie each vote to the motion it decided: a decision's sentences and votes -> list[Motion].

Read in the order of the text. A motion starts where the text says one is moved or put to the vote:
  Mehmet Zeki Dogru (Ø) stiller forslag om, at alle energispareforslag rulles tilbage.
  Ændringsforslag fra V: at …        Venstre stillede følgende ændringsforslag: …
  Økonomiudvalget stemte om, hvorvidt John T. Olsen kunne deltage …
  1. Udvalget anbefalede basispakken …      Ad 2, imod stemte: F og Ø.
  Indstillingen blev herefter godkendt med 33 stemmer imod 9.
and the votes after it, up to the next one, are its votes; a vote that names what it was on ("For
indstillingen stemte …", "for indstillingspunkt 2") goes to that motion. Votes before any motion
that form one vote (each side once) were on the item's recommendation; other votes that cannot be
tied stay on the item without a motion rather than being attached at random. A motion's result is
what the text says of it after its votes ("Forslaget blev forkastet", "bortfaldt ved stemmelighed"),
or what its counts settle (more for than against: adopted; fewer: rejected; as many: lapsed);
otherwise it is left empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import groupby

from referat.enrich.points import NAMED_POINTS, POINT, named_points, point_labels
from referat.enrich.votes import Sentence, empty_side, read_who
from referat.model import Motion, MotionKind, MotionResult, Vote
from referat.vocab import MOTION_RESULTS, OUTCOME_PATTERNS, Outcome

# "Mehmet Zeki Dogru (Ø) stiller forslag om, at …", "Venstre stillede følgende ændringsforslag: …"
MOVED = re.compile(
    r"^(?P<who>[^:]{1,200}?)\s+(?:stiller|stillede|fremsætter|fremsatte)\s+(?:(?:følgende|et|sit|et\s+nyt)\s+)?"
    r"(?P<kind>ændringsforslag|beslutningsforslag|forslag|procedureforslag)\b(?:\s+om)?\s*,?\s*:?\s*(?P<text>.*)$",
    re.I,
)
# "Ændringsforslag fra V: at …", "Forslag fra Enhedslisten om, at …"
MOVED_BY_FROM = re.compile(
    r"^(?P<kind>ændringsforslag|beslutningsforslag|forslag)\s*(?:\s+fra|,?\s+(?:fremsat|stillet|fremsendt)\s+af)"
    r"\s+(?P<who>[^:.]{1,120}?)\s*(?::|\bom\b,?)\s*(?P<text>.*)$",
    re.I,
)
# "Enhedslisten foreslog, at …"
PROPOSED = re.compile(r"^(?P<who>[^:]{1,120}?)\s+(?:foreslår|foreslog)\s*,?\s*(?P<text>at\s+.*)$", re.I)
# "Herefter satte formanden Tina Rotbølls (A) kandidatur til afstemning.", "Forslaget blev sat til afstemning."
PUT_TO_VOTE = re.compile(
    r"^(?:(?:herefter|derefter|dernæst|så)\s+satte\s+\w+\s+(?P<text>.+?)|\w+\s+satte\s+(?P<text3>.+?)"
    r"|(?P<text2>.+?)\s+blev\s+sat)\s+til\s+afstemning\b",
    re.I,
)
# "Økonomiudvalget stemte om, hvorvidt John T. Olsen kunne deltage i sagens behandling."
VOTED_ON = re.compile(r"^(?P<body>[^:]{1,120}?)\s+(?:stemte|stemmer)\s+om\s*,?\s*(?P<text>.+)$", re.I)
# A decision on how the case goes on, not on what it proposes: "Byrådet sendte sagen til realitetsbehandling
# i …", "Udvalget sender sagen tilbage (retur) til administrationen", "… besluttede (ikke) at sende forslaget
# til realitetsbehandling", "Udvalget beslutter, at sagen sendes tilbage", "Sagen sendes tilbage".
_CASE = r"(?:sagen|forslaget|punktet)"
SENT_ON = re.compile(
    rf"^(?:[^:,]{{1,80}}?\s+(?:(?:besluttede|beslutter),?\s+(?P<negated>ikke\s+)?at\s+(?:sende\s+{_CASE}|{_CASE}\s+sendes)"
    rf"|send(?:er|te)\s+{_CASE})|{_CASE}\s+(?:sendes|blev\s+sendt))"
    r"\s+(?P<text>(?:tilbage|retur|videre|til\s+realitetsbehandling)\b.*)$",
    re.I,
)
# What a motion asks when it asks to send the case on: "at sagen bliver sendt retur til …"
SENDING = re.compile(r"\bsend\w*\b.*\b(?:retur|tilbage|videre|realitetsbehandling)\b", re.I)
# A sentence that states a tally: "Med stemmerne 20 for og 1 imod godkendte …", "… med 29 stemmer imod 11"
TALLY_SENTENCE = re.compile(r"\bstemmer(?:ne)?\s+\d|\d+\s+stemmer\b", re.I)  # "Med stemmer 19 for"
# "Indstillingen blev herefter godkendt …", "Administrationens indstilling blev ikke godkendt": the
# recommendation is put to the vote.
RECOMMENDATION_VOTED = re.compile(r"^(?:\w+s\s+)?indstilling(?:en)?\b.*\b(?:blev|er)\b", re.I)
# "Forslaget blev forkastet", "Ændringsforslaget bortfaldt", "Det blev vedtaget …"
STATED = re.compile(r"^(?:\w*forslag\w*|det|dette)\s+(?:blev|er|bortfaldt|faldt)\b", re.I)
# The committee's own decision: "Økonomiudvalget anbefaler overfor Byrådet, at …", "Byrådet godkendte …"
DECIDES = re.compile(r"\b(?:anbefaler|anbefalede|godkender|godkendte|besluttede|beslutter|vedtog)\b", re.I)
# "V's ændringsforslag", "ændringsforslaget fra V"
AMENDMENT_OF = re.compile(r"(?P<who>\S+?)(?:'s|’s)\s+ændringsforslag|ændringsforslag\w*\s+fra\s+(?P<who2>.+)$", re.I)
# "Et flertal af Beskæftigelses- og Integrationsudvalget (…) stemte for."
MAJORITY = re.compile(r"^(?:et\s+)?flertal(?:let)?\b", re.I)
# "Endvidere besluttede Byrådet med stemmerne 12 for og 7 imod, at …"
DECIDED_THAT = re.compile(r",\s+(?P<text>at\s+.+)$", re.I)
# "Udvalget besluttede endvidere, at …": a decision the body makes at the meeting
DECIDED_FURTHER = re.compile(
    r"^[^:,]{1,80}?\s+(?:besluttede|beslutter)\b[^,]{0,40}?,?\s+(?P<text>(?:ikke\s+)?at\s+.+)$", re.I
)
# "budgetforslag fremlagt af (Ø)": who moved what a tally decided
# "Budgetforslaget fremsendt af forligspartierne (V), (A) og (C) blev vedtaget …": the mover after the motion
LAID_BY = re.compile(
    r"\b(?:fremlagt|fremsat|fremsendt|stillet)\s+af\s+(?P<who>.+?)(?:\s+(?:blev|er|bortfaldt|faldt)\b.*)?\.?$", re.I
)
# "Budgetforslaget …", "Ændringsforslaget …": a sentence whose subject is a proposal
PROPOSAL_SUBJECT = re.compile(r"^(?P<kind>\w*?(?:ændrings)?forslag)(?:et)?\b", re.I)
# "… godkendes med bemærkning om, at forslag til finansiering indstilles afvist": a remark, which says
# nothing of how the motion ended
REMARK = re.compile(r"\bmed\s+(?:den\s+|følgende\s+)?bemærkning(?:en|er|erne)?\b.*$", re.I | re.S)
SUBJECT_RECOMMENDATION = re.compile(r"\bindstilling", re.I)
SUBJECT_AMENDMENT = re.compile(r"\bændringsforslag", re.I)


@dataclass
class _Draft:
    kind: MotionKind
    text: str | None = None
    moved_by: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    points: list[str] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    said: list[str] = field(default_factory=list)  # sentences after its votes, which may state its result
    decided: MotionResult | None = None  # what the sentence that began it says became of it


def read_motions(sentences: list[Sentence]) -> tuple[list[Motion], list[Vote]]:
    """The motions of a decision and all its votes, each vote with the index of its motion (or None).
    A vote on several points at once ("stemte imod punkt 2 og 3") is one vote on each."""
    drafts: list[_Draft] = []
    current: _Draft | None = None
    placed: list[tuple[Vote, _Draft | None]] = []  # every vote in text order, with its motion
    before_said: list[str] = []  # what is said before any motion: of the recommendation
    last_point = max((i for i, s in enumerate(sentences) if POINT.match(s.text)), default=-1)
    for position, (sentence, votes, opens_paragraph) in enumerate(sentences):
        if not votes and current is not None and _continues(current, sentence):
            if carried := _carried_out(current, sentence):
                current.decided = carried
                continue
            current.text = f"{current.text or ''} {sentence}".strip()
            continue
        started = (
            _started(sentence, bool(votes))
            or _closes(current, sentence, votes)
            or (_decided_further(sentence, before_said) if current is None else None)
        )
        if started is not None:
            current = _existing(drafts, started) or started
            if current is started:
                drafts.append(current)
        after_last = opens_paragraph and position > last_point and not _points_voted(drafts)
        on_whole = _after_remarks(current, sentence) or _after_points(current, sentence, votes, after_last)
        deciding = None if on_whole else current
        for vote in votes:
            for one, target in _targets(vote, drafts, deciding):
                placed.append((one, target))
                if target is not None:
                    target.votes.append(one)
        if not votes or TALLY_SENTENCE.search(sentence) or (started is not None and started.kind == "point"):
            # "Forslaget blev forkastet.", "2. Anbefales ikke.", or a tally that says it: "Med stemmerne 20
            # for og 1 imod godkendte …"
            (current.said if current else before_said).append(sentence)
    before = [vote for vote, target in placed if target is None]
    named = next((d for d in drafts if d.kind == "recommendation"), None)  # "For indstillingen stemte …"
    with_named = [vote for vote, target in placed if target is None or target is named]
    if before and named is not None and _one_vote(with_named):
        named.votes, named.said = with_named, before_said + named.said
        placed = [(vote, target or named) for vote, target in placed]
    elif before and _one_vote(before):
        recommendation = _Draft("recommendation", votes=before, said=before_said)
        drafts.insert(0, recommendation)
        placed = [(vote, target or recommendation) for vote, target in placed]
    # a motion moved at the meeting is an event even when it was not put to the vote; a decision is
    # one only where it was voted on
    kept = [d for d in drafts if d.votes or (d.kind in {"motion", "amendment"} and d.decided is None)]
    index = {id(draft): i for i, draft in enumerate(kept)}
    votes = [vote.model_copy(update={"motion": index.get(id(target))}) for vote, target in placed]
    motions = [_finish(draft, drafts, before_said) for draft in kept]
    return _one_event_per_point(motions, votes)


def _after_remarks(current: _Draft | None, sentence: str) -> bool:
    """A vote that names no point, printed after a point's line and the remarks under it ("3.
    Anbefales med følgende bemærkninger; … / Linda Heegaard (F) undlod at tage stilling."), is on the
    recommendation as a whole, not on the last point."""
    return (
        current is not None
        and current.kind == "point"
        and len(current.said) > 1
        and not current.votes
        and not any(TALLY_SENTENCE.search(said) for said in current.said)  # "2. Godkendt med stemmerne 19 for …"
        and NAMED_POINTS.search(sentence) is None
    )


def _after_points(current: _Draft | None, sentence: str, votes: list[Vote], after_last: bool) -> bool:
    """A vote on a line of its own after the last numbered point ("1.-3. Anbefales." / "(C) undlod.")
    that names nothing it is on is on the recommendation as a whole, unless the points carry votes of
    their own (then the last one's votes are its own too), the point's line gave a tally, or the line
    was a heading of its votes ("Ad punkt 2" / "Imod: Ø")."""
    return (
        after_last
        and all(vote.subject is None for vote in votes)
        and current is not None
        and current.kind == "point"
        and current.text is not None
        and not current.votes
        and not any(TALLY_SENTENCE.search(said) for said in current.said)
        and NAMED_POINTS.search(sentence) is None
    )


def _points_voted(drafts: list[_Draft]) -> bool:
    return any(draft.kind == "point" and draft.votes for draft in drafts)


def _one_event_per_point(motions: list[Motion], votes: list[Vote]) -> tuple[list[Motion], list[Vote]]:
    """A vote on several points at once ("4.-14. Godkendt. For stemte …", "indstillingspunkt 3, 4 og
    9") is a vote in each point's event, so a range never stands for the points it spans; every
    vote keeps the index of its event."""
    split: list[Motion] = []
    indices: dict[int, list[int]] = {}
    for index, motion in enumerate(motions):
        points = [[point] for point in motion.points] if motion.kind == "point" and len(motion.points) > 1 else [None]
        indices[index] = list(range(len(split), len(split) + len(points)))
        split += [motion if point is None else motion.model_copy(update={"points": point}) for point in points]
    placed: list[Vote] = []
    for vote in votes:
        targets = indices.get(vote.motion, []) if vote.motion is not None else []
        if len(targets) > 1:
            placed += [
                vote.model_copy(update={"motion": target, "subject": f"punkt {split[target].points[0]}"})
                for target in targets
            ]
        else:
            placed.append(vote.model_copy(update={"motion": targets[0] if targets else None}))
    events = [m.model_copy(update={"votes": [v for v in placed if v.motion == i]}) for i, m in enumerate(split)]
    return events, placed


def _started(sentence: str, has_votes: bool) -> _Draft | None:
    """A motion this sentence moves or puts to the vote."""
    for pattern in (MOVED, MOVED_BY_FROM, PROPOSED):
        moved = pattern.match(sentence)
        if moved:
            kind: MotionKind = "amendment" if "ændring" in moved.groupdict().get("kind", "").lower() else "motion"
            names, parties = read_who(moved.group("who"))
            return _Draft(kind, _motion_text(moved.group("text")), names, parties)
    voted_on = VOTED_ON.match(sentence)
    if voted_on:
        return _Draft("procedure", _motion_text(voted_on.group("text")))
    sent = SENT_ON.match(sentence)
    if sent:
        return _Draft(
            "procedure", _motion_text(sent.group("text")), decided="rejected" if sent.group("negated") else "adopted"
        )
    put = PUT_TO_VOTE.match(sentence)
    if put:
        return _Draft("motion", _motion_text(put.group("text") or put.group("text2") or put.group("text3")))
    if RECOMMENDATION_VOTED.match(sentence):
        return _Draft("recommendation")
    point = POINT.match(sentence)
    if point:
        text = point.group("text") or ""
        # "1. Imod stemte UP.": the point's vote, not what the decision says of it
        said = None if has_votes and not TALLY_SENTENCE.search(text) else _motion_text(text)
        return _with_movers(_Draft("point", said, points=point_labels(point)), sentence)
    if TALLY_SENTENCE.search(sentence):
        return _tallied(sentence)
    return None


def _tallied(sentence: str) -> _Draft:
    """What a tally decided: "Med stemmerne 18 for og 2 imod godkendte Byrådet … indstillingspunkt 2",
    "… godkendte Byrådet Økonomiudvalgets indstilling", "Endvidere besluttede Byrådet med stemmerne
    12 for og 7 imod, at …"."""
    points = NAMED_POINTS.search(sentence)
    if points:
        return _with_movers(_Draft("point", points=named_points(points)), sentence)
    decided = DECIDED_THAT.search(sentence)
    if decided and not SUBJECT_RECOMMENDATION.search(sentence):
        return _with_movers(_Draft("motion", _motion_text(decided.group("text"))), sentence)
    proposal = PROPOSAL_SUBJECT.match(sentence)
    if proposal and LAID_BY.search(sentence):
        kind: MotionKind = "amendment" if "ændring" in proposal.group("kind").lower() else "motion"
        return _with_movers(_Draft(kind), sentence)
    return _Draft("recommendation")


def _with_movers(draft: _Draft, sentence: str) -> _Draft:
    """ "… budgetforslag fremlagt af (Ø)": who moved it."""
    laid = LAID_BY.search(sentence)
    if laid:
        draft.moved_by, draft.parties = read_who(laid.group("who"))
    return draft


def _continues(draft: _Draft, sentence: str) -> bool:
    """A moved motion's next sentences, before it is voted on, are more of its text ("Herudover skal
    administrationen …", a numbered list of what it asks for), unless one says how it ended."""
    moved = draft.kind in {"motion", "amendment", "procedure"}
    voting = STATED.match(sentence) or _moves(sentence) or empty_side(sentence)
    return moved and not draft.votes and not voting


def _closes(current: _Draft | None, sentence: str, votes: list[Vote]) -> _Draft | None:
    """After a moved motion's votes, the committee's decision ("Økonomiudvalget anbefaler, at …")
    puts the recommendation to the vote: later votes are on it, not on the motion before."""
    if current is None or votes or not current.votes or current.kind not in {"motion", "amendment", "procedure"}:
        return None
    return _Draft("recommendation") if DECIDES.search(sentence) else None


def _decided_further(sentence: str, before: list[str]) -> _Draft | None:
    """ "Udvalget besluttede, at …" after the item's outcome was stated ("Orienteringen blev taget til
    efterretning."): a further decision made at the meeting, which the votes after it are on. As the
    decision's first words it is the decision on the recommendation."""
    decided = DECIDED_FURTHER.match(sentence)
    stated = any(
        outcome is not Outcome.OTHER and pattern.search(said)
        for said in before
        for outcome, pattern in OUTCOME_PATTERNS
    )
    if decided is None or not stated:
        return None
    return _Draft("motion", _motion_text(decided.group("text")), decided="adopted")


def _carried_out(draft: _Draft, sentence: str) -> MotionResult | None:
    """ "(V) stillede forslag om, at sagen sendes retur …" then "Byrådet sendte sagen retur …": the
    decision does what the motion asked, so the motion passed (and the votes after it are on it)."""
    sent = SENT_ON.match(sentence)
    if draft.kind != "motion" or sent is None or SENDING.search(draft.text or "") is None:
        return None
    return "rejected" if sent.group("negated") else "adopted"


def _moves(sentence: str) -> bool:
    return any(pattern.match(sentence) for pattern in (MOVED, MOVED_BY_FROM, PROPOSED, VOTED_ON, PUT_TO_VOTE))


def _existing(drafts: list[_Draft], started: _Draft) -> _Draft | None:
    """The same recommendation or point, named again: "Indstillingen blev herefter godkendt"."""
    if started.kind not in {"recommendation", "point"}:
        return None
    return next((d for d in drafts if d.kind == started.kind and d.points == started.points), None)


def _targets(vote: Vote, drafts: list[_Draft], current: _Draft | None) -> list[tuple[Vote, _Draft | None]]:
    """The motion(s) a vote is on: the ones it names ("For indstillingen stemte …", "Ad 2, imod stemte …",
    "for V's ændringsforslag", "imod punkt 2 og 3": one vote on each), else the current one.
    "For administrationens indstilling" under a numbered point is about that point."""
    subject = vote.subject or ""
    points = NAMED_POINTS.search(subject)
    if points:
        numbers = named_points(points)
        if len(numbers) == 1:
            return [(vote, _point(drafts, numbers[0]))]
        # "imod pkt. 2 og 3" after "2. og 3. Anbefales": one vote on that line's points, not two
        targets = {id(draft): draft for draft in (_point(drafts, n) for n in numbers)}
        if len(targets) == 1:
            return [(vote, next(iter(targets.values())))]
        return [(vote.model_copy(update={"subject": f"punkt {n}"}), _point(drafts, n)) for n in numbers]
    if SUBJECT_AMENDMENT.search(subject):
        return [(vote, _amendment(drafts, subject) or current)]
    if SUBJECT_RECOMMENDATION.search(subject) and (current is None or current.kind != "point"):
        found = next((d for d in drafts if d.kind == "recommendation"), None)
        if found is None:
            found = _Draft("recommendation")
            drafts.append(found)
        return [(vote, found)]
    return [(vote, current)]


def _point(drafts: list[_Draft], number: str) -> _Draft:
    """The point's motion, begun if the text has not named it before."""
    found = next((d for d in drafts if d.kind == "point" and number in d.points), None)
    if found is None:
        found = _Draft("point", points=[number])
        drafts.append(found)
    return found


def _amendment(drafts: list[_Draft], subject: str) -> _Draft | None:
    """The amendment a vote names: the last one moved, or one the text names by its mover only
    ("Liselott Blixt og V stemmer for V's ændringsforslag")."""
    moved = next((d for d in reversed(drafts) if d.kind == "amendment"), None)
    named = AMENDMENT_OF.search(subject)
    if moved is not None or named is None:
        return moved
    names, parties = read_who(named.group("who") or named.group("who2"))
    draft = _Draft("amendment", moved_by=names, parties=parties)
    drafts.append(draft)
    return draft


def _one_vote(votes: list[Vote]) -> bool:
    """Votes that are one vote: each side in one run ("For: A. Imod: V. B undlod. C undlod." is one
    vote; "Imod: Ø. For: A. Imod: Ø." is two)."""
    runs = [option for option, _ in groupby(vote.option for vote in votes)]
    return len(runs) == len(set(runs))


def _finish(draft: _Draft, drafts: list[_Draft], before_said: list[str]) -> Motion:
    return Motion(
        kind=draft.kind,
        text=draft.text,
        moved_by=draft.moved_by,
        moved_by_parties=draft.parties,
        points=draft.points,
        votes=draft.votes,
        result=_finished_result(draft, drafts, before_said),
    )


def _finished_result(draft: _Draft, drafts: list[_Draft], before_said: list[str]) -> MotionResult | None:
    """The result the text gives the motion; for the recommendation as a whole only what counts settle
    where its sentences say different things of it ("anbefaler … a-c godkendes" / "anbefaler ikke d")
    or approve only some of its points ("at godkende … indstilling 1, 3-5")."""
    if draft.kind == "recommendation" and _in_part(draft.said):
        return _counted(draft)
    return (
        draft.decided
        or _result(draft)
        or (_point_result(draft, drafts, before_said) if draft.kind == "point" else None)
        or (_result_of_points(drafts) if draft.kind == "recommendation" else None)
    )


def _result(draft: _Draft) -> MotionResult | None:
    """What the text says of the motion ("2. Anbefales ikke.", "Forslaget blev forkastet"), else what
    its counts settle."""
    said = "\n".join(REMARK.sub("", sentence) for sentence in draft.said)
    for result, pattern in MOTION_RESULTS:
        if pattern.search(said):
            return result
    return _counted(draft)


def _counted(draft: _Draft) -> MotionResult | None:
    """What the motion's counts settle, or a majority named as one ("Et flertal (…) stemte for")."""
    counts = {vote.option: vote.count for vote in draft.votes if vote.count is not None}
    for said in draft.said:
        if (nobody := empty_side(said)) is not None:
            counts.setdefault(nobody, 0)  # "For stemte:" with no one after it
    voted = {vote.option for vote in draft.votes}
    if "for" in counts and "against" in counts:
        for_count, against = counts["for"], counts["against"]
        return "adopted" if for_count > against else "rejected" if for_count < against else "lapsed"
    majority = {vote.option for vote in draft.votes if MAJORITY.match(vote.text)}
    if majority in ({"for"}, {"against"}):
        return "adopted" if majority == {"for"} else "rejected"  # "Et flertal (…) stemte for."
    if counts.get("against") == 0 and "for" in voted:
        return "adopted"  # "For stemte: A, B og C. Imod stemte: ingen"
    if counts.get("for") == 0 and "against" in voted:
        return "rejected"
    return None


def _point_result(draft: _Draft, drafts: list[_Draft], before_said: list[str]) -> MotionResult | None:
    """A point's result stated elsewhere: by the points it spans ("1.-4. (V) stemmer imod" after
    "1.-2. Godkendt." and "3.-4. Godkendt."), or for the recommendation as a whole before any vote
    ("Byrådet godkendte Økonomiudvalgets indstilling. Ad 2b: imod stemte Ø")."""
    within = [d for d in drafts if d is not draft and d.kind == "point" and set(d.points) <= set(draft.points)]
    results = {_result(d) for d in within}
    if {p for d in within for p in d.points} == set(draft.points) and len(results) == 1 and None not in results:
        return results.pop()
    if of_number := _of_its_number(draft, drafts):
        return of_number
    of_whole = before_said + [sentence for d in drafts if d.kind == "recommendation" for sentence in d.said]
    whole = "\n".join(REMARK.sub("", sentence) for sentence in of_whole if SUBJECT_RECOMMENDATION.search(sentence))
    return next((result for result, pattern in MOTION_RESULTS if pattern.search(whole)), None)


def _of_its_number(draft: _Draft, drafts: list[_Draft]) -> MotionResult | None:
    """A lettered point's result stated on its number's line ("1. a) - e) godkendes" for "imod pkt. 1. b)")."""
    number = draft.points[0].rstrip("abcdefgh") if len(draft.points) == 1 else ""
    if not number or number == draft.points[0]:
        return None
    return next((_result(d) for d in drafts if d.kind == "point" and d.points == [number]), None)


def _in_part(said: list[str]) -> bool:
    """Sentences that adopt and reject, or adopt points with a hole among them ("1, 3-5")."""
    stated = {sentence: _stated(REMARK.sub("", sentence)) for sentence in said}
    if {"adopted", "rejected"} <= set(stated.values()):
        return True
    adopted = {
        int(point.rstrip("abcdefgh"))
        for sentence, result in stated.items()
        if result == "adopted"
        for named in NAMED_POINTS.finditer(sentence)
        for point in named_points(named)
    }
    return bool(adopted) and adopted != set(range(min(adopted), max(adopted) + 1))


def _stated(sentence: str) -> MotionResult | None:
    return next((result for result, pattern in MOTION_RESULTS if pattern.search(sentence)), None)


def _result_of_points(drafts: list[_Draft]) -> MotionResult | None:
    """The recommendation's result where the text gives it point by point and the points that state
    one ended alike ("1.-2. godkendt", "1. taget til efterretning. 2. Anbefales.", then a vote on the
    whole)."""
    results = {_result(d) for d in drafts if d.kind == "point"} - {None}
    return results.pop() if len(results) == 1 else None


def _motion_text(text: str) -> str | None:
    cleaned = text.strip().strip('"“”„').strip()
    return cleaned or None
