"""The `referat` command, run as a real subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES

LEJRE = EXAMPLES / "lejre" / "2024-05-08-job-arbejdsmarked-og-integration.txt"


def referat(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "referat", *args], capture_output=True, text=True, check=False)


def test_parse_one_file_prints_its_json() -> None:
    result = referat("parse", str(LEJRE))
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["meeting"]["organization"] == "Udvalget for Job, Arbejdsmarked og Integration"
    assert len(document["agenda_items"]) == 6


def test_parse_folder_writes_json_and_reports_the_bad_file(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(LEJRE, folder / "lejre.txt")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not minutes \x00")
    (folder / "notes.md").write_text("Indkøbsliste: mælk, brød og ost.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = referat("parse", str(folder), "--out", str(out))
    assert result.returncode == 1
    assert "lejre.txt: Lejre Kommune · Udvalget for Job, Arbejdsmarked og Integration" in result.stdout
    assert "1 af 3 dokumenter læst" in result.stdout
    assert f"{folder / 'broken.txt'}: this looks like binary data" in result.stderr
    assert f"{folder / 'notes.md'}: no minutes found" in result.stderr
    assert [p.name for p in out.iterdir()] == ["lejre.json"]


def test_missing_file_is_one_clear_line() -> None:
    result = referat("parse", "no/such/file.txt")
    assert result.returncode == 1
    assert result.stderr.strip() == "fejl no/such/file.txt: no such file"


def test_body_option_names_the_municipality() -> None:
    result = referat("parse", str(LEJRE), "--body", "Lejre Kommune (test)")
    assert json.loads(result.stdout)["meeting"]["body"] == "Lejre Kommune (test)"


def test_a_query_starting_with_a_dash_is_a_query(tmp_path: Path) -> None:
    db = str(tmp_path / "referat.sqlite")
    assert referat("ingest", str(LEJRE), "--db", db).returncode == 0
    result = referat("search", "-integration", "--db", db)
    assert result.returncode == 0, result.stderr
    assert "1 punkt matcher “-integration”" in result.stdout


def test_text_options_that_are_not_utf8_are_refused_in_one_line(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 reach Python as lone surrogates; no traceback, a usage error instead."""
    db = str(tmp_path / "referat.sqlite")
    assert referat("ingest", str(LEJRE), "--db", db).returncode == 0
    for args in (
        ["search", "budget", "--committee", b"\xff".decode("utf-8", "surrogateescape")],
        ["person", b"S\xf8ren".decode("utf-8", "surrogateescape")],
        ["ingest", str(LEJRE), "--body", b"\xe6\xf8\xe5".decode("utf-8", "surrogateescape")],
    ):
        result = referat(*args, "--db", db)
        assert result.returncode == 2, result.stderr
        assert "er ikke gyldig UTF-8-tekst" in result.stderr and "Traceback" not in result.stderr


def test_one_document_is_counted_in_the_singular(tmp_path: Path) -> None:
    result = referat("ingest", str(LEJRE), "--db", str(tmp_path / "referat.sqlite"))
    assert "1 dokument: 1 gemt\n" in result.stdout


def test_a_parse_corrected_by_hand_is_ingested_in_place_of_its_document(tmp_path: Path) -> None:
    db = str(tmp_path / "referat.sqlite")
    assert referat("ingest", str(LEJRE), "--db", db).returncode == 0
    document = json.loads(referat("parse", str(LEJRE)).stdout)
    document["agenda_items"][0]["title"] = "Rettet af en journalist"
    fixed = tmp_path / "rettet.json"
    fixed.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = referat("ingest", str(fixed), "--db", db)
    assert result.returncode == 0, result.stderr
    assert "1 dokument: 1 gemt\n" in result.stdout
    found = json.loads(referat("search", "journalist", "--db", db, "--json").stdout)
    assert [hit["title"] for hit in found["hits"]] == ["Rettet af en journalist"]
    assert json.loads(referat("search", "", "--db", db, "--json").stdout)["total"] == 6


def test_the_report_says_in_plain_danish_what_was_read_and_what_was_not(tmp_path: Path) -> None:
    result = referat("parse", str(LEJRE), "--report")
    report = result.stderr
    assert "Kommune: Lejre Kommune" in report and "Mødedato: 2024-05-08 kl. 16.30" in report
    assert "Punkter: 6, nr. 1–6, fundet ved overskrifter som “Punkt 1”." in report
    # the two counts of decisions agree, or the report says why they differ
    assert "Beslutning: 5 af 6 punkter har en beslutning." in report
    assert "Punkt 6 har overskriften “Beslutning”, men ingen tekst under den" in report
    assert "score" not in report and "steps by one" not in report
    # without a municipality in the text: "ukendt", and how to give it
    nameless = tmp_path / "uden-kommune.txt"
    nameless.write_text(
        "REFERAT Teknisk Udvalg d. 03-06-2024\n\nPunkt 1: Vejbelysning\n\nBeslutning\n\nGodkendt.\n", encoding="utf-8"
    )
    unnamed = referat("parse", str(nameless), "--report").stderr
    assert 'Kommune: ukendt – teksten nævner den ikke tydeligt; angiv den med --body "Navn Kommune"' in unnamed


def test_the_command_starts_without_the_heavy_libraries() -> None:
    """`referat --help` and every command's start stay fast: pydantic, SQLAlchemy, httpx and the
    readers are imported by the command that uses them, not by the command line itself."""
    probe = "import sys, referat.cli; print(' '.join(sorted(sys.modules)))"
    loaded = set(
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    )
    heavy = {"pydantic", "sqlalchemy", "httpx", "pypdfium2", "docx", "referat.parse.document", "referat.store.db"}
    assert not heavy & loaded
