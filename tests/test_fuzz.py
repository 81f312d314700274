"""Any input, including binary noise, yields a valid model or a clear ReferatError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referat.errors import ReferatError
from referat.model import ParsedDocument
from referat.parse.document import parse_document
from referat.sources.raw import RawDocument

# Words and lines that steer the parser into its rules, mixed with arbitrary text.
FRAGMENTS = st.sampled_from(
    [
        "REFERAT Økonomiudvalget 2022-2025 d. 31-05-2023",
        "Punkt 1: Godkendelse",
        "Punkt 2: Lukket: Sag",
        "Beslutning",
        "Beslutning i Byrådet den 05-09-2022",
        "Indstilling",
        "Direktøren indstiller til X at anbefale over for Y og Z",
        "1. at godkende",
        "Ad 1. at:",
        "Ad 1.-2. Anbefales godkendt.",
        "For: Gruppe A og C.",
        "X (A) og Y stemte imod med henvisning til følgende protokollat: ”",
        "Relateret behandling",
        "Udvalget 31.02.2023, punkt 99",
        "jf. Byrådet 01.01.0000, punkt 1",
        "Kommende behandlingsforløb",
        "Sagens forløb",
        "32/13/2024 Udvalget",
        "Bilag",
        "Afbud:",
        "Mødedeltagere A (B), (C",
        "Mødedato d. 99. maj 2023 kl. 25:99",
        "Indholdsfortegnelse",
        "Titel.....\t3",
        "## **Resumé**",
        "|--|--|",
        "Side 1 af 2",
    ]
)
LINES = st.lists(st.one_of(FRAGMENTS, st.text(max_size=80)), max_size=40).map("\n".join)


def check(data: bytes) -> None:
    try:
        document = parse_document(RawDocument(uri="fuzz.txt", data=data))
    except ReferatError as exc:
        assert "fuzz.txt" in str(exc)
        return
    assert ParsedDocument.model_validate_json(document.model_dump_json()) == document


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_binary_noise(data: bytes) -> None:
    check(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES, st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_minutes_like_text(text: str, encoding: str) -> None:
    check(text.encode(encoding, errors="replace"))
