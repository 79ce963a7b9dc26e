"""Word files in reading order: tables where they stand, list numbers from Word's definitions, heading styles.

tests/fixtures/structure.docx was written with python-docx (see tests/fixtures/README.md): its
lists are Word numbering definitions (no number is typed), one of them starting at 4.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from index.chunk import TABLE_PREFIX, chunk_document
from index.corpus import DocumentInfo
from index.extract import extract
from index.parse import parse_document

FIXTURES = Path(__file__).parent / "fixtures"
STRUCTURE = FIXTURES / "structure.docx"


@pytest.fixture(scope="module")
def structure():
    return extract(STRUCTURE)


def test_no_number_is_typed_in_the_fixture():
    paragraphs = [paragraph.text for paragraph in docx.Document(str(STRUCTURE)).paragraphs]
    assert "Promote the human rights of migrants." in paragraphs
    assert not any(text[:1].isdigit() for text in paragraphs)


def test_body_order_with_list_numbers_as_word_prints_them(structure):
    expected = (FIXTURES / "structure.expected.txt").read_text(encoding="utf-8").splitlines()
    assert structure.text.splitlines() == expected
    lines = structure.text.splitlines()
    # the table stands between the paragraphs around it, not at the end
    assert (
        lines.index("C. Calendar")
        < lines.index("\t\tDATE")
        < lines.index("The calendar may change with the Committee’s agenda.")
    )
    assert "3. Offer training on due process in migration proceedings" in lines  # goes on past a paragraph
    assert "b) by exchanging letters." in lines and "4. Exchange information on migration flows." in lines


def test_headings_come_from_paragraph_styles(structure):
    lines = structure.text.split("\n")
    styled = {lines[structure.text.count("\n", 0, offset)]: level for offset, level in structure.headings.items()}
    assert styled == {
        "Work Plan of the Committee on Migration Issues 2021": 1,
        "A. Objectives": 2,
        "B. Activities": 2,
        "C. Calendar": 2,
        "D. Member states": 2,
    }


def test_numbered_items_get_their_labels_and_the_table_its_rows(structure):
    blocks = parse_document(structure.text, structure.headings)
    labels = {block.text.split(" ", 1)[1][:25]: block.label for block in blocks if block.label}
    assert labels == {
        "Promote the human rights ": "item 1",
        "Exchange best practices a": "item 2",
        "Coordinate the initiative": "activity 1",
        "Enter into cooperation ag": "activity 2",
        "Offer training on due pro": "activity 3",  # its number goes on past the IACHR paragraph
        "Exchange information on m": "item 4",  # a list that starts at 4
        "Consider ratifying the in": "item 5",
    }
    info = DocumentInfo(file="structure.docx", title="Work Plan 2021", short="Work Plan 2021")
    chunks = chunk_document(structure.text, info, structure.headings)
    rows = [(chunk.context, chunk.text) for chunk in chunks if chunk.context.startswith(TABLE_PREFIX)]
    assert rows == [
        (f"{TABLE_PREFIX}DATE | ACTIVITY", "March 2021\nInformal meeting with the IACHR\nPresentation of the report"),
        (f"{TABLE_PREFIX}DATE | ACTIVITY", "May 2021\nAdoption of the Work Plan"),
    ]
    after = next(block for block in blocks if block.text.startswith("The calendar may change"))
    assert not after.in_table  # the paragraph after the table is not in its last cell


def test_a_heading_style_makes_a_heading_of_words_that_do_not_look_like_one(tmp_path):
    document = docx.Document()
    document.add_paragraph("what the member states agreed in the first year", style="Heading 2")
    document.add_paragraph("They agreed to exchange information on migration flows every quarter.")
    path = tmp_path / "styled.docx"
    document.save(path)
    extracted = extract(path)
    blocks = parse_document(extracted.text, extracted.headings)
    assert blocks[0].is_heading and blocks[1].path == ["what the member states agreed in the first year"]
    assert not parse_document(extracted.text)[0].is_heading  # the words alone would not make it one
