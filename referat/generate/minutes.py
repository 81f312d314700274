"""Generate synthetic minutes: a plan of meetings and cases, rendered in layouts modelled on real ones.

Layouts: "gladsaxe" (Punkt N:, Beslutning first, votes by name, Relateret behandling), "hvidovre"
("Beslutning i X den dd-mm-yyyy", votes by party group), "lejre" (attendance with "(Afbud)",
"Afbud:" per item, "Sagens forløb") and "markdown". Cases travel from a committee to the finance
committee and the council, each later item referring to the earlier one, so case timelines and
references span meetings. Every fact the text states is also kept in `GeneratedMeeting`, so tests
can check that parsing the text gives the facts back.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from referat.generate.words import (
    COMMITTEES,
    COUNCIL,
    FINANCE_COMMITTEE,
    FIRST_NAMES,
    GENERIC_SENTENCES,
    LAST_NAMES,
    MUNICIPALITIES,
    PARTIES,
    TOPICS,
)
from referat.vocab import MONTHS

LAYOUTS = ["gladsaxe", "hvidovre", "lejre", "markdown"]
OUTCOME_TEXT = {
    "approved": ["Godkendt.", "Tiltrådt.", "Indstillingen tiltrådt."],
    "recommended": ["Anbefales godkendt.", "Indstillingen anbefales.", "Anbefalet."],
    "noted": ["Taget til efterretning.", "Sagen blev forelagt til orientering."],
    "discussed": ["Drøftet."],
    "postponed": ["Udsat."],
    "rejected": ["Ikke godkendt."],
}
START = date(2022, 1, 10)


@dataclass
class GeneratedItem:
    number: int
    title: str
    case_number: str
    outcomes: list[str]
    proposals: list[str]
    votes: list[tuple[str, list[str], list[str]]] = field(default_factory=list)  # option, names, parties
    references: list[tuple[str, str, int]] = field(default_factory=list)  # organization, date, item
    upcoming: list[tuple[str, str]] = field(default_factory=list)  # organization, date
    absent: list[str] = field(default_factory=list)


@dataclass
class GeneratedMeeting:
    municipality: str
    organization: str
    code: str
    layout: str
    start: date
    members: list[tuple[str, str]]
    absent: list[str]
    items: list[GeneratedItem]

    @property
    def body(self) -> str:
        return f"{self.municipality} Kommune"

    @property
    def filename(self) -> str:
        slug = self.organization.lower().replace("- og ", "-og-").replace(" ", "-")
        suffix = "md" if self.layout == "markdown" else "txt"
        return f"{self.municipality.lower()}/{self.start.isoformat()}-{slug}.{suffix}"


@dataclass
class _Case:
    number: str
    topic: tuple[str, str, list[str]]
    history: list[tuple[str, str, int]]  # (organization, date, item number) of earlier treatment
    route: list[tuple[str, str]]  # committees still to treat it


def meeting_date(cycle: int, organization: str) -> date:
    """Every four weeks the committees meet first, then the finance committee, then the council."""
    order = [name for name, _ in COMMITTEES] + [FINANCE_COMMITTEE[0], COUNCIL[0]]
    offset = (
        order.index(organization) if organization in order[:-2] else 7 if organization == FINANCE_COMMITTEE[0] else 14
    )
    return START + timedelta(days=28 * cycle + offset)


def plan_meetings(count: int, seed: int = 1) -> list[GeneratedMeeting]:
    """`count` meetings across municipalities and committees, in date order, deterministic from `seed`."""
    rng = random.Random(seed)
    municipalities = MUNICIPALITIES[: max(1, min(len(MUNICIPALITIES), count // 40 + 2))]
    bodies = [*COMMITTEES, FINANCE_COMMITTEE, COUNCIL]
    members = {(m, c): _members(rng) for m in municipalities for c, _ in bodies}
    layouts = {m: LAYOUTS[i % len(LAYOUTS)] for i, m in enumerate(municipalities)}
    pending: dict[tuple[str, str], list[_Case]] = {}
    meetings: list[GeneratedMeeting] = []
    case_serial = 0
    cycle = 0
    while len(meetings) < count:
        for organization, code in bodies:
            for municipality in municipalities:
                if len(meetings) >= count:
                    break
                when = meeting_date(cycle, organization)
                queue = pending.setdefault((municipality, organization), [])
                cases = [queue.pop(0) for _ in range(min(len(queue), 6))]
                while len(cases) < rng.randint(5, 9):
                    case_serial += 1
                    topic = rng.choice(TOPICS)
                    route = [FINANCE_COMMITTEE, COUNCIL] if rng.random() < 0.3 and organization != COUNCIL[0] else []
                    if organization == FINANCE_COMMITTEE[0]:
                        route = route[1:]
                    kle = f"{rng.randint(0, 99):02d}.{rng.randint(0, 20):02d}.00"
                    cases.append(_Case(f"{when.year % 100:02d}-{case_serial}-{kle}-P20", topic, [], route))
                meeting = _meeting(
                    rng, municipality, organization, code, layouts[municipality], when, cycle, cases, members
                )
                meetings.append(meeting)
                for item, case in zip(meeting.items[1:], cases, strict=True):
                    case.history.append((organization, when.isoformat(), item.number))
                    if case.route:
                        pending.setdefault((municipality, case.route.pop(0)[0]), []).append(case)
        cycle += 1
    meetings.sort(key=lambda m: (m.start, m.municipality, m.organization))
    return meetings


def _members(rng: random.Random) -> list[tuple[str, str]]:
    names: set[str] = set()
    while len(names) < 7:
        names.add(f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}")
    return [(name, rng.choice(PARTIES)) for name in sorted(names)]


def _meeting(
    rng: random.Random,
    municipality: str,
    organization: str,
    code: str,
    layout: str,
    when: date,
    cycle: int,
    cases: list[_Case],
    members: dict[tuple[str, str], list[tuple[str, str]]],
) -> GeneratedMeeting:
    people = members[(municipality, organization)]
    absent = [people[rng.randrange(len(people))][0]] if rng.random() < 0.4 else []
    items = [GeneratedItem(1, "Godkendelse af dagsorden", f"{when.year % 100:02d}-1-00.01.00-A00", ["approved"], [])]
    for number, case in enumerate(cases, start=2):
        items.append(_item(rng, number, case, when, cycle, people, absent, layout))
    return GeneratedMeeting(municipality, organization, code, layout, when, people, absent, items)


def _item(
    rng: random.Random,
    number: int,
    case: _Case,
    when: date,
    cycle: int,
    people: list[tuple[str, str]],
    absent: list[str],
    layout: str,
) -> GeneratedItem:
    title, subject, _ = case.topic
    proposals = [f"at {subject} godkendes som beskrevet i sagen", "at udgifterne afholdes inden for udvalgets ramme"]
    split = rng.random() < 0.15
    if case.route:
        outcomes = ["recommended"]
    elif split:
        outcomes = [rng.choice(["approved", "discussed"]), rng.choice(["approved", "recommended", "noted"])]
    else:
        outcomes = [rng.choices(list(OUTCOME_TEXT), weights=[40, 10, 30, 8, 5, 2])[0]]
    votes: list[tuple[str, list[str], list[str]]] = []
    if rng.random() < 0.2 and outcomes[0] in {"approved", "recommended"}:
        present = [(n, p) for n, p in people if n not in absent]
        against = present[-2:]
        if layout == "hvidovre":
            votes = [("for", [], _parties(present[:-2])), ("against", [], _parties(against))]
        else:
            votes = [("for", [n for n, _ in present[:-2]], []), ("against", [n for n, _ in against], [])]
    upcoming = [(org, meeting_date(cycle, org).isoformat()) for org, _ in case.route]
    return GeneratedItem(
        number,
        f"{title} {when.year}" if rng.random() < 0.5 else title,
        case.number,
        outcomes,
        proposals,
        votes,
        list(case.history[-2:]),
        upcoming,
        list(absent) if layout == "lejre" else [],
    )


def _parties(people: list[tuple[str, str]]) -> list[str]:
    return list(dict.fromkeys(p for _, p in people))


def render(meeting: GeneratedMeeting, seed: int = 0) -> str:
    """The meeting as minutes text in its layout."""
    rng = random.Random(f"{seed}-{meeting.filename}")
    md = meeting.layout == "markdown"
    h1, h2 = ("# ", "## ") if md else ("", "")
    day = meeting.start.strftime("%d-%m-%Y")
    term = (
        " 2022-2025"
        if meeting.layout in {"gladsaxe", "markdown"}
        else " - 2022-2025"
        if meeting.layout == "lejre"
        else ""
    )
    lines = [
        f"{h1}REFERAT {meeting.organization}{term} d. {day}",
        "",
        f"Mødedato {_danish_date(meeting.start)} kl. 16:30",
        "",
    ]
    lines += [f"Mødested Rådhuset, mødelokale {rng.randint(1, 9)}", ""]
    if meeting.layout != "gladsaxe":
        attendees = [f"{n} ({p})" if n not in meeting.absent else f"{n} (Afbud)" for n, p in meeting.members]
        lines += ["Mødedeltagere " + ", ".join(attendees), ""]
    lines += [f"{h2}Indholdsfortegnelse", ""]
    lines += [f"{_title(meeting, item)}.....\t{item.number + 2}" for item in meeting.items] + [""]
    for item in meeting.items:
        lines += _render_item(rng, meeting, item, h1 if md else "", h2 if md else "")
    return "\n".join(lines) + "\n"


def _title(meeting: GeneratedMeeting, item: GeneratedItem) -> str:
    return f"{meeting.code} - {item.title}" if meeting.layout == "lejre" else item.title


def _render_item(rng: random.Random, meeting: GeneratedMeeting, item: GeneratedItem, h1: str, h2: str) -> list[str]:
    lines = [f"{h1}Punkt {item.number}: {_title(meeting, item)}", "", item.case_number, ""]
    decision = _decision_text(rng, meeting, item)
    if meeting.layout == "hvidovre":
        lines += ["Beslutningstema", "", _paragraph(rng, item, meeting, 1), ""]
        lines += _proposal_lines(meeting, item, "Direktøren indstiller til " + meeting.organization)
        lines += [f"Beslutning i {meeting.organization} den {meeting.start.strftime('%d-%m-%Y')}", "", *decision]
    else:
        lines += [f"{h2}Beslutning", "", *decision]
    if meeting.layout == "lejre" and item.absent:
        lines += ["Afbud:", ""] + [f"{name}" for name in item.absent] + [""]
    if item.upcoming:
        lines += [f"{h2}Kommende behandlingsforløb", ""]
        for organization, when in item.upcoming:
            lines += [f"{organization} {date.fromisoformat(when).strftime('%d.%m.%Y')}", ""]
    if item.number > 1:
        summary = f"{meeting.body} arbejder løbende med {item.title.split(' 20')[0].lower()}. "
        lines += [f"{h2}Sagsfremstilling", "", f"{h2}Resumé", "", summary + _paragraph(rng, item, meeting, 2), ""]
        lines += [
            "Baggrund og status",
            "",
            _paragraph(rng, item, meeting, 4),
            "",
            _paragraph(rng, item, meeting, 3),
            "",
        ]
        if meeting.layout != "hvidovre":
            lines += _proposal_lines(meeting, item, "Forvaltningen indstiller,")
    if item.references:
        lines += [f"{h2}Relateret behandling", ""]
        for organization, when, number in item.references:
            lines += [f"{organization} {date.fromisoformat(when).strftime('%d.%m.%Y')}, punkt {number}", ""]
    if item.number > 1:
        lines += [f"{h2}Bilag", "", f"Bilag 1: {item.title} - notat", ""]
    return lines


def _proposal_lines(meeting: GeneratedMeeting, item: GeneratedItem, proposer: str) -> list[str]:
    if not item.proposals:
        return []
    numbered = [f"{i}. {p}{',' if i < len(item.proposals) else '.'}" for i, p in enumerate(item.proposals, start=1)]
    heading = ["Indstilling", ""] if meeting.layout != "gladsaxe" else []
    return [*heading, proposer, "", *numbered, ""]


def _decision_text(rng: random.Random, meeting: GeneratedMeeting, item: GeneratedItem) -> list[str]:
    lines: list[str] = []
    for option, names, parties in item.votes:
        verb = "stemte for." if option == "for" else "stemte imod."
        if parties:
            label = "For" if option == "for" else "Imod"
            lines += [f"{label}: " + " og ".join(f"Gruppe {p}" for p in parties) + ".", ""]
        else:
            lines += [_join(names) + " " + verb, ""]
    if len(item.outcomes) > 1:
        for part, outcome in enumerate(item.outcomes, start=1):
            lines += [f"Ad {part}. {rng.choice(OUTCOME_TEXT[outcome])}", ""]
    else:
        lines += [rng.choice(OUTCOME_TEXT[item.outcomes[0]]), ""]
    return lines


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]


def _paragraph(rng: random.Random, item: GeneratedItem, meeting: GeneratedMeeting, sentences: int) -> str:
    """Sentences about the item's topic, now and then a generic one, as in real case descriptions."""
    topic = next((t for t in TOPICS if item.title.startswith(t[0])), None)
    own = topic[2] if topic else GENERIC_SENTENCES
    values = {
        "year": meeting.start.year,
        "next_year": meeting.start.year + 1,
        "amount": f"{rng.randint(1, 90)},{rng.randint(0, 9)}",
        "n": rng.randint(3, 400),
        "pct": rng.randint(2, 40),
        "pct2": rng.randint(2, 40),
        "grade": f"{rng.randint(5, 9)},{rng.randint(0, 9)}",
    }
    chosen = [rng.choice(GENERIC_SENTENCES if rng.random() < 0.2 else own) for _ in range(sentences)]
    return " ".join(sentence.format(**values) for sentence in chosen)


def _danish_date(day: date) -> str:
    weekdays = ["Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag"]
    month = next(name for name, number in MONTHS.items() if number == day.month)
    return f"{weekdays[day.weekday()]} d. {day.day:02d}. {month} {day.year}"


def write_corpus(count: int, out: Path, seed: int = 1) -> list[Path]:
    """Write `count` generated meetings below `out`; returns the files in date order."""
    paths = []
    for meeting in plan_meetings(count, seed):
        path = out / meeting.filename
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(meeting, seed), encoding="utf-8")
        paths.append(path)
    return paths
