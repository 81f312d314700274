"""DOCX extraction on documents built for one behaviour each, bad input, and a real Acadre document."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from referat.errors import ExtractError
from referat.extract import Line, extract
from referat.parse.document import parse_document
from referat.sources.files import find_documents, read_file
from referat.sources.raw import RawDocument
from tests.conftest import FIXTURES

SYDDJURS = FIXTURES / "syddjurs" / "referat-puk-2013-06-20.docx"
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
VML = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def _bytes(document: Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _lines(data: bytes, uri: str = "referat.docx") -> list[Line]:
    extracted = extract(RawDocument(uri=uri, data=data))
    assert extracted.format == "docx"
    return [line for line in extracted.lines if line.text]


def _texts(data: bytes) -> list[str]:
    return [line.text for line in _lines(data)]


def _minutes() -> Document:
    """A small meeting: title, headings, bold and mixed paragraphs, two lists, a table, a running
    header and footer, and a paragraph after the table."""
    document = docx.Document()
    document.core_properties.title = "Referat Økonomiudvalget 12. marts 2024"
    section = document.sections[0]
    section.header.paragraphs[0].text = "Greve Kommune - løbende sidehoved"
    section.footer.paragraphs[0].text = "Side 1 af 3 - sidefod"
    document.add_heading("Referat", level=0)
    document.add_heading("1. Godkendelse af dagsorden", level=1)
    document.add_heading("Beslutning", level=2)
    bold = document.add_paragraph()
    bold.add_run("Godkendt.").bold = True
    bold.add_run(" ")  # a blank run does not make the line plain
    mixed = document.add_paragraph()
    mixed.add_run("Fraværende: ").bold = True
    mixed.add_run("Anna Hansen (A)")
    bold_style = document.styles.add_style("Fremhævet afsnit", WD_STYLE_TYPE.PARAGRAPH)
    bold_style.font.bold = True
    document.add_paragraph("Ved stemmeafgivning", style=bold_style)
    item_style = document.styles.add_style("Dagsordenpunkt", WD_STYLE_TYPE.PARAGRAPH)
    item_style.base_style = document.styles["Heading 1"]
    document.add_paragraph("2. Budget 2025", style=item_style)
    document.add_paragraph().add_run("Protokollat", style="Strong")
    for text in ("at godkende budgettet", "at sende sagen i høring", "at orientere byrådet"):
        document.add_paragraph(text, style="List Number")
    for text in ("Anna Hansen", "Bo Jensen"):
        document.add_paragraph(text, style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Bilag"
    table.cell(0, 1).text = "Titel"
    table.cell(1, 0).text = "1"
    cell = table.cell(1, 1)
    cell.text = "Budgetnotat 2025"
    cell.add_paragraph("(revideret udgave)")
    document.add_paragraph("Mødet hævet kl. 17.30.")
    return document


def test_headings_take_their_level_from_the_style() -> None:
    levels = {line.text: line.level for line in _lines(_bytes(_minutes()))}
    assert levels["Referat"] == 1  # Title
    assert levels["1. Godkendelse af dagsorden"] == 1
    assert levels["Beslutning"] == 2
    assert levels["2. Budget 2025"] == 1  # a style based on Heading 1
    assert levels["Godkendt."] == 0


def test_a_line_is_bold_when_every_run_with_text_is_bold() -> None:
    bold = {line.text: line.bold for line in _lines(_bytes(_minutes()))}
    assert bold["Godkendt."] is True
    assert bold["Fraværende: Anna Hansen (A)"] is False
    assert bold["Protokollat"] is True  # a bold character style on the run
    assert bold["Ved stemmeafgivning"] is True  # a bold paragraph style
    assert bold["Mødet hævet kl. 17.30."] is False


def test_lists_keep_their_markers() -> None:
    texts = _texts(_bytes(_minutes()))
    assert "1. at godkende budgettet" in texts
    assert "2. at sende sagen i høring" in texts
    assert "3. at orientere byrådet" in texts
    assert "- Anna Hansen" in texts
    assert "- Bo Jensen" in texts


def test_a_numbering_instance_starts_from_its_override_and_numbering_can_be_switched_off() -> None:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    # abstractNum 7 is the template's decimal list behind "List Number"
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="20"><w:abstractNumId w:val="7"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
        )
    )
    for text, num_id in (("at godkende", 20), ("at anbefale", 20), ("Ikke en del af listen", 0)):
        paragraph = document.add_paragraph(text, style="List Number")
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
        )
    assert _texts(_bytes(document)) == ["5. at godkende", "6. at anbefale", "Ikke en del af listen"]


def test_table_rows_are_tab_separated_and_a_cells_paragraphs_joined() -> None:
    lines = _lines(_bytes(_minutes()))
    texts = [line.text for line in lines]
    assert "Bilag\tTitel" in texts
    assert "1\tBudgetnotat 2025 (revideret udgave)" in texts
    # body paragraphs and tables in document order
    assert texts.index("- Bo Jensen") < texts.index("Bilag\tTitel") < texts.index("Mødet hævet kl. 17.30.")


def test_paragraphs_and_tables_are_followed_by_a_blank_line() -> None:
    lines = extract(RawDocument(uri="referat.docx", data=_bytes(_minutes()))).lines
    texts = [line.text for line in lines]
    assert texts[texts.index("Beslutning") + 1] == ""
    assert texts[texts.index("Bilag\tTitel") + 1] == "1\tBudgetnotat 2025 (revideret udgave)"
    assert texts[texts.index("1\tBudgetnotat 2025 (revideret udgave)") + 1] == ""
    assert [line.number for line in lines] == list(range(1, len(lines) + 1))


def test_page_headers_and_footers_are_not_lines_and_the_title_is_kept() -> None:
    extracted = extract(RawDocument(uri="referat.docx", data=_bytes(_minutes())))
    text = "\n".join(line.text for line in extracted.lines)
    assert "sidehoved" not in text
    assert "sidefod" not in text
    assert extracted.title == "Referat Økonomiudvalget 12. marts 2024"


def test_no_title_without_one_in_the_properties() -> None:
    document = docx.Document()
    document.add_paragraph("Referat")
    assert extract(RawDocument(uri="referat.docx", data=_bytes(document))).title is None


def test_merged_cells_are_read_once_and_nested_tables_flattened() -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Punkt 1: Budget"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Beslutning"
    table.cell(1, 1).text = "Godkendt"
    table.cell(1, 2).text = "5 for"
    table.cell(2, 1).text = "Udsat"
    table.cell(2, 2).text = "2 imod"
    layout = document.add_table(rows=1, cols=2)
    for cell, names in zip(
        layout.rows[0].cells, (["Anna Hansen (A)", "Bo Jensen (V)"], ["Carl Berg (C)"]), strict=True
    ):
        members = cell.add_table(rows=len(names), cols=1)
        for row, name in zip(members.rows, names, strict=True):
            row.cells[0].text = name
    assert _texts(_bytes(document)) == [
        "Punkt 1: Budget",
        "Beslutning\tGodkendt\t5 for",
        "Udsat\t2 imod",  # the cell under the vertical merge is empty, so the row starts after it
        "Anna Hansen (A)",
        "Bo Jensen (V)",
        "Carl Berg (C)",
    ]


def test_paragraphs_in_content_controls_are_read_in_place() -> None:
    document = docx.Document()
    document.add_paragraph("Før")
    document.add_paragraph("Efter")._p.addprevious(
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent>"
            "<w:p><w:r><w:t>Mødested: Rådhuset</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        )
    )
    assert _texts(_bytes(document)) == ["Før", "Mødested: Rådhuset", "Efter"]


def test_line_breaks_tabs_and_no_break_spaces() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    run = paragraph.add_run("Sagsnr.:\t24/1234\u00a0 ")
    run.add_break()
    paragraph.add_run("Sagen  afgøres i:\u00a0Byrådet")
    assert _texts(_bytes(document)) == ["Sagsnr.: 24/1234", "Sagen afgøres i: Byrådet"]


def test_field_results_and_text_boxes_are_text_once() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Se side ")
    for run in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> PAGEREF _Toc1 \\h </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r><w:t>3</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(run.replace("<w:r>", f"<w:r {nsdecls('w')}>", 1)))
    box = "<w:txbxContent><w:p><w:r><w:t>Mødeleder: Anna Hansen</w:t></w:r></w:p></w:txbxContent>"
    anchor = document.add_paragraph("Deltagere")
    anchor._p.append(
        parse_xml(
            f"<w:r {nsdecls('w')} {MC} {WPS} {VML}><mc:AlternateContent>"
            f'<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing>'
            "</mc:Choice>"
            f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>"
        )
    )
    document.add_paragraph("Efter boksen")
    assert _texts(_bytes(document)) == ["Se side 3", "Deltagere", "Mødeleder: Anna Hansen", "Efter boksen"]


# --- bad input ----------------------------------------------------------------------------------


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("uri", "data", "reason"),
    [
        ("referat.docx", "Referat af mødet\n".encode(), "the file is named .docx but is not a DOCX"),
        (
            "referat.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "WordDocument".encode("utf-16-le"),
            "a Word 97-2003 .doc file; save it as .docx or PDF",
        ),
        (
            "referat.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptedPackage".encode("utf-16-le"),
            "an encrypted (password-protected) Word document",
        ),
        ("referat.xlsx", _zip({"xl/workbook.xml": b"<workbook/>"}), "a ZIP archive without word/document.xml"),
        ("referat.docx", _zip({"word/document.xml": b"<w:document"}), "a damaged DOCX"),
    ],
)
def test_unreadable_word_files_say_why(uri: str, data: bytes, reason: str) -> None:
    with pytest.raises(ExtractError, match=f"^{uri}: ") as error:
        extract(RawDocument(uri=uri, data=data))
    assert reason in str(error.value)


def test_a_value_python_docx_cannot_read_is_damage() -> None:
    document = docx.Document()
    document.add_paragraph()._p.append(
        parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:b w:val="maybe"/></w:rPr><w:t>Godkendt</w:t></w:r>')
    )
    with pytest.raises(ExtractError, match=r"a damaged DOCX: .*maybe"):
        extract(RawDocument(uri="referat.docx", data=_bytes(document)))


def _without_parts(data: bytes, *parts: str) -> bytes:
    """The package with some parts and their relationships taken out, as producers that print no
    lists (or use no styles) write it."""
    members: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            member = archive.read(name)
            if name == "word/_rels/document.xml.rels":
                for part in parts:
                    member = re.sub(rb'<Relationship [^>]*Target="' + part.encode() + rb'"/>', b"", member)
            if name.removeprefix("word/") not in parts:
                members[name] = member
    return _zip(members)


@pytest.mark.parametrize("parts", [("numbering.xml",), ("styles.xml",), ("numbering.xml", "styles.xml")])
def test_a_docx_without_numbering_or_styles_is_read(parts: tuple[str, ...]) -> None:
    data = _without_parts(_bytes(_minutes()), *parts)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert not {f"word/{part}" for part in parts} & set(archive.namelist())
    texts = _texts(data)
    assert "Godkendt." in texts
    assert "at godkende budgettet" in " ".join(texts)


def test_a_truncated_docx_is_damaged() -> None:
    data = SYDDJURS.read_bytes()
    with pytest.raises(ExtractError, match="a damaged DOCX: not a readable ZIP archive"):
        extract(RawDocument(uri="referat.docx", data=data[: len(data) // 2]))


def test_a_docx_without_text_is_refused() -> None:
    with pytest.raises(ExtractError, match="the DOCX contains no text"):
        extract(RawDocument(uri="tom.docx", data=_bytes(docx.Document())))


def test_the_format_is_told_by_the_content_not_the_name() -> None:
    extracted = extract(RawDocument(uri="referat.bin", data=_bytes(_minutes())))
    assert extracted.format == "docx"


def test_folders_yield_docx_files(tmp_path: Path) -> None:
    (tmp_path / "referat.docx").write_bytes(_bytes(_minutes()))
    assert [path.name for path in find_documents(tmp_path)] == ["referat.docx"]


# --- a real document: Syddjurs Kommune, Acadre's template ----------------------------------------


def test_syddjurs_acadre_docx() -> None:
    extracted = extract(read_file(SYDDJURS))
    lines = [line for line in extracted.lines if line.text]
    by_text = {line.text: line for line in lines}
    assert extracted.format == "docx"
    assert by_text["715. Kulturkommune 2017. Politiske fokusområder"].level == 1  # a heading in a table cell
    assert by_text["Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 20-06-2013"].level == 2
    assert "Punktet blev drøftet." in by_text
    assert "Sagsnr.:\t12/27845" in by_text
    assert "Jesper Mathiesen (A)" in by_text  # the member list, tables inside a table
    assert "- Hvad vil du gerne have opnået i 2017?" in by_text  # a bulleted list
    # the running header ("Referat For Udvalget …  Side 1") is in header parts, not in the body
    assert not any(line.text.startswith("Side") for line in lines)


def test_syddjurs_docx_parses_into_agenda_items() -> None:
    document = parse_document(read_file(SYDDJURS))
    assert document.source.format == "docx"
    assert document.agenda_items
