"""The store commands, run as real subprocesses against a SQLite file."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, FIXTURES


def run(*args: str, db: Path | str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "referat", *args, "--db", str(db)], capture_output=True, text=True, check=False
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "referat.sqlite"
    result = run("ingest", str(EXAMPLES), db=path)
    assert result.returncode == 0, result.stderr
    assert "5 dokumenter: 5 gemt\n" in result.stdout
    return path


def test_ingest_twice_and_a_glob(db: Path) -> None:
    result = run("ingest", str(EXAMPLES / "**" / "*.txt"), db=db)
    # not a terminal: one plain line per document on stderr instead of a bar
    lejre = EXAMPLES / "lejre" / "2024-05-08-job-arbejdsmarked-og-integration.txt"
    assert f"[5/5] {lejre}: uændret" in result.stderr.splitlines()
    assert "5 dokumenter: 5 uændret\n" in result.stdout


def test_ingest_reports_the_bad_file_at_the_end(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(EXAMPLES / "lejre" / "2024-05-08-job-arbejdsmarked-og-integration.txt", folder / "lejre.txt")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\x03")
    result = run("ingest", str(folder), db=db)
    assert result.returncode == 1
    assert "2 dokumenter: 1 uændret, 1 fejlede\n" in result.stdout
    assert f"{folder / 'broken.txt'}: this looks like binary data" in result.stderr


def test_ingest_with_two_workers_reports_each_document_and_the_bad_one(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder)
    (folder / "hvidovre" / "broken.txt").write_bytes(b"\x00\x01\x02\x03")
    db = tmp_path / "referat.sqlite"
    result = run("ingest", str(folder), "--workers", "2", db=db)
    assert result.returncode == 1, result.stderr
    assert "6 dokumenter: 5 gemt, 1 fejlede\n" in result.stdout
    assert f"{folder / 'hvidovre' / 'broken.txt'}: this looks like binary data" in result.stderr
    steps = [line.split("]")[0] for line in result.stderr.splitlines() if line.startswith("[")]
    assert steps == [f"[{n}/6" for n in range(1, 7)]
    again = run("ingest", str(folder), "--workers", "2", db=db)
    assert "6 dokumenter: 5 uændret, 1 fejlede\n" in again.stdout


def test_ctrl_c_stops_an_ingest_with_workers_between_whole_documents(tmp_path: Path) -> None:
    from referat.generate.minutes import write_corpus

    folder = tmp_path / "in"
    write_corpus(200, folder, seed=5)
    db = tmp_path / "referat.sqlite"
    command = [sys.executable, "-m", "referat", "ingest", str(folder), "--workers", "2", "--db", str(db)]
    # Ctrl-C at its default in the child: a test run started in the background (`cmd &` in a script)
    # ignores SIGINT, and a child inherits that, so it would never hear the Ctrl-C sent below.
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert process.stderr is not None
    assert process.stderr.readline().startswith("[1/200] ")
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 130, err
    assert "afbrudt (Ctrl+C)" in err and "Traceback" not in err
    stopped = re.search(r"stoppet efter (\d+) af 200 dokumenter; de er gemt helt", out)
    assert stopped is not None, out
    check = run("check", db=db)
    assert check.returncode == 0 and " 0 problemer" in check.stdout, check.stdout
    again = run("ingest", str(folder), "--workers", "2", db=db)
    assert again.returncode == 0, again.stderr
    counted = re.search(r"200 dokumenter: (\d+) gemt, (\d+) uændret", again.stdout)
    assert counted is not None, again.stdout
    assert int(counted[2]) >= int(stopped[1])


def test_search_json_has_hits_snippets_and_facets(db: Path) -> None:
    result = run("search", "indsats", "--json", "--committee", "Beskæftigelses- og Integrationsudvalget", db=db)
    payload = json.loads(result.stdout)
    assert payload["total"] > 5
    assert all(hit["organization"] == "Beskæftigelses- og Integrationsudvalget" for hit in payload["hits"])
    assert any("<mark>" in hit["snippet"] for hit in payload["hits"])
    assert payload["facets"]["body"] == [["Gladsaxe Kommune", payload["total"]]]


def test_search_says_what_its_words_also_found_and_leaves_out_a_word(db: Path) -> None:
    everything = json.loads(run("search", "indsats", "--json", db=db).stdout)
    assert "nytteindsats" in everything["also_found_as"]
    narrowed = run("search", "indsats", "--without", "nytteindsats", "--without", "jobindsats", db=db)
    assert narrowed.returncode == 0, narrowed.stderr
    assert "udeladt: jobindsats, nytteindsats" in narrowed.stdout
    also = narrowed.stdout.split("fundet også som (punkter i alt): ", 1)[1].split("\n", 1)[0]
    counts = everything["also_found_counts"]
    assert f"beskæftigelsesindsats ({counts['beskæftigelsesindsats']})" in also and "nytteindsats" not in also
    fewer = json.loads(run("search", "indsats", "--json", "--without", "beskæftigelsesindsats", db=db).stdout)
    assert fewer["total"] < everything["total"] and fewer["left_out"] == ["beskæftigelsesindsats"]


def test_search_shows_a_case_once_with_its_path_unless_told_not_to(tmp_path: Path) -> None:
    """Faxe's school case went from Børne- og Skoleudvalget through Økonomiudvalget to Byrådet."""
    db = tmp_path / "grouping.sqlite"
    assert run("ingest", str(FIXTURES / "grouping"), db=db).returncode == 0
    grouped = run("search", "skolestruktur", db=db).stdout
    assert "Viser 1–4 af 4 punkter, samlet i 2 sager\n" in grouped
    path = "Børne- og Skoleudvalget 2024-05-03 → Økonomiudvalget 2024-05-10 → Byrådet 2024-05-23"
    assert f"forløb: {path} (hele sagen: referat case 24-004512)\n" in grouped
    assert grouped.count("Fremtidig skolestruktur i Nordbyen  ") == 2  # Faxe's case once, and Køge's
    flat = run("search", "skolestruktur", "--no-group", db=db).stdout
    assert "hvert for sig" in flat and "forløb:" not in flat
    assert flat.count("Fremtidig skolestruktur i Nordbyen  ") == 4
    payload = json.loads(run("search", "skolestruktur", "--json", db=db).stdout)
    assert payload["cases_on_page"] == 2
    paths = {hit["item_id"]: [step["organization"] for step in hit["group"]["path"]] for hit in payload["hits"]}
    assert sorted(map(len, paths.values())) == [1, 3, 3, 3]


def test_search_rejects_a_malformed_date(db: Path) -> None:
    result = run("search", "indsats", "--from", "31-05-2023", db=db)
    assert result.returncode == 2 and "er ikke en dato som 2024-05-31" in result.stderr


def test_show_case_person_stats_export(db: Path) -> None:
    hit = json.loads(run("search", "Integrationsprisen", "--json", db=db).stdout)["hits"][0]
    meeting = run("show", "meeting", hit["meeting_id"][:6], db=db)
    assert "Beskæftigelses- og Integrationsudvalget" in meeting.stdout and "Indstillinger til" in meeting.stdout
    item = json.loads(run("show", "item", hit["item_id"], "--json", db=db).stdout)
    assert item["item"]["decision"]["outcomes"] == ["chosen"]
    # the ballots under the event they decided, with what it was on and how it ended
    shown = run("show", "item", hit["item_id"], db=db).stdout
    assert "Indstillingen · resultat ikke angivet · forslagsstiller ikke angivet" in shown
    assert "Ad punkt 1 · resultat ikke angivet" in shown and "    For: " in shown
    timeline = json.loads(run("case", "22-28-15.00.00-P20", "--json", db=db).stdout)
    assert [entry["target"]["number"] for entry in timeline] == [1, 8]
    # at 80 columns: the meeting once as a heading, each item's title and facts on lines of their own
    shown = subprocess.run(
        [sys.executable, "-m", "referat", "case", "22-28-15.00.00-P20", "--db", str(db)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
        check=True,
    ).stdout.splitlines()
    assert all(len(line) <= 80 for line in shown)
    assert shown.count("31. maj 2023 · Beskæftigelses- og Integrationsudvalget") == 1
    assert "    1  Modeller for borgerinddragelse på integrationsområdet" in shown
    assert any(line.startswith("       Anbefalet · Samme sagsnummer · ") for line in shown)
    person = json.loads(run("person", "Signe Ejersbo", "--json", db=db).stdout)
    assert [vote["option"] for vote in person[0]["votes"]] == ["for", "for", "for", "for"]
    stats = json.loads(run("stats", "--json", db=db).stdout)
    assert stats["items per outcome"][0] == ["approved", 20]
    exported = run("export", "--format", "csv", "--body", "Lejre Kommune", db=db).stdout
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert [row["number"] for row in rows] == ["1", "2", "3", "4", "5", "6"]
    assert rows[3]["outcomes"] == "recommended"
    assert len(json.loads(run("export", "--outcome", "lapsed", db=db).stdout)) == 1


# Teknik- og Miljøudvalget meets twice on one day; {start} is the time, {first} and {second} the items.
ONE_OF_TWO_MEETINGS = """REFERAT Teknik- og Miljøudvalget d. 03-02-2021

Mødedato Onsdag d. 03. februar 2021 kl. {start}

Vejle Kommune nævnes her. Vejle Kommune igen.

Punkt 1: {first}

Beslutning

Godkendt.

Punkt 2: {second}

Beslutning

Udsat.
"""


def test_export_orders_two_meetings_of_one_day_by_their_start(database_url: str, tmp_path: Path) -> None:
    """Date, municipality and committee tie; the meetings' starts decide, and each meeting's items stay together."""
    folder = tmp_path / "in"
    folder.mkdir()
    afternoon = ONE_OF_TWO_MEETINGS.format(start="15:00", first="Vejplan", second="Cykelsti")
    morning = ONE_OF_TWO_MEETINGS.format(start="09:00", first="Affald", second="Parkering")
    (folder / "a-eftermiddag.txt").write_text(afternoon, encoding="utf-8")  # stored first
    (folder / "b-formiddag.txt").write_text(morning, encoding="utf-8")
    assert run("ingest", str(folder), db=database_url).returncode == 0
    exported = json.loads(run("export", db=database_url).stdout)
    assert [item["title"] for item in exported] == ["Affald", "Parkering", "Vejplan", "Cykelsti"]
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv", db=database_url).stdout)))
    assert [(row["start"], row["number"]) for row in rows] == [
        ("2021-02-03T09:00", "1"), ("2021-02-03T09:00", "2"), ("2021-02-03T15:00", "1"), ("2021-02-03T15:00", "2")
    ]  # fmt: skip


BASE_URL = "http://127.0.0.1:8000"
GLADSAXE = ("--body", "Gladsaxe Kommune", "--base-url", BASE_URL)


def test_export_csv_has_vote_sides_danish_labels_yes_no_and_links(db: Path) -> None:
    rows = {
        row["title"]: row
        for row in csv.DictReader(io.StringIO(run("export", "--format", "csv", *GLADSAXE, db=db).stdout))
    }
    assert list(next(iter(rows.values()))) == [
        "item_id", "meeting_id", "body", "organization", "date", "start", "number", "title", "public", "case_number",
        "outcomes", "outcome_labels", "decision", "ballots",
        "for_names", "for_parties", "for_count", "against_names", "against_parties", "against_count",
        "abstain_names", "abstain_parties", "abstain_count", "for_events", "against_events", "abstain_events",
        "references", "consultations", "url",
    ]  # fmt: skip
    assert {row["public"] for row in rows.values()} <= {"ja", "nej"}
    assert all(row["url"] == f"{BASE_URL}/punkt/{row['item_id']}" for row in rows.values())
    models = rows["Modeller for borgerinddragelse på integrationsområdet"]
    assert (models["outcomes"], models["outcome_labels"], models["public"]) == ("recommended", "Anbefalet", "ja")
    assert models["for_names"].count(", ") == 4 and models["for_count"] == "5"
    assert (models["abstain_names"], models["against_names"], models["ballots"]) == ("Susanne Damsgaard", "", "2")
    reform = rows["Kontanthjælpsreformen i 2025 – indsatsen for de berørte borgere"]
    assert (reform["against_names"], reform["against_parties"]) == (
        "Michael Dorph Jensen, Suleman Naim",
        "Ø, Uden for parti",
    )
    prize = rows["Indstillinger til Integrationsprisen 2023"]  # two ballots for, on two proposals
    assert prize["for_names"].endswith(" | Signe Ejersbo") and prize["for_count"] == "4 | –"
    assert prize["for_events"] == "2 | 3"  # each ballot's vote event: points 1 and 2 of the recommendation
    plain = run("export", "--format", "csv", "--body", "Gladsaxe Kommune", db=db).stdout
    assert "url" not in plain.splitlines()[0].split(",")


def test_export_of_vote_events_counts_events(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = run("export", "--format", "csv", "--motions", "--out", str(out), db=db)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert result.returncode == 0 and f"{len(rows)} afstemninger skrevet til {out}" in result.stderr


def test_export_for_excel_is_utf8_with_bom_and_semicolons(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "gladsaxe.csv"
    assert run("export", "--excel", *GLADSAXE, "--out", str(out), db=db).returncode == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfitem_id;meeting_id;body;")
    excel = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    plain = list(csv.DictReader(io.StringIO(run("export", "--format", "csv", *GLADSAXE, db=db).stdout)))
    assert excel == plain and any("Beskæftigelses" in row["organization"] for row in excel)
    refused = run("export", "--excel", "--format", "json", db=db)
    assert refused.returncode == 2 and "--excel skriver csv" in refused.stderr


def test_export_json_keeps_each_item_whole(db: Path) -> None:
    exported = json.loads(run("export", *GLADSAXE, db=db).stdout)
    facts = ["item_id", "meeting_id", "body", "organization", "date", "number", "title", "public", "case_number"]
    assert all(list(record) == [*facts, "url", "item"] for record in exported)
    assert {record["public"] for record in exported} == {True, False}  # JSON keeps its booleans
    assert exported[0]["url"] == f"{BASE_URL}/punkt/{exported[0]['item_id']}"
    assert {"sections", "votes", "decision", "span"} <= set(exported[0]["item"])
    without = json.loads(run("export", "--body", "Gladsaxe Kommune", db=db).stdout)
    assert list(without[0]) == [*facts, "item"]


def test_unknown_ids_are_one_clear_line(db: Path) -> None:
    result = run("show", "item", "ffffffff", db=db)
    assert result.returncode == 1 and result.stderr.strip() == "fejl no item with id 'ffffffff'"


def test_a_database_that_cannot_be_opened_is_one_clear_line(tmp_path: Path) -> None:
    result = run("stats", db=tmp_path / "no" / "such" / "folder" / "x.sqlite")
    assert result.returncode == 1
    assert result.stderr.startswith("fejl databasen sqlite:///")
    assert "Traceback" not in result.stderr


def test_a_batch_of_unnamed_clashing_and_agenda_documents_loses_nothing(tmp_path: Path) -> None:
    """Two files without a municipality on the same committee and date, a clash and an agenda: all kept."""
    from tests.test_store_identity import minutes

    folder = tmp_path / "in"
    folder.mkdir()
    named = "Vejle Kommune nævnes her. Vejle Kommune igen."
    (folder / "a.txt").write_bytes(minutes("Referat", ["Vejplan", "Cykelsti"]))
    (folder / "b.txt").write_bytes(minutes("Referat", ["Affaldsordning"]))
    (folder / "c-dagsorden.txt").write_bytes(minutes("Dagsorden", ["Skolevej"], "", body=named))
    (folder / "d-referat.txt").write_bytes(minutes("Referat", ["Skolevej"], body=named))
    (folder / "e-rettet.txt").write_bytes(minutes("Referat", ["Skolevej"], "Udsat.", body=named))
    db = tmp_path / "referat.sqlite"
    first = run("ingest", str(folder), db=db)
    assert "5 dokumenter: 4 gemt, 1 tilføjet" in first.stdout
    assert "e-rettet.txt: kept apart:" in first.stderr and "d-referat.txt holds the same items" in first.stderr
    again = run("ingest", str(folder), db=db)
    assert "1 afløst, 4 uændret" in again.stdout
    exported = run("export", "--format", "json", db=db)
    titles = sorted(item["title"] for item in json.loads(exported.stdout))
    assert titles == ["Affaldsordning", "Cykelsti", "Skolevej", "Skolevej", "Vejplan"]
    check = run("check", db=db)
    assert check.returncode == 0, check.stdout
    assert "5 dokumenter, 4 møder: 0 problemer, 1 sammenstød" in check.stdout
    assert "sammenstød" in check.stdout and "e-rettet.txt" in check.stdout


def test_a_damaged_pdf_in_the_middle_of_a_folder_is_named_and_the_rest_ingested(tmp_path: Path) -> None:
    from tests.test_extract_pdf_html import pdf_with_a_damaged_page

    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder)
    (folder / "hvidovre" / "beskadiget.pdf").write_bytes(pdf_with_a_damaged_page())
    db = tmp_path / "referat.sqlite"
    result = run("ingest", str(folder), db=db)
    assert result.returncode == 1
    assert "6 dokumenter: 5 gemt, 1 fejlede\n" in result.stdout
    assert "beskadiget.pdf: page 2 of the PDF is damaged and cannot be loaded" in result.stderr
    with sqlite3.connect(db) as connection:
        [(uri,)] = connection.execute("SELECT uri FROM ingest_failures").fetchall()
    assert uri.endswith("beskadiget.pdf")


def test_links_that_loop_or_lead_nowhere_are_named_and_linked_folders_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "lejre").mkdir(parents=True)
    shutil.copy(EXAMPLES / "lejre" / "2024-05-08-job-arbejdsmarked-og-integration.txt", folder / "lejre" / "a.txt")
    (folder / "lejre" / "tilbage").symlink_to("..")  # a loop
    (folder / "mangler.txt").symlink_to("findes-ikke.txt")  # dangling
    (folder / "sig-selv.txt").symlink_to("sig-selv.txt")  # a link to itself
    (folder / "gladsaxe").symlink_to(EXAMPLES / "gladsaxe")  # a linked folder is read
    result = run("ingest", str(folder), db=tmp_path / "referat.sqlite")
    assert "7 dokumenter: 4 gemt, 3 fejlede\n" in result.stdout
    assert "tilbage: a symbolic link to a folder that contains it (..): a loop, not followed" in result.stderr
    assert "mangler.txt: a symbolic link to a missing file (findes-ikke.txt)" in result.stderr
    assert "sig-selv.txt: a symbolic link that loops back on itself" in result.stderr


@pytest.fixture
def greve_votes(tmp_path: Path) -> Path:
    """Five Greve meetings with several vote events each."""
    path = tmp_path / "votes.sqlite"
    result = run("ingest", str(FIXTURES / "vote_events"), "--body", "Greve Kommune", db=path)
    assert result.returncode == 0, result.stderr
    return path


def test_export_one_row_per_vote_event_filtered_by_mover_and_result(greve_votes: Path) -> None:
    result = run(
        "export", "--motions", "--format", "csv", "--moved-by", "Ø", "--motion-result", "Forkastet", db=greve_votes
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    # only Ø's proposal that fell, not the other vote events of the same item
    assert [(r["title"], r["motion_number"], r["points"], r["result_label"]) for r in rows] == [
        ("Budget 2023-26 - 2. behandling", "1", "1a", "Forkastet")
    ]
    assert (rows[0]["for_parties"], rows[0]["for_count"], rows[0]["against_count"]) == ("Ø", "1", "19")
    every = json.loads(run("export", "--motions", "--base-url", "http://x.test", db=greve_votes).stdout)
    assert len(every) == sum(1 for _ in every) > 20
    amendment = next(m for m in every if m["kind"] == "amendment" and m["moved_by_parties"] == ["V"])
    assert amendment["url"].endswith(f"/punkt/{amendment['item_id']}#afstemning-{amendment['motion_number']}")
    assert {vote["option"] for vote in amendment["votes"]} == {"for", "against", "abstain"}


def test_search_takes_motion_filters_and_danish_outcome_labels(greve_votes: Path) -> None:
    found = json.loads(run("search", "", "--moved-by", "C", "--json", db=greve_votes).stdout)
    assert found["total"] == 3
    labelled = json.loads(run("search", "", "--outcome", "Godkendt", "--json", db=greve_votes).stdout)
    assert (
        labelled["total"]
        == json.loads(run("search", "", "--outcome", "approved", "--json", db=greve_votes).stdout)["total"]
        > 0
    )
    refused = run("search", "", "--motion-result", "maybe", db=greve_votes)
    assert refused.returncode == 2 and "ukendt resultat 'maybe'" in refused.stderr


def test_reread_parses_unchanged_documents_again(greve_votes: Path) -> None:
    again = run("ingest", str(FIXTURES / "vote_events"), "--body", "Greve Kommune", db=greve_votes)
    assert "5 dokumenter: 5 uændret\n" in again.stdout
    reread = run("ingest", str(FIXTURES / "vote_events"), "--body", "Greve Kommune", "--reread", db=greve_votes)
    assert "5 dokumenter: 5 genlæst\n" in reread.stdout
    assert "0 problemer" in run("check", db=greve_votes).stdout


def test_search_and_export_by_who_voted_how(greve_votes: Path) -> None:
    voted = json.loads(run("search", "", "--voted", "--json", db=greve_votes).stdout)
    not_voted = json.loads(run("search", "", "--not-voted", "--json", db=greve_votes).stdout)
    assert voted["total"] > 0 and voted["facets"]["vote"] == [["voted", voted["total"]]]
    assert (
        voted["total"] + not_voted["total"] == json.loads(run("search", "", "--json", db=greve_votes).stdout)["total"]
    )
    ø_against = json.loads(run("search", "", "--party", "Ø", "--vote", "imod", "--json", db=greve_votes).stdout)
    assert 0 < ø_against["total"] < voted["total"]
    rows = list(
        csv.DictReader(
            io.StringIO(run("export", "--format", "csv", "--party", "Ø", "--vote", "against", db=greve_votes).stdout)
        )
    )
    assert len(rows) == ø_against["total"] and all("Ø" in row["against_parties"] for row in rows)
    refused = run("search", "", "--vote", "maybe", db=greve_votes)
    assert refused.returncode == 2 and "ukendt stemme 'maybe'" in refused.stderr


def test_outcomes_and_votes_take_common_danish_words_and_show_danish_labels(greve_votes: Path) -> None:
    def total(*args: str) -> int:
        return int(json.loads(run("search", "", *args, "--json", db=greve_votes).stdout)["total"])

    assert total("--outcome", "afvist") == total("--outcome", "rejected") == total("--outcome", "Ikke godkendt") > 0
    assert total("--party", "Ø", "--vote", "nej") == total("--party", "Ø", "--vote", "against") > 0
    assert total("--party", "Ø", "--vote", "ja") == total("--party", "Ø", "--vote", "for") > 0
    refused = run("search", "", "--vote", "måske", db=greve_votes)
    assert refused.returncode == 2
    message = " ".join(refused.stderr.replace("│", " ").split())
    assert "for (For), against (Imod), abstain (Undlod); også: ja, nej" in message
    # codes in --json, Danish labels for a reader
    shown = run("search", "", "--outcome", "afvist", db=greve_votes).stdout
    assert "Ikke godkendt" in shown and "rejected" not in shown
    assert "udfald: Godkendt (" in shown or "udfald: Ikke godkendt (" in shown


def test_a_without_word_that_left_nothing_out_is_named(db: Path) -> None:
    result = run("search", "indsats", "--without", "nytteindsats", "--without", "cykelsti", db=db)
    assert result.returncode == 0
    assert "--without 'cykelsti': ikke blandt de ord, søgningen også fandt" in result.stderr
    assert "nytteindsats" not in result.stderr
    payload = json.loads(run("search", "indsats", "--without", "cykelsti", "--json", db=db).stdout)
    assert payload["not_found_without"] == ["cykelsti"]


def test_an_upgrade_that_indexes_every_item_again_shows_how_far_it_got(db: Path) -> None:
    with sqlite3.connect(db) as connection:  # as if stored by the referat before migration 15 indexed every item again
        connection.execute("DELETE FROM schema_migrations WHERE version >= 15")
    result = run("stats", db=db)
    assert result.returncode == 0, result.stderr
    assert "[52/52] punkter indekseret igen efter opgraderingen" in result.stderr.splitlines()
    assert "punkter indekseret igen" not in run("stats", db=db).stderr  # once only
