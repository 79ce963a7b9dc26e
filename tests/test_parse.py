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
