"""PDFs read by their layout: paragraphs, running headers and footers, hyphenation, lists, tables, pages.

tests/fixtures/layout.pdf was printed by LibreOffice from a Word file (see tests/fixtures/README.md);
layout.expected.txt holds the lines as they were written, before printing.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from index.chunk import TABLE_PREFIX, chunk_document
from index.corpus import DocumentInfo
from index.extract import extract
from index.parse import parse_document
from index.pdf import pages as _pages
from tests.pdfs import pdf_bytes, pdf_writer

FIXTURES = Path(__file__).parent / "fixtures"
LAYOUT = FIXTURES / "layout.pdf"
EXPECTED = (FIXTURES / "layout.expected.txt").read_text(encoding="utf-8").splitlines()
HEADER = "OEA/Ser.W CIDI/CAM/doc.7/21"


@pytest.fixture(scope="module")
def layout():
    return extract(LAYOUT)


def test_every_paragraph_comes_back_whole_as_one_line(layout):
    assert layout.text.splitlines() == EXPECTED


def test_running_header_footer_and_page_one_block_are_not_text(layout):
    printed = " ".join(word.text for _, page, _ in _pages(LAYOUT) for word in page[0])
    assert printed.count("CIDI/CAM/doc.7/21") == 3 and re.search(r"- 3 -", printed)  # they are printed
    assert "CIDI/CAM/doc.7/21" not in layout.text
    assert not re.search(r"^- ?\d+ ?-$", layout.text, re.M)
    assert "Original: English" not in layout.text
    assert layout.page_one_header[:4] == ["OEA/Ser.W", "CIDI/CAM/doc.7/21", "Dated 12 March 2021", "Original: English"]


def test_hyphenated_line_ends_are_joined_and_compounds_keep_their_hyphen(layout):
    cut = []  # the words the printer cut at a line end: "comprehen-" + "sive"
    for _, page, _ in _pages(LAYOUT):
        words = page[0]
        cut += [
            (word.text, following.text)
            for word, following in itertools.pairwise(words)
            if word.text.endswith("-") and following.top > word.top + 5 and word.text[-2:-1].isalpha()
        ]
    assert len(cut) >= 5, "the fixture must hyphenate words at line ends"
    source = "\n".join(EXPECTED)
    for stem, rest in cut:
        rest_word = re.match(r"[\w’'-]*", rest).group(0)
        joined, kept = stem[:-1] + rest_word, stem + rest_word
        expected = kept if kept in source and joined not in source else joined
        assert expected in layout.text, (stem, rest)
    for compound in ("long-term", "gender-based", "self-employment", "Inter-American"):
        assert compound in layout.text


def test_wrapped_numbered_items_keep_their_numbers_and_are_never_items_themselves(layout):
    blocks = parse_document(layout.text, layout.headings)
    labelled = [(block.label, block.text[:40]) for block in blocks if block.label]
    assert [label for label, _ in labelled] == [f"activity {n}" for n in range(1, 7)]
    assert labelled[5][1].startswith("6. Support the member states")  # wrapped over a page break
    assert not any(block.is_heading and block.text.startswith(HEADER) for block in blocks)


def test_a_table_row_goes_with_its_column_headers_across_the_page_break(layout):
    info = DocumentInfo(file="layout.pdf", title="Work plan 2021", short="Work plan 2021")
    chunks = chunk_document(layout.text, info, layout.headings)
    for chunk in chunks:
        chunk.page = layout.page_at(chunk.start)
    rows = [chunk for chunk in chunks if chunk.context.startswith(TABLE_PREFIX)]
    assert rows and all(chunk.context == f"{TABLE_PREFIX}DATE | ACTIVITY | RESPONSIBLE" for chunk in rows)
    july = next(chunk for chunk in rows if "July 2021" in chunk.text)
    assert "migrant caravans" in july.text and "Presentation of the conclusions" in july.text
    august = next(chunk for chunk in rows if "August 2021" in chunk.text)
    assert "Informal meeting number 8 of the Committee with the Program actors" in august.text  # split by the page
    assert sum(chunk.text.count("DATE") for chunk in chunks) == 0  # the header row repeated on page 3 is not a row
    assert layout.page_at(layout.text.index("6. Support the member states")) == "2"  # item 6 starts page 2
    assert next(chunk for chunk in rows if "October 2021" in chunk.text).page == "3"


def test_lines_set_in_bold_are_marked_as_headings(layout):
    lines = {layout.text.count("\n", 0, offset): offset for offset in layout.headings}
    marked = [layout.text.split("\n")[number] for number in sorted(lines)]
    assert marked == [
        "WORK PLAN OF THE COMMITTEE ON MIGRATION ISSUES FOR 2021",
        "I. BACKGROUND",
        "II. SUGGESTED ACTIVITIES",
        "III. SCHEDULE OF MEETINGS",
        "IV. FINAL PROVISIONS",
    ]


def _pdf(pages: list[bytes]) -> bytes:
    """A PDF whose pages have these (Flate-compressed) content streams, Helvetica as F1."""
    return pdf_bytes(pdf_writer(pages, compressed=True))


def test_a_page_whose_content_inflates_beyond_reason_is_left_out_not_read(tmp_path, caplog):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_pdf([b"BT /F1 12 Tf 20 200 Td (Readable first page.) Tj ET", b" " * 40_000_000]))
    assert path.stat().st_size < 200_000
    extracted = extract(path)
    assert extracted.text == "Readable first page."
    assert "left out" in caplog.text and "[2]" in caplog.text


def test_a_page_number_alone_at_the_foot_of_a_short_document_is_not_text(tmp_path):
    path = tmp_path / "note.pdf"
    body = b"BT /F1 12 Tf 20 250 Td (The Committee met on migrant workers.) Tj ET"
    path.write_bytes(_pdf([body + b" BT /F1 10 Tf 190 30 Td (- 7 -) Tj ET"]))
    extracted = extract(path)
    assert extracted.text == "The Committee met on migrant workers."
    assert extracted.pages == [(0, "7")]  # the printed number is the page's label
