"""Parsing keeps the documents' structure: objectives, activities with actors, headings, offsets."""

from __future__ import annotations

import itertools

from bot.answering.catalogue import Catalogue
from index.chunk import MAX_CHUNK_CHARS
from index.corpus import load_manifest, read_text
from index.parse import clean_line, parse_document
from index.store import chunk_corpus
from index.text import collapse_whitespace, split_sentences
from tests.conftest import CORPUS


def _program_chunks():
    chunks, _ = chunk_corpus(CORPUS)
    return chunks, [c for c in chunks if c.doc == "program-2016.txt"]


def test_program_has_3_general_12_specific_objectives_and_42_activities():
    _, program = _program_chunks()
    labels = [c.label for c in program if c.label]
    assert [label for label in labels if label.startswith("general objective")] == [
        f"general objective {n}" for n in range(1, 4)
    ]
    assert [label for label in labels if label.startswith("specific objective")] == [
        f"specific objective {n}" for n in range(1, 13)
    ]
    assert [label for label in labels if label.startswith("activity")] == [f"activity {n}" for n in range(1, 43)]


def test_every_activity_has_its_actor():
    chunks, _ = _program_chunks()
    catalogue = Catalogue(chunks)
    activities = catalogue.program_items("activity")
    assert len(activities) == 42 and all(item.actor_id for item in activities)
    expected = {
        1: "GS",
        4: "CAM",
        9: "IACHR",
        12: "CIM",
        15: "IIN",
        17: "PAHO",
        21: "MEMBER_STATES",
        42: "MEMBER_STATES",
    }
    by_number = {item.number: item.actor_id for item in activities}
    assert {n: by_number[n] for n in expected} == expected
    assert [i.number for i in catalogue.activities_for("IACHR")] == [7, 8, 9, 10, 11]


def test_section_paths_name_part_actor_and_item():
    _, program = _program_chunks()
    activity_9 = next(c for c in program if c.label == "activity 9")
    assert activity_9.section_path == (
        "Program (2016 revision) › V. SUGGESTED SPECIFIC ACTIVITIES › "
        "Inter-American Commission on Human Rights (IACHR) › activity 9"
    )


def test_offsets_point_at_the_text_in_the_file():
    chunks, _ = _program_chunks()
    texts = {doc.file: read_text(CORPUS / doc.file) for doc in load_manifest(CORPUS)}
    for chunk in chunks:
        span = texts[chunk.doc][chunk.start : chunk.end]
        original = collapse_whitespace(" ".join(clean_line(line) for line in span.splitlines()))
        first_sentence = chunk.text.split("\n")[-1][:60]
        assert collapse_whitespace(first_sentence) in original, chunk.id


def test_chunks_are_short_enough_for_a_chat():
    chunks, _ = chunk_corpus(CORPUS)
    assert max(len(c.text) for c in chunks) <= 1.5 * MAX_CHUNK_CHARS


def test_long_paragraph_is_cut_at_sentence_ends_with_overlap():
    from index.chunk import chunk_document
    from index.corpus import DocumentInfo

    sentences = [f"Sentence number {n} says something about migrants and their rights." for n in range(40)]
    chunks = chunk_document("I. PART\n" + " ".join(sentences) + "\n", DocumentInfo(file="x.txt", title="X", short="X"))
    assert len(chunks) > 2
    assert all(len(c.text) <= MAX_CHUNK_CHARS and c.text.endswith("rights.") for c in chunks)
    for before, after in itertools.pairwise(chunks):
        assert split_sentences(after.text) and after.text.split(". ")[0] in before.text  # one sentence shared


def test_lone_markers_and_tables_and_nested_roman_lists():
    text = "I.\nINTRODUCTION\nSome text here.\nII.  Report\nA.  Health Organization (PAHO):\nI.  2008 activities\nDid things.\nII.  Planned\nWill do things.\n\tDATE\n\tACTIVITY\nMarch 2019\nA meeting.\n"
    blocks = parse_document(text)
    headings = [b.path[-1] for b in blocks if b.is_heading]
    assert headings[0] == "I. INTRODUCTION"
    planned = next(b for b in blocks if b.text == "Will do things.")
    assert planned.path == ["II. Report", "A. Health Organization (PAHO)", "II. Planned"]
    meeting = next(b for b in blocks if b.text == "A meeting.")
    assert "March 2019" not in meeting.path  # table cells are data, not headings


def test_sentence_splitter_keeps_symbols_and_abbreviations():
    text = "Pursuant to AG/RES. 2738 (XLII-O/12), the CAM was created. Dr. Mark Fleming helped the U.S. Rapporteur. Then it ended."
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert sentences[0].endswith("was created.") and "AG/RES. 2738" in sentences[0]
    assert len(sentences) == 3


def _chunks_of(text: str):
    from index.chunk import chunk_document
    from index.corpus import DocumentInfo

    return chunk_document(text, DocumentInfo(file="x.txt", title="X", short="X Plan", date="2019-02-01"))


def test_list_items_keep_their_lead_in_in_what_is_indexed():
    items = "\n".join(
        f"· Item {n} is a recommendation about the protection of migrant workers in region {n} of the Americas."
        for n in range(1, 13)
    )
    text = f"I. RECOMMENDATIONS\nThe Commission recommends that governments should:\n{items}\n"
    chunks = _chunks_of(text)
    assert len(chunks) >= 2
    later = next(c for c in chunks if "Item 12" in c.text)
    assert "recommends that governments should:" not in later.text  # shown text: the document's words
    assert later.context == "The Commission recommends that governments should:"
    assert "governments should:" in later.embedding_text and "Item 12" in later.embedding_text


def test_embedded_text_is_prefixed_with_document_year_and_section():
    chunk = _chunks_of("I. MANDATES\nA. General Assembly\nThe General Assembly adopted a resolution on migrants.\n")[0]
    assert chunk.text == "The General Assembly adopted a resolution on migrants."
    assert chunk.embedding_text.startswith("X Plan (2019) › I. MANDATES › A. General Assembly:\n")


def test_headings_without_a_body_become_one_outline_passage_never_a_lone_heading():
    text = (
        "I. ACTORS OF THE PROGRAM\nA. Organs of the OAS\n1. The Committee on Migration Issues (CAM):\n"
        "2. The Inter-American Commission on Human Rights (IACHR):\nB. Specialized organisms:\n"
        "1. Inter-American Commission of Women (CIM):\nII. CALENDAR\nThe calendar of informal meetings follows below.\n"
    )
    chunks = _chunks_of(text)
    outline = [c for c in chunks if "(CAM)" in c.text]
    assert len(outline) == 1 and "(IACHR)" in outline[0].text and "(CIM)" in outline[0].text
    for chunk in chunks:
        assert len(chunk.text) >= 40 or chunk.label, chunk.text


def test_short_scraps_merge_into_a_neighbour():
    text = (
        "ANNUAL REPORT ON THE ACTIVITIES OF THE PROGRAM FOR THE HUMAN RIGHTS OF MIGRANTS\n2009 ANNUAL MEETING\n"
        "[AG/RES. 2289 (XXXVII-O/07)]\nI. Introduction\nMigration is not a new phenomenon: it is a constant of history.\n"
    )
    chunks = _chunks_of(text)
    assert not any(c.text.strip() in {"2009 ANNUAL MEETING", "[AG/RES. 2289 (XXXVII-O/07)]"} for c in chunks)
    assert any("2009 ANNUAL MEETING" in c.text for c in chunks)


def test_word_field_codes_and_footnote_markers_are_stripped():
    assert (
        clean_line(
            '\ufffd.\tSee: \ufffd HYPERLINK "http://www.oas.org/x.pdf" \\o "blocked::http://x" \ufffdwww.oas.org/x.pdf\ufffd'
        )
        == "See: www.oas.org/x.pdf"
    )
    text = (
        "I. FINDINGS\n· The IACHR issued Resolution 2/18 on Forced Migration of Venezuelans,\n"
        "/ in which it urged OAS member states to comply with 15 recommendations.\n"
        "\ufffd.\tTemporary residents include, among others, students and retirees.\n"
    )
    blocks = [b for b in parse_document(text) if not b.is_heading]
    assert blocks[0].text.endswith(
        "Venezuelans, in which it urged OAS member states to comply with 15 recommendations."
    )
    assert blocks[1].text == "Temporary residents include, among others, students and retirees."
    assert not any("\ufffd" in b.text or "HYPERLINK" in b.text for b in blocks)


def test_table_rows_are_indexed_on_one_line_under_their_column_headers():
    text = (
        "CALENDAR OF ACTIVITIES\n\tDATE\n\tACTIVITY\n\tFEBRUARY – 2019\n"
        "\t1. Circulation of the Work Plan of the CAM Vice Chair to follow up on the Inter-American Program.\n"
        "\tMARCH – 2019\n\tInformal meeting of the CAM with personnel from the Inter-American Commission of Women.\n"
    )
    chunks = _chunks_of(text)
    march = next(c for c in chunks if "MARCH" in c.text)
    assert march.context == "Columns: DATE | ACTIVITY"
    assert "MARCH – 2019 | Informal meeting of the CAM" in march.embedding_text
    assert "DATE" not in march.text and "FEBRUARY" not in march.text
