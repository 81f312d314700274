"""Decode bytes to text, detecting the encoding: RawDocument -> str.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are recognised exactly; UTF-16 without a BOM
by its NUL-byte pattern; anything else goes to charset-normalizer, limited to the single-byte
encodings Danish text is actually found in, so it cannot pick an exotic code page for noise.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from referat.errors import ExtractError
from referat.extract.lines import check_line_count
from referat.sources.raw import RawDocument

BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
SINGLE_BYTE_CANDIDATES = ["cp1252", "latin_1", "iso8859_15", "cp865", "cp850", "mac_roman"]
# Control characters other than tab, newline, carriage return and form feed mean binary data.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
NEWLINE = re.compile(r"\r\n|\r|\n")
MAX_CONTROL_SHARE = 0.01


def decode_text(raw: RawDocument) -> tuple[str, str]:
    """Return the text and the name of the encoding it was read with."""
    text, encoding = _decode(raw)
    if text.strip() == "":
        raise ExtractError(raw.uri, "the document contains no text")
    controls = len(CONTROL.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise ExtractError(raw.uri, f"this looks like binary data, not text ({controls} control characters)")
    return text, encoding


def _decode(raw: RawDocument) -> tuple[str, str]:
    data = raw.data
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise ExtractError(raw.uri, f"invalid {encoding} after its byte order mark: {exc.reason}") from exc
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise ExtractError(raw.uri, "this looks like binary data, not text (NUL bytes)")
    best = from_bytes(data, cp_isolation=SINGLE_BYTE_CANDIDATES).best()
    if best is None:
        raise ExtractError(raw.uri, "cannot detect the text encoding")
    return str(best), best.encoding


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of mostly Latin letters has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def split_lines(text: str, uri: str) -> list[str]:
    """Split on any newline style, keeping line numbers as an editor shows them; refuse more lines
    than the limit before any is made (counting is fast, making them is not)."""
    check_line_count(uri, text.count("\n") + text.count("\r") - text.count("\r\n") + 1)
    return NEWLINE.split(text)
