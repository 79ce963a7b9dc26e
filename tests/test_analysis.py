"""How the bot reads a message, table-driven: tests/data/analysis.toml holds the cases in four languages
(small talk, personal cases, listings, kinds of answer, acronyms, years, items, documents, follow-ups)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from index.documents import Analyser, DocumentCatalogue
from index.language import Question, analyse
from index.store import chunk_corpus
from tests.conftest import CORPUS

CASES = tomllib.loads((Path(__file__).parent / "data" / "analysis.toml").read_text(encoding="utf-8"))["case"]
FIELDS = (
    "intent",
    "detail",
    "lang",
    "role",
    "topic",
    "asked_item",
    "listing",
    "which_document",
    "greeting",
)


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    chunks, _ = chunk_corpus(CORPUS)
    return Analyser(DocumentCatalogue(chunks), chunks)


def _read(case: dict, analyser: Analyser) -> Question:
    fallback = case.get("fallback", "en")
    previous = analyser.analyse(case["previous"], fallback_lang=fallback) if "previous" in case else None
    return analyser.analyse(
        case["text"], fallback_lang=fallback, previous=previous, previous_topic=case.get("previous_topic")
    )


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_analysis(case: dict, analyser: Analyser) -> None:
    question = _read(case, analyser)
    for name in FIELDS:
        if name in case:
            assert getattr(question, name) == case[name], name
    if "small_talk_lang" in case:
        assert (question.small_talk_lang or "") == case["small_talk_lang"]
    if "lang_in" in case:
        assert question.lang in case["lang_in"]
    if "answer_types" in case:
        assert list(question.answer_types) == case["answer_types"]
    if "actors" in case:
        assert list(question.actors) == case["actors"]
    if "years" in case:
        assert sorted(question.years) == case["years"]
    if "labels" in case:
        assert sorted(question.labels) == sorted(case["labels"])
    if "symbols" in case:
        assert question.symbols == case["symbols"]
    if "documents" in case:
        assert list(question.documents) == case["documents"]
    if "places" in case:
        assert list(question.places) == case["places"]
    if "resolved" in case:
        assert question.text == case["resolved"]
        if "previous" in case:
            assert question.typed == (case["text"] if case["resolved"] != case["text"] else None)
        else:
            assert question.corrected == (case["text"] if case["resolved"] != case["text"] else None)
    for words in case.get("not_in", []):
        assert words not in question.text


def test_the_same_reading_with_or_without_the_corpus(analyser: Analyser) -> None:
    """The corpus only adds the documents a question names."""
    text = "What did the 2009 annual report say about PAHO workshops?"
    alone, with_corpus = analyse(text), analyser.analyse(text)
    assert (alone.intent, alone.actors, alone.years, alone.terms) == (
        with_corpus.intent,
        with_corpus.actors,
        with_corpus.years,
        with_corpus.terms,
    )
    assert alone.documents == () and with_corpus.documents == ("annual-report-2009.txt",)


def test_a_long_message_is_cut_and_invisible_characters_are_dropped() -> None:
    long = analyse("activity 9 " + "x" * 5000)
    assert long.truncated and len(long.text) == 1000 and long.labels == ["activity 9"]
    assert analyse("\u200b\u200b\u200d").intent == "empty"
    assert analyse("act\u200bivity 9").labels == ["activity 9"]


def test_a_question_is_read_into_what_search_needs() -> None:
    question = analyse("  ¿Qué le pide el Programa   a la CIDH?  ")
    assert question.text == "¿Qué le pide el Programa a la CIDH?"
    assert question.folded == "¿que le pide el programa a la cidh?"
    assert question.lang == "es" and "IACHR" in question.search_text and "iachr" in question.terms
    assert "programa" not in question.terms  # translated words are searched in English only
